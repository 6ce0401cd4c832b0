import Foundation
import Testing
import PathwayModel
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real `pathway` UI in tmux under the terminals people actually have: odd TERM values, a C
/// locale, a tiny window, a window being resized over and over, and every way out of the program
/// (keys, signals, a crash, an error). Each time the screen must make sense and, once the program
/// has ended, the shell must be usable again.
@Suite(.serialized) struct TerminalEdgeCaseTests {
    /// The screens' keys and the names their tabs show when open.
    static let tabs = [("1", "Overview"), ("2", "Map"), ("3", "Credentials"), ("4", "Pathways"), ("5", "Coverage"),
                       ("6", "Learners"), ("7", "Review")]

    /// Ways to end the program, and the exit status `sh` reports for each.
    enum Exit: String, CaseIterable, CustomTestStringConvertible {
        case q, f10, ctrlC, sigterm, sighup, sigquit, sigsegv, sigabrt
        var testDescription: String { rawValue }
        var status: Int {
            switch self {
            case .q, .f10, .ctrlC, .sigterm, .sighup: return 0
            case .sigquit: return 128 + Int(SIGQUIT)
            case .sigsegv: return 128 + Int(SIGSEGV)
            case .sigabrt: return 128 + Int(SIGABRT)
            }
        }
    }

    @Test(.timeLimit(.minutes(15)), arguments: Exit.allCases)
    func everyWayOutRestoresTheTerminal(_ way: Exit) throws {
        let folder = TempFolder("exit")
        let db = try folder.sampleDatabase("work.pathway")
        guard let pane = try TmuxTerminal.startPathway(database: db, folder: folder) else { return }
        defer { pane.close() }
        let running = try pane.waitFor("F10Quit")
        try #require(running.contains("F10Quit"), "the UI did not start:\n\(running)")
        // While it runs the UI owns the terminal, so the checks below can tell a restore from nothing.
        #expect(try pane.display("#{alternate_on} #{cursor_flag}") == "1 0", "\(running)")
        let pid = try pane.pid()
        switch way {
        case .q: try pane.press("q")
        case .f10: try pane.press("F10")
        case .ctrlC: try pane.press("C-c")
        case .sigterm: kill(pid, SIGTERM)
        case .sighup: kill(pid, SIGHUP)
        case .sigquit: kill(pid, SIGQUIT)
        case .sigsegv: kill(pid, SIGSEGV)
        case .sigabrt: kill(pid, SIGABRT)
        }
        let end = try pane.ended(timeout: 60)
        #expect(end.exit == "[exit \(way.status)]", "\(way): \(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "\(way): \(end.screen)")
        #expect(try DatabaseCheck.problems(db) == [])
    }

    /// Terminals that cannot show a full-screen UI get one clear sentence and exit status 2, and
    /// the terminal is left as it was.
    @Test(.timeLimit(.minutes(15)), arguments: ["dumb", "no-such-terminal", ""])
    func unusableTerminalTypesAreRefusedPlainly(_ term: String) throws {
        let folder = TempFolder("term")
        let db = try folder.sampleDatabase("work.pathway")
        guard let pane = try TmuxTerminal.startPathway(database: db, term: term, folder: folder) else { return }
        defer { pane.close() }
        let end = try pane.ended()
        #expect(end.exit == "[exit 2]", "TERM=\(term): \(end.screen)")
        let text = end.screen.replacingOccurrences(of: "\n", with: "")
        #expect(text.contains("Error: The terminal UI cannot open"), "TERM=\(term): \(end.screen)")
        #expect(text.contains("pathway --help"), "TERM=\(term): \(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "\(end.screen)")
    }

    /// Terminal types people use: the UI draws its screens (lines in Unicode, or ASCII on the Linux
    /// console), moves between them and quits cleanly.
    @Test(.timeLimit(.minutes(15)), arguments: ["tmux-256color", "xterm-256color", "screen", "linux", "vt100"])
    func commonTerminalTypesDrawEveryScreen(_ term: String) throws {
        let folder = TempFolder("term")
        let db = try folder.sampleDatabase("work.pathway")
        guard let pane = try TmuxTerminal.startPathway(database: db, width: 100, height: 30, term: term, folder: folder) else { return }
        defer { pane.close() }
        let first = try pane.waitFor("F10Quit")
        try #require(first.contains("1 Overview"), "TERM=\(term):\n\(first)")
        let plain = term == "linux"   // the Linux console gets ASCII lines
        for (key, name) in [("2", "Map"), ("3", "Credentials"), ("4", "Pathways"), ("5", "Coverage"), ("6", "Learners"), ("7", "Review"), ("1", "Overview")] {
            try pane.press(key)
            let screen = try pane.wait { $0.contains(" \(key) \(name)") && $0.contains("F10Quit") }
            #expect(screen.contains(" \(key) \(name)"), "TERM=\(term), screen \(key):\n\(screen)")
            #expect(Self.layoutProblems(screen, width: 100, height: 30) == [], "TERM=\(term), screen \(key):\n\(screen)")
            #expect(screen.contains(plain ? "+-" : "┌─"), "TERM=\(term), screen \(key):\n\(screen)")
            #expect(!screen.contains("lqqq") && !screen.contains("qqqk"), "box lines drawn as letters:\n\(screen)")
        }
        try pane.press("Q")
        let end = try pane.ended()
        #expect(end.exit == "[exit 0]", "TERM=\(term): \(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "TERM=\(term)")
    }

