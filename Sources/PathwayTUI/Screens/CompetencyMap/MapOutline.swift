import PathwayModel

/// One framework's competencies in display order (depth first, siblings by position then code),
/// as a few flat arrays: what the map needs to draw, expand, collapse and filter 14,000 rows
/// without a `Competency` copy or a dictionary per node. Codes share their storage with the
/// catalog. Built in one pass per change that reads of each competency only its key, parent
/// and position: everything else the map shows (titles, descriptions) is looked up for the few
/// rows drawn, since touching 14,000 titles scattered over the heap costs more than the rest.
struct MapOutline: Sendable {
    /// Each node's key (the catalog's own, shared: copying a key retains one box, reading its
    /// code would retain the string as well).
    private(set) var keys: [CompetencyKey] = []
    /// Each node's code, read from its key when asked for.
    var codes: Codes { Codes(keys: keys) }
    /// Each node's title, only when asked for (`titles: true`; review lists every row's title).
    private(set) var titles: [String] = []
    /// Index of the parent, -1 for a root.
    private(set) var parents: [Int32] = []
    /// One past the last descendant: node `i`'s subtree is `i..<ends[i]`.
    private(set) var ends: [Int32] = []
    private(set) var depths: [Int32] = []
    /// Credentials teaching each node (in credential code order, the highest level each teaches
    /// it at): node `i`'s are `coveringCodes[coveringStart[i]..<coveringStart[i + 1]]`. Empty
    /// when built without coverage.
    private var coveringStart: [Int32] = []
    private var coveringCodes: [String] = []
    private var coveringLevels: [EQFLevel] = []

    var count: Int { keys.count }
    var indices: Range<Int> { 0..<keys.count }

    /// The codes of the nodes, as a collection over `keys`.
    struct Codes: RandomAccessCollection {
        let keys: [CompetencyKey]
        var startIndex: Int { 0 }
        var endIndex: Int { keys.count }
        subscript(i: Int) -> String { keys[i].code }
    }

    init() {}

    /// With `coverage`, also which credentials teach each node (the map shows it; review does
    /// not); with `titles`, each node's title. Built in one go: `MapOutlineBuilder` run to the end.
    init(catalog: Catalog, framework: String, coverage withCoverage: Bool = true, titles withTitles: Bool = false) {
        var builder = MapOutlineBuilder(framework: framework, coverage: withCoverage, titles: withTitles)
        self = builder.finish(catalog)
    }

    /// An outline from its parts (what `MapOutlineBuilder` made); `coveringStart` empty when
    /// built without coverage.
    init(keys: [CompetencyKey], titles: [String], parents: [Int32], ends: [Int32], depths: [Int32],
         coveringStart: [Int32] = [], coveringCodes: [String] = [], coveringLevels: [EQFLevel] = []) {
        self.keys = keys
        self.titles = titles
        self.parents = parents
        self.ends = ends
        self.depths = depths
        self.coveringStart = coveringStart
        self.coveringCodes = coveringCodes
        self.coveringLevels = coveringLevels
    }

    /// The same outline with coverage (from `MapOutlineBuilder`'s last steps).
    func withCoverage(start: [Int32], codes: [String], levels: [EQFLevel]) -> MapOutline {
        var o = self
        o.coveringStart = start
        o.coveringCodes = codes
        o.coveringLevels = levels
        return o
    }

    /// Whether the credentials teaching each node are known (built with coverage).
    var hasCoverage: Bool { coveringStart.count == keys.count + 1 }

    /// The credentials teaching node `i`, in code order, each at the highest level it teaches it.
    func covering(_ i: Int) -> [(code: String, level: EQFLevel)] {
        guard i + 1 < coveringStart.count else { return [] }
        return (Int(coveringStart[i])..<Int(coveringStart[i + 1])).map { (coveringCodes[$0], coveringLevels[$0]) }
    }

    /// How many credentials teach node `i`.
    func coveringCount(_ i: Int) -> Int {
        i + 1 < coveringStart.count ? Int(coveringStart[i + 1] - coveringStart[i]) : 0
    }

    func hasChildren(_ i: Int) -> Bool { Int(ends[i]) > i + 1 }

    /// The children of `i` (the roots for -1), in order.
    func children(of i: Int) -> [Int] {
        var result: [Int] = []
        var j = i + 1
        let end = i < 0 ? count : Int(ends[i])
        while j < end {
            result.append(j)
            j = Int(ends[j])
        }
        return result
    }

    /// The path from a root down to `i`, inclusive.
    func ancestry(of i: Int) -> [Int] {
        var path: [Int] = []
        var j = i
        while j >= 0 { path.append(j); j = Int(parents[j]) }
        return path.reversed()
    }

    func index(of code: String) -> Int? { codes.firstIndex(of: code) }

    func key(_ i: Int, framework: String) -> CompetencyKey { keys[i] }

    /// The title of node `i`: kept when built with titles, else looked up in the catalog.
    func title(_ i: Int, framework: String, in catalog: Catalog) -> String {
        titles.isEmpty ? catalog.competencies[keys[i]]?.title ?? "" : titles[i]
    }

    /// The rows of the tree with the nodes in `expanded` open: one step per row shown.
    func visibleRows(expanded: Set<String>) -> [Int] {
        var rows: [Int] = []
        var i = 0
        while i < count {
            rows.append(i)
            i = hasChildren(i) && expanded.contains(codes[i]) ? i + 1 : Int(ends[i])
        }
        return rows
    }
}
