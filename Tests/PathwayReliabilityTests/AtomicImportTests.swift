import Foundation
import Testing
import PathwayModel
import PathwayStore
import PathwayTestSupport

/// A failing import changes nothing, and says which file, line and field failed.
@Suite struct AtomicImportTests {
    /// A project file of `count` competencies, one per line, so row `n` (1-based) is on line `8 + n`.
    static func projectText(count: Int, badRow: Int?, badField: String = "\"type\": \"bogus\"") -> String {
        var lines = [
            "{",
            "  \"format\": \"pathway-designer-project\",",
            "  \"version\": 1,",
            "  \"frameworks\": [",
            "    {",
            "      \"code\": \"BIG\",",
            "      \"title\": \"Ten thousand competencies\",",
            "      \"competencies\": [",
        ]
        for i in 0..<count {
            let type = (i + 1) == badRow ? badField : "\"type\": \"knowledge\""
            let comma = i == count - 1 ? "" : ","
            lines.append("        {\"code\": \"C\(i + 1)\", \"title\": \"Competency \(i + 1)\", \(type)}\(comma)")
        }
        lines += ["      ]", "    }", "  ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    @Test func aBadRowNineThousandOfTenThousandImportsNothingAndSaysWhere() throws {
        let folder = TempFolder("atomic")
        let db = try folder.sampleDatabase("doc.pathway")
        let catalogBefore = try DatabaseCheck.load(db)
        let before = FolderSnapshot(folder.url.path, matching: "doc.pathway")
        let file = folder.path("ten-thousand.json")
        try Self.projectText(count: 10_000, badRow: 9_000).write(toFile: file, atomically: true, encoding: .utf8)
        for extra in [[], ["--replace"]] {
            let result = try PathwayBinary.run(["import", "project", file, "--db", db] + extra, folder: folder)
            #expect(result.status == 2)
            #expect(result.stderr.contains("ten-thousand.json"), "\(result.stderr)")
            #expect(result.stderr.contains("line 9008"), "\(result.stderr)")
            #expect(result.stderr.contains("competencies[8999].type"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(FolderSnapshot(folder.url.path, matching: "doc.pathway") == before, "the database files changed")
        }
        #expect(try DatabaseCheck.load(db) == catalogBefore)
        // The same file without the bad row goes in whole.
        try Self.projectText(count: 10_000, badRow: nil).write(toFile: file, atomically: true, encoding: .utf8)
        let good = try PathwayBinary.run(["import", "project", file, "--db", db], folder: folder)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try DatabaseCheck.load(db).competencies(in: "BIG").count == 10_000)
    }

    /// A write that fails half-way (the disk fills up: a file-size limit stops the journal from
    /// growing) is rolled back: the database holds what it held before and passes its checks.
    @Test func aWriteThatFailsHalfWayIsRolledBack() throws {
        let folder = TempFolder("atomic-full")
        let db = try folder.sampleDatabase("doc.pathway")
        let catalogBefore = try DatabaseCheck.load(db)
        let mainBefore = try Data(contentsOf: URL(fileURLWithPath: db))
        let file = folder.path("big.json")
        try Generated.projectFile(Generated.catalog(competencies: 10_000, variant: "FULL"), at: file)
        let binary = try PathwayBinary.requirePath()
        // 1 MiB of file size (ulimit counts 512-byte blocks); SIGXFSZ ignored so the write fails
        // with EFBIG instead of killing the process.
        let script = "ulimit -f 2048; trap '' XFSZ; exec \"$0\" import project \"$1\" --db \"$2\""
        let p = try Spawned(["/bin/sh", "-c", script, binary, file, db], folder: folder.url.path)
        let termination = p.wait()
        #expect(termination == .exited(2), "\(termination): \(p.stderr)")
        #expect(p.stderr.contains(db), "\(p.stderr)")
        #expect(p.stderr.split(separator: "\n").count == 1, "\(p.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == mainBefore, "the database file itself changed")
        #expect(try DatabaseCheck.problems(db) == [])
        #expect(try DatabaseCheck.load(db) == catalogBefore)
    }

    /// The store itself: one change set of 10,000 changes whose 9,000th breaks a reference
    /// writes nothing, and the message says what was wrong.
    @Test func aChangeSetFailingAtItsNineThousandthChangeWritesNothing() throws {
        let folder = TempFolder("atomic-store")
        let path = folder.path("doc.pathway")
        let seed = Generated.catalog(competencies: 50, variant: "A")
        let store = try DocumentStore.create(at: path, seed: seed)
        var changes: [Change] = [.putFramework(CompetencyFramework(code: "NEW", title: "New"))]
        for i in 1..<10_000 {
            let parent = i == 9_000 ? "NO-SUCH-PARENT" : nil
            changes.append(.putCompetency(Competency(framework: "NEW", code: "N\(i)", title: "New \(i)", parent: parent)))
        }
        #expect(changes.count == 10_000)
        do {
            try store.apply(ChangeSet("Add ten thousand", changes))
            Issue.record("a broken reference was saved")
        } catch let error as StoreError {
            #expect(error.description.contains(path))
            #expect(error.description.contains("Nothing was saved"), "\(error)")
        }
        #expect(try store.load() == seed)
        #expect(try store.consistencyProblems() == [])
        try store.close()
    }
}
