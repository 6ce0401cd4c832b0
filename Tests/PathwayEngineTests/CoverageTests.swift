import Testing
import PathwayModel
@testable import PathwayEngine

@Suite struct CoverageTests {
    @Test func aTargetCompetencyNoCredentialTeachesIsAnError() {
        var p = Fx.soundPathway()
        p.target.competencies.append(Fx.at("x", 3))
        let r = Fx.report(pathway: p)
        #expect(r.codes == [.coverageNotCovered])
        #expect(r.findings[0].message == "The target requires ‘skill x’ at EQF 3, but no credential in the pathway teaches it.")
        #expect(r.coverage == CoverageCount(everyRoute: 4, someRoute: 4, required: 5))
    }

    @Test func coverageOnlyBelowTheRequiredLevelIsAnError() {
        var p = Fx.soundPathway()
        p.target.competencies[0] = Fx.at("a", 5)
        let r = Fx.report(pathway: p)
        #expect(r.codes == [.coverageBelowLevel])
        #expect(r.findings[0].message == "The target requires ‘skill a’ at EQF 5, but the pathway teaches it only up to EQF 4 (A1).")
        #expect(r.findings[0].credentials == ["A1"])
    }

    @Test func coverageOnSomeRoutesOnlyIsAWarning() {
        let r = Fx.report(credentials: Fx.replacing(Fx.cred("E2", teaches: [("x", 4)])))
        #expect(r.codes == [.coverageSomeRoutes])
        #expect(r.findings[0].message == "‘skill c’ is covered at EQF 5 only for learners who choose E1.")
        #expect(r.stages[1].coverage == CoverageCount(everyRoute: 1, someRoute: 2, required: 4))
        #expect(r.coverage.description == "3–4/4")
    }

    @Test func aLearnersPriorLearningCountsAsCovered() {
        var p = Fx.soundPathway()
        p.target.competencies.append(Fx.at("x", 3))
        let ana = Learner(name: "Ana", priorLearning: [Fx.at("x", 4)])
        let r = Fx.report(pathway: p, learner: ana)
        #expect(r.findings.isEmpty)
        #expect(r.stages[0].cumulativeCoverage.everyRoute == 2)
    }

    @Test func anOutcomeMappedToNothingIsInfo() {
        var c = Fx.cred("A1", eqf: 4, teaches: [("a", 4)])
        c.learningOutcomes.append(LearningOutcome(id: "LO2", statement: "Learners can reflect."))
        let r = Fx.report(credentials: Fx.replacing(c))
        #expect(r.codes == [.unmappedOutcome])
        #expect(r.findings[0].severity == .info)
        #expect(r.findings[0].entities.first == .outcome(credential: "A1", id: "LO2"))
    }

    @Test func theSameCompetencyAtTheSameLevelInTwoCredentialsIsOverlap() {
        let r = Fx.report(credentials: Fx.replacing(Fx.cred("C1", teaches: [("d", 5), ("b", 5)], requires: ["B1"])))
        #expect(r.codes == [.coverageOverlap])
        #expect(r.findings[0].message == "B1 and C1 both teach ‘skill b’ at EQF 5.")
        #expect(r.findings[0].competencies == [Fx.k("b")])
    }

    @Test func theSameCompetencyAtDifferentLevelsIsProgressionNotOverlap() {
        let r = Fx.report(credentials: Fx.replacing(Fx.cred("C1", teaches: [("d", 5), ("a", 5)], requires: ["B1"])))
        #expect(r.findings.isEmpty)
    }
}

@Suite struct CompletenessTests {
    @Test func aCredentialLackingAnnexIElementsIsAWarning() {
        var c = Fx.cred("A1", eqf: 4, teaches: [("a", 4)])
        c.qualityAssurance = ""
        c.participation = nil
        let r = Fx.report(credentials: Fx.replacing(c))
        #expect(r.codes == [.annexIIncomplete])
        #expect(r.findings[0].message == "A1 lacks the Annex I elements form of participation and type of quality assurance.")
    }

    @Test func aCredentialWithoutWorkloadCountsAsUnknown() {
        var p = Fx.soundPathway()
        p.target.minECTS = nil
        let r = Fx.report(credentials: Fx.replacing(Fx.cred("A1", eqf: 4, ects: nil, hours: nil, teaches: [("a", 4)])), pathway: p)
        #expect(r.codes == [.annexIIncomplete])
        #expect(r.ects.unknownWorkload == ["A1"])
        #expect(r.ects.min == 15)
    }
}

