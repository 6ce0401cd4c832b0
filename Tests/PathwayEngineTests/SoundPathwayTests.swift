import Testing
import PathwayModel
@testable import PathwayEngine

@Suite struct SoundPathwayTests {
    @Test func aSoundPathwayHasNoFindings() {
        let r = Fx.report()
        #expect(r.findings.isEmpty, "\(r.findings)")
    }

    @Test(arguments: FindingCode.allCases)
    func aSoundPathwayStaysQuietAbout(_ code: FindingCode) {
        #expect(Fx.report().with(code).isEmpty)
    }

    @Test func soundFiguresAreRight() {
        let r = Fx.report()
        #expect(r.ects.min == 20 && r.ects.max == 20)
        #expect(r.ects.everyRouteInRange)
        #expect(r.eqf.guaranteed == Fx.lv(5) && r.eqf.highest == Fx.lv(5))
        #expect(r.stages.map(\.eqfLevel) == [Fx.lv(4), Fx.lv(5), Fx.lv(5)])
        #expect(r.stages.map { $0.coverage.everyRoute } == [1, 2, 1])
        #expect(r.stages.map { $0.cumulativeCoverage.everyRoute } == [1, 3, 4])
        #expect(r.coverage == CoverageCount(everyRoute: 4, someRoute: 4, required: 4))
        #expect(r.stages.map(\.ectsMin) == [5, 10, 5])
    }

    @Test func everyCodeHasAFixedSeverityAndFamily() {
        let families = Set(FindingCode.allCases.map(\.family))
        #expect(families == ["structure", "elective", "prerequisite", "ects", "eqf", "coverage", "completeness"])
        #expect(FindingCode(rawValue: "prerequisite.cycle")?.severity == .error)
        #expect(Set(FindingCode.allCases.map(\.rawValue)).count == FindingCode.allCases.count)
    }
}
