import Testing
import PathwayModel
@testable import PathwayEngine

@Suite struct ProgressionTests {
    let context = EngineContext(catalog: Fx.catalog())

    func learner(_ done: [String], prior: [CompetencyLevel] = []) -> Learner {
        Learner(name: "Ana", completions: done.map { Completion(credential: $0, date: Day("2025-03-01")!) },
                priorLearning: prior)
    }

    func states(_ p: Progression) -> [String: String] {
        Dictionary(uniqueKeysWithValues: p.credentials.map { ($0.code, $0.state.label) })
    }

    @Test func aNewLearnerCanStartWhereNothingIsRequired() throws {
        let p = try #require(context.progression(pathway: "P", learner: learner([])))
        #expect(p.credentials.map(\.code) == ["A1", "B1", "E1", "E2", "C1"])
        #expect(states(p) == ["A1": "available", "B1": "blocked", "E1": "available", "E2": "available", "C1": "blocked"])
        #expect(p.credential("B1")?.state == .blocked(Blockers(
            credentials: ["A1"], competencies: [CompetencyGap(competency: Fx.k("a"), required: Fx.lv(4), held: nil)])))
        #expect(p.earnedECTS == 0 && p.remainingECTS == 20)
        #expect(p.coverage.held == 0 && p.coverage.required == 4)
        #expect(p.currentEQF == nil && p.projectedEQF == Fx.lv(5))
        #expect(!p.isComplete)
        // A1 unblocks B1; E1 and E2 unblock nothing but each adds c.
        #expect(p.next.map(\.code) == ["A1", "E1", "E2"])
        #expect(p.next.first?.unblocks == ["B1"])
        #expect(p.next.first?.coverageGain == [Fx.k("a")])
    }

    @Test func completingCredentialsMovesTheLearnerOn() throws {
        let p = try #require(context.progression(pathway: "P", learner: learner(["A1"])))
        #expect(states(p) == ["A1": "completed", "B1": "available", "E1": "available", "E2": "available", "C1": "blocked"])
        #expect(p.credential("C1")?.state == .blocked(Blockers(credentials: ["B1"], competencies: [])))
        #expect(p.earnedECTS == 5 && p.remainingECTS == 15)
        #expect(p.coverage.held == 1 && p.coverage.missing.map(\.competency) == [Fx.k("b"), Fx.k("c"), Fx.k("d")])
        #expect(p.currentEQF == Fx.lv(4))
        #expect(p.next.first?.code == "B1" && p.next.first?.unblocks == ["C1"])
    }

    @Test func optionsOfASatisfiedGroupAreNotChosen() throws {
        let p = try #require(context.progression(pathway: "P", learner: learner(["A1", "E2"])))
        #expect(states(p)["E1"] == "not chosen")
        #expect(states(p)["E2"] == "completed")
        #expect(p.remainingECTS == 10)
        #expect(!p.next.map(\.code).contains("E1"))
    }

    @Test func aLearnerWhoDidEverythingIsComplete() throws {
        let p = try #require(context.progression(pathway: "P", learner: learner(["A1", "B1", "E1", "C1"])))
        #expect(p.isComplete)
        #expect(p.remainingECTS == 0 && p.earnedECTS == 20)
        #expect(p.coverage.held == 4 && p.coverage.missing.isEmpty)
        #expect(p.next.isEmpty)
        #expect(p.currentEQF == Fx.lv(5))
    }

    @Test func whatIfCountsCredentialsAsCompletedWithoutChangingTheLearner() throws {
        let ana = learner(["A1"])
        let p = try #require(context.progression(pathway: "P", learner: ana, whatIf: ["B1"]))
        #expect(p.credential("B1")?.state == .completed(assumed: true))
        #expect(p.credential("A1")?.state == .completed(assumed: false))
        #expect(p.credential("C1")?.state == .available)
        #expect(p.assumed == ["B1"])
        #expect(p.earnedECTS == 10)
        #expect(ana.completedCodes == ["A1"])
        let plain = try #require(context.progression(pathway: "P", learner: ana))
        #expect(plain.credential("B1")?.state == .available)
    }

    @Test func priorLearningStandsInForARequiredCredential() throws {
        let p = try #require(context.progression(pathway: "P", learner: learner([], prior: [Fx.at("a", 4)])))
        #expect(p.credential("B1")?.state == .available)
        #expect(p.coverage.held == 1)
    }

    @Test func aMissingCompetencyLevelBlocksWithTheLevelHeld() throws {
        let creds = Fx.replacing(Fx.cred("B1", teaches: [("b", 5)], requires: ["A1"], needs: [("a", 5)]))
        let ctx = EngineContext(catalog: Fx.catalog(credentials: creds))
        let p = try #require(ctx.progression(pathway: "P", learner: learner(["A1"])))
        #expect(p.credential("B1")?.state == .blocked(Blockers(
            credentials: [], competencies: [CompetencyGap(competency: Fx.k("a"), required: Fx.lv(5), held: Fx.lv(4))])))
    }

    @Test func nextStepsRankByUnblockingThenCoverage() throws {
        // X unblocks two credentials; A1 unblocks one.
        var creds = Fx.soundCredentials()
        creds += [Fx.cred("X", eqf: 4, teaches: [("x", 4)]),
                  Fx.cred("Y1", teaches: [("x", 5)], requires: ["X"]),
                  Fx.cred("Y2", teaches: [("x", 5)], requires: ["X"])]
        var path = Fx.soundPathway()
        path.stages[0].core.append("X")
        path.stages[2].core += ["Y1", "Y2"]
        let ctx = EngineContext(catalog: Fx.catalog(credentials: creds, pathways: [path]))
        let p = try #require(ctx.progression(pathway: "P", learner: learner([])))
        #expect(p.next.map(\.code) == ["X", "A1", "E1", "E2"])
        #expect(p.next[0].unblocks == ["Y1", "Y2"])
    }

    @Test func anUnknownPathwayGivesNoProgression() {
        #expect(context.progression(pathway: "NOPE", learner: learner([])) == nil)
    }
}
