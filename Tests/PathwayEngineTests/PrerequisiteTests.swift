import Testing
import PathwayModel
@testable import PathwayEngine

@Suite struct PrerequisiteTests {
    @Test func aRequiredCredentialOutsideThePathwayIsMissing() {
        let creds = Fx.replacing(Fx.cred("B1", teaches: [("b", 5)], requires: ["A1", "Z9"], needs: [("a", 4)]))
            + [Fx.cred("Z9", eqf: 4, teaches: [("x", 4)])]
        let f = Fx.report(credentials: creds).with(.prerequisiteMissing)
        #expect(f.count == 1)
        #expect(f.first?.credentials == ["B1", "Z9"])
        #expect(f.first?.message == "B1 in stage 2 (Practice) requires Z9, which is not in the pathway.")
        #expect(f.first?.fix?.contains("before stage 2") == true)
    }

    @Test func aLearnerWhoCompletedTheMissingCredentialIsFine() {
        let creds = Fx.replacing(Fx.cred("B1", teaches: [("b", 5)], requires: ["A1", "Z9"], needs: [("a", 4)]))
            + [Fx.cred("Z9", eqf: 4, teaches: [("x", 4)])]
        let ana = Learner(name: "Ana", completions: [Completion(credential: "Z9", date: Day("2025-01-01")!)])
        #expect(Fx.report(credentials: creds, learner: ana).with(.prerequisiteMissing).isEmpty)
        // Prior learning holding every competency Z9 teaches stands in for it.
        let rpl = Learner(name: "Rui", priorLearning: [Fx.at("x", 5)])
        #expect(Fx.report(credentials: creds, learner: rpl).with(.prerequisiteMissing).isEmpty)
        // Prior learning below Z9's level does not.
        let low = Learner(name: "Lia", priorLearning: [Fx.at("x", 3)])
        let f = Fx.report(credentials: creds, learner: low).with(.prerequisiteMissing)
        #expect(f.map(\.message) == ["B1 in stage 2 (Practice) requires Z9, which is not in the pathway, and Lia has not completed it."])
    }

    @Test func aRequiredCredentialThatDoesNotExistIsReported() {
        let creds = Fx.replacing(Fx.cred("C1", teaches: [("d", 5)], requires: ["B1", "NOPE"]))
        let f = Fx.report(credentials: creds).with(.prerequisiteUnknown)
        #expect(f.map(\.credentials) == [["C1", "NOPE"]])
    }

    @Test func aPrerequisiteInTheSameStageIsOutOfOrder() {
        var p = Fx.soundPathway()
        p.stages[0].core.append("B1")
        p.stages[1].core = []
        let f = Fx.report(pathway: p).with(.prerequisiteOrder)
        #expect(f.count == 1)
        #expect(f.first?.message == "B1 in stage 1 (Basics) requires A1, which comes in the same stage.")
    }

    @Test func aPrerequisiteInALaterStageIsOutOfOrder() {
        var p = Fx.soundPathway()
        p.stages[0].core = ["B1"]
        p.stages[1].core = ["A1"]
        let f = Fx.report(pathway: p).with(.prerequisiteOrder)
        #expect(f.map(\.credentials) == [["B1", "A1"]])
        #expect(f.first?.message.contains("later, in stage 2 (Practice)") == true)
        #expect(f.first?.stageIndex == 0)
    }

    @Test func aCorePrerequisiteOnlyOfferedAsAnOptionIsAWarning() {
        var creds = Fx.soundCredentials()
        creds = Fx.replacing(Fx.cred("C1", teaches: [("d", 5)], requires: ["B1", "E1"]), in: creds)
        let f = Fx.report(credentials: creds).with(.prerequisiteElectiveOnly)
        #expect(f.map(\.credentials) == [["C1", "E1"]])
        // When the option goes with an optional credential, it is a choice, not a flaw.
        var p = Fx.soundPathway()
        p.stages[2] = Stage(title: "Capstone", electiveGroups: [ElectiveGroup(title: "End", choose: 1, options: ["C1", "C2"])])
        creds.append(Fx.cred("C2", teaches: [("d", 5)], requires: ["B1"]))
        #expect(Fx.report(credentials: creds, pathway: p).with(.prerequisiteElectiveOnly).isEmpty)
    }

    @Test func aCompetencyLevelReachedByNothingEarlierIsAnError() {
        // B1 needs a@5 but A1 reaches only a@4.
        let creds = Fx.replacing(Fx.cred("B1", teaches: [("b", 5)], requires: ["A1"], needs: [("a", 5)]))
        let f = Fx.report(credentials: creds).with(.prerequisiteCompetencyUnmet)
        #expect(f.count == 1)
        #expect(f.first?.message == "B1 requires ‘skill a’ at EQF 5, but earlier stages reach only EQF 4 (A1).")
        #expect(f.first?.competencies == [Fx.k("a")])
    }

    @Test func aCompetencyTaughtOnlyLaterPointsAtTheLaterCredential() {
        let creds = Fx.replacing(Fx.cred("B1", teaches: [("b", 5)], requires: ["A1"], needs: [("d", 5)]))
        let f = Fx.report(credentials: creds).with(.prerequisiteCompetencyUnmet)
        #expect(f.first?.message == "B1 requires ‘skill d’ at EQF 5, but nothing earlier in the pathway teaches it.")
        #expect(f.first?.fix == "Move C1 before stage 2 (Practice), or lower the required level.")
    }

