import Testing
import PathwayModel
import PathwayWorkload
@testable import PathwayEngine

/// The full check spread over cores must say exactly what the one-thread check says, in the
/// same order: every pathway's report and the catalog-wide findings.
@Suite struct ParallelCheckTests {
    static func expectSame(_ catalog: Catalog, learner: Learner? = nil, _ what: String) {
        let context = EngineContext(catalog: catalog)
        let one = context.checkAll(learner: learner, parallel: false)
        let spread = context.checkAll(learner: learner, parallel: true)
        #expect(spread.pathways.map(\.pathway) == one.pathways.map(\.pathway), "\(what): pathway order")
        for (a, b) in zip(spread.pathways, one.pathways) {
            #expect(a.findings == b.findings, "\(what): findings of \(b.pathway)")
            #expect(a.ects == b.ects && a.eqf == b.eqf && a.coverage == b.coverage, "\(what): figures of \(b.pathway)")
            #expect(String(describing: a.stages) == String(describing: b.stages), "\(what): stages of \(b.pathway)")
        }
        #expect(spread.catalogFindings == one.catalogFindings, "\(what): catalog-wide findings")
        #expect(spread.allFindings.count == one.allFindings.count, "\(what)")
    }

    /// 150 pathways (several chunks, the last one partial), with the planted flaws so every
    /// kind of finding appears, with and without a learner.
    @Test(arguments: [7, 31])
    func spreadOverCoresEqualsOneThread(seed: UInt64) throws {
        let catalog = PlantedFlaws.plant(in: Workload(size: .scaled(0.3), seed: seed).catalog)
        #expect(catalog.pathways.count > ParallelCheck.chunk * 3, "too few pathways to spread: \(catalog.pathways.count)")
        Self.expectSame(catalog, "seed \(seed)")
        let learner = try #require(catalog.learnerList.first)
        Self.expectSame(catalog, learner: learner, "seed \(seed), learner \(learner.name)")
        // The public entry point spreads at this size and still agrees.
        #expect(catalog.pathways.count >= ParallelCheck.minimumPathways)
        let context = EngineContext(catalog: catalog)
        #expect(context.checkAll().allFindings == context.checkAll(learner: nil, parallel: false).allFindings)
    }

    @Test func smallAndEmptyCatalogsAgreeToo() {
        Self.expectSame(Catalog(), "empty")
        Self.expectSame(PlantedFlaws.plant(in: Workload(size: .scaled(0.01), seed: 3).catalog), "1% scale")
    }

    /// The index derived on two threads numbers the competencies exactly as one thread does,
    /// and derives the same entries (taught competencies by number, levels, findings).
    @Test(arguments: [0.01, 0.3])
    func indexDerivedOnTwoThreadsEqualsOneThread(scale: Double) {
        let catalog = PlantedFlaws.plant(in: Workload(size: .scaled(scale), seed: 11).catalog)
        let options = EngineOptions()
        let one = CatalogIndex(catalog: catalog, options: options, parallel: false)
        let two = CatalogIndex(catalog: catalog, options: options, parallel: true)
        #expect(two.competencyKeys == one.competencyKeys)
        #expect(two.competencyIDs == one.competencyIDs)
        #expect(two.ids == one.ids)
        #expect(two.cycles.cycles == one.cycles.cycles)
        #expect(two.entries.count == one.entries.count)
        let context = EngineContext(catalog: catalog)
        for (a, b) in zip(two.entries, one.entries) {
            guard let a, let b else {
                #expect(a == nil && b == nil)
                continue
            }
            #expect(a.code == b.code && a.ects == b.ects && a.eqf == b.eqf && a.prerequisites == b.prerequisites)
            #expect(a.taught.map(\.competency) == b.taught.map(\.competency), "\(b.code)")
            #expect(a.taught.map(\.level) == b.taught.map(\.level), "\(b.code)")
            #expect(a.findings.map { $0.finding(pathway: nil, stage: nil, context: context) }
                    == b.findings.map { $0.finding(pathway: nil, stage: nil, context: context) }, "\(b.code)")
        }
        // A workload of this size is derived on two threads by a context.
        #expect((catalog.credentials.count >= CatalogIndex.parallelCredentials) == (scale > 0.2))
    }
}
