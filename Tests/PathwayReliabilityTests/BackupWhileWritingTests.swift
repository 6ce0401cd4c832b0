import Foundation
import Testing
import PathwayModel
import PathwayStore
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `pathway backup` while another process keeps writing: every copy is a whole, sound document
/// holding one of the states the writer saved.
@Suite(.serialized) struct BackupWhileWritingTests {
    @Test(.timeLimit(.minutes(15)))
    func backupsTakenDuringWritesAreWholeStates() throws {
        let folder = TempFolder("backup")
        let a = Generated.catalog(competencies: 2_000, variant: "A")
        let b = Generated.catalog(competencies: 2_000, variant: "B")
        let files = [try Generated.projectFile(a, at: folder.path("a.json")), try Generated.projectFile(b, at: folder.path("b.json"))]
        let db = try folder.database("doc.pathway", holding: files[0])
        var copies: [String] = []
        var writes = 0
        var writer: Spawned? = nil
        for round in 0..<10 {
            // Keep a writer running: start the next import whenever the last one ended.
            if writer?.hasEnded ?? true {
                if let w = writer { #expect(w.wait() == .exited(0) || w.stderr.contains("in use"), "\(w.stderr)") }
                writer = try PathwayBinary.start(["import", "project", files[(round + 1) % 2], "--replace", "--db", db], folder: folder)
                writes += 1
            }
            usleep(UInt32(40_000 * (round % 4)))
            let copy = folder.path("copy-\(round).pathway")
            let r = try PathwayBinary.run(["backup", "--out", copy, "--db", db], folder: folder)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Backed up \(db) to \(copy)"))
            copies.append(copy)
        }
        writer?.wait()
        for copy in copies {
            #expect(try DatabaseCheck.problems(copy) == [], "\(copy)")
            #expect(try DatabaseCheck.state(of: copy, among: [a, b]) != nil, "\(copy) holds a half-written state")
        }
        Figures.report("backups taken while writing", copies.count, "\(writes) imports running meanwhile")
    }

    @Test func backupWithoutOutGoesBesideTheDatabaseWithTheTime() throws {
        let folder = TempFolder("backup-default")
        let db = try folder.sampleDatabase("doc.pathway")
        let r = try PathwayBinary.run(["backup", "--db", db], folder: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("doc-backup-") }
        #expect(names.count == 1)
        let copy = folder.path(try #require(names.first))
        #expect(try DatabaseCheck.load(copy) == DatabaseCheck.load(db))
    }
}
