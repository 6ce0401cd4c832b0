import Testing
import PathwayModel
import PathwayWorkload
@testable import PathwayEngine

/// The catalog-wide findings made with a `MapCoverage` kept from before an edit are exactly the
/// ones made from scratch whenever `MapCoverage.isUnchanged(by:from:to:)` lets it be kept.
@Suite struct MapCoverageTests {
    @Test func keptCoverageGivesTheFindingsOfAFreshCheck() {
        var catalog = PlantedFlaws.plant(in: Workload(size: .scaled(0.03), seed: 5).catalog)
        var coverage = EngineContext(catalog: catalog).mapCoverage()
        var edits = RandomEdits(seed: 17)
        var kept = 0, renewed = 0
        for step in 0..<150 {
            let set = edits.next(for: catalog)
            let before = catalog
            catalog.apply(set)
            let context = EngineContext(catalog: catalog)
            let fresh = context.mapCoverage()
            if MapCoverage.isUnchanged(by: set, from: before, to: catalog) {
                kept += 1
                #expect(coverage == fresh, "after step \(step), \(set.label): the coverage changed")
                #expect(context.catalogFindings(mapCoverage: coverage) == context.catalogFindings(),
                        "after step \(step), \(set.label)")
            } else {
                renewed += 1
            }
            coverage = fresh
        }
        // Both kinds of edit happened.
        #expect(kept > 30)
        #expect(renewed > 30)
    }

    @Test func renamingAnUncoveredCompetencyKeepsTheCountsAndRenamesTheExample() throws {
        var catalog = Workload(size: .scaled(0.02), seed: 3).catalog
        let context = EngineContext(catalog: catalog)
        let coverage = context.mapCoverage()
        let finding = try #require(context.catalogFindings().first { $0.code == .mapUncovered })
        let example = try #require(finding.competencies.first)
        var renamed = catalog.competencies[example]!
        renamed.title = "Brand-new title"
        let set = ChangeSet("Rename", [.putCompetency(renamed)])
        let before = catalog
        catalog.apply(set)
        #expect(MapCoverage.isUnchanged(by: set, from: before, to: catalog))
        let after = EngineContext(catalog: catalog, applying: set, to: context)
        let findings = after.catalogFindings(mapCoverage: coverage)
        #expect(findings.contains { $0.code == .mapUncovered && $0.message.contains("‘Brand-new title’") })
        #expect(findings == EngineContext(catalog: catalog).catalogFindings())
    }
}
