/// Names a screen. An open set like `Action`: a new screen adds a static constant in its folder.
public struct ScreenID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public let title: String
    /// Position in menus and the key table.
    public let order: Int

    public init(_ rawValue: String, title: String, order: Int) {
        self.rawValue = rawValue
        self.title = title
        self.order = order
    }

    public static func == (a: ScreenID, b: ScreenID) -> Bool { a.rawValue == b.rawValue }
    public func hash(into h: inout Hasher) { h.combine(rawValue) }
    public static func < (a: ScreenID, b: ScreenID) -> Bool { (a.order, a.rawValue) < (b.order, b.rawValue) }
    public var description: String { rawValue }
}

/// A thing in the document that a screen can show, a finding can point at, or a comment can
/// concern. Used to jump from one screen to another ("open this credential").
public enum Subject: Hashable, Sendable, CustomStringConvertible {
    case framework(String)
    case competency(framework: String, code: String)
    case credential(String)
    case pathway(String)
    case learner(String)

    public var description: String {
        switch self {
        case .framework(let c): return "framework \(c)"
        case .competency(let f, let c): return "competency \(f)/\(c)"
        case .credential(let c): return "credential \(c)"
        case .pathway(let c): return "pathway \(c)"
        case .learner(let n): return "learner \(n)"
        }
    }
}
