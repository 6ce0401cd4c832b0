import PathwayModel

/// A pathway's routes: every way a learner can complete it by taking all core credentials and,
/// in each elective group "choose N of M", exactly N options.
///
/// Routes are never enumerated (their number grows as a product of binomials); every question
/// is answered per group instead:
/// - the smallest total is the core plus the N smallest options of each group, the largest the
///   core plus the N largest;
/// - every route contains a credential with some property iff a core credential has it, or some
///   group has fewer than N options without it (so every choice of N includes one that has it);
/// - some route contains one iff any core credential or any option of a group with N > 0 has it.
///
/// A group asking for more than it offers is reported separately and counted here as asking
/// for all its options; a group asking for none contributes nothing to any route.
///
/// Credentials are numbered (`id(of:)`) in order of first appearance so that the questions above run
/// over arrays, not dictionaries: the engine asks them many times per keystroke.
struct RouteModel: Sendable {
    struct Group: Sendable {
        let stage: Int
        let index: Int
        let title: String
        let choose: Int
        let options: [Int]
        /// How many options every route takes from this group.
        var need: Int { min(max(choose, 0), options.count) }
    }

    struct Slot: Sendable, Hashable {
        let stage: Int
        /// The elective group within the stage; nil for core.
        let group: Int?
    }

    /// Each credential code once, in order of first appearance (core before options per stage).
    let codes: [String]
    /// Code → id, made only for pathways too long to search `codes` one by one.
    private let table: [String: Int]?
    let core: [[Int]]
    let groups: [[Group]]
    /// Where each credential first appears, by id.
    let firstSlot: [Slot]

    /// Up to this many credentials, codes are numbered by searching those seen so far (a
    /// pathway holds 5–40; comparing a few codes is cheaper than hashing each into a table).
    static let searchLimit = 48

    /// Per id: the credential's number in the catalog index the model was made with, -1 when
    /// the index has no such credential (empty when made without an index).
    let globals: [Int]

    /// The routes of `pathway`. With the catalog index's numbering (`catalogIDs`), repeats are
    /// recognised by comparing those numbers rather than codes, and `globals` keeps them.
    init(_ pathway: Pathway, catalogIDs: [String: Int]? = nil) {
        var numbering = Numbering(catalogIDs: catalogIDs)
        numbering.reserve(pathway.stages.reduce(0) { n, stage in
            stage.electiveGroups.reduce(n + stage.core.count) { $0 + $1.options.count }
        })
        var core: [[Int]] = [], groups: [[Group]] = []
        core.reserveCapacity(pathway.stages.count)
        groups.reserveCapacity(pathway.stages.count)
        for s in pathway.stages.indices {
            let stage = pathway.stages[s]
            var stageCore: [Int] = []
            stageCore.reserveCapacity(stage.core.count)
            for code in stage.core { stageCore.append(numbering.id(code, Slot(stage: s, group: nil))) }
            core.append(stageCore)
            var stageGroups: [Group] = []
            stageGroups.reserveCapacity(stage.electiveGroups.count)
            for g in stage.electiveGroups.indices {
                let group = stage.electiveGroups[g]
                var options: [Int] = []
                options.reserveCapacity(group.options.count)
                for code in group.options { options.append(numbering.id(code, Slot(stage: s, group: g))) }
                stageGroups.append(Group(stage: s, index: g, title: group.title, choose: group.choose, options: options))
            }
            groups.append(stageGroups)
        }
        self.codes = numbering.codes
        self.table = numbering.table
        self.core = core
        self.groups = groups
        self.firstSlot = numbering.first
        self.globals = numbering.globals
    }

    /// Numbers codes in order of first appearance. A value of its own (not variables captured
    /// by a local function, which Swift checks for overlapping access on every use).
    private struct Numbering {
        let catalogIDs: [String: Int]?
        var codes: [String] = []
        var first: [Slot] = []
        var globals: [Int] = []
        var table: [String: Int]? = nil

        init(catalogIDs: [String: Int]?) {
            self.catalogIDs = catalogIDs
        }

