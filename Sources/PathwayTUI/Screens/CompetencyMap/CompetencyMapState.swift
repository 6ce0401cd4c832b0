import PathwayModel

extension Action {
    static let mapAddChild = Action("map.add-child")
    static let mapAddSibling = Action("map.add-sibling")
    static let mapEditTitle = Action("map.edit-title")
    static let mapEditDescription = Action("map.edit-description")
    static let mapCycleType = Action("map.cycle-type")
    static let mapDelete = Action("map.delete")
    static let mapMoveUp = Action("map.move-up")
    static let mapMoveDown = Action("map.move-down")
    static let mapIndent = Action("map.indent")
    static let mapOutdent = Action("map.outdent")
    static let mapChooseFramework = Action("map.choose-framework")
    static let mapNewFramework = Action("map.new-framework")
    static let mapExpandAll = Action("map.expand-all")
    static let mapCollapseAll = Action("map.collapse-all")
}

/// The competency map: one framework as a collapsible tree, a detail pane, and a `/` filter over
/// titles and descriptions that stays instant at 14,000 competencies.
public struct CompetencyMapScreen: Screen {
    public var id: ScreenID { .competencyMap }

    /// The framework shown (nil when the document has none).
    public var framework: String?
    public var expanded: Set<String> = []
    public var cursor = ListCursor()
    public var filter = ""
    /// Rows shown now, as indexes into `outline`: the expanded tree, or the matches of the
    /// filter with their ancestors.
    public var rows: [Int] = []
    /// Whether each node matches the filter (drawn highlighted; `n`/`N` jump between them).
    var matchFlags: [Bool] = []
    public var matchCount = 0

    // Derived from the document once per change, reused for every keystroke.
    /// The framework's nodes in display order, as flat arrays (see `MapOutline`).
    var outline = MapOutline()
    /// Title, description and code of the nodes for the filter: the catalog's own strings,
    /// searched in place (see `MapSearchText`). Gathered between keys a slice at a time after
    /// each change (`doBackgroundWork`), or at the first `/` if that comes sooner.
    var searchText = MapSearchText()
    /// The catalog version and framework the derived data above was built for.
    var seenVersion = -1
    var builtFramework: String?
    /// How many times the outline was built (tests check that small edits keep it).
    var outlineBuilds = 0
    /// The outline being built a step at a time between keys (before the map's first visit),
    /// with the catalog version its steps read; `refresh` finishes it.
    var pending: (builder: MapOutlineBuilder, version: Int)?
    /// After a build a key waited for, at scale: the builder still reading which credentials
    /// teach each node (for the catalog version `seenVersion`), a few a step between keys. The
    /// outline is drawn meanwhile without coverage marks.
    var coverage: MapOutlineBuilder?
    /// From this many credentials up, a key waiting for the outline does not wait for its
    /// coverage too (about 4 ms at ESCO scale): it is read between keys after the frame.
    static let deferCoverageFrom = 512
    /// Matches of the queries typed lately, so a letter added only narrows the last matches.
    var filterCache = FilterCache()
    /// A framework code typed in the first step of "new framework", waiting for its title.
    var pendingFrameworkCode: String?
    /// The competency to select after the next refresh (one just added or moved).
    var pendingSelection: String?

    public init(document: Document) { refresh(document) }

    /// The map with its outline still to be built, in steps between keys (`prepareSome`).
    init(preparing document: Document) {
        chooseFramework(document.catalog)
    }

    public static let descriptor = ScreenDescriptor(
        id: .competencyMap, keys: ["2"], summary: "Go to the competency map of a framework",
        bindings: CompetencyMapScreen.bindings, prepare: { CompetencyMapScreen(preparing: $0) },
        make: { CompetencyMapScreen(document: $0) })

    /// The outline index of the selected row.
    var selectedIndex: Int? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }
    /// The code of the selected competency.
    public var selectedCode: String? { selectedIndex.map { outline.codes[$0] } }
    /// The selected competency, as the catalog has it now.
    public func selectedCompetency(in catalog: Catalog) -> Competency? {
        guard let fw = framework, let code = selectedCode else { return nil }
        return catalog.competencies[CompetencyKey(framework: fw, code: code)]
    }
    /// The codes of the rows shown, in order.
    public var rowCodes: [String] { rows.map { outline.codes[$0] } }
    /// The codes matching the filter.
    public var matches: Set<String> { Set(outline.indices.filter { matchFlags.indices.contains($0) && matchFlags[$0] }.map { outline.codes[$0] }) }
    func isMatch(row i: Int) -> Bool { matchFlags.indices.contains(rows[i]) && matchFlags[rows[i]] }
    func row(of code: String) -> Int? { outline.index(of: code).flatMap { i in rows.firstIndex(of: i) } }

    public var selectedSubject: Subject? {
        if let fw = framework, let code = selectedCode { return .competency(framework: fw, code: code) }
        return framework.map(Subject.framework)
    }

    public var statusText: String {
        guard framework != nil else { return "No framework yet: press F to create one." }
        if !filter.isEmpty { return "\(matchCount) of \(outline.count) competencies match" }
        return "\(outline.count) competencies · Enter/l expands, h collapses"
    }
}
