import PathwayModel

/// The first screen: what the document holds, how healthy it is, and what changed lately.
/// Every row is something to open.
public struct OverviewScreen: Screen {
    public var id: ScreenID { .overview }

    /// One line of the overview list: a section heading or an item to open.
    public struct Row: Hashable, Sendable {
        public var heading: Bool
        public var label: String
        public var detail: String
        public var subject: Subject?
        public var screen: ScreenID?
    }

    public var rows: [Row] = []
    /// Indexes into `rows` shown (all, or those matching the filter); headings are kept.
    public var shown: [Int] = []
    public var cursor = ListCursor()
    public var filter = ""
    /// The search text of `rows` (label and detail, lower-cased), made on the first filter.
    var search: SearchIndex?
    /// The most serious findings, as many as the problems box can show, taken once per
    /// document version rather than sorted out of every finding on each frame.
    var problems: [Finding] = []
    static let problemsKept = 64

    public init(document: Document) { refresh(document) }

    public static let descriptor = ScreenDescriptor(
        id: .overview, keys: ["1"], summary: "Go to the overview: counts, problems and recent items",
        bindings: OverviewScreen.bindings, make: { OverviewScreen(document: $0) })

    public var selectedRow: Row? {
        shown.indices.contains(cursor.selected) ? rows[shown[cursor.selected]] : nil
    }

    public var selectedSubject: Subject? { selectedRow?.subject }

    public var statusText: String {
        let items = shown.filter { !rows[$0].heading }.count
        return "\(items) item\(items == 1 ? "" : "s") · Enter opens the selected one"
    }
}
