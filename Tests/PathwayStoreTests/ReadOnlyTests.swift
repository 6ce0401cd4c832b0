import Foundation
import Testing
import PathwayModel
@testable import PathwayStore

/// Opening for review only: reading works, every write is refused, the file does not change.
@Suite struct ReadOnlyTests {
    @Test func readOnlyModeReadsButRefusesWrites() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        _ = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try DocumentStore(path: path, mode: .readOnly)
        #expect(store.isReadOnly)
        #expect(try store.load() == Fixtures.fullCatalog())
        #expect(try store.searchCompetencies("teamwork").count == 1)
        let set = ChangeSet("Add", [.putFramework(CompetencyFramework(code: "NEW", title: "New"))])
        #expect(throws: StoreError.readOnly(path: path)) { try store.apply(set) }
        #expect(throws: StoreError.readOnly(path: path)) { try store.replaceAll(with: Catalog()) }
        try store.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test(.enabled(if: getuid() != 0, "file permissions do not bind root"))
    func aFileWithoutWritePermissionOpensReadOnly() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        _ = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        chmod(path, 0o444)
        defer { chmod(path, 0o644) }
        let store = try DocumentStore(path: path)
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason != nil)
        #expect(try store.load() == Fixtures.fullCatalog())
        #expect(throws: StoreError.readOnly(path: path)) { try store.apply(ChangeSet("x", [.removePathway("PATH-2")])) }
    }

    @Test(.enabled(if: getuid() != 0, "file permissions do not bind root"))
    func aReadOnlyFolderOpensReadOnly() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        _ = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        chmod(folder.url.path, 0o555)
        defer { chmod(folder.url.path, 0o755) }
        let store = try DocumentStore(path: path)
        #expect(store.isReadOnly)
        #expect(try store.load() == Fixtures.fullCatalog())
    }
}