        /// Room for this many codes (repeats included), so the lists never grow.
        mutating func reserve(_ count: Int) {
            codes.reserveCapacity(count)
            first.reserveCapacity(count)
            if catalogIDs != nil { globals.reserveCapacity(count) }
        }

        /// The code's id, numbering it (and noting where it first appears) when new.
        mutating func id(_ code: String, _ slot: Slot) -> Int {
            var global = -1
            if table != nil {
                if let i = table![code] { return i }
                global = catalogIDs?[code] ?? -1
            } else if let catalogIDs {
                // Equal codes have the same number (the index's table is keyed by code), so
                // numbers stand in for the codes; codes the index lacks are compared as text.
                if let g = catalogIDs[code] {
                    if let i = globals.firstIndex(of: g) { return i }
                    global = g
                } else if let i = codes.indices.first(where: { globals[$0] < 0 && codes[$0] == code }) {
                    return i
                }
            } else if let i = codes.firstIndex(of: code) {
                return i
            }
            codes.append(code)
            first.append(slot)
            if catalogIDs != nil { globals.append(global) }
            if table != nil {
                table![code] = codes.count - 1
            } else if codes.count > RouteModel.searchLimit {
                table = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
            }
            return codes.count - 1
        }
    }

    /// The id of a credential code in the pathway, nil when the pathway does not hold it.
    func id(of code: String) -> Int? {
        if let table { return table[code] }
        return codes.firstIndex(of: code)
    }

    var stageCount: Int { core.count }
    var allStages: Range<Int> { 0..<stageCount }

    func slot(of code: String) -> Slot? { id(of: code).map { firstSlot[$0] } }

    func everyRoute(in stages: Range<Int>, has p: (Int) -> Bool) -> Bool {
        for s in stages {
            if core[s].contains(where: p) { return true }
            for g in groups[s] where g.need > 0 {
                var without = 0
                for o in g.options where !p(o) { without += 1 }
                if without < g.need { return true }
            }
        }
        return false
    }

    func someRoute(in stages: Range<Int>, has p: (Int) -> Bool) -> Bool {
        for s in stages {
            if core[s].contains(where: p) { return true }
            for g in groups[s] where g.need > 0 && g.options.contains(where: p) { return true }
        }
        return false
    }

    /// Core, or an option of a group that must take all its options.
    func isOnEveryRoute(_ id: Int) -> Bool {
        everyRoute(in: allStages) { $0 == id }
    }

    /// Every credential that can be on some route, stage by stage, core before options (ids,
    /// repeated where the pathway repeats them).
    func ids(in stages: Range<Int>) -> [Int] {
        stages.flatMap { s in core[s] + groups[s].filter { $0.need > 0 }.flatMap(\.options) }
    }

    /// The smallest and largest sum of `value` over the routes through these stages.
    func range(in stages: Range<Int>, of value: [Double]) -> (min: Double, max: Double) {
        var lo = 0.0, hi = 0.0
        for s in stages {
            let c = core[s].reduce(0) { $0 + value[$1] }
            lo += c; hi += c
            for g in groups[s] where g.need > 0 {
                let sorted = g.options.map { value[$0] }.sorted()
                lo += sorted.prefix(g.need).reduce(0, +)
                hi += sorted.suffix(g.need).reduce(0, +)
            }
        }
        return (lo, hi)
    }

    /// The highest level every route reaches, and the highest any route reaches (credentials
    /// without a level count as 0).
    func levels(in stages: Range<Int>, of level: [Int]) -> (guaranteed: Int, highest: Int) {
        var guaranteed = 0, highest = 0
        for s in stages {
            for c in core[s] { guaranteed = max(guaranteed, level[c]); highest = max(highest, level[c]) }
            for g in groups[s] where g.need > 0 {
                let sorted = g.options.map { level[$0] }.sorted()
                // A learner avoiding high levels takes the N lowest; the N-th of them is the least
                // this group raises every route to.
                guaranteed = max(guaranteed, sorted[g.need - 1])
                highest = max(highest, sorted.last ?? 0)
            }
        }
        return (guaranteed, highest)
    }
}
