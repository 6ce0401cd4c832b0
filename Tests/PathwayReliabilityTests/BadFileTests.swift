import Foundation
import GRDB
import Testing
import PathwayStore
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Paths that are not usable documents, given to the real binary: one clear sentence on stderr,
/// exit code 2, and the file exactly as it was.
@Suite struct BadFileTests {
    /// The commands a user would try on a file: read it, write into it, back it up.
    static func commands(_ db: String, _ folder: TempFolder) throws -> [[String]] {
        let project = folder.path("p.json")
        if !FileManager.default.fileExists(atPath: project) {
            try Generated.projectFile(Generated.catalog(competencies: 5, variant: "P"), at: project)
        }
        return [
            ["list", "frameworks", "--db", db],
            ["list", "pathways", "--read-only", "--db", db],
            ["import", "project", project, "--db", db],
            ["export", "project", "--db", db],
            ["backup", "--out", folder.path("copy.pathway"), "--db", db],
        ]
    }

    static func expectRefused(_ db: String, _ folder: TempFolder, saying words: String, snapshotPrefix: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = FolderSnapshot(folder.url.path, matching: snapshotPrefix)
        for command in try commands(db, folder) {
            let r = try PathwayBinary.run(command, folder: folder)
            #expect(r.status == 2, "\(command): \(r.termination) \(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stderr.contains(words), "\(command): \(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stderr.contains(db), "\(command): the message does not name the file: \(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(command): \(r.stderr)", sourceLocation: sourceLocation)
            #expect(!r.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
            #expect(FolderSnapshot(folder.url.path, matching: snapshotPrefix) == before,
                    "\(command) changed the file", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("copy.pathway")), sourceLocation: sourceLocation)
    }

    /// A named database that does not exist is never created by a command (a typo must not become
    /// a new, empty document): every command, the UI included, says how to make one.
    @Test func aMissingFileIsNeverCreatedAndInitIsNamed() throws {
        let folder = TempFolder("bad")
        let db = folder.path("typo.pathway")
        let words = "No database at \(db). To start a new one, run: pathway init --db \(db)"
        try Self.expectRefused(db, folder, saying: words, snapshotPrefix: "typo")
        for command in [["--db", db], ["check", "--db", db], ["import", "case", "--db", db, folder.path("p.json")]] {
            let r = try PathwayBinary.run(command, folder: folder)
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: db))
        }
        let fromEnvironment = try PathwayBinary.run(["list", "frameworks"], environment: ["PATHWAY_DB": db], folder: folder)
        #expect(fromEnvironment.status == 2)
        #expect(fromEnvironment.stderr.contains("No database at \(db) (named by PATHWAY_DB)"), "\(fromEnvironment.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        // The command it names works, and then the others do.
        try folder.sampleDatabase("typo.pathway")
        #expect(try PathwayBinary.run(["list", "frameworks", "--db", db], folder: folder).status == 0)
    }

    @Test func aMissingFolderIsAClearError() throws {
        let folder = TempFolder("bad")
        let blocker = folder.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        for command in [["list", "frameworks"], ["init"]] {
            let r = try PathwayBinary.run(command + ["--db", blocker + "/doc.pathway"], folder: folder)
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains(blocker + "/doc.pathway"))
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "x")
    }

    @Test func aFolder() throws {
        let folder = TempFolder("bad")
        let db = folder.path("docs")
        try FileManager.default.createDirectory(atPath: db, withIntermediateDirectories: false)
        try Self.expectRefused(db, folder, saying: "is a folder", snapshotPrefix: "docs")
    }

    @Test func aFileThatIsNotSQLite() throws {
        let folder = TempFolder("bad")
        let db = folder.path("notes.pathway")
        try Data("These are my notes, not a database.\n".utf8).write(to: URL(fileURLWithPath: db))
        try Self.expectRefused(db, folder, saying: "is not an SQLite database", snapshotPrefix: "notes")
    }

    @Test func aTruncatedDatabase() throws {
        let folder = TempFolder("bad")
        let good = try folder.sampleDatabase("good.pathway")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        let db = folder.path("cut.pathway")
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: db))
        let before = FolderSnapshot(folder.url.path, matching: "cut")
        let r = try PathwayBinary.run(["list", "frameworks", "--db", db], folder: folder)
        #expect(r.status == 2, "\(r.termination): \(r.stderr)")
        #expect(r.stderr.contains(db))
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(FolderSnapshot(folder.url.path, matching: "cut").files["cut.pathway"] == before.files["cut.pathway"])
    }

    @Test func aNewerSchemaVersion() throws {
        let folder = TempFolder("bad")
        let db = try folder.sampleDatabase("future.pathway")
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = \(DocumentStore.schemaVersion + 7)")
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try queue.close()
        try Self.expectRefused(db, folder, saying: "newer Pathway Designer", snapshotPrefix: "future")
    }

    @Test func anotherProgramsDatabase() throws {
        let folder = TempFolder("bad")
        let db = folder.path("other.sqlite")
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        try queue.close()
        try Self.expectRefused(db, folder, saying: "not a Pathway Designer document", snapshotPrefix: "other")
    }

    /// File permissions do not bind root, so this runs the binary as `nobody` (via setpriv).
    @Test func anUnreadableFile() throws {
        let folder = TempFolder("bad")
        let db = try folder.sampleDatabase("secret.pathway")
        chmod(db, 0o000)
        defer { chmod(db, 0o644) }
        let before = FolderSnapshot(folder.url.path, matching: "secret")
        guard let r = try PathwayBinary.runAsNobody(["list", "frameworks", "--db", db], folder: folder) else {
            if getuid() == 0 {
                print("setpriv is not available: skipping the unreadable-file test (root reads any file)")
                return
            }
            let own = try PathwayBinary.run(["list", "frameworks", "--db", db], folder: folder)
            #expect(own.status == 2)
            #expect(own.stderr.contains("cannot be read"))
            return
        }
        #expect(r.status == 2, "\(r.termination): \(r.stderr)")
        #expect(r.stderr.contains("\(db) cannot be read"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(FolderSnapshot(folder.url.path, matching: "secret") == before)
    }

    /// A file its user may not write (and in a folder they may not write) opens for review: reading
    /// commands work, writing ones are refused with exit 2, and the file does not change.
    @Test func aReadOnlyFileOpensForReviewOnly() throws {
        let folder = TempFolder("bad")
        let db = folder.path("shared.pathway")
        let project = folder.path("p.json")
        try Generated.projectFile(Generated.catalog(competencies: 5, variant: "P"), at: project)
        try folder.database("shared.pathway", holding: project)
        try Generated.projectFile(Generated.catalog(competencies: 5, variant: "Q"), at: project)
        chmod(db, 0o444)
        let before = FolderSnapshot(folder.url.path, matching: "shared")
        let run: ([String]) throws -> PathwayBinary.Result? = { args in
            if getuid() == 0 { return try PathwayBinary.runAsNobody(args, folder: folder) }
            return try PathwayBinary.run(args, folder: folder)
        }
        guard let listed = try run(["list", "pathways", "--db", db]) else {
            print("setpriv is not available: skipping the read-only-file test (root writes any file)")
            return
        }
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("PW-P"), "\(listed.stdout)")
        let exported = try #require(try run(["export", "project", "--db", db]))
        #expect(exported.status == 0)
        #expect(exported.stdout.contains("pathway-designer-project"))
        let imported = try #require(try run(["import", "project", project, "--db", db]))
        #expect(imported.status == 2, "\(imported.stderr)")
        #expect(imported.stderr.contains(db) && imported.stderr.contains("read-only"), "\(imported.stderr)")
        #expect(imported.stderr.split(separator: "\n").count == 1)
        #expect(FolderSnapshot(folder.url.path, matching: "shared") == before)
    }
}