    /// Under a C locale the terminal takes bytes, not UTF-8: every screen is plain ASCII, with
    /// accents dropped and other letters as `?`, and every row keeps its width (no character
    /// lost or split into mojibake).
    @Test(.timeLimit(.minutes(15)), arguments: ["C", "POSIX"])
    func aNonUTF8LocaleGetsPlainASCII(_ locale: String) throws {
        let folder = TempFolder("locale")
        let db = try folder.sampleDatabase("work.pathway")
        guard let pane = try TmuxTerminal.startPathway(database: db, width: 100, height: 30, locale: locale, folder: folder) else { return }
        defer { pane.close() }
        try pane.waitFor("F10Quit")
        var screens = 0
        for (key, name) in Self.tabs {
            try pane.press(key)
            let screen = try pane.wait { $0.contains(" \(key) \(name)") && $0.contains("F10Quit") }
            screens += 1
            let foreign = screen.unicodeScalars.filter { !$0.isASCII }
            #expect(foreign.isEmpty, "LANG=\(locale), screen \(key) shows \(foreign.count) non-ASCII characters:\n\(screen)")
            #expect(Self.layoutProblems(screen, width: 100, height: 30) == [], "LANG=\(locale), screen \(key):\n\(screen)")
        }
        // The learner picker names Ελένη Κ.: Greek letters become question marks of the same width.
        try pane.press("6")
        try pane.press("L")
        // Waits for the picker's rows, not only its title: the box can be drawn before its rows.
        let learner = try pane.wait { $0.contains("Learner to preview") && $0.contains("????? ?.") }
        #expect(learner.contains("????? ?."), "LANG=\(locale):\n\(learner)")
        #expect(Self.layoutProblems(learner, width: 100, height: 30) == [], "LANG=\(locale):\n\(learner)")
        #expect(screens == 7)
        try pane.press("Escape")
        try pane.press("Q")
        let end = try pane.ended()
        #expect(end.exit == "[exit 0]", "\(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "\(end.screen)")
    }

    /// A 20×6 window from the start: a short "too small" note that fits, keys do no harm, and q quits.
    @Test(.timeLimit(.minutes(15)))
    func aTwentyBySixTerminal() throws {
        let folder = TempFolder("tiny")
        let db = try folder.sampleDatabase("work.pathway")
        let before = try DatabaseCheck.load(db)
        guard let pane = try TmuxTerminal.startPathway(database: db, width: 20, height: 6, folder: folder) else { return }
        defer { pane.close() }
        let small = try pane.waitFor("small")
        #expect(Self.layoutProblems(small, width: 20, height: 6) == [], "\(small)")
        #expect(Self.joined(small).contains("have 20×6"), "\(small)")
        for key in ["Down", "Tab", "2", "Enter", "a", "Escape", "?", "Escape", "u"] { try pane.press(key) }
        // The keys change nothing visible, so "small" would show before they are read: make the UI
        // redraw twice after them (another small size, then this one) and look at that screen.
        try pane.resize(width: 21, height: 6)
        try pane.wait { Self.joined($0).contains("have 21×6") }
        try pane.resize(width: 20, height: 6)
        let still = try pane.wait { Self.joined($0).contains("have 20×6") }
        #expect(Self.layoutProblems(still, width: 20, height: 6) == [], "\(still)")
        try pane.press("q")
        let end = try pane.ended()
        #expect(end.exit == "[exit 0]", "\(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "\(end.screen)")
        // Nothing was changed by the keys pressed while the screen was too small.
        #expect(try DatabaseCheck.load(db) == before)
    }

