import Testing
import PathwayModel
import PathwayWorkload
@testable import PathwayEngine

/// `credentials(reading:requiring:)` answers from the index what a scan of every credential's
/// outcomes and prerequisites answers.
@Suite struct CredentialsReadingTests {
    @Test func theIndexAgreesWithAScanOfTheCredentials() {
        let catalog = PlantedFlaws.plant(in: Workload(size: .scaled(0.03), seed: 9).catalog)
        let context = EngineContext(catalog: catalog)
        let keys = catalog.competencies.keys.sorted()
        let codes = catalog.credentials.keys.sorted()
        var random = SeededGenerator(seed: 4)
        var nonEmpty = 0
        for round in 0..<40 {
            var competencies = Set((0..<random.int(0...30)).map { _ in keys[random.index(keys.count)] })
            if round % 5 == 0 { competencies.insert(CompetencyKey(framework: "NOFW", code: "none")) }
            let credentials = Set((0..<random.int(0...3)).map { _ in codes[random.index(codes.count)] })
            let scanned = Set(catalog.credentials.values.filter { c in
                c.prerequisites.credentials.contains(where: credentials.contains)
                    || c.prerequisites.competencies.contains { competencies.contains($0.competency) }
                    || c.learningOutcomes.contains { $0.mappings.contains { competencies.contains($0.competency) } }
            }.map(\.code))
            if !scanned.isEmpty { nonEmpty += 1 }
            #expect(context.credentials(reading: competencies, requiring: credentials) == scanned, "round \(round)")
        }
        #expect(nonEmpty > 10)
    }
}
