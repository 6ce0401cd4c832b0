/// A JSON value that keeps object members in file order, so exports are stable and readable and
/// importers can report exact paths. Numbers keep their source text for faithful round trips.
public enum JSONTree: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([(String, JSONTree)])

    public static func == (a: JSONTree, b: JSONTree) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case .bool(let b): h.combine(b)
        case .number(let n): h.combine(n)
        case .string(let s): h.combine(s)
        case .array(let a): h.combine(a)
        case .object(let o): for (k, v) in o { h.combine(k); h.combine(v) }
        }
    }

    /// A member of an object (the first with that name), or nil.
    public subscript(_ key: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var array: [JSONTree]? { if case .array(let a) = self { return a } else { return nil } }
    public var members: [(String, JSONTree)]? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }
    /// Neither a list nor an object.
    public var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// An integer number, when the value is one that fits.
    public var int: Int? {
        guard case .number(let text) = self else { return nil }
        if let i = Int(text) { return i }
        if let d = Double(text), d.rounded() == d, abs(d) < 1e15 { return Int(d) }
        return nil
    }

    public var double: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// A number written the shortest way that reads back the same (2, 2.5), never as 2.0 or in
    /// exponent form for ordinary values; null for infinity and NaN, which JSON cannot hold.
    public static func number(_ value: Double) -> JSONTree {
        value.isFinite ? .number(numberText(value)) : .null
    }

    /// The text of a finite number as `number(_:)` writes it, also for messages ("5 or more").
    public static func numberText(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    public static func number(_ value: Int) -> JSONTree { .number(String(value)) }

    /// A kind name for messages: "an object", "a string", …
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// Builds objects in a readable way, leaving out members whose value is nil.
public struct JSONTreeObject {
    public private(set) var members: [(String, JSONTree)] = []
    public init() {}
    public mutating func set(_ key: String, _ value: JSONTree?) {
        guard let value else { return }
        members.append((key, value))
    }
    public mutating func set(_ key: String, _ text: String?) {
        guard let text else { return }
        members.append((key, .string(text)))
    }
    public var value: JSONTree { .object(members) }
}
