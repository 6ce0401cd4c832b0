import Testing
import PathwayModel
@testable import PathwayTUI

@Suite struct AppUpdateTests {
    @Test func questionMarkOpensFilterableHelpAndEscClosesIt() {
        var (app, _) = Demo.app()
        app.press("?")
        guard case .help(let help) = app.state.overlay else { Issue.record("no help"); return }
        #expect(help.rows.contains { $0.action == .undo })
        #expect(app.screenText.contains("Show every key of this screen"))
        app.type("redo")
        guard case .help(let filtered) = app.state.overlay else { Issue.record("help closed"); return }
        #expect(filtered.rows.map(\.action) == [.redo])
        #expect(!app.screenText.contains("Show every key of this screen"))
        #expect(app.screenText.contains("Redo the change undone last"))
        app.press("Esc")           // clears the filter first
        app.press("Esc")
        #expect(app.state.overlay == nil)
    }

    @Test func qOnTheFirstScreenQuits() {
        var (app, _) = Demo.app()
        app.press("q")
        #expect(app.state.shouldQuit)
    }

    @Test func ctrlCAlwaysQuits() {
        var (app, _) = Demo.app()
        app.press(":")
        app.handle(.ctrl("c"))
        #expect(app.state.shouldQuit)
    }

    @Test func paletteFindsAndRunsACommand() {
        var (app, _) = Demo.app()
        app.press(":")
        app.type("theme")
        #expect(app.screenText.contains("Choose a colour theme"))
        app.press("Enter")
        guard case .picker(let p) = app.state.overlay else { Issue.record("no theme picker"); return }
        #expect(p.picker.tag == "app.theme")
        app.press("Down Enter")
        #expect(app.state.themeName == "monochrome")
    }

    @Test func unknownKeySaysWhatToDo() {
        var (app, _) = Demo.app()
        app.press("§")
        #expect(app.state.status.text.contains("Press ? to see the keys"))
    }

    @Test func vimKeysArrowsAndPagingMoveTheSelection() {
        var (app, _) = Demo.app()
        let first = (app.state.screen as! OverviewScreen).cursor.selected
        app.press("j")
        #expect((app.state.screen as! OverviewScreen).cursor.selected > first)
        app.press("G")
        let overview = app.state.screen as! OverviewScreen
        #expect(overview.cursor.selected == overview.shown.count - 1)
        app.press("g g")
        #expect((app.state.screen as! OverviewScreen).cursor.selected == first)
        app.press("PgDn")
        #expect((app.state.screen as! OverviewScreen).cursor.selected > first)
        app.press("Home")
        #expect((app.state.screen as! OverviewScreen).cursor.selected == first)
    }

    @Test func filterNarrowsTheListAndEscClearsIt() {
        var (app, _) = Demo.app()
        app.press("/")
        app.type("ökolabel")
        let overview = app.state.screen as! OverviewScreen
        let labels = overview.shown.map { overview.rows[$0].label }
        #expect(labels.contains("Ökolabel in der Beschaffung (PROC-02)"))
        #expect(!labels.contains("Procurement basics (PROC-01)"))
        app.press("Enter")
        #expect(app.state.filters[.overview] == "ökolabel")
        app.press("Esc")
        #expect(app.state.filters[.overview] == nil)
        #expect((app.state.screen as! OverviewScreen).shown.count == overview.rows.count)
    }

    @Test func commitSavesUndoAndRedo() {
        var (app, session) = Demo.app()
        let added = MicroCredential(code: "NEW-01", title: "Neuer Kurs für Ökologie")
        app.commit(ChangeSet("Add credential NEW-01", [.putCredential(added)]))
        #expect(session.applied.count == 1)
        #expect(app.state.document.catalog.credentials["NEW-01"] != nil)
        #expect(app.state.status.text == "Saved: Add credential NEW-01. Undo with u.")
        app.press("u")
        #expect(app.state.document.catalog.credentials["NEW-01"] == nil)
        #expect(session.applied.last == ChangeSet("Add credential NEW-01", [.removeCredential("NEW-01")]))
        #expect(app.state.status.text.hasPrefix("Undone: Add credential NEW-01"))
        app.handle(.ctrl("r"))
        #expect(app.state.document.catalog.credentials["NEW-01"] == added)
        #expect(session.applied.count == 3)
        app.press("u")
        app.press("u")
        #expect(app.state.status.text == "Nothing to undo.")
    }

    @Test func aFailedSaveChangesNothing() {
        var (app, session) = Demo.app()
        session.failNext = "the database is locked by another program"
        app.commit(ChangeSet("Add credential X", [.putCredential(MicroCredential(code: "X", title: "X"))]))
        #expect(app.state.document.catalog.credentials["X"] == nil)
        #expect(app.state.undoStack.isEmpty)
        #expect(app.state.status.text.contains("Not saved: the database is locked"))
        #expect(app.state.status.kind == .error)
    }

    @Test func readOnlyRefusesEveryEdit() {
        var (app, session) = Demo.app(readOnly: true)
        app.commit(ChangeSet("Add credential X", [.putCredential(MicroCredential(code: "X", title: "X"))]))
        #expect(session.applied.isEmpty)
        #expect(app.state.status.text == StatusText.readOnlyRefusal)
        app.press("u")
        #expect(app.state.status.text == StatusText.readOnlyRefusal)
        #expect(app.screenText.contains("[read-only] demo.pa"))
    }

    @Test func tooSmallTerminalSaysWhatItNeeds() {
        var (app, _) = Demo.app(width: 20, height: 6)
        let text = app.screenText
        #expect(text.contains("Terminal too"))
        #expect(text.contains("need 60×15"))
        app.press("j")
        #expect(!app.state.shouldQuit)
        app.resize(width: 80, height: 24)
        #expect(app.screenText.contains("Overview"))
        app.resize(width: 20, height: 6)
        app.press("q")
        #expect(app.state.shouldQuit)
    }

    @Test func randomKeysNeverCrashAndKeepTheScreenWhole() {
        var (app, _) = Demo.app()
        var rng = SplitMix(seed: 42)
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab,
                           .backTab, .backspace, .char("j"), .char("k"), .char("/"), .char("?"), .char(":"),
                           .char("u"), .char("g"), .char("G"), .char("n"), .char("N"), .char("x"), .char("中"),
                           .ctrl("r"), .function(1), .function(2), .function(4), .char("1"), .char("T")]
        for step in 0..<3_000 {
            let k = keys[Int(rng.next() % UInt64(keys.count))]
            if step % 97 == 0 { app.resize(width: 20 + Int(rng.next() % 150), height: 5 + Int(rng.next() % 50)) }
            app.handle(k)
            if app.state.shouldQuit { app.state.shouldQuit = false }
            let buffer = AppView.render(app.state)
            #expect(buffer.cells.count == app.state.width * app.state.height)
        }
    }
}

/// A small seeded generator so random tests repeat exactly.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
