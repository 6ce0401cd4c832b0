import PathwayModel

extension Action {
    static let pickCoveragePathway = Action("coverage.pick-pathway")
    static let openCompetency = Action("coverage.open-competency")
    static let toggleExtraRows = Action("coverage.show-also-taught")
    static let firstColumn = Action("coverage.first-column")
    static let lastColumn = Action("coverage.last-column")
}

/// The coverage matrix: a pathway's target competencies (rows) against its credentials
/// (columns) as a heat map, so a designer sees at a glance what is taught where, at what
/// level, what is missing and what is taught twice.
public struct CoverageScreen: Screen {
    public var id: ScreenID { .coverage }

    /// The pathway shown; the first one until another is picked.
    public var pathwayCode: String?
    public var matrix: CoverageMatrix?
    /// Indexes into `matrix.rows` shown (all, or those matching the filter).
    public var shown: [Int] = []
    public var rowCursor = ListCursor()
    public var columnCursor = ListCursor()
    /// Also list competencies the credentials teach outside the target.
    public var showExtra = false
    public var filter = ""

    public init(document: Document) { refresh(document) }

    public static let descriptor = ScreenDescriptor(
        id: .coverage, keys: ["5"], summary: "Go to the coverage matrix: target competencies against a pathway's credentials",
        bindings: CoverageScreen.bindings, usesEngine: true, make: { CoverageScreen(document: $0) })

    public var selectedRow: CoverageMatrix.Row? {
        guard let m = matrix, shown.indices.contains(rowCursor.selected) else { return nil }
        return m.rows[shown[rowCursor.selected]]
    }

    public var selectedColumn: CoverageMatrix.Column? {
        guard let m = matrix, m.columns.indices.contains(columnCursor.selected) else { return nil }
        return m.columns[columnCursor.selected]
    }

    public var selectedSubject: Subject? {
        selectedRow.map { .competency(framework: $0.key.framework, code: $0.key.code) }
    }

    /// What the selected cell says, in words.
    public var statusText: String {
        guard let m = matrix else { return "No pathway to show: add one on the pathways screen." }
        guard let row = selectedRow, let col = selectedColumn else {
            return m.rows.isEmpty ? "The pathway's target lists no competencies yet." : ""
        }
        let level = row.levels[columnCursor.selected]
        var text = level.map { "\(col.code) teaches \(row.title) at EQF \($0.value)" } ?? "\(col.code) does not teach \(row.title)"
        if let r = row.required { text += " (target EQF \(r.value))" }
        if row.overlaps.contains(columnCursor.selected) { text += "; overlaps another credential" }
        return text
    }
}

/// How the matrix is laid out in a given width: shared by update (sideways scrolling) and view.
struct CoverageLayout {
    let titleWidth: Int
    let requiredWidth = 4
    let statusWidth = 12
    let columnWidth: Int
    let visibleColumns: Int

    /// Rows above the matrix body: the summary (2), the box top, two header rows.
    static let rowsAbove = 5
    /// Rows below it: the legend and the box bottom.
    static let rowsBelow = 2

    init(width: Int, columns: [CoverageMatrix.Column]) {
        let inside = max(0, width - 2)
        titleWidth = max(14, min(40, inside / 3))
        let longest = columns.map { TextWidth.of($0.code) }.max() ?? 6
        columnWidth = max(6, min(12, longest + 2))
        let fixed = titleWidth + requiredWidth + statusWidth
        visibleColumns = max(1, (inside - fixed) / columnWidth)
    }

    /// Matrix rows that fit in a content area of `height` rows.
    static func bodyRows(height: Int) -> Int { max(1, height - rowsAbove - rowsBelow) }
}
