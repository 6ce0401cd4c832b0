import Foundation
import Testing
import PathwayModel
import PathwayStore
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Killing the real `pathway` binary with SIGKILL at random (seeded) moments of its work: the
/// database afterwards passes SQLite's checks, opens normally and holds the state before or the
/// state after the action in flight, never a mix.
@Suite(.serialized) struct CrashSafetyTests {
    static let competencies = 2_000

    /// Sleeps a random part of `limit` (microseconds), so kills land before, during and after the write.
    static func randomPause(_ limit: Double, _ random: inout SeededRandom) {
        usleep(UInt32(Double.random(in: limit * 0.05...limit * 0.8, using: &random) * 1_000_000))
    }

    static func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    @Test(.timeLimit(.minutes(15)))
    func killedImportsLeaveTheBeforeOrAfterState() throws {
        let folder = TempFolder("crash")
        let a = Generated.catalog(competencies: Self.competencies, variant: "A")
        let b = Generated.catalog(competencies: Self.competencies, variant: "B")
        let fileA = try Generated.projectFile(a, at: folder.path("a.json"))
        let fileB = try Generated.projectFile(b, at: folder.path("b.json"))
        let db = try folder.database("doc.pathway", holding: fileA)
        // How long one whole import takes here: kills are spread over that time (and a bit after).
        var full = 0.0
        for file in [fileB, fileA] {
            full = max(full, try Self.measure {
                let r = try PathwayBinary.run(["import", "project", file, "--replace", "--db", db], folder: folder)
                #expect(r.status == 0, "\(r.stderr)")
            })
        }
        let seed = SeededRandom.seed(7)
        var random = SeededRandom(seed: seed)
        var current = 0            // index into states: a
        let states = [a, b], files = [fileA, fileB]
        var kills = 0, completed = 0
        for round in 0..<16 {
            let target = 1 - current
            let p = try PathwayBinary.start(["import", "project", files[target], "--replace", "--db", db], folder: folder)
            Self.randomPause(full, &random)
            p.signal(SIGKILL)
            switch p.wait() {
            case .signalled(SIGKILL): kills += 1
            case .exited(0): completed += 1
            case let other: Issue.record("round \(round): the import ended with \(other): \(p.stderr)")
            }
            #expect(try DatabaseCheck.problems(db) == [], "round \(round) (seed \(seed))")
            let found = try DatabaseCheck.state(of: db, among: states)
            #expect(found != nil, "round \(round) (seed \(seed)): the database holds neither the state before nor after the import")
            if let found { current = found }
        }
        // The binary itself still opens it normally, and sees a whole state.
        let listed = try PathwayBinary.run(["list", "frameworks", "--db", db], folder: folder)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("SMALL-\(current == 0 ? "A" : "B")"))
        #expect(kills > 0, "no kill landed while the import ran (all \(completed) finished first)")
        Figures.report("kills survived (project import, \(Self.competencies) competencies)", kills,
                       "\(completed) imports finished before the kill; seed \(seed)")
    }

    /// The default database (no --db) is created on first use; importing a project file into it
    /// then creates it holding the file. Killed at random moments, it is absent or whole.
    @Test(.timeLimit(.minutes(15)))
    func aKilledCreationLeavesNoDocumentOrAWholeOne() throws {
        let folder = TempFolder("crash-create")
        let a = Generated.catalog(competencies: Self.competencies, variant: "A")
        let file = try Generated.projectFile(a, at: folder.path("a.json"))
        func home(_ name: String) -> [String: String] { ["XDG_DATA_HOME": folder.path(name)] }
        func database(_ name: String) -> String { folder.path(name) + "/pathway-designer/pathway.sqlite" }
        let full = try Self.measure {
            let r = try PathwayBinary.run(["import", "project", file], environment: home("probe"), folder: folder)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try DatabaseCheck.load(database("probe")) == a)
        let seed = SeededRandom.seed(11)
        var random = SeededRandom(seed: seed)
        var kills = 0, whole = 0, absent = 0
        for round in 0..<12 {
            let db = database("new-\(round)")
            let p = try PathwayBinary.start(["import", "project", file], environment: home("new-\(round)"), folder: folder)
            Self.randomPause(full, &random)
            p.signal(SIGKILL)
            if case .signalled = p.wait() { kills += 1 }
            if FileManager.default.fileExists(atPath: db) {
                #expect(try DatabaseCheck.problems(db) == [], "round \(round) (seed \(seed))")
                #expect(try DatabaseCheck.load(db) == a, "round \(round) (seed \(seed)): a half-made document appeared")
                whole += 1
            } else {
                absent += 1
            }
        }
        #expect(kills > 0)
        Figures.report("kills survived (creating a document)", kills, "\(whole) whole documents, \(absent) not created; seed \(seed)")
    }

    @Test(.timeLimit(.minutes(15)))
    func aKilledBackupLeavesNoCopyOrAWholeOne() throws {
        let folder = TempFolder("crash-backup")
        let a = Generated.catalog(competencies: Self.competencies, variant: "A")
        let file = try Generated.projectFile(a, at: folder.path("a.json"))
        let db = try folder.database("doc.pathway", holding: file)
        let full = try Self.measure {
            let r = try PathwayBinary.run(["backup", "--out", folder.path("probe.pathway"), "--db", db], folder: folder)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let seed = SeededRandom.seed(13)
        var random = SeededRandom(seed: seed)
        var kills = 0
        for round in 0..<10 {
            let copy = folder.path("copy-\(round).pathway")
            let p = try PathwayBinary.start(["backup", "--out", copy, "--db", db], folder: folder)
            Self.randomPause(full, &random)
            p.signal(SIGKILL)
            if case .signalled = p.wait() { kills += 1 }
            if FileManager.default.fileExists(atPath: copy) {
                #expect(try DatabaseCheck.problems(copy) == [])
                #expect(try DatabaseCheck.load(copy) == a, "round \(round) (seed \(seed)): a partial backup appeared")
            }
        }
        #expect(try DatabaseCheck.load(db) == a)
        Figures.report("kills survived (backup)", kills, "seed \(seed)")
    }
}
