import Foundation
import Testing
import PathwayModel
import PathwayStore
import PathwayTestSupport

/// Killing `pathway restore` (SIGKILL) at any moment leaves the database holding either its old
/// content or the backup's, sound, and still opening normally.
@Suite struct RestoreCrashTests {
    @Test func sigkillDuringRestoreLeavesOldOrNew() throws {
        let folder = TempFolder()
        let db = folder.path("doc.sqlite")
        let small = Catalog(frameworks: [CompetencyFramework(code: "SMALL", title: "Small")],
                            competencies: [Competency(framework: "SMALL", code: "S", title: "Only")])
        let big = CrashSafetyTests.bigCatalog()
        // Two backups to switch between, and the database starting as the small one.
        let backups = [folder.path("big-backup.sqlite"), folder.path("small-backup.sqlite")]
        try DocumentStore.create(at: backups[0], seed: big).close()
        try DocumentStore.create(at: backups[1], seed: small).close()
        try DocumentStore.create(at: db, seed: small).close()
        var generator = SeededRandom(seed: 20261123)
        var killed = 0
        for round in 0..<8 {
            let process = try PathwayBinary.start(["restore", "--from", backups[round % 2], "--db", db], folder: folder)
            usleep(UInt32.random(in: 150_000...900_000, using: &generator))
            if !process.hasEnded {
                process.signal(SIGKILL)
                killed += 1
            }
            process.wait()
            let store = try DocumentStore(path: db)
            #expect(try store.consistencyProblems() == [], "round \(round)")
            let now = try store.load()
            #expect(now == big || now == small, "round \(round): the database is neither the old content nor the backup's")
            try store.close()
        }
        print("RELIABILITY restore: \(killed) of 8 restores killed mid-way; every time old or new content, sound")
        // After all that, a restore run to the end still works.
        let last = try PathwayBinary.run(["restore", "--from", backups[0], "--db", db])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(try DocumentStore(path: db).load() == big)
        // Staging copies of killed restores are cleared away by the next restore.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".restoring-") }
        #expect(left == [])
    }
}
