import Foundation
import Testing

/// Choosing, creating and refusing databases from the command line.
@Suite struct DatabaseOptionTests {
    @Test func aNewDatabaseIsCreatedAndSaysSo() throws {
        let folder = TempFolder()
        let db = folder.path("new.sqlite")
        let result = try PathwayBinary.run(["list", "pathways", "--db", db])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        #expect(result.stderr.contains("Created a new database at \(db)"))
        let again = try PathwayBinary.run(["list", "pathways", "--db", db])
        #expect(again.status == 0)
        #expect(!again.stderr.contains("Created"))
    }

    @Test func pathwayDBEnvironmentVariableIsHonoured() throws {
        let folder = TempFolder()
        let db = folder.path("from-env.sqlite")
        let result = try PathwayBinary.run(["list", "frameworks"], environment: ["PATHWAY_DB": db])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func defaultLocationFollowsXDGDataHome() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "frameworks"], environment: ["XDG_DATA_HOME": folder.url.path])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("pathway-designer/pathway.sqlite")))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let folder = TempFolder()
        let path = folder.path("notes.sqlite")
        let content = Data("These are my notes, not a database.\n".utf8)
        try content.write(to: URL(fileURLWithPath: path))
        let result = try PathwayBinary.run(["list", "pathways", "--db", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path) is not an SQLite database"))
        #expect(result.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
    }

    @Test func aMissingFileOpenedReadOnlyIsAnError() throws {
        let folder = TempFolder()
        let path = folder.path("absent.sqlite")
        let result = try PathwayBinary.run(["list", "pathways", "--db", path, "--read-only"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path) does not exist"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFolderIsRefused() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "pathways", "--db", folder.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a folder"))
    }
}
