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
        var coveredOrAbove = Set<CompetencyKey>(minimumCapacity: index.competencyKeys.count * 2)
        for k in index.competencyKeys {
            var current: CompetencyKey? = k
            var steps = 0
            while let key = current, steps < 64, coveredOrAbove.insert(key).inserted {
                steps += 1
                guard let i = competencies.index(forKey: key), let parent = competencies.values[i].parent else { break }
                current = CompetencyKey(framework: key.framework, code: parent)
            }
        }
        var uncovered: [String: Int] = [:], totals: [String: Int] = [:]
        var topmostCount: [String: Int] = [:]
        var examples: [String: [CompetencyKey]] = [:]
        let limit = max(0, options.uncoveredExamples)
        for (key, c) in competencies {
            totals[c.framework, default: 0] += 1
            guard !coveredOrAbove.contains(key) else { continue }
            uncovered[c.framework, default: 0] += 1
            if let parent = c.parentKey, competencies.index(forKey: parent) != nil, !coveredOrAbove.contains(parent) { continue }
            topmostCount[c.framework, default: 0] += 1
            // Keep the first few by key, without sorting them all.
            var list = examples[c.framework, default: []]
            if list.count < limit || (list.last.map { key < $0 } ?? false) {
                list.insert(key, at: list.firstIndex { key < $0 } ?? list.count)
                if list.count > limit { list.removeLast() }
                examples[c.framework] = list
            }
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
