/// Where a binding applies: everywhere, or on one screen (whose own bindings win).
public enum BindingScope: Hashable, Sendable, Comparable {
    case global
    case screen(ScreenID)

    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .screen(let id): return id.title
        }
    }
}

/// One entry of the keybinding registry: the single source for the hint bar, the F-key bar, the
/// `?` help overlay, the command palette and the generated key table in docs/keys.md.
public struct Binding: Hashable, Sendable {
    public var keys: [[Key]]
    public var action: Action
    /// Two or three words for the hint bar and F-key bar ("add", "undo").
    public var short: String
    /// One sentence for the help overlay, the palette and docs/keys.md.
    public var long: String
    public var scope: BindingScope
    /// Shown in the hint bar at the bottom of its screen.
    public var hint: Bool
    /// Offered in the command palette (`:`).
    public var inPalette: Bool
    /// Changes the document (refused in read-only mode; marked in help).
    public var edits: Bool

    public init(_ keys: [String], _ action: Action, _ short: String, _ long: String,
                scope: BindingScope = .global, hint: Bool = false, inPalette: Bool = true, edits: Bool = false) {
        self.keys = keys.compactMap(Key.parseSequence)
        self.action = action
        self.short = short
        self.long = long
        self.scope = scope
        self.hint = hint
        self.inPalette = inPalette
        self.edits = edits
    }

    /// The keys in written form, e.g. `k, Up`.
    public var keyText: String { keys.map(describe).joined(separator: ", ") }

    /// The F-key in this binding, if any (for the F-key bar).
    public var functionKey: Int? {
        for seq in keys { if seq.count == 1, case .function(let n) = seq[0] { return n } }
        return nil
    }
}
