import Testing
import PathwayModel
@testable import PathwayEngine

@Suite struct ECTSTests {
    func target(_ lo: Double?, _ hi: Double?) -> PathwayReport {
        var p = Fx.soundPathway()
        p.target.minECTS = lo
        p.target.maxECTS = hi
        return Fx.report(pathway: p)
    }

    @Test func everyRouteBelowTheMinimumIsAnError() {
        let r = target(25, 40)
        #expect(r.codes == [.ectsBelowTarget])
        #expect(r.findings[0].message == "The pathway gives 20 ECTS, below the target minimum of 25 ECTS.")
        #expect(!r.ects.everyRouteInRange && !r.ects.someRouteMayBeInRange)
    }

    @Test func everyRouteAboveTheMaximumIsAnError() {
        let r = target(5, 18)
        #expect(r.codes == [.ectsAboveTarget])
        #expect(r.findings[0].fix == "Remove credentials worth at least 2 ECTS, or raise the target maximum.")
    }

    @Test func theBoundsThemselvesAreInRange() {
        #expect(target(20, 20).findings.isEmpty)
        #expect(target(nil, nil).findings.isEmpty)
    }

    @Test func someRoutesOutsideTheRangeAreWarnings() {
        var creds = Fx.replacing(Fx.cred("E1", ects: 2, hours: 56, teaches: [("c", 5)]))
        creds = Fx.replacing(Fx.cred("E2", ects: 9, hours: 252, teaches: [("c", 5)]), in: creds)
        var p = Fx.soundPathway()
        p.target.minECTS = 18
        p.target.maxECTS = 22
        let r = Fx.report(credentials: creds, pathway: p)
        #expect(r.ects.min == 17 && r.ects.max == 24)
        #expect(Set(r.codes) == [.ectsSomeRoutesBelowTarget, .ectsSomeRoutesAboveTarget])
        #expect(r.codes.count == 2)
        #expect(!r.ects.everyRouteInRange && r.ects.someRouteMayBeInRange)
    }

    @Test func hoursPerCreditOutside25To30IsAWarning() {
        let r = Fx.report(credentials: Fx.replacing(Fx.cred("A1", eqf: 4, ects: 5, hours: 100, teaches: [("a", 4)])))
        #expect(r.codes == [.hoursPerCredit])
        #expect(r.findings[0].message == "A1 has 100 hours for 5 ECTS, 20 hours per credit instead of 25–30.")
        #expect(r.findings[0].entities.first == .credential("A1"))
        #expect(r.findings[0].stageIndex == 0)
        for hours in [125.0, 150] {
            #expect(Fx.report(credentials: Fx.replacing(Fx.cred("A1", eqf: 4, ects: 5, hours: hours, teaches: [("a", 4)]))).findings.isEmpty)
        }
        #expect(Fx.report(credentials: Fx.replacing(Fx.cred("A1", eqf: 4, ects: 5, hours: 151, teaches: [("a", 4)]))).codes == [.hoursPerCredit])
    }

    @Test func missingHoursAreNotAHoursProblem() {
        #expect(Fx.report(credentials: Fx.replacing(Fx.cred("A1", eqf: 4, hours: nil, teaches: [("a", 4)]))).findings.isEmpty)
    }

    @Test func aCredentialOutsideTheSaneSizeIsAWarning() {
        var p = Fx.soundPathway()
        p.target.maxECTS = 60
        let big = Fx.report(credentials: Fx.replacing(Fx.cred("C1", ects: 31, hours: 31 * 28, teaches: [("d", 5)], requires: ["B1"])), pathway: p)
        #expect(big.codes == [.credentialSize])
        #expect(big.findings[0].message.contains("larger than a micro-credential's usual 1–30 ECTS"))
        p.target.minECTS = 0
        let small = Fx.report(credentials: Fx.replacing(Fx.cred("C1", ects: 0.5, hours: 14, teaches: [("d", 5)], requires: ["B1"])), pathway: p)
        #expect(small.codes == [.credentialSize])
        let edge = Fx.report(credentials: Fx.replacing(Fx.cred("C1", ects: 30, hours: 840, teaches: [("d", 5)], requires: ["B1"])), pathway: p)
        #expect(edge.findings.isEmpty)
    }

    @Test func theSaneSizeIsConfigurable() {
        var p = Fx.soundPathway()
        p.target.maxECTS = nil
        let r = Fx.report(pathway: p, options: EngineOptions(credentialECTS: 6...10))
        #expect(r.with(.credentialSize).map(\.credentials) == [["A1"], ["B1"], ["E1"], ["E2"], ["C1"]], "stage order")
    }
}

@Suite struct EQFTests {
    @Test func aStageBelowAnEarlierStageIsAWarning() {
        let creds = Fx.replacing(Fx.cred("C1", eqf: 4, teaches: [("d", 4)], requires: ["B1"]))
        var p = Fx.soundPathway()
        p.target.competencies[3] = Fx.at("d", 4)
        let r = Fx.report(credentials: creds, pathway: p)
        #expect(r.codes == [.eqfStageDrop])
        #expect(r.findings[0].message == "Stage 3 (Capstone) is at EQF 4, below EQF 5 reached earlier in stage 2 (Practice).")
        #expect(r.findings[0].stageIndex == 2)
    }

    @Test func aFinalLevelBelowTheTargetIsAnError() {
        var p = Fx.soundPathway()
        p.target.eqfLevel = Fx.lv(6)
        let r = Fx.report(pathway: p)
        #expect(r.codes == [.eqfBelowTarget])
        #expect(r.findings[0].message == "The pathway targets EQF 6, but its highest level is EQF 5.")
    }

    @Test func aTargetReachedOnlyThroughAnOptionIsAWarning() {
        var p = Fx.soundPathway()
        p.target.eqfLevel = Fx.lv(6)
        let r = Fx.report(credentials: Fx.replacing(Fx.cred("E2", eqf: 6, teaches: [("c", 5)])), pathway: p)
        #expect(r.with(.eqfSomeRoutesBelowTarget).count == 1)
        // The stage level counts options too, so stage 3 (EQF 5) drops below stage 2 (EQF 6).
        #expect(r.codes == [.eqfSomeRoutesBelowTarget, .eqfStageDrop])
        #expect(r.eqf.guaranteed == Fx.lv(5) && r.eqf.highest == Fx.lv(6))
    }

    @Test func anOutcomeMappedAboveItsCredentialIsAWarning() {
        let r = Fx.report(credentials: Fx.replacing(Fx.cred("A1", eqf: 4, teaches: [("a", 6)])))
        #expect(r.codes == [.eqfOutcomeAboveCredential])
        #expect(r.findings[0].entities.first == .outcome(credential: "A1", id: "LO1"))
        #expect(r.findings[0].message == "Outcome LO1 of A1 is mapped to ‘skill a’ at EQF 6, above the credential's EQF 4.")
    }

    @Test func anOutcomeAtItsCredentialsLevelIsFine() {
        #expect(Fx.report(credentials: Fx.replacing(Fx.cred("A1", eqf: 4, teaches: [("a", 4), ("x", 3)]))).findings.isEmpty)
    }
}
