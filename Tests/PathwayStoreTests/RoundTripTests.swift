import Foundation
import Testing
import PathwayModel
@testable import PathwayStore

@Suite struct RoundTripTests {
    @Test func everyFieldSurvivesCreateAndLoad() throws {
        let folder = TempFolder()
        let catalog = Fixtures.fullCatalog()
        #expect(catalog.integrityProblems() == [])
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: catalog)
        let loaded = try store.load()
        #expect(loaded == catalog)
        #expect(try store.consistencyProblems() == [])
    }

    @Test func reopeningGivesTheSameCatalog() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        _ = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        let reopened = try DocumentStore(path: path)
        #expect(try reopened.load() == Fixtures.fullCatalog())
        #expect(!reopened.isReadOnly)
    }

    @Test func replaceAllSwapsTheWholeDocument() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        let small = Catalog(frameworks: [CompetencyFramework(code: "ONLY", title: "Only")],
                            competencies: [Competency(framework: "ONLY", code: "X", title: "Only child")])
        try store.replaceAll(with: small)
        #expect(try store.load() == small)
        #expect(try store.searchCompetencies("procurement") == [])
        #expect(try store.consistencyProblems() == [])
    }
}
