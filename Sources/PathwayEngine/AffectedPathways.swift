import PathwayModel

extension EngineContext {
    /// The pathways whose check (without a learner) may differ after `changes`, so that a UI
    /// re-checks those and keeps every other report. Call it on the context for the catalog
    /// after the changes, passing the context from before them.
    ///
    /// A pathway is affected when it is itself put or removed; when it holds a credential that
    /// was put or removed, or one whose prerequisites name such a credential, or one on a
    /// prerequisite cycle that appeared or went away; when its target names a competency that was
    /// put or removed (or is in a removed framework), or it holds a credential that teaches or
    /// requires such a competency. Learners, comments, occupations and framework details affect
    /// no pathway check. (With a learner, also re-check when the learner or a credential they
    /// completed changes: what they hold comes from those.) Removed pathways are included.
    public func pathways(affectedBy changes: ChangeSet, since previous: EngineContext) -> Set<String> {
        var affected = Set<String>()
        var credentials = Set<String>()
        var competencies = Set<CompetencyKey>()
        var frameworks = Set<String>()
        for change in changes.changes {
            switch change {
            case .putPathway(let p): affected.insert(p.code)
            case .removePathway(let code): affected.insert(code)
            case .putCredential(let c): credentials.insert(c.code)
            case .removeCredential(let code): credentials.insert(code)
            case .putCompetency(let c): competencies.insert(c.key)
            case .removeCompetency(let key): competencies.insert(key)
            case .removeFramework(let f): frameworks.insert(f)
            case .putFramework, .putLearner, .removeLearner, .putComment, .removeComment,
                 .putOccupation, .removeOccupation:
                continue
            }
        }
        guard !credentials.isEmpty || !competencies.isEmpty || !frameworks.isEmpty else { return affected }
        func changedCompetency(_ key: CompetencyKey) -> Bool {
            (!frameworks.isEmpty && frameworks.contains(key.framework)) || (!competencies.isEmpty && competencies.contains(key))
        }
        // Credentials (before or after) a pathway must not hold unchecked.
        var watched = credentials
        for context in [previous, self] {
            let index = context.index
            var changedIDs = Set<Int>()
            if !competencies.isEmpty || !frameworks.isEmpty {
                for (cid, key) in index.competencyKeys.enumerated() where changedCompetency(key) { changedIDs.insert(cid) }
            }
            for case let entry? in index.entries {
                let c = entry  // the credential as the index keeps it
                if !credentials.isEmpty,
                   c.prerequisites.credentials.contains(where: credentials.contains) {
                    watched.insert(c.code)
                } else if !changedIDs.isEmpty, entry.taught.contains(where: { changedIDs.contains($0.competency) }) {
                    watched.insert(c.code)
                } else if !competencies.isEmpty || !frameworks.isEmpty,
                          c.prerequisites.competencies.contains(where: { changedCompetency($0.competency) }) {
                    watched.insert(c.code)
                }
            }
        }
        // Cycles that appeared or went away.
        let before = Set(previous.index.cycles.cycles), after = Set(index.cycles.cycles)
        for cycle in before.symmetricDifference(after) { watched.formUnion(cycle) }
        for (code, p) in catalog.pathways where !affected.contains(code) {
            if p.stages.contains(where: { s in s.core.contains(where: watched.contains)
                   || s.electiveGroups.contains { $0.options.contains(where: watched.contains) } })
                || p.target.competencies.contains(where: { changedCompetency($0.competency) }) {
                affected.insert(code)
            }
        }
        return affected
    }
}

extension EngineContext {
    /// Codes of the credentials whose outcomes teach, or whose prerequisites require, one of
    /// these competencies, and of those requiring one of these credentials: what a UI must
    /// treat as changed, besides the credentials themselves, when those competencies or
    /// credentials change. Works over the index (numbered competencies), copying no credential.
    public func credentials(reading competencies: Set<CompetencyKey>, requiring credentials: Set<String>) -> Set<String> {
        var out = Set<String>()
        guard !competencies.isEmpty || !credentials.isEmpty else { return out }
        var ids = Set<Int>()
        for key in competencies { if let id = index.competencyIDs[key] { ids.insert(id) } }
        for case let entry? in index.entries {
            let prerequisites = entry.prerequisites
            if (!credentials.isEmpty && prerequisites.credentials.contains(where: credentials.contains))
                || (!ids.isEmpty && entry.taught.contains { ids.contains($0.competency) })
                || (!competencies.isEmpty && prerequisites.competencies.contains { competencies.contains($0.competency) }) {
                out.insert(entry.code)
            }
        }
        return out
    }
}
