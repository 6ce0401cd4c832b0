import PathwayModel

extension EngineContext {
    /// Findings that belong to no single pathway: competencies of each map that no credential
    /// covers, and the design problems and prerequisite cycles of credentials no pathway uses
    /// (credentials in a pathway are reported with that pathway).
    ///
    /// Linear in the size of the maps; computed when asked, not on every pathway re-check.
    public func catalogFindings() -> [Finding] {
        var out: [Finding] = []
        for c in catalog.credentialList where pathwaysByCredential[c.code] == nil {
            out += CredentialChecks.findings(for: c, context: self, pathway: nil, extra: [])
        }
        for cycle in cycles.cycles where cycle.allSatisfy({ pathwaysByCredential[$0] == nil }) {
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
        var coveredOrAbove = Set<CompetencyKey>()
        for teaches in taught.values {
            for k in teaches.keys {
                var current: CompetencyKey? = k
                var steps = 0
                while let key = current, steps < 64, coveredOrAbove.insert(key).inserted {
                    current = catalog.competencies[key]?.parentKey
                    steps += 1
                }
            }
        }
        var uncovered: [String: Int] = [:], totals: [String: Int] = [:]
        var topmost: [String: [CompetencyKey]] = [:]
        for (key, c) in catalog.competencies {
            totals[c.framework, default: 0] += 1
            guard !coveredOrAbove.contains(key) else { continue }
            uncovered[c.framework, default: 0] += 1
            let parentUncovered = c.parentKey.map { catalog.competencies[$0] != nil && !coveredOrAbove.contains($0) } ?? false
            if !parentUncovered { topmost[c.framework, default: []].append(key) }
        }
        var out: [Finding] = []
        for framework in uncovered.keys.sorted() {
            let count = uncovered[framework]!
            let total = totals[framework]!
            let examples = Array((topmost[framework] ?? []).sorted().prefix(options.uncoveredExamples))
            let names = examples.map(competencyName)
            let more = (topmost[framework]?.count ?? 0) - examples.count
            let title = catalog.frameworks[framework].map { $0.title.isEmpty ? framework : "‘\($0.title)’" } ?? framework
            let what = count == total ? "None of the \(total) competencies of \(title) is" : "\(count) of the \(total) competencies of \(title) are"
            let list = names.isEmpty ? "" : ", among them \(listed(names))\(more > 0 ? " and \(more) more" : "")"
            out.append(Finding(.mapUncovered, "\(what) taught by any credential\(list).",
                               fix: "Reviewers: check whether these belong in the map or need a credential.",
                               entities: [.framework(framework)] + examples.map(EntityRef.competency)))
        }
        return out
    }
}
