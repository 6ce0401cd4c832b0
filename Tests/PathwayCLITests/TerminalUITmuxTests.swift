import Foundation
import Testing
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real `pathway` binary in tmux, on a temporary database seeded with the sample data.
@Suite(.serialized) struct TerminalUITmuxTests {
    /// Starts the UI on `work.pathway` (made with the sample data the first time); the pane shows
    /// `[exit N]` and the terminal's modes after it ends.
    static func start(_ arguments: [String] = [], width: Int = 80, height: Int = 24,
                      folder: TempFolder, environment: [String: String] = [:]) throws -> TmuxTerminal? {
        let db = try folder.sampleDatabase("work.pathway")
        return try TmuxTerminal.startPathway(database: db, arguments, width: width, height: height,
                                             environment: environment, folder: folder)
    }

    @Test func opensTheSampleDatabaseOnTheOverview() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        let screen = try t.waitFor("F10Quit")
        #expect(screen.contains("1 Overview"), "\(screen)")
        #expect(screen.contains("work.pathway"), "\(screen)")
        #expect(screen.contains("Frameworks (3)"), "\(screen)")   // the three sample sectors
        #expect(screen.contains("Every change is saved at once"), "\(screen)")
        // Box lines drawn as Unicode, not as the letters of the alternate character set.
        #expect(screen.contains("┌─ Contents"), "\(screen)")
        try t.press("q")
        let after = try t.waitFor("icanon")
        #expect(after.contains("[exit 0]"), "\(after)")
        #expect(after.contains("icanon") && !after.contains("-icanon"), "terminal left in raw mode:\n\(after)")
        #expect(!after.contains("F10Quit"), "the UI is still on screen after quitting:\n\(after)")
    }

    @Test func helpOverlayListsTheKeys() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        try t.press("?")
        let screen = try t.waitFor("Show every key of this screen")
        #expect(screen.contains("Keys: Overview"), "\(screen)")
        try t.type("undo")
        let filtered = try t.waitUntilGone("Show every key of this screen")
        #expect(filtered.contains("Undo the last change"), "\(filtered)")
        #expect(!filtered.contains("Show every key of this screen"), "\(filtered)")
        try t.press("Escape", "Escape")
        // "Contents" shows beside the help too: wait for the help to go, then look.
        let closed = try t.waitUntilGone("Keys: Overview")
        #expect(closed.contains("Contents"), "\(closed)")
        #expect(!closed.contains("Keys: Overview"), "\(closed)")
        try t.press("Q")
        let end = try t.waitFor("[exit 0]")
        #expect(end.contains("[exit 0]"), "\(end)")
    }

    @Test func tinyTerminalShowsTooSmallAndRecovers() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        try t.resize(width: 20, height: 6)
        let small = try t.waitFor("small")
        #expect(small.contains("Terminal too"), "\(small)")
        #expect(small.contains("need 60×15"), "\(small)")
        try t.resize(width: 100, height: 30)
        let big = try t.waitFor("F10Quit")
        #expect(big.contains("1 Overview"), "\(big)")
        try t.press("Q")
        let end = try t.waitFor("[exit 0]")
        #expect(end.contains("[exit 0]"), "\(end)")
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        try t.press("C-c")
        // The whole tty line, closing bracket included: `icanon` shows before `echo` is written.
        let after = try t.ended().screen
        #expect(after.contains("[exit 0]"), "\(after)")
        #expect(after.contains("icanon") && !after.contains("-icanon"), "\(after)")
        #expect(after.contains("echo") && !after.contains("-echo"), "\(after)")
        #expect(!after.contains("F10Quit"), "\(after)")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        let pid = try t.pid()
        #expect(kill(pid, SIGTERM) == 0)
        let after = try t.waitFor("icanon")
        #expect(after.contains("[exit 0]"), "\(after)")
        #expect(after.contains("icanon") && !after.contains("-icanon"), "\(after)")
        #expect(!after.contains("F10Quit"), "\(after)")
    }

    @Test func readOnlyRefusesUndoWithAMessage() throws {
        let folder = TempFolder()
        guard let t = try Self.start(["--read-only"], folder: folder) else { return }
        defer { t.close() }
        let screen = try t.waitFor("F10Quit")
        #expect(screen.contains("[read-only]"), "\(screen)")
        try t.press("u")
        let refused = try t.waitFor("Read-only:")
        #expect(refused.contains("Read-only: this database was opened for review"), "\(refused)")
        try t.press("Q")
        let end = try t.waitFor("[exit 0]")
        #expect(end.contains("[exit 0]"), "\(end)")
    }

    @Test func asciiAndNoColourStillDrawAScreen() throws {
        let folder = TempFolder()
        guard let t = try Self.start(["--ascii", "--theme", "light"], folder: folder, environment: ["NO_COLOR": "1"]) else { return }
        defer { t.close() }
        let screen = try t.waitFor("F10Quit")
        #expect(screen.contains("+- Contents"), "\(screen)")
        #expect(!screen.contains("┌"), "\(screen)")
        #expect(screen.contains("NO_COLOR is set"), "\(screen)")
        try t.press("Q")
        let end = try t.waitFor("[exit 0]")
        #expect(end.contains("[exit 0]"), "\(end)")
    }

    @Test func unknownThemeFallsBackWithAMessage() throws {
        let folder = TempFolder()
        guard let t = try Self.start(["--theme", "sparkly"], folder: folder) else { return }
        defer { t.close() }
        let screen = try t.waitFor("F10Quit")
        #expect(screen.contains("No theme named 'sparkly'; using default-dark"), "\(screen)")
        try t.press("Q")
        let end = try t.waitFor("[exit 0]")
        #expect(end.contains("[exit 0]"), "\(end)")
    }

    /// Issue 4's scenario: create a micro-credential with non-ASCII text, add it to a pathway,
    /// see a finding appear, undo, quit, reopen and find the work saved.
    @Test func designerScenarioIsSavedAcrossRestarts() throws {
        let folder = TempFolder()
        guard let t = try Self.start(width: 100, height: 30, folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        try t.press("3")
        try t.waitFor("┌─ Micro-credentials (")
        try t.typeNewCredential("GRÜN-01", title: "Grüne Beschaffung – 绿色采购")
        try t.press("Enter")
        let created = try t.waitFor("GRÜN-01: Grüne Beschaffung – 绿色采购")
        #expect(created.contains("GRÜN-01 Grüne Beschaffung"), "\(created)")
        #expect(created.contains("Saved: Add credential GRÜN-01"), "\(created)")

        try t.press("4")
        // Only the pathway designer shows findings in a box.
        let before = try t.waitFor("┌─ Findings")
        #expect(!before.contains("warning: credential GRÜN-01"), "\(before)")
        try t.press("a")
        try t.waitFor("Add to stage 1")
        try t.type("GRÜN")
        try t.press("Enter")
        let added = try t.waitFor("warning: credential GRÜN-01:")
        #expect(added.contains("Grüne Beschaffung – 绿色采购"), "\(added)")
        #expect(added.contains("GRÜN-01 lacks the Annex I"), "\(added)")

        try t.press("u")
        // Wait for the undo itself: the warning can leave the findings box before it, pushed
        // down by errors sorted first once the checks after the add have finished.
        try t.waitFor("Undone: Add GRÜN-01 to")
        let undone = try t.waitUntilGone("warning: credential GRÜN-01:")
        #expect(undone.contains("Undone: Add GRÜN-01 to"), "\(undone)")
        #expect(!undone.contains("GRÜN-01 lacks the Annex I"), "\(undone)")
        try t.press("Q")
        let after = try t.waitFor("icanon")
        #expect(after.contains("[exit 0]"), "\(after)")

        // Reopen: the credential is saved, and the undone pathway change stays undone.
        t.close()
        guard let again = try Self.start(width: 100, height: 30, folder: folder) else { return }
        defer { again.close() }
        try again.waitFor("F10Quit")
        try again.press("3")
        try again.waitFor("┌─ Micro-credentials (")
        try again.press("/")
        try again.type("GRÜN")
        try again.press("Enter")
        let reopened = try again.waitFor("GRÜN-01: Grüne Beschaffung")
        #expect(reopened.contains("GRÜN-01 Grüne Beschaffung"), "\(reopened)")
        try again.press("4")
        let pathway = try again.waitFor("┌─ Findings")
        #expect(!pathway.contains("GRÜN-01"), "\(pathway)")
        try again.press("Q")
        let end = try again.waitFor("[exit 0]")
        #expect(end.contains("[exit 0]"), "\(end)")
    }
}
