import Testing
import PathwayModel
import PathwayExchange
import PathwaySamples
@testable import PathwayEngine

/// The shipped sample data (SampleData/README.md): every pathway but DSP-DIGI checks clean of
/// errors and warnings; DSP-DIGI reports exactly its three planted flaws.
@Suite struct SampleDataEngineTests {
    let context: EngineContext

    init() throws {
        context = EngineContext(catalog: try ProjectFile.loadAll(SampleData.projectFiles()))
    }

    @Test(arguments: ["DSP-GPP", "DSP-LEAD", "TSV-NEW", "TSV-NEET", "TSV-ADULT", "SPV-INST", "SPV-TECH"])
    func soundSamplePathwaysHaveNoErrorsOrWarnings(code: String) throws {
        let r = try #require(context.check(pathway: code))
        let serious = r.findings.filter { $0.severity != .info }
        #expect(serious.isEmpty, "\(serious)")
        #expect(r.ects.everyRouteInRange)
        #expect(r.coverage.everyRoute == r.coverage.required)
    }

    @Test func theFlawedPathwayReportsExactlyItsPlantedFlaws() throws {
        let r = try #require(context.check(pathway: "DSP-DIGI"))
        let serious = r.findings.filter { $0.severity != .info }
        #expect(serious.map(\.code).sorted() == [.coverageNotCovered, .ectsBelowTarget, .prerequisiteMissing])
        #expect(serious.allSatisfy { $0.severity == .error })
        let missing = try #require(r.with(.prerequisiteMissing).first)
        #expect(missing.credentials == ["DSP-07", "DSP-04"])
        #expect(missing.stageIndex == 1)
        let uncovered = try #require(r.with(.coverageNotCovered).first)
        #expect(uncovered.competencies == [CompetencyKey(framework: "DSP", code: "S.DATA.2")])
        #expect(r.ects.min == 7 && r.ects.max == 7)
        #expect(r.with(.ectsBelowTarget).first?.message.contains("below the target minimum of 12 ECTS") == true)
        #expect(r.eqf.guaranteed == EQFLevel(7))
        #expect(r.stages.map(\.eqfLevel) == [EQFLevel(6), EQFLevel(7)])
        #expect(r.coverage == CoverageCount(everyRoute: 3, someRoute: 3, required: 4))
    }

    @Test func sampleRangesMatchTheReadme() throws {
        let expected: [String: (Double, Double)] = [
            "DSP-GPP": (18, 19), "DSP-LEAD": (28, 28), "TSV-NEW": (11, 11), "TSV-NEET": (11, 12),
            "TSV-ADULT": (7, 7), "SPV-INST": (15.5, 16), "SPV-TECH": (23, 23),
        ]
        for (code, range) in expected {
            let r = try #require(context.check(pathway: code))
            #expect(r.ects.min == range.0 && r.ects.max == range.1, "\(code)")
        }
    }

    @Test func catalogLevelFindingsAreInfoOnly() {
        let all = context.checkAll()
        #expect(all.catalogFindings.allSatisfy { $0.severity == .info })
        #expect(Set(all.catalogFindings.filter { $0.code == .mapUncovered }.compactMap {
            if case .framework(let f) = $0.entities.first { return f } else { return nil }
        }).isSubset(of: ["DSP", "SPV", "TSV"]))
        #expect(all.count(.error) == 3)
    }

    @Test func aSampleLearnersProgressionMatchesTheReadme() throws {
        let catalog = context.catalog
        let marta = try #require(catalog.learners["Marta Oliveira"])
        let p = try #require(context.progression(pathway: "DSP-GPP", learner: marta))
        #expect(p.credential("DSP-01")?.state == .completed(assumed: false))
        #expect(p.credential("DSP-02")?.state == .completed(assumed: false))
        #expect(!p.isComplete)
        #expect(!p.next.isEmpty)
        let eleni = try #require(catalog.learners["Ελένη Κ."])
        let done = try #require(context.progression(pathway: "TSV-ADULT", learner: eleni))
        #expect(done.isComplete)
        #expect(done.remainingECTS == 0)
    }
}
