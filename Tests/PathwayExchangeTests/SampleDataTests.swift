import Foundation
import Testing
import PathwayModel
import PathwayExchange
import PathwaySamples

@Suite struct SampleDataTests {
    @Test func theSampleFilesLoad() throws {
        let files = SampleData.projectFiles()
        #expect(!files.isEmpty)
        let catalog = try ProjectFile.loadAll(files)
        #expect(catalog.integrityProblems().isEmpty)
        for url in files {
            let data = try Data(contentsOf: url)
            let one = try ProjectFile.decode(data, source: url.lastPathComponent)
            // Each file is self-contained and already in the canonical form the app writes.
            #expect(ProjectFile.encode(one) == ProjectFile.encode(try ProjectFile.decode(ProjectFile.encode(one), source: "x")))
        }
    }
}
