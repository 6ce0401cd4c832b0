import PathwayModel

/// Everything on screen, as a value: the document, each screen's state, the open overlay, the
/// status line, undo and redo. `App` changes it key by key; `AppView` draws it.
public struct AppState: Sendable {
    public var document: Document
    /// The state of each screen visited so far (a screen is built on its first visit).
    public var screens: [ScreenID: any Screen]
    /// Screens being built between keys before their first visit (those whose descriptor can
    /// `prepare` them); the first visit moves one to `screens`.
    var prepared: [ScreenID: any Screen] = [:]
    public var descriptors: [ScreenDescriptor]
    /// The screen shown, and the ones to go back to with `q`.
    public var current: ScreenID
    public var history: [ScreenID] = []
    public var overlay: Overlay?
    public var status = StatusLine()
    public var undoStack: [ChangeSet] = []
    public var redoStack: [ChangeSet] = []
    /// Keys of a sequence typed so far (the first `g` of `gg`).
    public var pendingKeys: [Key] = []
    public var width: Int
    public var height: Int
    public var glyphs: Glyphs
    public var keys: KeyRegistry
    public var isReadOnly: Bool
    public var documentName: String
    public var themeName: String
    public var themeNames: [String]
    /// The filter typed with `/` on each screen (shown in the status line).
    public var filters: [ScreenID: String] = [:]
    /// The document version each screen last refreshed for.
    var seenVersion: [ScreenID: Int] = [:]
    public var shouldQuit = false
    /// Imports, exports and restores: the job for the backend, and what was typed last.
    public var exchange = ExchangeState()

    /// Smallest terminal the screens are laid out for.
    public static let minimumWidth = 60
    public static let minimumHeight = 15

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    public var screen: any Screen { screens[current]! }

    /// Rows of content between the title bar and the three bottom bars.
    public var contentArea: Rect { Rect(x: 0, y: 1, width: width, height: max(0, height - 4)) }
}

/// The one-line message at the bottom: what just happened, or what went wrong.
public struct StatusLine: Hashable, Sendable {
    public var text = ""
    public var kind = StatusKind.info
    public init(text: String = "", kind: StatusKind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// What is drawn over the screen and takes the keys while open.
public enum Overlay: Sendable {
    case help(HelpOverlay)
    case palette(PaletteOverlay)
    case filter(TextField)
    case prompt(PromptOverlay)
    case confirm(Confirmation)
    case picker(PickerOverlay)
    case exchange(ExchangeOverlay)

    public var name: String {
        switch self {
        case .help: return "help"
        case .palette: return "palette"
        case .filter: return "filter"
        case .prompt: return "prompt"
        case .confirm: return "confirm"
        case .picker: return "picker"
        case .exchange: return "exchange"
        }
    }
}

/// The `?` overlay: every binding of the screen, filtered as you type.
public struct HelpOverlay: Sendable {
    public var query = TextField()
    public var cursor = ListCursor()
    public var rows: [Binding]
}

/// The `:` overlay: every command, fuzzy-filtered, Enter runs it.
public struct PaletteOverlay: Sendable {
    public struct Command: Sendable, Hashable {
        public var action: Action
        public var title: String
        public var keys: String
        public var scope: String
    }
    public var query = TextField()
    public var cursor = ListCursor()
    public var commands: [Command]
    public var matches: [Int]
}

public struct PromptOverlay: Sendable {
    public var prompt: Prompt
    public var field: TextField
    public var screen: ScreenID
}

public struct PickerOverlay: Sendable {
    public var picker: Picker
    public var query = TextField()
    public var matches: [Int]
    public var cursor: ListCursor
    public var screen: ScreenID
}

/// Fuzzy matching for the palette: every character of the query appears in order.
enum Fuzzy {
    static func score(_ query: String, _ text: String) -> Int? {
        if query.isEmpty { return 0 }
        let q = Array(query.lowercased()), t = Array(text.lowercased())
        var qi = 0, score = 0, last = -2
        for (i, c) in t.enumerated() where qi < q.count && c == q[qi] {
            score += (i == last + 1) ? 3 : 1
            if i == 0 || t[i - 1] == " " || t[i - 1] == "-" { score += 2 }
            last = i
            qi += 1
        }
        return qi == q.count ? score : nil
    }
}
