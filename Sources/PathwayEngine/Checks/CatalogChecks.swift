import PathwayModel

extension EngineContext {
    /// Findings that belong to no single pathway: competencies of each map that no credential
    /// covers, and the design problems and prerequisite cycles of credentials no pathway uses
    /// (credentials in a pathway are reported with that pathway).
    ///
    /// Linear in the size of the maps; computed when asked, not on every pathway re-check.
    public func catalogFindings() -> [Finding] {
        catalogFindings(mapCoverage: mapCoverage())
    }

    /// The same, with the map's coverage worked out before (by this context, or by an earlier
    /// one when `MapCoverage.isUnchanged(by:from:to:)` says the edits since leave it as it was):
    /// what is left costs time in proportion to the pathways, not to the map.
    public func catalogFindings(mapCoverage: MapCoverage) -> [Finding] {
        var used = Set<String>(minimumCapacity: index.entries.count)
        for p in catalog.pathways.values {
            for s in p.stages {
                for c in s.core { used.insert(c) }
                for g in s.electiveGroups { for c in g.options { used.insert(c) } }
            }
        }
        var out: [Finding] = []
        var unused = index.entries.compactMap { e in e.flatMap { used.contains($0.code) ? nil : $0 } }
        unused.sort { $0.code < $1.code }
        for entry in unused {
            for f in entry.findings { out.append(f.finding(pathway: nil, stage: nil, context: self)) }
        }
        for cycle in cycles.cycles where cycle.allSatisfy({ !used.contains($0) }) {
            out.append(Finding(.prerequisiteCycle, PrerequisiteCycles.message(cycle),
                               fix: "Remove one of the requirements in the cycle.",
                               entities: cycle.map(EntityRef.credential)))
        }
        out += uncoveredMapFindings(mapCoverage)
        return Finding.ordered(out)
    }

    /// What `coverage.map-uncovered` counts, for `catalogFindings(mapCoverage:)`.
    public func mapCoverage() -> MapCoverage {
        MapCoverage(self)
    }

    /// One finding per framework with competencies that nothing teaches, counting them and
    /// naming the first few (by their titles now).
    func uncoveredMapFindings(_ coverage: MapCoverage) -> [Finding] {
        var out: [Finding] = []
        for s in coverage.frameworks where s.uncovered > 0 {
            let framework = s.framework, count = s.uncovered, total = s.total
            let shown = s.examples
            let names = shown.map { competencyName($0).description }
            let more = s.topmost - shown.count
            let title = catalog.frameworks[framework].map { $0.title.isEmpty ? framework : "‘\($0.title)’" } ?? framework
            let what = count == total ? "None of the \(total) competencies of \(title) is taught by any credential"
                : "\(count) of the \(total) competencies of \(title) \(count == 1 ? "is" : "are") taught by no credential"
            let list = names.isEmpty ? "" : ", among them \(listed(names))\(more > 0 ? " and \(more) more" : "")"
            out.append(Finding(.mapUncovered, "\(what)\(list).",
                               fix: "Reviewers: check whether these belong in the map or need a credential.",
                               entities: [.framework(framework)] + shown.map(EntityRef.competency)))
        }
        return out
    }
}

/// Which competencies of each map no credential covers: the counts and examples behind
/// `coverage.map-uncovered`, without the sentences (which name competencies and frameworks by
/// their current titles, so renaming one does not make this stale).
///
/// A competency counts as covered when a credential teaches it or anything below it in the
/// tree; of the uncovered ones only the topmost are named, so an untaught branch shows as its
/// root, not as each of its leaves. Working it out is linear in the maps; most edits leave it
/// as it was (`isUnchanged(by:from:to:)`), and a document being edited keeps it between edits.
public struct MapCoverage: Sendable, Equatable {
    /// Per framework with competencies, in code order.
    let frameworks: [FrameworkCoverage]

    init(_ context: EngineContext) {
        let catalog = context.catalog, index = context.index
        let competencies = catalog.competencies
        var map = MapPositions(competencies)
        // Competencies taught now (an updated index may still number ones no longer taught),
        // walked in number order, each marking itself and what is above it.
        var taughtNow = [Bool](repeating: false, count: index.competencyKeys.count)
        for e in index.entries { if let e { for t in e.taught { taughtNow[t.competency] = true } } }
        var coveredOrAbove = [Bool](repeating: false, count: map.count)
        for cid in taughtNow.indices where taughtNow[cid] {
            guard let start = map.position(of: index.competencyKeys[cid]) else { continue }
            var current = start, steps = 0
            while steps < 64, !coveredOrAbove[current] {
                coveredOrAbove[current] = true
                steps += 1
                guard let parent = map.parent(of: current) else { break }
                current = parent
            }
        }
        var stats: [FrameworkCoverage] = []
        var last = -1
        let limit = max(0, context.options.uncoveredExamples)
        for position in 0..<map.count {
            let i = map.indices[position]
            let framework = map.framework(at: position)
            if last < 0 || stats[last].framework != framework {
                last = stats.firstIndex { $0.framework == framework } ?? {
                    stats.append(FrameworkCoverage(framework: framework))
                    return stats.count - 1
                }()
            }
            stats[last].total += 1
            guard !coveredOrAbove[position] else { continue }
            stats[last].uncovered += 1
            // Of the uncovered, only the topmost: skip those whose parent is uncovered too.
            if let parentCode = map.parentCode(at: position) {
                let parent = framework == competencies.keys[i].framework ? map.parent(of: position)
                    : map.position(of: CompetencyKey(framework: framework, code: parentCode))
                if let parent, !coveredOrAbove[parent] { continue }
            }
            stats[last].topmost += 1
            // Keep the first few by key, without sorting them all.
            let key = competencies.keys[i]
            var list = stats[last].examples
            if list.count < limit || (list.last.map { key < $0 } ?? false) {
                list.insert(key, at: list.firstIndex { key < $0 } ?? list.count)
                if list.count > limit { list.removeLast() }
                stats[last].examples = list
            }
        }
        frameworks = stats.sorted { $0.framework < $1.framework }
    }

