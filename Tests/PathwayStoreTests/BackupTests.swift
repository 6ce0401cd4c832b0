import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

@Suite struct BackupTests {
    @Test func backupIsACompleteDocumentWhileTheOriginalIsOpen() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        try store.apply(ChangeSet("Add", [.putFramework(CompetencyFramework(code: "NEW", title: "After seeding"))]))
        let copyPath = folder.path("copy.sqlite")
        try store.backup(to: copyPath)
        let copy = try DocumentStore(path: copyPath)
        #expect(try copy.load() == store.load())
        #expect(try copy.consistencyProblems() == [])
        #expect(try copy.searchCompetencies("teamwork").count == 1)
        // Nothing but the copy is left in the folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
        #expect(names == [])
    }

    @Test func backupToAMissingFolderIsAClearError() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        let target = folder.path("no/such/folder/copy.sqlite")
        #expect(throws: StoreError.self) { try store.backup(to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func creatingOverAnExistingFileIsRefused() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try DocumentStore.create(at: path, seed: Fixtures.fullCatalog()) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func openOrCreateSeedsOnlyOnce() throws {
        let folder = TempFolder()
        let path = folder.path("sub/doc.sqlite")
        var seeded = 0
        let first = try DocumentStore.openOrCreate(at: path) { seeded += 1; return Fixtures.fullCatalog() }
        #expect(first.created)
        let second = try DocumentStore.openOrCreate(at: path) { seeded += 1; return Catalog() }
        #expect(!second.created)
        #expect(seeded == 1)
        #expect(try second.store.load() == Fixtures.fullCatalog())
    }

    @Test func aSeedThatBreaksReferencesCreatesNoFile() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        let broken = Catalog(pathways: [Pathway(code: "P", title: "P", stages: [Stage(title: "S", core: ["MISSING"])])])
        let error = #expect(throws: StoreError.self) { try DocumentStore.create(at: path, seed: broken) }
        #expect(error?.description.contains("Nothing was saved to \(path)") == true)
        #expect(error?.description.contains("pathway P (stage 1) referring to credential MISSING") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
    }
}
