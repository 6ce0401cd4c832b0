import Testing
import PathwayModel
@testable import PathwayEngine

@Suite struct StructureTests {
    @Test func aPathwayWithoutStagesIsReported() {
        var p = Fx.soundPathway()
        p.stages = []
        let r = Fx.report(pathway: p)
        #expect(r.with(.emptyPathway).count == 1)
        #expect(r.with(.emptyPathway)[0].entities == [.pathway("P")])
    }

    @Test func anEmptyStageIsReportedWithItsIndex() {
        var p = Fx.soundPathway()
        p.stages.insert(Stage(title: "Nothing"), at: 1)
        let f = Fx.report(pathway: p).with(.emptyStage)
        #expect(f.count == 1)
        #expect(f.first?.stageIndex == 1)
        #expect(f.first?.message == "Stage 2 (Nothing) holds no credentials.")
    }

    @Test func aStageWithOnlyAnElectiveGroupIsNotEmpty() {
        var p = Fx.soundPathway()
        p.stages[1].core = []
        p.stages.insert(Stage(title: "Only options", electiveGroups: [ElectiveGroup(title: "G", choose: 1, options: ["X1", "X2"])]), at: 0)
        let r = Fx.report(credentials: Fx.soundCredentials() + [Fx.cred("X1", eqf: 4), Fx.cred("X2", eqf: 4)], pathway: p)
        #expect(r.with(.emptyStage).isEmpty)
    }

    @Test func aCredentialTwiceInAPathwayIsReportedOnce() {
        var p = Fx.soundPathway()
        p.stages[2].core.append("A1")
        let f = Fx.report(pathway: p).with(.duplicateCredential)
        #expect(f.count == 1)
        #expect(f.first?.credentials == ["A1"])
        #expect(f.first?.entities.contains(.stage(pathway: "P", index: 2)) == true)
        #expect(f.first?.message.contains("2 times") == true)
    }

    @Test func aCredentialInCoreAndInAGroupOfTheSameStageIsADuplicate() {
        var p = Fx.soundPathway()
        p.stages[1].electiveGroups[0].options.append("B1")
        #expect(Fx.report(pathway: p).with(.duplicateCredential).map(\.credentials) == [["B1"]])
    }

    @Test func aTargetWithoutCompetenciesIsReported() {
        var p = Fx.soundPathway()
        p.target.competencies = []
        let r = Fx.report(pathway: p)
        #expect(r.with(.emptyTarget).count == 1)
        #expect(r.coverage.required == 0)
    }

    @Test func aTargetCompetencyThatDoesNotExistIsReported() {
        var p = Fx.soundPathway()
        p.target.competencies.append(CompetencyLevel(competency: CompetencyKey(framework: "F", code: "zz"), level: Fx.lv(4)))
        let r = Fx.report(pathway: p)
        #expect(r.with(.unknownTargetCompetency).map(\.competencies) == [[CompetencyKey(framework: "F", code: "zz")]])
        #expect(r.with(.coverageNotCovered).isEmpty, "an unknown competency is reported once, as unknown")
    }

    @Test func aCredentialThatDoesNotExistIsReportedWhereItIsListed() {
        var p = Fx.soundPathway()
        p.stages[0].core.append("GHOST")
        p.stages[1].electiveGroups[0].options.append("PHANTOM")
        let f = Fx.report(pathway: p).with(.unknownCredential)
        #expect(f.map(\.credentials) == [["GHOST"], ["PHANTOM"]])
        #expect(f[1].entities.contains(.electiveGroup(pathway: "P", stage: 1, group: 0)))
        #expect(f[0].message == "Stage 1 (Basics) lists credential GHOST, which does not exist.")
    }
}

