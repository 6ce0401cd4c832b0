import Foundation
import Testing
import PathwayTestSupport

/// A command's help offers only options the command honours: `init`, `restore` and
/// `import project` refuse `--read-only`, so their help leaves it out (and they still refuse it with a clear message),
/// while every command that can open a database for review keeps offering it.
@Suite struct HelpOptionsTests {
    /// The OPTIONS part of `pathway ARGS --help`.
    static func options(_ command: [String]) throws -> String {
        let r = try PathwayBinary.run(command + ["--help"])
        #expect(r.status == 0, "\(command) --help: \(r.stderr)")
        let text = r.stdout
        return text.range(of: "OPTIONS:").map { String(text[$0.lowerBound...]) } ?? text
    }

    @Test func initDoesNotOfferReadOnly() throws {
        let help = try PathwayBinary.run(["init", "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("USAGE: pathway init [--db <file>] [--sample]"), "\(help.stdout)")
        #expect(help.stdout.contains("--db <file>"), "\(help.stdout)")
        #expect(help.stdout.contains("--sample"), "\(help.stdout)")
        #expect(!help.stdout.contains("--read-only"), "init --help offers --read-only:\n\(help.stdout)")
        let folder = TempFolder()
        let db = folder.path("new.pathway")
        for command in [["init", "--read-only", "--db", db], ["--read-only", "init", "--db", db]] {
            let refused = try PathwayBinary.run(command)
            #expect(refused.status == 2, "\(command): \(refused.stderr)")
            #expect(refused.stderr.contains("init creates a database, so --read-only makes no sense here"), "\(command): \(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: db), "\(command) made a database")
        }
        // Without it, the same command line makes the database.
        #expect(try PathwayBinary.run(["init", "--db", db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func restoreDoesNotOfferReadOnly() throws {
        let help = try PathwayBinary.run(["restore", "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("USAGE: pathway restore --from <file> [--db <file>]\n"), "\(help.stdout)")
        #expect(!help.stdout.contains("--read-only"), "restore --help offers --read-only:\n\(help.stdout)")
    }

    @Test func importProjectDoesNotOfferReadOnly() throws {
        let help = try PathwayBinary.run(["import", "project", "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("--db <file>"), "\(help.stdout)")
        #expect(help.stdout.contains("--replace"), "\(help.stdout)")
        #expect(!help.stdout.contains("--read-only"), "import project --help offers --read-only:\n\(help.stdout)")
        // Still refused, before the file is read or the database opened, and the database is untouched.
        let folder = TempFolder()
        let db = try folder.sampleDatabase()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let file = folder.path("project.json")
        #expect(try PathwayBinary.run(["export", "project", "--db", db, "--out", file]).status == 0)
        for command in [["import", "project", file, "--read-only", "--db", db], ["--read-only", "import", "project", file, "--db", db]] {
            let refused = try PathwayBinary.run(command)
            #expect(refused.status == 2, "\(command): \(refused.stderr)")
            #expect(refused.stderr.contains("import project writes the file into the database; run it without --read-only."),
                    "\(command): \(refused.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "a refused import changed the database")
        // Without it, the same command line imports.
        let imported = try PathwayBinary.run(["import", "project", file, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported \(file) into \(db)"), "\(imported.stdout)")
    }

    @Test(arguments: [[], ["list"], ["check"], ["progress"], ["report"], ["backup"], ["export", "project"],
                      ["export", "case"], ["import", "moodle"], ["import", "esco"]])
    func commandsThatOpenADatabaseStillOfferReadOnlyAndDb(_ command: [String]) throws {
        let options = try Self.options(command)
        #expect(options.contains("--db <file>"), "\(command):\n\(options)")
        #expect(options.contains("--read-only             Open the database for review only; nothing is changed."),
                "\(command):\n\(options)")
    }
}
