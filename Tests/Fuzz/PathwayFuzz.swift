// libFuzzer target for Pathway Designer's readers and key handler. Not part of the package:
// Tests/Fuzz/run.sh builds it with `swiftc -sanitize=fuzzer` against the library targets
// (themselves built with coverage instrumentation), so plain `swift build`/`swift test` never
// see it. PATHWAY_FUZZ_TARGET picks what is fuzzed: project, case, moodle, esco or keys.
//
// A crash, a Swift trap or a hang (libFuzzer's -timeout) is a finding; an error thrown by a
// reader is the expected answer to bad input.
import Foundation
import PathwayExchange
import PathwayModel
import PathwayTUI

enum FuzzTarget: String {
    case project, `case`, moodle, esco, keys
}

let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["PATHWAY_FUZZ_TARGET"] ?? "project"
    guard let t = FuzzTarget(rawValue: name) else {
        fatalError("PATHWAY_FUZZ_TARGET must be project, case, moodle, esco or keys, not \(name)")
    }
    return t
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    switch target {
    case .project: _ = try? ProjectFile.decode(Data(bytes), source: "fuzz.json")
    case .case: _ = try? CASEImporter.read(ImportSource(name: "fuzz.json", bytes: bytes))
    case .moodle: _ = try? MoodleImporter.read(ImportSource(name: "fuzz.csv", bytes: bytes))
    case .esco: _ = try? ESCOImporter.read(ESCOFiles(skills: [ImportSource(name: "skills_en.csv", bytes: bytes)]))
    case .keys: KeyFuzz.run(bytes)
    }
    return 0
}

/// Each byte is a key (or, with the two after it, a resize) sent to the whole app over a
/// document full of hostile text; every frame drawn must hold no raw control character.
enum KeyFuzz {
    static let pool: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab,
                              .backTab, .backspace, .delete, .insert, .ctrl("r"), .ctrl("p"), .ctrl("n"), .ctrl("b"),
                              .ctrl("f"), .ctrl("u"), .ctrl("c")]
        + (1...12).map { Key.function($0) }
        + "jkhlgGnNqQ/:?uaedcrstxmo1234567 yY\u{202E}\u{9b}é中😀".map { Key.char($0) }

    static let catalog: Catalog = {
        let evil = ["Title \u{1b}]0;PWNED\u{7} after", "\u{202E}desrever\u{202C}", "C1 \u{9b}31m \u{9d}0;x\u{9c}",
                    "Nul\u{0}byte", "中文 é\u{301} 😀", String(repeating: "long ", count: 2_000)]
        let framework = CompetencyFramework(code: "EVIL", title: evil[0], sector: evil[1], description: evil[2])
        let competencies = evil.indices.map { i in
            Competency(framework: "EVIL", code: "E\(i)", title: evil[i], description: evil[(i + 1) % evil.count],
                       parent: i == 0 ? nil : "E0")
        }
        let key = CompetencyKey(framework: "EVIL", code: "E1")
        let credential = MicroCredential(code: "MC-EVIL", title: evil[3], awardingBody: evil[4],
                                         learningOutcomes: [LearningOutcome(id: "LO1", statement: evil[5],
                                                                            mappings: [CompetencyLevel(competency: key, level: EQFLevel(5)!)])],
                                         ects: 2, eqfLevel: EQFLevel(5)!, assessment: evil[0])
        let pathway = Pathway(code: "PW-EVIL", title: evil[2], description: evil[1],
                              target: PathwayTarget(occupation: evil[0]), stages: [Stage(title: evil[4], core: ["MC-EVIL"])])
        let learner = Learner(name: evil[1], note: evil[2], completions: [Completion(credential: "MC-EVIL", date: Day("2025-01-02")!)])
        return Catalog(frameworks: [framework], competencies: competencies, credentials: [credential],
                       pathways: [pathway], learners: [learner])
    }()

    static func run(_ bytes: [UInt8]) {
        var app = App(catalog: catalog, session: MemorySession(), width: 80, height: 24)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0xFF && i + 2 < bytes.count {
                app.resize(width: Int(bytes[i + 1]), height: Int(bytes[i + 2]) % 80)
                i += 3
            } else {
                app.handle(pool[Int(b) % pool.count])
                i += 1
            }
            if app.state.shouldQuit { app = App(catalog: catalog, session: MemorySession(), width: 80, height: 24) }
        }
        let buffer = AppView.render(app.state)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                for s in buffer[x, y].char.unicodeScalars where isControl(s) {
                    fatalError("raw control character U+\(String(s.value, radix: 16)) drawn at \(x),\(y)")
                }
            }
        }
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
