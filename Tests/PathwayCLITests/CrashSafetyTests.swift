import Foundation
import Testing
import PathwayExchange
import PathwayModel
import PathwayStore

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
        var generator = SeededGenerator(seed: 20251123)
        for round in 0..<8 {
            let process = Process()
            process.executableURL = try #require(PathwayBinary.url)
            process.arguments = ["import", "project", files[round % 2], "--replace", "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...400_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            let store = try DocumentStore(path: db)
            #expect(try store.consistencyProblems() == [], "round \(round)")
            let now = try store.load()
            #expect(now == big || now == small, "round \(round): the database is neither before nor after the import")
            try store.close()
        }
    }
}

/// A small deterministic random number generator, so a failing round can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
