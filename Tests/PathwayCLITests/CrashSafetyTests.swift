import Foundation
import Testing
import PathwayExchange
import PathwayModel
import PathwayStore
import PathwayTestSupport

/// Killing `pathway` (SIGKILL) in the middle of an import loses at most that import: the database
/// is afterwards exactly as before it or exactly as after it, and SQLite finds it sound.
@Suite struct CrashSafetyTests {
    static func bigCatalog() -> Catalog {
        let framework = CompetencyFramework(code: "BIG", title: "Big framework")
        let competencies = (0..<4000).map { i in
            Competency(framework: "BIG", code: "B\(i)", title: "Competency \(i)", description: String(repeating: "text \(i) ", count: 20),
                       parent: i < 20 ? nil : "B\(i % 20)", position: i, altLabels: ["alias \(i)"])
        }
        return Catalog(frameworks: [framework], competencies: competencies)
    }

    @Test func sigkillDuringImportLeavesBeforeOrAfter() throws {
        let folder = TempFolder()
        let db = folder.path("doc.sqlite")
        let small = Catalog(frameworks: [CompetencyFramework(code: "SMALL", title: "Small")],
                            competencies: [Competency(framework: "SMALL", code: "S", title: "Only")])
        let big = Self.bigCatalog()
        _ = try DocumentStore.create(at: db, seed: small)
        let files = [folder.path("big.json"), folder.path("small.json")]
        try ProjectFile.encode(big).write(to: URL(fileURLWithPath: files[0]))
        try ProjectFile.encode(small).write(to: URL(fileURLWithPath: files[1]))
        var generator = SeededRandom(seed: 20251123)
        for round in 0..<8 {
            let process = try PathwayBinary.start(["import", "project", files[round % 2], "--replace", "--db", db], folder: folder)
            usleep(UInt32.random(in: 20_000...400_000, using: &generator))
            if !process.hasEnded {
                process.signal(SIGKILL)
            }
            process.wait()
            let store = try DocumentStore(path: db)
            #expect(try store.consistencyProblems() == [], "round \(round)")
            let now = try store.load()
            #expect(now == big || now == small, "round \(round): the database is neither before nor after the import")
            try store.close()
        }
    }
}