    /// Resize storms: the window (and, split, the pane) is resized many times in quick succession
    /// while keys arrive. Afterwards the screen is drawn for the final size, and the UI still answers.
    @Test(.timeLimit(.minutes(15)))
    func resizeStormsEndInAScreenOfTheFinalSize() throws {
        let folder = TempFolder("resize")
        let db = try folder.sampleDatabase("work.pathway")
        guard let pane = try TmuxTerminal.startPathway(database: db, width: 100, height: 30, folder: folder) else { return }
        defer { pane.close() }
        try pane.waitFor("F10Quit")
        let seed = SeededRandom.seed(17)
        var random = SeededRandom(seed: seed)
        let keys = ["Down", "Up", "Tab", "PageDown", "1", "2", "3", "4", "5", "6", "7", "Escape", "Home", "End"]
        var resizes = 0
        for storm in 0..<3 {
            var final = (width: 0, height: 0)
            if storm == 2 {
                // The pane shares its window with another: resize the pane itself.
                try pane.tmux(["split-window", "-d", "-h", "-t", "0", "sleep 600"])
            }
            for _ in 0..<40 {
                let w = Int.random(in: 12...140, using: &random), h = Int.random(in: 4...45, using: &random)
                if storm == 2 {
                    try pane.tmux(["resize-pane", "-t", "0.0", "-x", "\(max(8, w - 10))", "-y", "\(h)"])
                } else {
                    try pane.resize(width: w, height: h)
                }
                resizes += 1
                if Bool.random(using: &random) { try pane.press(keys.randomElement(using: &random)!) }
            }
            // The final size: big enough for the UI in two storms, too small in one.
            final = storm == 1 ? (30, 10) : (Int.random(in: 70...120, using: &random), Int.random(in: 18...40, using: &random))
            if storm == 2 {
                try pane.resize(width: final.width + 20, height: final.height)
                try pane.tmux(["resize-pane", "-t", "0.0", "-x", "\(final.width)", "-y", "\(final.height)"])
            } else {
                try pane.resize(width: final.width, height: final.height)
            }
            try pane.press("Escape")
            let size = try pane.display("#{pane_width}x#{pane_height}")
            #expect(size == "\(final.width)x\(final.height)", "storm \(storm): tmux did not take the size")
            let screen = try pane.wait(timeout: 30) { Self.layoutProblems($0, width: final.width, height: final.height).isEmpty }
            #expect(Self.layoutProblems(screen, width: final.width, height: final.height) == [],
                    "storm \(storm) (seed \(seed)), \(final.width)×\(final.height):\n\(screen)")
        }
        try pane.tmux(["kill-pane", "-t", "0.1"])
        try pane.resize(width: 90, height: 28)
        // Still answering: help opens at the new size and closes again.
        try pane.press("?")
        let help = try pane.waitFor("Keys:")
        #expect(help.contains("Keys:"), "\(help)")
        try pane.press("Escape")
        let back = try pane.wait { Self.layoutProblems($0, width: 90, height: 28).isEmpty && !$0.contains("Keys:") }
        #expect(Self.layoutProblems(back, width: 90, height: 28) == [], "\(back)")
        try pane.press("Q")
        let end = try pane.ended()
        #expect(end.exit == "[exit 0]", "\(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "\(end.screen)")
        Figures.report("terminal resizes survived", resizes, "3 storms with keys in between; seed \(seed)")
    }

    /// Writing fails while the UI is open (another program holds the write lock longer than the
    /// busy timeout): the UI says so, keeps running, changes nothing, and saves once the lock is gone.
    @Test(.timeLimit(.minutes(15)))
    func aFailedWriteIsShownAndNothingIsLost() throws {
        let folder = TempFolder("ui-error")
        let db = try folder.sampleDatabase("work.pathway")
        guard let pane = try TmuxTerminal.startPathway(database: db, width: 100, height: 30, folder: folder) else { return }
        defer { pane.close() }
        try pane.waitFor("F10Quit")
        let before = try DatabaseCheck.load(db)
        let holder = LockHolder(path: db)
        #expect(holder.failure == nil)
        try UIScript.addCredential("LOCK-01", on: pane)
        let refused = try pane.waitFor("Not saved")
        #expect(refused.contains("Not saved: \(db.prefix(20))") || refused.contains("in use by another"), "\(refused)")
        #expect(!refused.contains("Saved: Add credential LOCK-01"), "\(refused)")
        holder.release()
        #expect(try DatabaseCheck.load(db) == before, "a refused change reached the file")
        try UIScript.addCredential("LOCK-02", on: pane)
        let saved = try pane.waitFor("Saved: Add credential LOCK-02")
        #expect(saved.contains("Saved: Add credential LOCK-02"), "\(saved)")
        try pane.press("Q")
        let end = try pane.ended()
        #expect(end.exit == "[exit 0]", "\(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "\(end.screen)")
        let after = try DatabaseCheck.load(db)
        #expect(after.credentials["LOCK-02"] != nil && after.credentials["LOCK-01"] == nil)
    }

    /// The database file is deleted while the UI has it open. SQLite would go on writing into the
    /// deleted file, losing everything at exit; instead the next edit is refused with a message, the
    /// document is written back to its path, and later edits are saved there.
    @Test(.timeLimit(.minutes(15)))
    func aDatabaseDeletedWhileOpenIsWrittenBack() throws {
        let folder = TempFolder("ui-deleted")
        let db = try folder.sampleDatabase("work.pathway")
        guard let pane = try TmuxTerminal.startPathway(database: db, width: 100, height: 30, folder: folder) else { return }
        defer { pane.close() }
        try pane.waitFor("F10Quit")
        try UIScript.addCredential("KEPT-01", on: pane)
        try #require(try pane.waitFor("Saved: Add credential KEPT-01").contains("Saved: Add credential KEPT-01"))
        #expect(unlink(db) == 0)
        try UIScript.addCredential("GONE-01", on: pane)
        let refused = try pane.waitFor("was deleted")
        #expect(refused.contains("Not saved: work.pathway was deleted; it is written back"), "\(refused)")
        #expect(FileManager.default.fileExists(atPath: db), "the document was not written back")
        try UIScript.addCredential("AFTER-01", on: pane)
        #expect(try pane.waitFor("Saved: Add credential AFTER-01").contains("Saved: Add credential AFTER-01"))
        try pane.press("Q")
        let end = try pane.ended()
        #expect(end.exit == "[exit 0]", "\(end.screen)")
        #expect(try pane.restoredProblems(tty: end.tty) == [], "\(end.screen)")
        #expect(try DatabaseCheck.problems(db) == [])
        let after = try DatabaseCheck.load(db)
        #expect(after.credentials["KEPT-01"] != nil, "the work done before the deletion was lost")
        #expect(after.credentials["AFTER-01"] != nil)
        #expect(after.credentials["GONE-01"] == nil)
    }

    // MARK: - What a sane screen is

    /// Empty when `screen` (a `capture-pane` of a `width`×`height` pane) is a whole UI screen of
    /// that size: no row wider than the pane, the tab bar on top, the key bar at the bottom and a
    /// box spanning the full width; or, below the UI's minimum size, the "too small" note.
    static func layoutProblems(_ screen: String, width: Int, height: Int) -> [String] {
        var rows = screen.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        var problems: [String] = []
        if rows.count != height { problems.append("\(rows.count) rows, not \(height)") }
        for (i, row) in rows.enumerated() where columns(row) > width {
            problems.append("row \(i) is \(columns(row)) columns wide")
        }
        if width >= 60 && height >= 15 {
            if !(rows.first ?? "").hasPrefix(" 1 ") { problems.append("no tab bar on the first row") }
            if !(rows.last ?? "").hasPrefix("F1Help") { problems.append("no key bar on the last row") }
            let boxes = rows.filter { ($0.hasPrefix("┌─") && $0.hasSuffix("┐")) || ($0.hasPrefix("+-") && $0.hasSuffix("+")) }
            if !boxes.contains(where: { columns($0) == width }) { problems.append("no box as wide as the pane") }
        } else if !joined(screen).contains("Terminal too small") {
            problems.append("no 'too small' note at \(width)×\(height)")
        } else if !joined(screen).contains("have \(width)×\(height)") {
            problems.append("the note does not name the size \(width)×\(height)")
        }
        return problems
    }

    /// The screen's text as one line, so wrapped notes can be searched.
    static func joined(_ screen: String) -> String {
        screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Terminal columns of a row: wide (East Asian, emoji) characters take two.
    static func columns(_ row: String) -> Int {
        row.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            if s.properties.generalCategory == .nonspacingMark || v == 0x200D { return sum }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }
}

/// Key sequences for scripted work in the UI.
enum UIScript {
    /// On the micro-credentials screen: `a`, the code, Enter, a title, Enter.
    static func addCredential(_ code: String, title: String? = nil, on pane: TmuxTerminal) throws {
        try pane.press("3")
        try pane.waitFor(" 3 Credentials")
        try pane.typeNewCredential(code, title: title ?? "Credential \(code)")
        try pane.press("Enter")
    }
}
