import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `pathway` binary in tmux, on a temporary database seeded with the sample data.
@Suite(.serialized) struct TerminalUITmuxTests {
    /// Starts the UI; the pane shows `[exit N]` and the terminal's modes after it ends.
    static func start(_ arguments: String = "", width: Int = 80, height: Int = 24,
                      folder: TempFolder, environment: String = "") throws -> TmuxTerminal? {
        guard TmuxTerminal.isAvailable else {
            print("tmux is not installed: skipping the terminal UI end-to-end test")
            return nil
        }
        let binary = try #require(PathwayBinary.url, "build the pathway executable first (swift build)").path
        let db = folder.path("work.pathway")
        if !FileManager.default.fileExists(atPath: db) {
            let created = try PathwayBinary.run(["init", "--sample", "--db", db])
            try #require(created.status == 0, "pathway init --sample failed: \(created.stderr)")
        }
        let pidFile = folder.path("pid")
        let config = folder.path("config")
        let inner = "echo $$ > \(shellQuote(pidFile)); exec \(shellQuote(binary)) --db \(shellQuote(db)) \(arguments)"
        let command = "export XDG_CONFIG_HOME=\(shellQuote(config)) \(environment); sh -c \(shellQuote(inner)); "
            + "echo \"[exit $?]\"; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; exec sleep 600"
        return try TmuxTerminal(command: command, width: width, height: height, folder: folder.url)
    }

    @Test func opensTheSampleDatabaseOnTheOverview() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        let screen = try t.waitFor("F10Quit")
        #expect(screen.contains("1 Overview"))
        #expect(screen.contains("work.pathway"))
        #expect(screen.contains("Frameworks (3)"))   // the three sample sectors
        #expect(screen.contains("Every change is saved at once"))
        // Box lines drawn as Unicode, not as the letters of the alternate character set.
        #expect(screen.contains("┌─ Contents"))
        try t.press("q")
        let after = try t.waitFor("icanon")
        #expect(after.contains("[exit 0]"))
        #expect(after.contains("icanon") && !after.contains("-icanon"), "terminal left in raw mode:\n\(after)")
        #expect(!after.contains("F10Quit"), "the UI is still on screen after quitting")
    }

    @Test func helpOverlayListsTheKeys() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        try t.press("?")
        let screen = try t.waitFor("Show every key of this screen")
        #expect(screen.contains("Keys: Overview"))
        try t.type("undo")
        let filtered = try t.waitUntilGone("Show every key of this screen")
        #expect(filtered.contains("Undo the last change"))
        #expect(!filtered.contains("Show every key of this screen"))
        try t.press("Escape", "Escape")
        let closed = try t.waitFor("Contents")
        #expect(!closed.contains("Keys: Overview"))
        try t.press("Q")
        #expect(try t.waitFor("[exit 0]").contains("[exit 0]"))
    }

    @Test func tinyTerminalShowsTooSmallAndRecovers() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        try t.resize(width: 20, height: 6)
        let small = try t.waitFor("small")
        #expect(small.contains("Terminal too"))
        #expect(small.contains("need 60×15"))
        try t.resize(width: 100, height: 30)
        let big = try t.waitFor("F10Quit")
        #expect(big.contains("1 Overview"))
        try t.press("Q")
        #expect(try t.waitFor("[exit 0]").contains("[exit 0]"))
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        try t.press("C-c")
        let after = try t.waitFor("icanon")
        #expect(after.contains("[exit 0]"))
        #expect(after.contains("icanon") && !after.contains("-icanon"))
        #expect(after.contains("echo") && !after.contains("-echo"))
        #expect(!after.contains("F10Quit"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let folder = TempFolder()
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        let pidText = try String(contentsOfFile: folder.path("pid"), encoding: .utf8)
        let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGTERM) == 0)
        let after = try t.waitFor("icanon")
        #expect(after.contains("[exit 0]"))
        #expect(after.contains("icanon") && !after.contains("-icanon"))
        #expect(!after.contains("F10Quit"))
    }

    @Test func readOnlyRefusesUndoWithAMessage() throws {
        let folder = TempFolder()
        guard let t = try Self.start("--read-only", folder: folder) else { return }
        defer { t.close() }
        let screen = try t.waitFor("F10Quit")
        #expect(screen.contains("[read-only]"))
        try t.press("u")
        #expect(try t.waitFor("Read-only:").contains("Read-only: this database was opened for review"))
        try t.press("Q")
        #expect(try t.waitFor("[exit 0]").contains("[exit 0]"))
    }

    @Test func asciiAndNoColourStillDrawAScreen() throws {
        let folder = TempFolder()
        guard let t = try Self.start("--ascii --theme light", folder: folder, environment: "NO_COLOR=1") else { return }
        defer { t.close() }
        let screen = try t.waitFor("F10Quit")
        #expect(screen.contains("+- Contents"))
        #expect(!screen.contains("┌"))
        #expect(screen.contains("NO_COLOR is set"))
        try t.press("Q")
        #expect(try t.waitFor("[exit 0]").contains("[exit 0]"))
    }

    @Test func unknownThemeFallsBackWithAMessage() throws {
        let folder = TempFolder()
        guard let t = try Self.start("--theme sparkly", folder: folder) else { return }
        defer { t.close() }
        let screen = try t.waitFor("F10Quit")
        #expect(screen.contains("No theme named 'sparkly'; using default-dark"))
        try t.press("Q")
        #expect(try t.waitFor("[exit 0]").contains("[exit 0]"))
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
        try t.press("a")
        try t.waitFor("Code of the new micro-credential")
        try t.press("C-u")
        try t.type("GRÜN-01")
        try t.press("Enter")
        try t.waitFor("Title of GRÜN-01")
        try t.type("Grüne Beschaffung – 绿色采购")
        try t.press("Enter")
        let created = try t.waitFor("GRÜN-01: Grüne Beschaffung – 绿色采购")
        #expect(created.contains("GRÜN-01 Grüne Beschaffung"))
        #expect(created.contains("Saved: Add credential GRÜN-01"))

        try t.press("4")
        let before = try t.waitFor("Findings")
        #expect(!before.contains("warning: credential GRÜN-01"))
        try t.press("a")
        try t.waitFor("Add to stage 1")
        try t.type("GRÜN")
        try t.press("Enter")
        let added = try t.waitFor("warning: credential GRÜN-01:")
        #expect(added.contains("Grüne Beschaffung – 绿色采购"))
        #expect(added.contains("GRÜN-01 lacks the Annex I"))

        try t.press("u")
        let undone = try t.waitUntilGone("warning: credential GRÜN-01:")
        #expect(undone.contains("Undone: Add GRÜN-01 to"))
        try t.press("Q")
        let after = try t.waitFor("icanon")
        #expect(after.contains("[exit 0]"))

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
        #expect(reopened.contains("GRÜN-01 Grüne Beschaffung"))
        try again.press("4")
        let pathway = try again.waitFor("Findings")
        #expect(!pathway.contains("GRÜN-01"))
        try again.press("Q")
        #expect(try again.waitFor("[exit 0]").contains("[exit 0]"))
    }
}