    @Test func aCompetencyHeldByTheLearnerMeetsTheRequirement() {
        let creds = Fx.replacing(Fx.cred("B1", teaches: [("b", 5)], requires: ["A1"], needs: [("a", 5)]))
        let ana = Learner(name: "Ana", priorLearning: [Fx.at("a", 6)])
        #expect(Fx.report(credentials: creds, learner: ana).with(.prerequisiteCompetencyUnmet).isEmpty)
    }

    @Test func aCompetencyTaughtEarlierOnlyByOptionsIsAWarningForCoreCredentials() {
        // C1 (core) needs c@5, which only the stage-2 options teach; with choose 1 of E1, E2
        // both teach it, so every route has it. Make E2 teach something else.
        let creds = Fx.replacing(Fx.cred("E2", teaches: [("x", 4)]),
                                 in: Fx.replacing(Fx.cred("C1", teaches: [("d", 5)], requires: ["B1"], needs: [("c", 5)])))
        let r = Fx.report(credentials: creds)
        #expect(r.with(.prerequisiteCompetencySomeRoutes).map(\.credentials) == [["C1", "E1"]])
        #expect(r.with(.prerequisiteCompetencyUnmet).isEmpty)
    }

    @Test func recommendedOrderViolationIsOnlyAWarning() {
        var p = Fx.soundPathway()
        p.stages[0].core = ["A1", "C1"]
        p.stages[2].core = []
        let creds = Fx.replacing(Fx.cred("C1", teaches: [("d", 5)], after: ["B1"]))
        let r = Fx.report(credentials: creds, pathway: p)
        #expect(r.with(.recommendedOrder).map(\.credentials) == [["C1", "B1"]])
        #expect(r.with(.recommendedOrder).first?.severity == .warning)
        #expect(r.with(.prerequisiteOrder).isEmpty)
    }
}

@Suite struct CycleTests {
    func cycleFindings(_ requires: [String: [String]], stages: [[String]]) -> [Finding] {
        let codes = Set(requires.keys).union(requires.values.flatMap { $0 }).union(stages.flatMap { $0 })
        let creds = codes.sorted().map { Fx.cred($0, teaches: [("x", 4)], requires: requires[$0] ?? []) }
        var p = Fx.soundPathway()
        p.stages = stages.enumerated().map { Stage(title: "S\($0.offset + 1)", core: $0.element) }
        p.target.competencies = []
        return Fx.report(credentials: creds, pathway: p).with(.prerequisiteCycle)
    }

    @Test func aCredentialRequiringItselfIsACycleOfOne() {
        let f = cycleFindings(["A": ["A"]], stages: [["A"]])
        #expect(f.map(\.message) == ["A requires itself, so no learner can ever take it."])
        #expect(f.first?.credentials == ["A"])
    }

    @Test func twoCredentialsRequiringEachOtherAreOneCycle() {
        let f = cycleFindings(["A": ["B"], "B": ["A"]], stages: [["A"], ["B"]])
        #expect(f.count == 1)
        #expect(f.first?.message == "Prerequisites form a cycle, A → B → A, so none of them can be taken first.")
    }

    @Test func aLongCycleIsReportedWholeAndOnce() {
        let f = cycleFindings(["A": ["B"], "B": ["C"], "C": ["D"], "D": ["A"], "E": ["A"]],
                              stages: [["A", "B"], ["C", "D", "E"]])
        #expect(f.count == 1)
        #expect(f.first?.credentials == ["A", "B", "C", "D"])
        #expect(f.first?.message.contains("A → B → C → D → A") == true)
    }

    @Test func cycleEdgesAreNotAlsoReportedAsOrderProblems() {
        let codes = ["A", "B"]
        let creds = codes.map { Fx.cred($0, teaches: [("x", 4)], requires: $0 == "A" ? ["B"] : ["A"]) }
        var p = Fx.soundPathway()
        p.stages = [Stage(title: "S", core: codes)]
        let r = Fx.report(credentials: creds, pathway: p)
        #expect(r.with(.prerequisiteOrder).isEmpty)
        #expect(r.with(.prerequisiteCycle).count == 1)
    }

    @Test func twoCyclesSharingACredentialAreBothReported() {
        let f = cycleFindings(["A": ["B", "C"], "B": ["A"], "C": ["A"]], stages: [["A", "B", "C"]])
        #expect(f.map(\.credentials) == [["A", "B"], ["A", "C"]])
    }

    @Test func cyclesAmongCredentialsOutsideEveryPathwayAreCatalogFindings() {
        var catalog = Fx.catalog()
        catalog.credentials["Q"] = Fx.cred("Q", teaches: [("x", 4)], requires: ["R"])
        catalog.credentials["R"] = Fx.cred("R", teaches: [("x", 4)], requires: ["Q"])
        let context = EngineContext(catalog: catalog)
        #expect(context.prerequisiteCycles == [["Q", "R"]])
        #expect(context.catalogFindings().filter { $0.code == .prerequisiteCycle }.map(\.credentials) == [["Q", "R"]])
        #expect(context.check(pathway: "P")!.with(.prerequisiteCycle).isEmpty)
    }

    @Test func aSoundCatalogHasNoCycles() {
        #expect(EngineContext(catalog: Fx.catalog()).prerequisiteCycles.isEmpty)
    }
}
