import Testing
import PathwayModel
@testable import PathwayExchange

/// Seeded random inputs for every standards importer: mutations of real files (bytes flipped,
/// cut, duplicated, quotes and brackets inserted) and pure noise. Each run must end in a result
/// or an `ImportError` that names the file — never a crash or a hang. Same seed, same inputs.
@Suite struct ImporterFuzzTests {
    /// A small deterministic generator (SplitMix64), so failures can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let tokens: [[UInt8]] = ["\"", ",", "\r\n", "\n", "\r", "{", "}", "[", "]", ":", "\\u", "\\", "\u{FEFF}", "\u{1B}[31m",
                                    "\"isChildOf\"", "null", "1e999", "-", "<p>", "&#x0;", " | ", "\u{0}"].map { Array($0.utf8) }

    static func mutate(_ seed: [UInt8], _ r: inout Random) -> [UInt8] {
        var b = seed
        for _ in 0..<(1 + r.below(8)) {
            switch r.below(6) {
            case 0 where !b.isEmpty: b[r.below(b.count)] = UInt8(truncatingIfNeeded: r.next())
            case 1 where !b.isEmpty: b.removeSubrange(r.below(b.count)...)          // truncate
            case 2: b.insert(contentsOf: tokens[r.below(tokens.count)], at: r.below(b.count + 1))
            case 3 where b.count > 2:
                let i = r.below(b.count), j = min(b.count, i + r.below(200))
                b.insert(contentsOf: b[i..<j], at: r.below(b.count + 1))           // duplicate a slice
            case 4 where !b.isEmpty:
                let i = r.below(b.count)
                b.removeSubrange(i..<min(b.count, i + r.below(50)))
            default: b.append(contentsOf: (0..<r.below(64)).map { _ in UInt8(truncatingIfNeeded: r.next()) })
            }
        }
        return b
    }

    /// Runs the importer on `count` inputs; returns how many were accepted and refused.
    static func fuzz(seeds: [[UInt8]], count: Int, seed: UInt64, name: String,
                     _ importer: (ImportSource) throws -> ImportedFramework) -> (ok: Int, refused: Int) {
        var r = Random(state: seed)
        var ok = 0, refused = 0
        for i in 0..<count {
            let input = i % 10 == 9 ? (0..<r.below(400)).map { _ in UInt8(truncatingIfNeeded: r.next()) }
                                    : mutate(seeds[r.below(seeds.count)], &r)
            do {
                let f = try importer(ImportSource(name: name, bytes: input))
                // Whatever is accepted must also plan cleanly or be refused with a message.
                do { _ = try ImportPlan(importing: f, into: Catalog()) } catch let e as ImportError {
                    #expect(!e.message.isEmpty)
                } catch { Issue.record("unexpected error type \(error)") }
                ok += 1
            } catch let e as ImportError {
                #expect(e.file == name && !e.message.isEmpty)
                refused += 1
            } catch {
                Issue.record("input \(i): unexpected error type \(type(of: error)): \(error)")
            }
        }
        return (ok, refused)
    }

    func seeds(_ paths: [String], fallback: String) -> [[UInt8]] {
        let found = paths.compactMap { SharedFixtures.bytes($0) }
        return found.isEmpty ? [Array(fallback.utf8)] : found
    }

    @Test func caseImporterSurvivesMutations() {
        let s = seeds(["fixtures/case/SequenceNumberFramework.json", "fixtures/case/Utf8TestFramework.json",
                       "fixtures/case/MarkdownFramework.json"], fallback: CASEImportTests.minimal)
        let (ok, refused) = Self.fuzz(seeds: s, count: 400, seed: 1, name: "fuzz.json") { try CASEImporter.read($0) }
        #expect(ok + refused == 400 && refused > 0)
    }

    @Test func moodleImporterSurvivesMutations() {
        let small = MoodleTests.header + MoodleTests.frameworkRow + ",a,A,\"<p>x</p>\",1,,,,,,b,,,\n,b,B,,1,,,,,,,,,\n"
        var s = [Array(small.utf8)]
        if let real = SharedFixtures.bytes("fixtures/moodle/oecd-competency-framework.csv") { s.append(Array(real.prefix(4000))) }
        let (ok, refused) = Self.fuzz(seeds: s, count: 400, seed: 2, name: "fuzz.csv") { try MoodleImporter.read($0) }
        #expect(ok + refused == 400 && refused > 0)
    }

    @Test func escoImporterSurvivesMutations() throws {
        let skills = try ImportSource(path: SharedFixtures.local("skills_en.csv")).bytes
        var s = [skills]
        if let t = SharedFixtures.bytes("fixtures/esco/digCompSkillsCollection_en.csv") { s.append(Array(t.prefix(3000))) }
        let (ok, refused) = Self.fuzz(seeds: s, count: 400, seed: 3, name: "skills_en.csv") {
            try ESCOImporter.read(ESCOFiles(skills: [$0]))
        }
        #expect(ok + refused == 400 && refused > 0)
    }

    @Test func hostileAndOversizedTextIsKeptNotObeyed() throws {
        let big = String(repeating: "ü", count: 100_000)
        let evil = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}"
        let csv = MoodleTests.header + MoodleTests.frameworkRow + ",a,\"\(big)\",\"\(evil)\",2,,,,,,,,,\n"
        let f = try MoodleImporter.read(ImportSource(name: "big.csv", text: csv))
        #expect(f.competencies.first?.title.count == 100_000)
        #expect(f.competencies.first?.description == evil)
    }
}
