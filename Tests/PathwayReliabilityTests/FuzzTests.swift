import Foundation
import Testing
import PathwayExchange
import PathwayModel
import PathwayTUI
import PathwayTestSupport

/// Seeded random-input tests of every file reader and of the key handler: mutations of the corpus
/// (`Tests/Fuzz/Corpus/<target>/`, plus the shared fixtures when present) and random bytes. A
/// crash fails the run; the time limit catches a hang. Errors are fine: they are the point.
@Suite struct FuzzTests {
    static let budget = 1_500

    static func corpus(_ target: String, shared: [String] = []) -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        let folder = Repository.root + "/Tests/Fuzz/Corpus/" + target
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            if let d = FileManager.default.contents(atPath: folder + "/" + name) { seeds.append(Array(d)) }
        }
        if let root = Repository.shared {
            for p in shared { if let d = FileManager.default.contents(atPath: root + "/fixtures/" + p) { seeds.append(Array(d)) } }
        }
        return seeds
    }

    static let tokens: [[UInt8]] = ["{", "}", "[", "]", "\"", ",", ":", "\\", "\\u0000", "\\ud800", "-1e999", "1e309",
                                    "99999999999999999999", "null", "true", "\r\n", "\"\"", "\u{1b}]0;x\u{7}", "\u{0}", "\u{FEFF}",
                                    "é", "中", "\"code\"", "\"title\"", "\"parent\"", "isChildOf", ",,,,", "\n\"", "ÿ"].map { Array($0.utf8) }

    /// One mutated input: a few byte flips, inserted tokens, deletions, duplications or a cut.
    static func mutate(_ seed: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var b = seed
        if Int.random(in: 0..<20, using: &random) == 0 {
            return (0..<Int.random(in: 0..<512, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !b.isEmpty: b[at] = UInt8.random(in: 0...255, using: &random)
            case 1: b.insert(contentsOf: tokens.randomElement(using: &random)!, at: at)
            case 2 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...64, using: &random)))
            case 3 where !b.isEmpty:
                let piece = b[at..<min(b.count, at + Int.random(in: 1...256, using: &random))]
                b.insert(contentsOf: piece, at: Int.random(in: 0...b.count, using: &random))
            case 4: b = Array(b.prefix(at))
            default: b.insert(UInt8.random(in: 0...255, using: &random), at: at)
            }
        }
        return b
    }

    /// Runs `body` on `budget` inputs; returns how many were accepted (decoded without error).
    static func fuzz(_ target: String, seeds: [[UInt8]], seed: UInt64, _ body: ([UInt8]) -> Bool) -> Int {
        var random = SeededRandom(seed: SeededRandom.seed(seed))
        var accepted = 0
        for seedInput in seeds where body(seedInput) { accepted += 1 }
        for _ in 0..<budget {
            let base = seeds.isEmpty ? [] : seeds.randomElement(using: &random)!
            if body(mutate(base, &random)) { accepted += 1 }
        }
        Figures.report("fuzz inputs tried (\(target))", budget + seeds.count, "\(accepted) accepted, the rest refused with an error, 0 crashes")
        return accepted
    }

    @Test(.timeLimit(.minutes(15)))
    func projectFiles() {
        let seeds = Self.corpus("project") + ((try? SampleDataSeeds.files()) ?? [])
        #expect(!seeds.isEmpty)
        let accepted = Self.fuzz("project file", seeds: seeds, seed: 101) { bytes in
            (try? ProjectFile.decode(Data(bytes), source: "fuzz.json")) != nil
        }
        #expect(accepted >= seeds.count, "the corpus itself must decode")
    }

    @Test(.timeLimit(.minutes(15)))
    func caseJSON() {
        let seeds = Self.corpus("case", shared: ["case/Utf8TestFramework.json", "case/SequenceNumberFramework.json", "case/SmartLevelFramework.json"])
        _ = Self.fuzz("CASE JSON", seeds: seeds, seed: 102) { bytes in
            (try? CASEImporter.read(ImportSource(name: "fuzz.json", bytes: bytes))) != nil
        }
    }

    @Test(.timeLimit(.minutes(15)))
    func moodleCSV() {
        let seeds = Self.corpus("moodle", shared: ["moodle/oecd-competency-framework.csv"])
        _ = Self.fuzz("Moodle CSV", seeds: seeds, seed: 103) { bytes in
            (try? MoodleImporter.read(ImportSource(name: "fuzz.csv", bytes: bytes))) != nil
        }
    }

    @Test(.timeLimit(.minutes(15)))
    func escoCSV() {
        let seeds = Self.corpus("esco-skills")
        _ = Self.fuzz("ESCO skills CSV", seeds: seeds, seed: 104) { bytes in
            (try? ESCOImporter.read(ESCOFiles(skills: [ImportSource(name: "skills_en.csv", bytes: bytes)]))) != nil
        }
    }

    /// Random keys (and resizes) into the whole app over a hostile document; every few keys the
    /// screen is drawn and checked for raw control characters.
    @Test(.timeLimit(.minutes(15)))
    func keyHandler() {
        var random = SeededRandom(seed: SeededRandom.seed(105))
        let pool: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                           .backspace, .delete, .insert, .ctrl("r"), .ctrl("p"), .ctrl("n"), .ctrl("b"), .ctrl("f")]
            + (1...12).map { Key.function($0) } + "jkhlgGnN/:?uaedcrstx1234567 yY\u{202E}é中".map { Key.char($0) }
        var app = App(catalog: Hostile.catalog(), session: MemorySession(), width: 80, height: 24)
        var keys = 0, frames = 0, raw = 0
        for i in 0..<4_000 {
            if Int.random(in: 0..<100, using: &random) == 0 {
                app.resize(width: Int.random(in: 0...200, using: &random), height: Int.random(in: 0...60, using: &random))
            } else {
                app.handle(pool.randomElement(using: &random)!)
            }
            keys += 1
            if app.state.shouldQuit { app = App(catalog: Hostile.catalog(), session: MemorySession(), width: 80, height: 24) }
            if i % 8 == 0 {
                let buffer = AppView.render(app.state)
                frames += 1
                raw += HostileTextTests.rawControls(buffer).count
            }
        }
        #expect(raw == 0)
        Figures.report("fuzz inputs tried (key handler)", keys, "\(frames) frames drawn and checked, 0 crashes")
    }
}

/// The shipped sample project files, as fuzzing seeds.
enum SampleDataSeeds {
    static func files() throws -> [[UInt8]] {
        let folder = Repository.root + "/SampleData/projects"
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().compactMap {
            FileManager.default.contents(atPath: folder + "/" + $0).map { Array($0) }
        }
    }
}
