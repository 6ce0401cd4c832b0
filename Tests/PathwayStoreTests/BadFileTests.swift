import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// Paths that are not usable documents get a clear error and stay exactly as they were.
@Suite struct BadFileTests {
    @Test func missingFile() throws {
        let folder = TempFolder()
        let path = folder.path("absent.sqlite")
        #expect(throws: StoreError.missingFile(path: path)) { try DocumentStore(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func directory() throws {
        let folder = TempFolder()
        #expect(throws: StoreError.isDirectory(path: folder.url.path)) { try DocumentStore(path: folder.url.path) }
    }

    @Test func textFileIsNotADatabase() throws {
        let folder = TempFolder()
        let path = folder.path("project.json")
        let content = Data("{\"format\": \"pathway-designer-project\"}".utf8)
        try content.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try DocumentStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func emptyFileIsNotADatabase() throws {
        let folder = TempFolder()
        let path = folder.path("empty.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: StoreError.notADatabase(path: path)) { try DocumentStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
        let folder = TempFolder()
        let path = folder.path("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hi')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.foreignDatabase(path: path)) { try DocumentStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test(.enabled(if: getuid() != 0, "file permissions do not bind root"))
    func unreadableFile() throws {
        let folder = TempFolder()
        let path = folder.path("secret.sqlite")
        _ = try DocumentStore.create(at: path)
        chmod(path, 0o000)
        defer { chmod(path, 0o644) }
        #expect(throws: StoreError.unreadable(path: path)) { try DocumentStore(path: path) }
    }

    @Test func messagesNameTheFileAndSayWhatToDo() {
        let errors: [StoreError] = [
            .missingFile(path: "/x/a.sqlite"), .isDirectory(path: "/x/a.sqlite"), .unreadable(path: "/x/a.sqlite"),
            .notADatabase(path: "/x/a.sqlite"), .foreignDatabase(path: "/x/a.sqlite"),
            .newerSchema(path: "/x/a.sqlite", found: 3, supported: 2), .busy(path: "/x/a.sqlite"),
            .readOnly(path: "/x/a.sqlite"), .brokenReference(path: "/x/a.sqlite", detail: "d"),
        ]
        for error in errors {
            #expect(error.description.contains("/x/a.sqlite"))
            #expect(error.description.hasSuffix("."))
            #expect(!error.description.contains("\n"))
        }
    }
}
