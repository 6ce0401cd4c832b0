import Foundation
import Testing
import PathwayModel
import PathwayStore
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Hostile text shown by the real UI in tmux: imported titles full of OSC 0/2 title changes,
/// ESC [ sequences, BEL, NUL, C1 controls and bidi overrides, and the same characters typed in.
/// The pane title never changes, and the bytes the program writes never hold one of them.
@Suite(.serialized) struct HostileTerminalTests {
    /// What must never appear in the program's output, with a name for the message. ncurses
    /// itself writes ESC [ sequences (CSI) to draw, so those are checked by their hostile text.
    static let forbidden: [(name: String, bytes: [UInt8])] = [
        ("OSC (ESC ])", [0x1B, 0x5D]),
        ("DCS (ESC P)", [0x1B, 0x50]),
        ("BEL", [0x07]),
        ("NUL", [0x00]),
        ("the imported ESC [2J", Array("Clear \u{1b}[2J".utf8)),
        ("the imported ESC [31m", Array("\u{1b}[31mred".utf8)),
        ("C1 CSI U+009B", Array("\u{9b}".utf8)),
        ("C1 OSC U+009D", Array("\u{9d}".utf8)),
        ("C1 ST U+009C", Array("\u{9c}".utf8)),
        ("RIGHT-TO-LEFT OVERRIDE U+202E", Array("\u{202E}".utf8)),
        ("POP DIRECTIONAL FORMATTING U+202C", Array("\u{202C}".utf8)),
        ("LEFT-TO-RIGHT ISOLATE U+2066", Array("\u{2066}".utf8)),
        ("POP DIRECTIONAL ISOLATE U+2069", Array("\u{2069}".utf8)),
    ]

    static func occurrences(of needle: [UInt8], in hay: [UInt8]) -> Int {
        guard !needle.isEmpty, hay.count >= needle.count else { return 0 }
        var count = 0
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
            count += 1
        }
        return count
    }

    @Test(.timeLimit(.minutes(15)))
    func hostileTextNeitherRetitlesThePaneNorReachesTheTerminalRaw() throws {
        let folder = TempFolder("hostile-tmux")
        let db = folder.path("evil.pathway")
        try DocumentStore.create(at: db, seed: Hostile.catalog()).close()
        let go = folder.path("go")
        // The pane sets its own title, then waits for the recording to start before the UI runs.
        let wait = "printf '\\033]2;%s\\033\\\\' before-ui; while [ ! -e \(shellQuote(go)) ]; do sleep 0.05; done;"
        guard let pane = try TmuxTerminal.startPathway(database: db, width: 100, height: 30, before: wait, folder: folder) else { return }
        defer { pane.close() }
        let titled = Date().addingTimeInterval(30)
        while try pane.display("#{pane_title}") != "before-ui" && Date() < titled { usleep(40_000) }
        try #require(try pane.display("#{pane_title}") == "before-ui", "the pane title could not be set for the test")
        let recording = folder.path("output.bin")
        try pane.recordOutput(to: recording)
        _ = FileManager.default.createFile(atPath: go, contents: nil)
        let first = try pane.waitFor("F10Quit")
        #expect(first.contains("␛"), "no visible placeholder for ESC on the overview:\n\(first)")
        var visited = 0
        func look(_ what: String) throws {
            visited += 1
            #expect(try pane.display("#{pane_title}") == "before-ui", "the pane title changed on \(what)")
        }
        try look("the overview")
        for (key, name) in TerminalEdgeCaseTests.tabs.dropFirst() {
            try pane.press(key)
            try pane.wait { $0.contains(" \(key) \(name)") && $0.contains("F10Quit") }
            try look("screen \(key)")
            // Open the first item, walk down the list, and come back.
            try pane.press("Enter")
            for _ in 0..<6 { try pane.press("Down") }
            try pane.press("Escape")
            // Nothing on screen says those keys were read ("F10Quit" shows all along): open and
            // close the help, which the UI does only after them, then look.
            try pane.press("?")
            try pane.waitFor("Keys:")
            try pane.press("Escape")
            try pane.waitUntilGone("Keys:")
            try look("screen \(key), opened and walked")
        }
        // Hostile text typed into the filter (ESC itself would be the Escape key).
        try pane.press("2")
        try pane.press("/")
        try pane.type("\u{202E}evil\u{9b}31m\u{2066}x\u{7}")
        let typed = try pane.waitFor("evil")
        #expect(typed.contains("⟪U+202E⟫evil") || typed.contains("evil"), "\(typed)")
        try look("the filter with typed controls")
        try pane.press("Escape")
        try pane.press("?")
        try pane.waitFor("Keys:")
        try look("the help")
        try pane.press("Escape")
        try pane.press("Q")
        let end = try pane.ended()
        #expect(end.exit == "[exit 0]", "\(end.screen)")
        #expect(try pane.display("#{pane_title}") == "before-ui", "\(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "\(end.screen)")
        // Stop recording, then read every byte the UI wrote.
        try pane.stopRecording()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: recording)))
        #expect(bytes.count > 10_000, "too little output was recorded (\(bytes.count) bytes)")
        for (name, needle) in Self.forbidden {
            #expect(Self.occurrences(of: needle, in: bytes) == 0, "\(name) reached the terminal")
        }
        Figures.report("hostile screens checked through tmux", visited, "\(bytes.count) bytes of output scanned, pane title unchanged")
    }
}