    /// Whether `changes`, which took the catalog from `before` to `after`, leave the coverage
    /// as it was: they change no competency's place in a map (new, removed, moved to another
    /// parent or framework) and no credential's set of taught competencies. Renaming a
    /// competency, editing a pathway or a credential's figures leaves it; mapping an outcome to
    /// another competency does not.
    public static func isUnchanged(by changes: ChangeSet, from before: Catalog, to after: Catalog) -> Bool {
        for change in changes.changes {
            switch change {
            case .putPathway, .removePathway, .putLearner, .removeLearner, .putComment, .removeComment,
                 .putOccupation, .removeOccupation, .putFramework:
                continue
            case .removeFramework, .removeCompetency:
                return false
            case .putCompetency(let c):
                guard let old = before.competencies[c.key], let now = after.competencies[c.key],
                      old.framework == now.framework, old.parent == now.parent else { return false }
            case .putCredential(let c):
                if taught(before.credentials[c.code]) != taught(after.credentials[c.code]) { return false }
            case .removeCredential(let code):
                if taught(before.credentials[code]) != taught(after.credentials[code]) { return false }
            }
        }
        return true
    }

    private static func taught(_ c: MicroCredential?) -> Set<CompetencyKey> {
        var keys = Set<CompetencyKey>()
        for o in c?.learningOutcomes ?? [] { for m in o.mappings { keys.insert(m.competency) } }
        return keys
    }
}

/// Counts of one framework's competencies for `coverage.map-uncovered`.
struct FrameworkCoverage: Sendable, Equatable {
    let framework: String
    var total = 0
    var uncovered = 0
    var topmost = 0
    var examples: [CompetencyKey] = []
}

/// The competencies of a catalog numbered in storage order, with parents found on demand (one
/// hash lookup per competency asked about, never per step up the tree twice). Each
/// competency's framework and parent code are read once, in one pass over the map.
struct MapPositions {
    typealias Map = [CompetencyKey: Competency]
    let competencies: Map
    let indices: [Map.Index]
    /// Per position: the competency's own framework and its parent's code.
    private let frameworks: [String]
    private let parentCodes: [String?]
    /// Per position: the parent's position, -1 for none (or not in the map), -2 not looked up yet.
    private var parents: [Int32]
    /// Parents looked up so far, by framework and code: siblings share their parent, and
    /// making a key to look one up hashes both codes and allocates its box.
    private var found: [ParentName: Int32] = [:]

    private struct ParentName: Hashable {
        let framework: String
        let code: String
    }

    init(_ competencies: Map) {
        self.competencies = competencies
        indices = Array(competencies.indices)
        var frameworks: [String] = [], parentCodes: [String?] = []
        frameworks.reserveCapacity(indices.count)
        parentCodes.reserveCapacity(indices.count)
        for c in competencies.values {
            frameworks.append(c.framework)
            parentCodes.append(c.parent)
        }
        self.frameworks = frameworks
        self.parentCodes = parentCodes
        parents = [Int32](repeating: -2, count: indices.count)
    }

    var count: Int { indices.count }

    func framework(at position: Int) -> String { frameworks[position] }

    func parentCode(at position: Int) -> String? { parentCodes[position] }

    func position(of key: CompetencyKey) -> Int? {
        competencies.index(forKey: key).map(position(of:))
    }

    /// Storage order is index order, so a binary search turns an index into its position.
    func position(of i: Map.Index) -> Int {
        var lo = 0, hi = indices.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if indices[mid] < i { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The parent of the competency at `position`, in the framework of its stored key.
    mutating func parent(of position: Int) -> Int? {
        var p = parents[position]
        if p == -2 {
            p = -1
            if let code = parentCodes[position] {
                let name = ParentName(framework: competencies.keys[indices[position]].framework, code: code)
                if let known = found[name] {
                    p = known
                } else {
                    if let at = self.position(of: CompetencyKey(framework: name.framework, code: code)) { p = Int32(at) }
                    found[name] = p
                }
            }
            parents[position] = p
        }
        return p >= 0 ? Int(p) : nil
    }
}
