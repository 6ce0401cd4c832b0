import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// `DocumentStore.restore(from:safetyCopy:)` and `inspectBackup(at:)`.
@Suite struct RestoreTests {
    static let added = ChangeSet("Add", [.putFramework(CompetencyFramework(code: "NEW", title: "After the backup"))])

    @Test func restoreReplacesTheContentAndKeepsTheOldAsSafetyCopy() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        try store.backup(to: folder.path("b.sqlite"))
        let backupBytes = FileManager.default.contents(atPath: folder.path("b.sqlite"))
        try store.apply(Self.added)
        let info = try store.restore(from: folder.path("b.sqlite"), safetyCopy: folder.path("safety.sqlite"))
        #expect(info.frameworks == Fixtures.fullCatalog().frameworks.count)
        #expect(try store.load() == Fixtures.fullCatalog())
        #expect(try store.consistencyProblems() == [])
        // Search works on the restored content (its index came with it).
        #expect(try store.searchCompetencies("teamwork").count == 1)
        // The replaced content is in the safety copy; the backup itself is untouched.
        #expect(try DocumentStore(path: folder.path("safety.sqlite")).load().frameworks["NEW"] != nil)
        #expect(FileManager.default.contents(atPath: folder.path("b.sqlite")) == backupBytes)
        // The store keeps working after a restore, and a second connection sees the new content.
        try store.apply(Self.added)
        #expect(try DocumentStore(path: folder.path("doc.sqlite"), mode: .readOnly).load().frameworks["NEW"] != nil)
        // No staging files are left beside the document.
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
        #expect(hidden == [])
    }

    @Test func aVersion1BackupIsUpgradedOnTheWayIn() throws {
        let folder = TempFolder()
        try MigrationTests.makeVersion1(at: folder.path("v1.sqlite"))
        let info = try DocumentStore.inspectBackup(at: folder.path("v1.sqlite"))
        #expect(info.schemaVersion == 1)
        #expect(info.competencies == 2)
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        try store.restore(from: folder.path("v1.sqlite"), safetyCopy: nil)
        let catalog = try store.load()
        #expect(catalog.frameworks.keys.sorted() == ["OLD"])
        #expect(try store.searchCompetencies("negotiation").count == 1)
        // The backup was read, not upgraded.
        #expect(try DocumentStore.inspectBackup(at: folder.path("v1.sqlite")).schemaVersion == 1)
    }

    @Test func badBackupsAreRefusedBeforeAnythingChanges() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        try Data("not sqlite".utf8).write(to: URL(fileURLWithPath: folder.path("junk.sqlite")))
        let foreign = try DatabaseQueue(path: folder.path("other.sqlite"))
        try foreign.write { db in try db.execute(sql: "CREATE TABLE t(x)") }
        try foreign.close()
        #expect(throws: StoreError.notADatabase(path: folder.path("junk.sqlite"))) {
            try store.restore(from: folder.path("junk.sqlite"), safetyCopy: folder.path("s1.sqlite"))
        }
        #expect(throws: StoreError.foreignDatabase(path: folder.path("other.sqlite"))) {
            try store.restore(from: folder.path("other.sqlite"), safetyCopy: folder.path("s2.sqlite"))
        }
        #expect(throws: StoreError.missingFile(path: folder.path("none.sqlite"))) {
            try store.restore(from: folder.path("none.sqlite"), safetyCopy: nil)
        }
        #expect(try store.load() == Fixtures.fullCatalog())
        #expect(!FileManager.default.fileExists(atPath: folder.path("s1.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("s2.sqlite")))
        let readOnly = try DocumentStore(path: folder.path("doc.sqlite"), mode: .readOnly)
        #expect(throws: StoreError.readOnly(path: folder.path("doc.sqlite"))) {
            try readOnly.restore(from: folder.path("doc.sqlite"), safetyCopy: nil)
        }
    }
}

extension RestoreTests {
    @Test func aVersion2BackupIsUpgradedOnTheWayIn() throws {
        let folder = TempFolder()
        try MigrationTests.makeVersion2(at: folder.path("v2.sqlite"))
        let backupBytes = FileManager.default.contents(atPath: folder.path("v2.sqlite"))
        #expect(try DocumentStore.inspectBackup(at: folder.path("v2.sqlite")).schemaVersion == 2)
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        try store.restore(from: folder.path("v2.sqlite"), safetyCopy: folder.path("safety.sqlite"))
        let catalog = try store.load()
        #expect(catalog.occupations == MigrationTests.occupationsOfVersion2)
        #expect(try store.searchCompetencies("welding") == [MigrationTests.welding])
        #expect(try store.consistencyProblems() == [])
        #expect(try MigrationTests.userVersion(folder.path("doc.sqlite")) == DocumentStore.schemaVersion)
        // The backup itself was only read; the safety copy is of the current version and opens read-only.
        #expect(FileManager.default.contents(atPath: folder.path("v2.sqlite")) == backupBytes)
        #expect(try DocumentStore(path: folder.path("safety.sqlite"), mode: .readOnly).load() == Fixtures.fullCatalog())
    }
}
