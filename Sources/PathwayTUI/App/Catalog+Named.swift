import PathwayModel

extension Catalog {
    /// A catalog holding only what a change set names, as this catalog has it now: the entity
    /// stored under each key the set puts or removes, and a removed framework's competencies.
    ///
    /// What a save needs of the catalog before the change (`IntegrityLedger.update` asks which
    /// of the named entities existed, `MapCoverage.isUnchanged` compares the named competencies
    /// and credentials with their new versions). Keeping the whole catalog instead, while the
    /// set is applied, would make `Catalog.apply` copy every table the set changes — 14,000
    /// competencies to rename one. The tests compare both with the whole catalog.
    func named(by set: ChangeSet) -> Catalog {
        var part = Catalog()
        func competency(_ key: CompetencyKey) {
            if let c = competencies[key] { part.competencies[key] = c }
        }
        for change in set.changes {
            switch change {
            case .putFramework(let f): part.frameworks[f.code] = frameworks[f.code]
            case .removeFramework(let code):
                part.frameworks[code] = frameworks[code]
                for (key, c) in competencies where key.framework == code || c.framework == code {
                    part.competencies[key] = c
                    competency(c.key)
                }
            case .putCompetency(let c): competency(c.key)
            case .removeCompetency(let key): competency(key)
            case .putCredential(let c): part.credentials[c.code] = credentials[c.code]
            case .removeCredential(let code): part.credentials[code] = credentials[code]
            case .putPathway(let p): part.pathways[p.code] = pathways[p.code]
            case .removePathway(let code): part.pathways[code] = pathways[code]
            case .putLearner(let l): part.learners[l.name] = learners[l.name]
            case .removeLearner(let name): part.learners[name] = learners[name]
            case .putComment(let c): part.comments[c.id] = comments[c.id]
            case .removeComment(let id): part.comments[id] = comments[id]
            case .putOccupation(let o): part.occupations[o.code] = occupations[o.code]
            case .removeOccupation(let code): part.occupations[code] = occupations[code]
            }
        }
        return part
    }
}