@Suite struct ElectiveArithmeticTests {
    /// Stage 2's group holds options of 2, 4, 6 and 8 ECTS; core A1 + B1 + C1 give 15.
    func pathway(choose: Int, options: [String] = ["O2", "O4", "O6", "O8"]) -> (PathwayReport, Pathway) {
        var p = Fx.soundPathway()
        p.target.minECTS = nil
        p.target.maxECTS = nil
        p.stages[1].electiveGroups = [ElectiveGroup(title: "Pick", choose: choose, options: options)]
        let extra = [2.0, 4, 6, 8].map { Fx.cred("O\(Int($0))", ects: $0, hours: $0 * 28, teaches: [("c", 5)]) }
        return (Fx.report(credentials: Fx.soundCredentials() + extra, pathway: p), p)
    }

    @Test func chooseNSumsTheNSmallestAndTheNLargest() {
        let (r, _) = pathway(choose: 2)
        #expect(r.ects.min == 15 + 2 + 4)
        #expect(r.ects.max == 15 + 6 + 8)
        // Two options teaching c at the same level can be taken together: overlap, nothing else.
        #expect(r.codes == [.coverageOverlap])
    }

    @Test func chooseZeroCountsNothingAndIsAWarning() {
        let (r, _) = pathway(choose: 0)
        #expect(r.ects.min == 15 && r.ects.max == 15)
        #expect(r.with(.electiveChooseNone).count == 1)
        #expect(r.with(.electiveChooseNone).first?.entities.first == .electiveGroup(pathway: "P", stage: 1, group: 0))
        // Its options are on no route, so c is not covered.
        #expect(r.with(.coverageNotCovered).map(\.competencies) == [[Fx.k("c")]])
    }

    @Test func chooseAllMakesMinEqualMaxAndIsInfo() {
        let (r, _) = pathway(choose: 4)
        #expect(r.ects.min == 35 && r.ects.max == 35)
        #expect(r.with(.electiveAllRequired).count == 1)
        #expect(r.with(.electiveOverAsking).isEmpty)
    }

    @Test func chooseMoreThanOfferedIsAnErrorAndCountsAllOptions() {
        let (r, _) = pathway(choose: 5)
        #expect(r.with(.electiveOverAsking).count == 1)
        #expect(r.with(.electiveOverAsking).first?.message.contains("asks for 5 choices but offers only 4") == true)
        #expect(r.ects.min == 35 && r.ects.max == 35)
        #expect(r.with(.electiveAllRequired).isEmpty)
    }

    @Test func aSingleOptionGroupIsEffectivelyCore() {
        let (r, _) = pathway(choose: 1, options: ["O6"])
        #expect(r.ects.min == 21 && r.ects.max == 21)
        #expect(r.with(.electiveAllRequired).first?.message.contains("its only option") == true)
    }

    @Test func anEmptyGroupAskingForOneIsOverAsking() {
        let (r, _) = pathway(choose: 1, options: [])
        #expect(r.with(.electiveOverAsking).count == 1)
        #expect(r.ects.min == 15)
    }

    @Test func routeModelCoverageRule() {
        // c is taught by E1 only; "choose 2 of E1, E2, E3": E2 and E3 can be chosen without E1.
        var p = Fx.soundPathway()
        p.stages[1].electiveGroups = [ElectiveGroup(title: "G", choose: 2, options: ["E1", "E2", "E3"])]
        let creds = Fx.replacing(Fx.cred("E2", teaches: [("x", 4)])) + [Fx.cred("E3", teaches: [("x", 4)])]
        var r = Fx.report(credentials: creds, pathway: p)
        #expect(r.with(.coverageSomeRoutes).map(\.competencies) == [[Fx.k("c")]])
        // With "choose 3 of 3" every route includes E1.
        p.stages[1].electiveGroups[0].choose = 3
        r = Fx.report(credentials: creds, pathway: p)
        #expect(r.with(.coverageSomeRoutes).isEmpty)
        // "choose 2 of E1, E2, E3" where two options teach c: only one lacks it, fewer than 2.
        let two = Fx.replacing(Fx.cred("E3", teaches: [("c", 5)]), in: creds)
        p.stages[1].electiveGroups[0].choose = 2
        r = Fx.report(credentials: two, pathway: p)
        #expect(r.with(.coverageSomeRoutes).isEmpty)
        #expect(r.coverage.everyRoute == 4)
    }
}
