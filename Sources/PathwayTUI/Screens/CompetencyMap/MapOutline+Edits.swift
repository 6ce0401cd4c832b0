import PathwayModel

extension MapOutline {
    /// Whether edits leave one framework's outline as it is, so that the map can keep it: no
    /// competency of the framework added, removed, given another parent or position, and no
    /// credential teaching it at other levels or other competencies. (Titles, descriptions and
    /// credential titles are looked up when drawn; renaming one is the commonest edit.)
    static func isUnchanged(by applied: [Document.AppliedChange], framework: String) -> Bool {
        applied.allSatisfy { isUnchanged(by: $0.changes, undoneBy: $0.inverse, framework: framework) }
    }

    /// The same for one change set; `inverse` (what `Catalog.apply` returned) tells what the
    /// entities it names were before it.
    static func isUnchanged(by set: ChangeSet, undoneBy inverse: ChangeSet, framework: String) -> Bool {
        // Each named entity before the set (the last inverse change naming it decides) and after
        // it (the last change of the set naming it decides); nil: not there.
        var before: [CompetencyKey: Competency?] = [:], after: [CompetencyKey: Competency?] = [:]
        var creditsBefore: [String: MicroCredential?] = [:], creditsAfter: [String: MicroCredential?] = [:]
        for change in inverse.changes {
            switch change {
            case .putCompetency(let c): before[c.key] = .some(c)
            case .removeCompetency(let key): before[key] = .some(nil)
            case .putCredential(let c): creditsBefore[c.code] = .some(c)
            case .removeCredential(let code): creditsBefore[code] = .some(nil)
            default: break
            }
        }
        for change in set.changes {
            switch change {
            case .removeFramework(let code) where code == framework: return false
            case .putCompetency(let c): after[c.key] = .some(c)
            case .removeCompetency(let key): after[key] = .some(nil)
            case .putCredential(let c): creditsAfter[c.code] = .some(c)
            case .removeCredential(let code): creditsAfter[code] = .some(nil)
            default: break
            }
        }
        for (key, now) in after where key.framework == framework {
            guard let was = before[key] else { return false }
            switch (was, now) {
            case (nil, nil): continue
            case (let old?, let new?):
                if old.parent != new.parent || old.position != new.position { return false }
            default: return false
            }
        }
        for (code, now) in creditsAfter {
            guard let was = creditsBefore[code] else { return false }
            if taught(was, in: framework) != taught(now, in: framework) { return false }
        }
        return true
    }

    /// The competencies of the framework a credential teaches, each at the highest level.
    private static func taught(_ credential: MicroCredential?, in framework: String) -> [CompetencyKey: EQFLevel] {
        var out: [CompetencyKey: EQFLevel] = [:]
        for outcome in credential?.learningOutcomes ?? [] {
            for m in outcome.mappings where m.competency.framework == framework {
                if let level = out[m.competency], level >= m.level { continue }
                out[m.competency] = m.level
            }
        }
        return out
    }
}
