import PathwayModel

extension EngineContext {
    /// Findings that belong to no single pathway: competencies of each map that no credential
    /// covers, and the design problems and prerequisite cycles of credentials no pathway uses
    /// (credentials in a pathway are reported with that pathway).
    ///
    /// Linear in the size of the maps; computed when asked, not on every pathway re-check.
    public func catalogFindings() -> [Finding] {
        var used = Set<String>()
        for p in catalog.pathways.values { used.formUnion(p.allCredentialCodes) }
        var out: [Finding] = []
        var unused = index.entries.compactMap { e in e.flatMap { used.contains($0.credential.code) ? nil : $0 } }
        unused.sort { $0.credential.code < $1.credential.code }
        for entry in unused {
            for f in entry.findings { out.append(f.finding(pathway: nil, stage: nil, context: self)) }
        }
        for cycle in cycles.cycles where cycle.allSatisfy({ !used.contains($0) }) {
            out.append(Finding(.prerequisiteCycle, PrerequisiteCycles.message(cycle),
                               fix: "Remove one of the requirements in the cycle.",
                               entities: cycle.map(EntityRef.credential)))
        }
        out += uncoveredMapFindings()
        return Finding.ordered(out)
    }

    /// One finding per framework with competencies that nothing teaches, counting them and
    /// naming the first few. A competency counts as covered when a credential teaches it or
    /// anything below it in the tree; of the uncovered ones only the topmost are named, so an
    /// untaught branch shows as its root, not as each of its leaves.
    func uncoveredMapFindings() -> [Finding] {
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
        let limit = max(0, options.uncoveredExamples)
        for position in 0..<map.count {
            let i = map.indices[position]
            let framework = competencies.values[i].framework
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
            if let parentCode = competencies.values[i].parent {
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
        var uncovered: [String: Int] = [:], totals: [String: Int] = [:]
        var topmostCount: [String: Int] = [:]
        var examples: [String: [CompetencyKey]] = [:]
        for s in stats where s.uncovered > 0 {
            uncovered[s.framework] = s.uncovered
            totals[s.framework] = s.total
            topmostCount[s.framework] = s.topmost
            examples[s.framework] = s.examples
        }
        var out: [Finding] = []
        for framework in uncovered.keys.sorted() {
            let count = uncovered[framework]!
            let total = totals[framework]!
            let shown = examples[framework] ?? []
            let names = shown.map(competencyName)
            let more = (topmostCount[framework] ?? 0) - shown.count
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

/// Counts of one framework's competencies for `coverage.map-uncovered`.
private struct FrameworkCoverage {
    let framework: String
    var total = 0
    var uncovered = 0
    var topmost = 0
    var examples: [CompetencyKey] = []
}

/// The competencies of a catalog numbered in storage order, with parents found on demand (one
/// hash lookup per competency asked about, never per step up the tree twice).
struct MapPositions {
    typealias Map = [CompetencyKey: Competency]
    let competencies: Map
    let indices: [Map.Index]
    /// Per position: the parent's position, -1 for none (or not in the map), -2 not looked up yet.
    private var parents: [Int32]

    init(_ competencies: Map) {
        self.competencies = competencies
        indices = Array(competencies.indices)
        parents = [Int32](repeating: -2, count: indices.count)
    }

    var count: Int { indices.count }

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
            let i = indices[position]
            if let code = competencies.values[i].parent,
               let found = self.position(of: CompetencyKey(framework: competencies.keys[i].framework, code: code)) {
                p = Int32(found)
            } else {
                p = -1
            }
            parents[position] = p
        }
        return p >= 0 ? Int(p) : nil
    }
}
