/// Something a key can do. An open set: each screen declares its own actions in an extension,
/// so a new screen never edits a central list.
///
/// The raw value is the name used in keys.conf (`quit`, `pathway.add-credential`).
public struct Action: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: Action, b: Action) -> Bool { a.rawValue < b.rawValue }
}

extension Action {
    // Moving around
    public static let up = Action("up")
    public static let down = Action("down")
    public static let left = Action("left")
    public static let right = Action("right")
    public static let pageUp = Action("page-up")
    public static let pageDown = Action("page-down")
    public static let top = Action("top")
    public static let bottom = Action("bottom")
    public static let open = Action("open")
    public static let nextFocus = Action("next-pane")
    public static let previousFocus = Action("previous-pane")
    // Application
    public static let back = Action("back")
    public static let quit = Action("quit")
    public static let help = Action("help")
    public static let palette = Action("command-palette")
    public static let filter = Action("filter")
    public static let findNext = Action("next-match")
    public static let findPrevious = Action("previous-match")
    public static let cancel = Action("cancel")
    public static let undo = Action("undo")
    public static let redo = Action("redo")
    public static let switchTheme = Action("switch-theme")
}
