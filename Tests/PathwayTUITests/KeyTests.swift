import Foundation
import Testing
@testable import PathwayTUI

@Suite struct KeyTests {
    @Test func parsesTheWrittenForms() {
        #expect(Key.parseSequence("q") == [.char("q")])
        #expect(Key.parseSequence("Ctrl-R") == [.ctrl("r")])
        #expect(Key.parseSequence("^r") == [.ctrl("r")])
        #expect(Key.parseSequence("F10") == [.function(10)])
        #expect(Key.parseSequence("PgDn") == [.pageDown])
        #expect(Key.parseSequence("gg") == [.char("g"), .char("g")])
        #expect(Key.parseSequence("Space") == [.char(" ")])
        #expect(Key.parseSequence("S-Tab") == [.backTab])
        #expect(Key.parseSequence("") == nil)
        #expect(Key.parseSequence("Ctrl-Rx") == nil)
        for k: Key in [.char("q"), .ctrl("r"), .function(3), .pageUp, .escape, .backTab, .char(" ")] {
            #expect(Key.parseSequence(k.description) == [k], "\(k)")
        }
    }

    var registry: KeyRegistry { KeyRegistry(App.bindings(for: ScreenRegistry.standard)) }

    @Test func sequencesWaitForTheirLastKey() {
        #expect(registry.match([.char("g")], on: .overview) == .prefix)
        #expect(registry.match([.char("g"), .char("g")], on: .overview) == .action(.top))
        #expect(registry.match([.char("G")], on: .overview) == .action(.bottom))
        #expect(registry.match([.char("§")], on: .overview) == .none)
    }

    @Test func screenBindingsWinOverGlobalOnes() {
        var r = KeyRegistry([Binding(["x"], Action("global-x"), "x", "x"),
                             Binding(["x"], Action("screen-x"), "x", "x", scope: .screen(.overview))])
        #expect(r.match([.char("x")], on: .overview) == .action(Action("screen-x")))
        #expect(r.match([.char("x")], on: .pathways) == .action(Action("global-x")))
        _ = r.remap(with: "", file: "k")
    }

    @Test func keysConfRemapsAndReportsProblems() {
        var r = registry
        let problems = r.remap(with: """
            # my keys
            undo = z, Ctrl-Z
            quit = F12
            frobnicate = x
            help = Ctrl-
            """, file: "keys.conf")
        #expect(r.match([.char("z")], on: .overview) == .action(.undo))
        #expect(r.match([.ctrl("z")], on: .overview) == .action(.undo))
        #expect(r.match([.char("u")], on: .overview) == .none)
        #expect(r.match([.function(12)], on: .overview) == .action(.quit))
        #expect(problems.count == 2)
        #expect(problems[0].contains("keys.conf, line 4: unknown action 'frobnicate'"))
        #expect(problems[1].contains("keys.conf, line 5: cannot read the key 'Ctrl-'"))
        // What the help and hint bar show follows the remap.
        #expect(r.keyText(for: .undo) == "z")
    }

    @Test func docsKeyTableIsUpToDate() throws {
        let url = Snapshot.packageRoot.appendingPathComponent("docs/keys.md")
        let generated = registry.markdownTable()
        let stored = try? String(contentsOf: url, encoding: .utf8)
        if Snapshot.recording || stored == nil {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(stored == nil || Snapshot.recording || stored == generated,
                "docs/keys.md is stale: run RECORD_SNAPSHOTS=1 swift test --disable-xctest --filter KeyTests")
        #expect(generated.contains("| `u` `F6` | `undo` |"))
    }
}
