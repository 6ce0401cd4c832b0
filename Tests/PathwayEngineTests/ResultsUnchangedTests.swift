import Testing
import PathwayModel
import PathwayExchange
import PathwaySamples
import PathwayWorkload
@testable import PathwayEngine

/// The engine's results are pinned: a digest of every finding (code, message, fix, entities,
/// order), every figure and every learner's progression, taken before the engine was sped up,
/// on the sample data and on generated workloads. A faster engine must say exactly the same.
///
/// When a change *means* to alter results (a new check, a reworded message), run this suite,
/// check that the differing counts are the intended ones, and paste the new figures here.
@Suite struct ResultsUnchangedTests {
    static let workload = Workload(size: .scaled(0.1), seed: Workload.defaultSeed)

    struct Expected {
        let counts: [String: Int]
        let digest: String
    }

    func expectSame(_ digest: ResultDigest, _ expected: Expected, _ what: String) {
        #expect(digest.counts == expected.counts, "\(what): findings per code differ")
        #expect(digest.hex == expected.digest, "\(what): results differ (counts \(digest.counts.sorted { $0.key < $1.key }))")
    }

    @Test func sampleDataResultsAreUnchanged() throws {
        let catalog = try ProjectFile.loadAll(SampleData.projectFiles())
        expectSame(ResultDigest.of(EngineContext(catalog: catalog)), Self.sample, "sample data")
    }

    @Test func generatedWorkloadResultsAreUnchanged() {
        expectSame(ResultDigest.of(EngineContext(catalog: Self.workload.catalog)), Self.generated, "generated workload")
    }

    @Test func workloadWithPlantedFlawsResultsAreUnchanged() {
        let catalog = PlantedFlaws.plant(in: Self.workload.catalog)
        expectSame(ResultDigest.of(EngineContext(catalog: catalog)), Self.planted, "planted flaws")
    }

    // Taken with the engine at main 9dfc1c4, before the speed work of issue 6.
    static let sample = Expected(counts: [
        "coverage.not-covered": 9,
        "coverage.overlap": 11,
        "ects.below-target": 10,
        "prerequisite.missing": 9,
    ], digest: "8ace2531f4c3b210")
    static let generated = Expected(counts: [
        "completeness.annex-i": 195,
        "coverage.below-level": 109,
        "coverage.map-uncovered": 1,
        "coverage.not-covered": 344,
        "coverage.overlap": 479,
        "coverage.some-routes": 49,
        "ects.some-routes-below-target": 2,
        "eqf.some-routes-below-target": 4,
        "prerequisite.elective-only": 3,
        "prerequisite.missing": 202,
        "prerequisite.order": 60,
        "prerequisite.recommended-order": 4,
    ], digest: "341fa319a928310a")
    static let planted = Expected(counts: [
        "completeness.annex-i": 276,
        "coverage.below-level": 94,
        "coverage.map-uncovered": 1,
        "coverage.not-covered": 326,
        "coverage.overlap": 477,
        "coverage.some-routes": 47,
        "coverage.unmapped-outcome": 131,
        "ects.above-target": 52,
        "ects.credential-size": 115,
        "ects.hours-per-credit": 175,
        "ects.some-routes-above-target": 8,
        "ects.some-routes-below-target": 2,
        "elective.choose-none": 11,
        "elective.over-asking": 8,
        "eqf.outcome-above-credential": 176,
        "eqf.some-routes-below-target": 4,
        "eqf.stage-drop": 31,
        "prerequisite.competency-some-routes": 1,
        "prerequisite.competency-unmet": 234,
        "prerequisite.cycle": 57,
        "prerequisite.elective-only": 3,
        "prerequisite.missing": 199,
        "prerequisite.order": 60,
        "prerequisite.recommended-order": 44,
        "prerequisite.unknown-credential": 9,
        "structure.duplicate-credential": 15,
        "structure.empty-stage": 7,
        "structure.empty-target": 6,
        "structure.unknown-competency": 11,
        "structure.unknown-credential": 9,
    ], digest: "ba2d2e3a693fe0e0")
}
