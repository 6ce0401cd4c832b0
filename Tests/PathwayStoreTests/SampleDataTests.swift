import Foundation
import Testing
import PathwayExchange
import PathwayModel
import PathwaySamples
@testable import PathwayStore

/// The shipped sample data through the database and back: nothing lost, nothing changed.
@Suite struct SampleDataTests {
    @Test func projectFileToDatabaseToProjectFileIsLossless() throws {
        let urls = SampleData.projectFiles()
        try #require(!urls.isEmpty, "no sample project files found")
        let samples = try ProjectFile.loadAll(urls)
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("samples.sqlite"), seed: samples)
        let loaded = try store.load()
        #expect(loaded == samples)
        #expect(ProjectFile.encode(loaded) == ProjectFile.encode(samples))
        #expect(try store.consistencyProblems() == [])
    }
}
