import Testing
import PathwayModel
import PathwayWorkload
@testable import PathwayEngine

/// A context updated for an edit (`init(catalog:reusing:)`, `init(catalog:applying:to:)`) says
/// exactly what a context built from scratch says, and `pathways(affectedBy:since:)` names
/// every pathway whose report changed.
@Suite struct IncrementalContextTests {
    static let base = PlantedFlaws.plant(in: Workload(size: .scaled(0.05), seed: 11).catalog)

    /// Edits of every kind the index must follow, each as a change set on `base`.
    static func edits(_ c: Catalog) -> [(String, ChangeSet)] {
        let codes = c.credentials.keys.sorted()
        let pathways = c.pathways.keys.sorted()
        let keys = c.competencies.keys.sorted()
        var out: [(String, ChangeSet)] = []
        var a = c.credentials[codes[10]]!
        a.ects = (a.ects ?? 0) + 1
        out.append(("ECTS of a credential", ChangeSet("e", [.putCredential(a)])))
        var b = c.credentials[codes[11]]!
        b.learningOutcomes[0].mappings.append(CompetencyLevel(competency: keys[keys.count / 2], level: EQFLevel(8)!))
        out.append(("a new mapping", ChangeSet("m", [.putCredential(b)])))
        var cyc = c.credentials[codes[12]]!
        cyc.prerequisites.credentials.append(codes[13])
        var cyc2 = c.credentials[codes[13]]!
        cyc2.prerequisites.credentials.append(codes[12])
        out.append(("a new prerequisite cycle", ChangeSet("c", [.putCredential(cyc), .putCredential(cyc2)])))
        var broken = c.credentials[codes[0]]!
        broken.prerequisites.credentials.removeAll()
        out.append(("a cycle broken", ChangeSet("b", [.putCredential(broken)])))
        out.append(("a credential removed", ChangeSet("r", [.removeCredential(codes[14])])))
        out.append(("a credential some pathway names as unknown created",
                    ChangeSet("n", [.putCredential(MicroCredential(code: "GHOST-0", title: "Now real", ects: 5))])))
        var title = c.competencies[keys[3]]!
        title.title = "renamed competency"
        out.append(("a competency renamed", ChangeSet("t", [.putCompetency(title)])))
        let target = c.pathways[pathways[1]]!.target.competencies.first?.competency ?? keys[0]
        out.append(("a target competency removed", ChangeSet("k", [.removeCompetency(target)])))
        var p = c.pathways[pathways[2]]!
        p.stages[0].core.append(codes[20])
        out.append(("a pathway edited", ChangeSet("p", [.putPathway(p)])))
        out.append(("a learner removed", ChangeSet("l", [.removeLearner(c.learners.keys.sorted()[0])])))
        return out
    }

    @Test(arguments: 0..<10)
    func anUpdatedContextAgreesWithAFreshOne(edit: Int) throws {
        let (what, set) = Self.edits(Self.base)[edit]
        var changed = Self.base
        changed.apply(set)
        let before = EngineContext(catalog: Self.base)
        let fresh = ResultDigest.of(EngineContext(catalog: changed))
        let reused = EngineContext(catalog: changed, reusing: before)
        #expect(ResultDigest.of(reused).hex == fresh.hex, "\(what): reusing")
        let applied = EngineContext(catalog: changed, applying: set, to: before)
        #expect(ResultDigest.of(applied).hex == fresh.hex, "\(what): applying")
        // The cheap path was taken: the index was kept or updated, not rebuilt.
        if set.changes.allSatisfy({ if case .putCredential = $0 { return false }; if case .removeCredential = $0 { return false }; return true }) {
            #expect(reused.index === before.index, "\(what): the index was rebuilt")
        }
    }

    @Test(arguments: 0..<10)
    func affectedPathwaysIncludeEveryChangedReport(edit: Int) throws {
        let (what, set) = Self.edits(Self.base)[edit]
        var changed = Self.base
        changed.apply(set)
        let before = EngineContext(catalog: Self.base)
        let after = EngineContext(catalog: changed, reusing: before)
        let affected = after.pathways(affectedBy: set, since: before)
        var differing = Set<String>()
        for code in Set(Self.base.pathways.keys).union(changed.pathways.keys) {
            let old = before.check(pathway: code).map { r in var d = ResultDigest(); d.add(r); return d.hex }
            let new = after.check(pathway: code).map { r in var d = ResultDigest(); d.add(r); return d.hex }
            if old != new { differing.insert(code) }
        }
        #expect(differing.isSubset(of: affected), "\(what): \(differing.subtracting(affected).sorted()) changed but were not named")
        // And it is not simply everything where the edit is local.
        switch what {
        case "a pathway edited": #expect(affected.count == 1, "\(what): \(affected.sorted())")
        case "a learner removed": #expect(affected.isEmpty, "\(what): \(affected.sorted())")
        case "ECTS of a credential":
            let code = set.changes.compactMap { if case .putCredential(let c) = $0 { return c.code } else { return nil } }[0]
            let holding = changed.pathways.values.filter { $0.allCredentialCodes.contains(code) }.map(\.code)
            #expect(affected == Set(holding) || affected.isSuperset(of: holding) && affected.count < Self.base.pathways.count / 2,
                    "\(what): \(affected.sorted())")
        default: break
        }
    }

    @Test func manyChangedCredentialsRebuildTheIndex() {
        var changed = Self.base
        for code in changed.credentials.keys { changed.credentials[code]!.hours = 1 }
        let before = EngineContext(catalog: Self.base)
        let after = EngineContext(catalog: changed, reusing: before)
        #expect(ResultDigest.of(after).hex == ResultDigest.of(EngineContext(catalog: changed)).hex)
    }

    @Test func otherOptionsRebuildTheIndex() {
        let before = EngineContext(catalog: Self.base)
        let options = EngineOptions(credentialECTS: 2...6)
        let after = EngineContext(catalog: Self.base, options: options, reusing: before)
        #expect(after.index !== before.index)
        #expect(ResultDigest.of(after).counts == ResultDigest.of(EngineContext(catalog: Self.base, options: options)).counts)
    }
}
