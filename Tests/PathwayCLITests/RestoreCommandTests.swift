import Foundation
import Testing
import PathwayTestSupport

/// `pathway restore --from FILE`, run as the real binary: the content comes back, the content it
/// replaced is kept as a safety backup, and a bad backup changes nothing.
@Suite struct RestoreCommandTests {
    func pathway(_ args: [String]) throws -> PathwayBinary.Result { try PathwayBinary.run(args) }

    /// A database with the sample data, a backup of it, then an extra framework added after.
    func prepared(_ folder: TempFolder) throws -> (db: String, backup: String) {
        let db = try folder.sampleDatabase("work.sqlite"), backup = folder.path("work-backup-1.sqlite")
        let b = try pathway(["backup", "--out", backup, "--db", db])
        #expect(b.status == 0, "\(b.stderr)")
        let moodle = folder.path("own.csv")
        try """
            Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,Rule type,Rule outcome,Rule config,Cross-referenced competency ID numbers,Exported ID,Is framework,Taxonomy
            ,LATER,Added later,,1,"Not yet,Competent","[{""scaleid"":""2""},{""id"":2,""scaledefault"":1,""proficient"":1}]",,,,,,1,competency
            LATER,L1,First,,1,,,,,,,,,
            """.write(toFile: moodle, atomically: true, encoding: .utf8)
        let i = try pathway(["import", "moodle", moodle, "--db", db])
        #expect(i.status == 0, "\(i.stderr)")
        return (db, backup)
    }

    func frameworks(_ db: String) throws -> String { try pathway(["list", "frameworks", "--db", db]).stdout }

    @Test func restoreBringsTheBackupBackAndKeepsASafetyCopy() throws {
        let folder = TempFolder()
        let (db, backup) = try prepared(folder)
        #expect(try frameworks(db).contains("LATER"))

        let r = try pathway(["restore", "--from", backup, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Restored \(db) from \(backup): 3 frameworks, 116 competencies"))
        #expect(!(try frameworks(db)).contains("LATER"))
        #expect(try frameworks(db).contains("SPV"))

        // The replaced content is beside the database and opens with the later framework in it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        let safety = try #require(names.first { $0.hasPrefix("work.before-restore-") && $0.hasSuffix(".sqlite") },
                                  "no safety backup among \(names)")
        #expect(r.stdout.contains("Kept the previous content of \(db) in \(folder.path(safety))."))
        #expect(try frameworks(folder.path(safety)).contains("LATER"))
        // And the restored database passes SQLite's own checks through the normal commands.
        let check = try pathway(["check", "--db", db])
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        // Restoring the safety copy undoes the restore.
        let undo = try pathway(["restore", "--from", folder.path(safety), "--db", db])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(try frameworks(db).contains("LATER"))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndNothingChanges() throws {
        let folder = TempFolder()
        let (db, _) = try prepared(folder)
        let before = try frameworks(db)
        let bytes = FileManager.default.contents(atPath: db)
        let junk = folder.path("notes.sqlite")
        try "meeting notes, not a database".write(toFile: junk, atomically: true, encoding: .utf8)
        let r = try pathway(["restore", "--from", junk, "--db", db])
        #expect(r.status == 2)
        #expect(r.stderr == "Error: Nothing was restored: \(junk) is not an SQLite database; check that you named the right file (project files are imported with `pathway import project`).\n")
        #expect(r.stdout.isEmpty)
        #expect(FileManager.default.contents(atPath: db) == bytes)
        #expect(try frameworks(db) == before)
        // No safety copy is made when nothing is restored.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).allSatisfy { !$0.contains("before-restore") })

        let missing = try pathway(["restore", "--from", folder.path("nowhere.sqlite"), "--db", db])
        #expect(missing.status == 2 && missing.stderr.contains("nowhere.sqlite does not exist"))
    }

    @Test func aBackupFromANewerVersionIsRefused() throws {
        let folder = TempFolder()
        let (db, backup) = try prepared(folder)
        // PRAGMA user_version lives at offset 60 of the SQLite header, big-endian.
        let handle = try #require(FileHandle(forUpdatingAtPath: backup))
        try handle.seek(toOffset: 60)
        handle.write(Data([0, 0, 0, 99]))
        try handle.close()
        let bytes = FileManager.default.contents(atPath: db)
        let r = try pathway(["restore", "--from", backup, "--db", db])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Nothing was restored: \(backup) was made by a newer Pathway Designer (schema version 99"))
        #expect(FileManager.default.contents(atPath: db) == bytes)
        #expect(try frameworks(db).contains("LATER"))
    }

    @Test func anotherProgramsDatabaseAndReadOnlyAreRefused() throws {
        let folder = TempFolder()
        let (db, backup) = try prepared(folder)
        let ro = try pathway(["restore", "--from", backup, "--db", db, "--read-only"])
        #expect(ro.status == 2 && ro.stderr.contains("without --read-only"))
        let same = try pathway(["restore", "--from", db, "--db", db])
        #expect(same.status == 2 && same.stderr.contains("is the database itself"))
        #expect(try frameworks(db).contains("LATER"))
    }

    @Test func restoringIntoAMissingDatabaseCreatesIt() throws {
        let folder = TempFolder()
        let (_, backup) = try prepared(folder)
        let fresh = folder.path("fresh.sqlite")
        let r = try pathway(["restore", "--from", backup, "--db", fresh])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("Kept the previous content"))
        #expect(try frameworks(fresh).contains("TSV"))
    }
}