@Suite struct CatalogFindingTests {
    @Test func uncoveredMapCompetenciesAreOneFindingPerFramework() {
        var catalog = Fx.catalog()
        catalog.frameworks["G"] = CompetencyFramework(code: "G", title: "Other map")
        for i in 0..<12 {
            let c = Competency(framework: "G", code: i < 10 ? "g0\(i)" : "g\(i)", title: "g \(i)",
                               parent: i == 0 ? nil : "g00")
            catalog.competencies[c.key] = c
        }
        let f = EngineContext(catalog: catalog).catalogFindings().filter { $0.code == .mapUncovered }
        #expect(f.count == 2)
        #expect(f[0].entities == [.framework("F"), .competency(Fx.k("x"))])
        #expect(f[0].message == "1 of the 5 competencies of ‘Sector map’ is taught by no credential, among them ‘skill x’.")
        // An untaught branch is named by its root only.
        #expect(f[1].message == "None of the 12 competencies of ‘Other map’ is taught by any credential, among them ‘g 0’.")
    }

    @Test func aParentOfATaughtCompetencyIsNotUncovered() {
        var catalog = Fx.catalog()
        catalog.competencies[Fx.k("x")]!.parent = "a"
        catalog.credentials["A1"] = Fx.cred("A1", eqf: 4, teaches: [("a", 4)])
        let f = EngineContext(catalog: catalog).catalogFindings().filter { $0.code == .mapUncovered }
        #expect(f.first?.competencies == [Fx.k("x")])
        catalog.credentials["E2"] = Fx.cred("E2", teaches: [("c", 5), ("x", 4)])
        #expect(EngineContext(catalog: catalog).catalogFindings().isEmpty)
    }

    @Test func credentialsOutsideEveryPathwayAreCheckedAtCatalogLevel() {
        var catalog = Fx.catalog()
        var lone = Fx.cred("LONE", teaches: [("x", 4)])
        lone.awardingBody = ""
        catalog.credentials["LONE"] = lone
        let context = EngineContext(catalog: catalog)
        let f = context.catalogFindings()
        #expect(f.map(\.code) == [.annexIIncomplete])
        #expect(f.first?.pathway == nil)
        #expect(context.check(pathway: "P")!.findings.isEmpty)
    }

    @Test func checkAllListsEveryPathwayInCodeOrder() {
        var second = Fx.soundPathway()
        second.code = "A-PATH"
        let all = EngineContext(catalog: Fx.catalog(pathways: [Fx.soundPathway(), second])).checkAll()
        #expect(all.pathways.map(\.pathway) == ["A-PATH", "P"])
        #expect(!all.hasErrors)
        #expect(all.count(.info) == 1)
    }

    @Test func findingsAreOrderedBySeverityThenStage() {
        var p = Fx.soundPathway()
        p.stages.append(Stage(title: "Empty"))
        p.target.competencies.append(Fx.at("x", 3))
        var c = Fx.cred("B1", teaches: [("b", 5)], requires: ["A1"], needs: [("a", 4)])
        c.learningOutcomes.append(LearningOutcome(id: "LO9", statement: "Unmapped."))
        let r = Fx.report(credentials: Fx.replacing(c), pathway: p)
        #expect(r.codes == [.coverageNotCovered, .emptyStage, .unmappedOutcome])
        #expect(r.findings == Fx.report(credentials: Fx.replacing(c), pathway: p).findings)
    }
}

@Suite struct ContextReuseTests {
    @Test func editingOnlyAPathwayKeepsTheIndex() {
        let first = EngineContext(catalog: Fx.catalog())
        var catalog = first.catalog
        var p = Fx.soundPathway()
        p.stages[2].core.append("A1")
        catalog.pathways["P"] = p
        let second = EngineContext(catalog: catalog, reusing: first)
        #expect(second.index === first.index)
        #expect(second.check(pathway: "P")?.codes == [.duplicateCredential])
    }

    @Test func editingACredentialRebuildsTheIndex() {
        let first = EngineContext(catalog: Fx.catalog())
        var catalog = first.catalog
        catalog.credentials["A1"] = Fx.cred("A1", eqf: 4, teaches: [("a", 3)])
        let second = EngineContext(catalog: catalog, reusing: first)
        #expect(second.index !== first.index)
        #expect(second.check(pathway: "P")?.codes.contains(.coverageBelowLevel) == true)
    }
}
