/// Deleting something that others refer to: the change sets here remove the thing and mend every
/// reference to it, so a deletion never leaves the document broken (and undoes in one step).
extension Catalog {
    /// Removes a competency, its whole subtree, and every mapping, prerequisite, target, prior
    /// learning and comment that refers to any of them.
    public func deletion(ofCompetency key: CompetencyKey) -> ChangeSet {
        let tree = CompetencyTree(catalog: self, framework: key.framework)
        let codes = [key.code] + tree.descendants(of: key.code)
        let gone = Set(codes.map { CompetencyKey(framework: key.framework, code: $0) })
        var changes = mendingReferences(toCompetencies: gone)
        changes += comments.values.filter {
            if case .competency(let k) = $0.subject { return gone.contains(k) } else { return false }
        }.sorted { $0.id < $1.id }.map { .removeComment($0.id) }
        changes += codes.reversed().map { .removeCompetency(CompetencyKey(framework: key.framework, code: $0)) }
        let title = competencies[key]?.title ?? key.code
        let extra = codes.count > 1 ? " and \(codes.count - 1) below it" : ""
        return ChangeSet("Delete competency \(title)\(extra)", changes)
    }

    /// Removes a credential and every prerequisite, stage slot and completion naming it.
    public func deletion(ofCredential code: String) -> ChangeSet {
        var changes: [Change] = []
        for c in credentialList where c.code != code {
            var copy = c
            copy.prerequisites.credentials.removeAll { $0 == code }
            copy.prerequisites.recommendedAfter.removeAll { $0 == code }
            if copy != c { changes.append(.putCredential(copy)) }
        }
        for p in pathwayList {
            var copy = p
            for i in copy.stages.indices {
                copy.stages[i].core.removeAll { $0 == code }
                for g in copy.stages[i].electiveGroups.indices {
                    copy.stages[i].electiveGroups[g].options.removeAll { $0 == code }
                }
            }
            if copy != p { changes.append(.putPathway(copy)) }
        }
        for l in learnerList {
            var copy = l
            copy.completions.removeAll { $0.credential == code }
            if copy != l { changes.append(.putLearner(copy)) }
        }
        changes += comments.values.filter { $0.subject == .credential(code) }
            .sorted { $0.id < $1.id }.map { .removeComment($0.id) }
        changes.append(.removeCredential(code))
        return ChangeSet("Delete credential \(credentials[code]?.title ?? code)", changes)
    }

    /// Removes a framework with its competencies, mending every reference into it.
    public func deletion(ofFramework code: String) -> ChangeSet {
        let gone = Set(competencies.keys.filter { $0.framework == code })
        var changes = mendingReferences(toCompetencies: gone)
        changes += comments.values.filter {
            switch $0.subject {
            case .framework(let f): return f == code
            case .competency(let k): return k.framework == code
            default: return false
            }
        }.sorted { $0.id < $1.id }.map { .removeComment($0.id) }
        changes.append(.removeFramework(code))
        return ChangeSet("Delete framework \(frameworks[code]?.title ?? code)", changes)
    }

    /// The changes that take every reference to the given competencies out of credentials,
    /// pathways, learners, occupations and other competencies' relations (not comments, and not
    /// the competencies themselves). Importers use it when a new version drops competencies.
    public func mendingReferences(toCompetencies gone: Set<CompetencyKey>) -> [Change] {
        var changes: [Change] = []
        for c in credentialList {
            var copy = c
            for i in copy.learningOutcomes.indices {
                copy.learningOutcomes[i].mappings.removeAll { gone.contains($0.competency) }
            }
            copy.prerequisites.competencies.removeAll { gone.contains($0.competency) }
            if copy != c { changes.append(.putCredential(copy)) }
        }
        for p in pathwayList {
            var copy = p
            copy.target.competencies.removeAll { gone.contains($0.competency) }
            if copy != p { changes.append(.putPathway(copy)) }
        }
        for l in learnerList {
            var copy = l
            copy.priorLearning.removeAll { gone.contains($0.competency) }
            if copy != l { changes.append(.putLearner(copy)) }
        }
        for o in occupationList {
            var copy = o
            copy.essentialSkills.removeAll { gone.contains($0) }
            copy.optionalSkills.removeAll { gone.contains($0) }
            if copy != o { changes.append(.putOccupation(copy)) }
        }
        for c in competencies.values where !gone.contains(c.key) {
            var copy = c
            copy.relations.removeAll { $0.target.map(gone.contains) ?? false }
            if copy != c { changes.append(.putCompetency(copy)) }
        }
        return changes
    }
}
