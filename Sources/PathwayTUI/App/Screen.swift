import PathwayModel

/// One screen of the app. A screen is a value: its state lives in the conforming struct,
/// `handle` is its update function and `draw` its view. Adding a screen means writing one
/// struct (see docs/ui.md) and listing it in `ScreenRegistry.standard`.
public protocol Screen: Sendable {
    var id: ScreenID { get }
    /// Brings derived data up to date after the document changed (compare `document.version`).
    mutating func refresh(_ document: Document)
    /// Reacts to an action or an answer from a prompt, picker or confirmation.
    mutating func handle(_ event: ScreenEvent, _ context: inout ScreenContext)
    /// Draws the screen's content into `area` of the buffer.
    func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext)
    /// What the cursor is on, for "comment on this" and the status line.
    var selectedSubject: Subject? { get }
    /// A line for the status bar when nothing else is said (e.g. "12 of 14,000 competencies").
    var statusText: String { get }
    /// True while the screen has work to do between keys (e.g. a search index built in slices
    /// so that the first `/` does not wait for it).
    var hasBackgroundWork: Bool { get }
    /// Does some of that work while `keepGoing` says so (at least one small step); the host
    /// calls it between keys while the screen is shown. Returns true when what the screen draws
    /// changed (the host draws it again).
    mutating func doBackgroundWork(_ document: Document, while keepGoing: () -> Bool) -> Bool
    /// For a screen made by its descriptor's `prepare` and not yet visited: whether it still
    /// has to build what it draws for this document.
    func needsPreparing(_ document: Document) -> Bool
    /// Builds some of that while `keepGoing` says so (at least one small step). The app calls it
    /// between keys, before the checks; `refresh` finishes whatever is left on the first visit.
    mutating func prepareSome(_ document: Document, while keepGoing: () -> Bool)
}

extension Screen {
    public var selectedSubject: Subject? { nil }
    public var statusText: String { "" }
    public var hasBackgroundWork: Bool { false }
    public mutating func doBackgroundWork(_ document: Document, while keepGoing: () -> Bool) -> Bool { false }
    public func needsPreparing(_ document: Document) -> Bool { false }
    public mutating func prepareSome(_ document: Document, while keepGoing: () -> Bool) {}
}

/// How a screen is registered: its id, the key that opens it, its bindings, and how to make it.
public struct ScreenDescriptor: Sendable {
    public var id: ScreenID
    /// The key that opens the screen from anywhere (e.g. `1`), also listed as an F-key where set.
    public var keys: [String]
    /// One sentence for help and the palette ("Go to the competency map").
    public var summary: String
    public var bindings: [Binding]
    public var make: @Sendable (Document) -> any Screen
    /// The screen asks `Document.engineContext()` when built or refreshed: the app then has the
    /// document make the engine's index first and keep it, for the checks and the other screens.
    public var usesEngine: Bool
    /// Makes the screen with what it draws still to be built (`Screen.prepareSome`), so the
    /// app can build it between keys before its first visit; nil: built on the first visit only.
    public var prepare: (@Sendable (Document) -> any Screen)?

    public init(id: ScreenID, keys: [String], summary: String, bindings: [Binding], usesEngine: Bool = false,
                prepare: (@Sendable (Document) -> any Screen)? = nil,
                make: @escaping @Sendable (Document) -> any Screen) {
        self.id = id
        self.keys = keys
        self.summary = summary
        self.bindings = bindings
        self.usesEngine = usesEngine
        self.prepare = prepare
        self.make = make
    }

    /// The action that opens this screen.
    public var openAction: Action { Action("go-" + id.rawValue) }
}

/// What a screen receives.
public enum ScreenEvent: Sendable, Equatable {
    case action(Action)
    /// The `/` filter text changed (live, as typed); empty clears it.
    case filter(String)
    /// A text prompt was answered.
    case submitted(tag: String, text: String)
    /// A yes/no question was answered yes.
    case confirmed(tag: String)
    /// A picker item was chosen (its id).
    case picked(tag: String, id: String)
    /// Another screen asked to show this thing (e.g. a finding was chosen).
    case focus(Subject)
}

/// A request from a screen to the app, collected while it handles an event.
public enum ScreenRequest: Sendable {
    case commit(ChangeSet)
    case status(String, StatusKind)
    case prompt(Prompt)
    case confirm(Confirmation)
    case pick(Picker)
    case open(ScreenID, Subject?)
}

/// What a screen may read and ask for while handling an event.
public struct ScreenContext: Sendable {
    public let document: Document
    public let isReadOnly: Bool
    /// Rows of content the screen had when last drawn (for page up/down).
    public let pageSize: Int
    public let keys: KeyRegistry
    /// Today's date from the session (the UI reads no clock); nil when the host gives none.
    public let today: Day?
    /// Columns of the screen's area when last drawn (for sideways scrolling).
    public let width: Int
    public private(set) var requests: [ScreenRequest] = []

    public init(document: Document, isReadOnly: Bool, pageSize: Int, keys: KeyRegistry, today: Day? = nil,
                width: Int = 80) {
        self.document = document
        self.isReadOnly = isReadOnly
        self.pageSize = pageSize
        self.keys = keys
        self.today = today
        self.width = width
    }

    public var catalog: Catalog { document.catalog }

    /// Saves a change (refused with a message in read-only mode).
    public mutating func commit(_ changes: ChangeSet) { requests.append(.commit(changes)) }
    public mutating func status(_ text: String, _ kind: StatusKind = .info) { requests.append(.status(text, kind)) }
    public mutating func prompt(_ p: Prompt) { requests.append(.prompt(p)) }
    public mutating func confirm(_ c: Confirmation) { requests.append(.confirm(c)) }
    public mutating func pick(_ p: Picker) { requests.append(.pick(p)) }
    public mutating func open(_ screen: ScreenID, _ subject: Subject? = nil) { requests.append(.open(screen, subject)) }

    /// For edits: says no and returns false in read-only mode, so a screen can stop early.
    public mutating func mayEdit() -> Bool {
        if isReadOnly { status(StatusText.readOnlyRefusal, .error) }
        return !isReadOnly
    }
}

/// What a view may read while drawing.
public struct DrawContext: Sendable {
    public let document: Document
    public let glyphs: Glyphs
    public let isReadOnly: Bool
    public let keys: KeyRegistry

    public init(document: Document, glyphs: Glyphs, isReadOnly: Bool, keys: KeyRegistry) {
        self.document = document
        self.glyphs = glyphs
        self.isReadOnly = isReadOnly
        self.keys = keys
    }

    public var catalog: Catalog { document.catalog }
}

public enum StatusText {
    public static let readOnlyRefusal = "Read-only: this database was opened for review, so nothing was changed."
}

/// How a status message is coloured.
public enum StatusKind: Sendable, Hashable {
    case info, saved, error
}
