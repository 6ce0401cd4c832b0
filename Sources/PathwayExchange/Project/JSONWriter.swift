/// Writes JSON the same way every time, so that a project file kept in git shows small diffs.
///
/// Two-space indentation; keys in the order given (the encoder fixes one order per entity); an
/// list made only of plain values, or a small object (up to three plain members, such as a
/// competency mapping), stays on one line when it fits in `lineWidth` columns; otherwise every
/// member gets its own line. Text is written as UTF-8, unescaped.
struct JSONWriter {
    var lineWidth = 100
    private var out: [UInt8] = []

    static func write(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.out.reserveCapacity(1 << 16)
        writer.emit(value, indent: 0)
        writer.out.append(0x0A)
        return writer.out
    }

    /// A number as JSON text: whole numbers without a decimal point, others in the shortest
    /// form that reads back to the same `Double`.
    static func number(_ d: Double) -> JSONValue {
        d.isFinite ? .number(numberText(d)) : .null
    }

    static func numberText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(describing: d)
    }

    private mutating func emit(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .number(let n): append(n)
        case .string(let s): appendString(s)
        case .array(let items):
            if items.isEmpty { append("[]"); return }
            if let flat = JSONWriter.flat(value), indent + flat.count <= lineWidth { out.append(contentsOf: flat); return }
            append("[\n")
            for (i, item) in items.enumerated() {
                pad(indent + 2)
                emit(item.value, indent: indent + 2)
                append(i + 1 < items.count ? ",\n" : "\n")
            }
            pad(indent)
            append("]")
        case .object(let members):
            if members.isEmpty { append("{}"); return }
            if indent > 0, members.count <= 3, let flat = JSONWriter.flat(value), indent + flat.count <= lineWidth {
                out.append(contentsOf: flat); return
            }
            append("{\n")
            for (i, m) in members.enumerated() {
                pad(indent + 2)
                appendString(m.key)
                append(": ")
                emit(m.value.value, indent: indent + 2)
                append(i + 1 < members.count ? ",\n" : "\n")
            }
            pad(indent)
            append("}")
        }
    }

    /// The one-line form of a list or object whose members are all plain values; nil otherwise.
    private static func flat(_ value: JSONValue) -> [UInt8]? {
        var w = JSONWriter()
        switch value {
        case .array(let items):
            w.append("[")
            for (i, item) in items.enumerated() {
                guard item.value.isScalar else { return nil }
                if i > 0 { w.append(", ") }
                w.emit(item.value, indent: 0)
            }
            w.append("]")
        case .object(let members):
            w.append("{")
            for (i, m) in members.enumerated() {
                guard m.value.value.isScalar else { return nil }
                if i > 0 { w.append(", ") }
                w.appendString(m.key)
                w.append(": ")
                w.emit(m.value.value, indent: 0)
            }
            w.append("}")
        default:
            return nil
        }
        return w.out
    }

    private mutating func pad(_ n: Int) { out.append(contentsOf: repeatElement(0x20, count: n)) }

    private mutating func append(_ s: String) { out.append(contentsOf: s.utf8) }

    private mutating func appendString(_ s: String) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}

extension JSONValue {
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}
