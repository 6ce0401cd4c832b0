import Foundation
import GRDB
import Testing
import PathwayModel
import PathwayStore
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Two programs on one database: both work through SQLite's locking, or one is told the database
/// is busy; never a damaged or half-written file.
@Suite(.serialized) struct ConcurrencyTests {
    @Test(.timeLimit(.minutes(15)))
    func twoProcessesWritingAtOnceLeaveAWholeState() throws {
        let folder = TempFolder("concurrent")
        let a = Generated.catalog(competencies: 1_500, variant: "A")
        let b = Generated.catalog(competencies: 1_500, variant: "B")
        let files = [try Generated.projectFile(a, at: folder.path("a.json")), try Generated.projectFile(b, at: folder.path("b.json"))]
        let db = try folder.database("doc.pathway", holding: files[0])
        var succeeded = 0, busy = 0
        for round in 0..<8 {
            let first = try PathwayBinary.start(["import", "project", files[0], "--replace", "--db", db], folder: folder)
            let second = try PathwayBinary.start(["import", "project", files[1], "--replace", "--db", db], folder: folder)
            var finishedOK: [Int] = []
            for (i, p) in [first, second].enumerated() {
                switch p.wait() {
                case .exited(0): succeeded += 1; finishedOK.append(i)
                case .exited(2):
                    busy += 1
                    #expect(p.stderr.contains("in use by another program"), "round \(round): \(p.stderr)")
                case let other: Issue.record("round \(round): \(other) \(p.stderr)")
                }
            }
            #expect(try DatabaseCheck.problems(db) == [], "round \(round)")
            let state = try DatabaseCheck.state(of: db, among: [a, b])
            #expect(state != nil, "round \(round): a mix of both imports")
            if finishedOK.count == 1, let state { #expect(state == finishedOK[0], "round \(round)") }
        }
        #expect(succeeded > 0)
        Figures.report("concurrent writers", succeeded + busy, "\(succeeded) saved, \(busy) told the database was busy")
    }

    /// Another program holds the write lock: the import waits (the busy timeout), then says the
    /// database is in use, with exit 2, and changes nothing. Reading still works meanwhile.
    @Test(.timeLimit(.minutes(15)))
    func aLockedDatabaseIsRetriedThenReported() throws {
        let folder = TempFolder("locked")
        let db = try folder.sampleDatabase("doc.pathway")
        let before = try DatabaseCheck.load(db)
        let file = try Generated.projectFile(Generated.catalog(competencies: 20, variant: "X"), at: folder.path("x.json"))
        let holder = LockHolder(path: db)
        #expect(holder.failure == nil)
        let started = Date()
        let r = try PathwayBinary.run(["import", "project", file, "--db", db], folder: folder)
        let waited = Date().timeIntervalSince(started)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\(db) is in use by another program"), "\(r.stderr)")
        #expect(r.stderr.contains("--read-only"))
        print("RELIABILITY busy database reported after \(String(format: "%.1f", waited)) s (busy timeout \(DocumentStore.busyTimeout) s)")
        // Reading goes on while the other program holds the lock.
        let listed = try PathwayBinary.run(["list", "frameworks", "--db", db], folder: folder)
        #expect(listed.status == 0, "\(listed.stderr)")
        holder.release()
        #expect(try DatabaseCheck.load(db) == before)
        // Once the lock is gone the same import goes through.
        #expect(try PathwayBinary.run(["import", "project", file, "--db", db], folder: folder).status == 0)
    }

    /// A lock held only for a moment is waited out: the import succeeds.
    @Test(.timeLimit(.minutes(15)))
    func aBrieflyLockedDatabaseIsWaitedFor() throws {
        let folder = TempFolder("brief")
        let db = try folder.sampleDatabase("doc.pathway")
        let file = try Generated.projectFile(Generated.catalog(competencies: 20, variant: "Y"), at: folder.path("y.json"))
        let holder = LockHolder(path: db)
        let p = try PathwayBinary.start(["import", "project", file, "--db", db], folder: folder)
        usleep(600_000)
        holder.release()
        #expect(p.wait() == .exited(0), "\(p.stderr)")
        #expect(try DatabaseCheck.load(db).frameworks["SMALL-Y"] != nil)
    }
}
