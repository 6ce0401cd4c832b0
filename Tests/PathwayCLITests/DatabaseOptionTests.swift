import Foundation
import Testing
import PathwayTestSupport

/// Choosing, creating and refusing databases from the command line.
@Suite struct DatabaseOptionTests {
    @Test func aNamedDatabaseThatDoesNotExistIsAnErrorPointingToInit() throws {
        let folder = TempFolder()
        let db = folder.path("new.sqlite")
        for args in [["list", "pathways"], ["check"], ["import", "project", folder.path("nope.json")], ["backup"], [],
                     ["list", "pathways", "--read-only"]] {
            let result = try PathwayBinary.run(args + ["--db", db])
            #expect(result.status == 2, "pathway \(args.joined(separator: " ")): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            if !args.contains("import") {  // import checks its input file first
                #expect(result.stderr == "Error: No database at \(db). To start a new one, run: pathway init --db \(db) (add --sample for the sample sectors).\n")
            }
            #expect(!FileManager.default.fileExists(atPath: db), "pathway \(args.joined(separator: " ")) created \(db)")
        }
        let spaced = folder.path("my work.sqlite")
        let quoted = try PathwayBinary.run(["list", "frameworks", "--db", spaced])
        #expect(quoted.stderr.contains("pathway init --db '\(spaced)'"))
    }

    @Test func initMakesAnEmptyOrSampleDatabaseAndNeverOverwrites() throws {
        let folder = TempFolder()
        let db = folder.path("new.sqlite")
        let created = try PathwayBinary.run(["init", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "Created a new database at \(db) with nothing in it yet.\n")
        let listed = try PathwayBinary.run(["list", "frameworks", "--format", "json", "--db", db])
        #expect(listed.status == 0 && listed.stdout.filter { !$0.isWhitespace } == "[]")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for args in [["init", "--db", db], ["init", "--sample", "--db", db]] {
            let again = try PathwayBinary.run(args)
            #expect(again.status == 2)
            #expect(again.stderr.contains("\(db) already exists, and init never replaces a database"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        // Something that is not a database is not replaced either.
        let notes = folder.path("notes.txt")
        try "notes".write(toFile: notes, atomically: true, encoding: .utf8)
        #expect(try PathwayBinary.run(["init", "--db", notes]).status == 2)
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "notes")
        let sample = try PathwayBinary.run(["init", "--sample", "--db", folder.path("sample.sqlite")])
        #expect(sample.status == 0)
        #expect(sample.stdout.contains("with 3 frameworks"))
    }

    @Test func pathwayDBEnvironmentVariableIsHonoured() throws {
        let folder = TempFolder()
        let db = folder.path("from-env.sqlite")
        let missing = try PathwayBinary.run(["list", "frameworks"], environment: ["PATHWAY_DB": db])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("No database at \(db) (named by PATHWAY_DB)"))
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(try PathwayBinary.run(["init", "--sample"], environment: ["PATHWAY_DB": db]).status == 0)
        let result = try PathwayBinary.run(["list", "frameworks"], environment: ["PATHWAY_DB": db])
        #expect(result.status == 0)
        #expect(result.stdout.contains("DSP"))
    }

    @Test func theDefaultDatabaseIsCreatedWithTheSampleDataOnFirstUse() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "frameworks"], environment: ["XDG_DATA_HOME": folder.url.path])
        #expect(result.status == 0)
        let db = folder.path("pathway-designer/pathway.sqlite")
        #expect(FileManager.default.fileExists(atPath: db))
        #expect(result.stderr.contains("Created a new database at \(db)"))
        #expect(result.stdout.contains("DSP"))
        let again = try PathwayBinary.run(["list", "frameworks"], environment: ["XDG_DATA_HOME": folder.url.path])
        #expect(again.status == 0)
        #expect(!again.stderr.contains("Created"))
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

    @Test func aFolderIsRefused() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "pathways", "--db", folder.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a folder"))
    }
}
