import Testing
import PathwayEngine
import PathwayModel
@testable import PathwayTUI

/// The learner preview's update logic, key by key; above all, that a what-if is never saved.
@Suite struct LearnerTests {
    func learner(_ app: App) -> LearnerScreen { app.state.screens[.learners] as! LearnerScreen }

    func state(_ app: App, _ code: String) -> CredentialState? {
        learner(app).progression?.credential(code)?.state
    }

    /// Moves the cursor to a credential's row by pressing j.
    func select(_ code: String, _ app: inout App) {
        app.press("g g")
        for _ in 0..<40 where learner(app).selectedCredential?.code != code { app.press("j") }
    }

    @Test func sixOpensThePreviewOfTheFirstLearnerOnTheirPathway() {
        var (app, _) = Demo.app()
        app.press("6")
        #expect(app.state.current == .learners)
        #expect(learner(app).learnerName == "Zoë Müller")
        #expect(learner(app).pathwayCode == "GPP")
        #expect(state(app, "PROC-01") == .completed(assumed: false))
        #expect(state(app, "PROC-02") == .available)
        #expect(state(app, "CIRC-01") == .available)
        let text = app.screenText
        #expect(text.contains("Zoë Müller on Green public procurement officer (GPP)"))
        #expect(text.contains("✓ PROC-01"))
        #expect(text.contains("done 2025-03-14"))
        #expect(text.contains("→ PROC-02"))
        #expect(text.contains("available now"))
        #expect(text.contains("2 ECTS earned"))
        #expect(text.contains("target 1/3 held"))
    }

    @Test func blockedCredentialsSayWhatTheyWaitFor() {
        var catalog = Demo.catalog
        catalog.learners["Zoë Müller"]!.completions = []
        var (app, _) = Demo.app(catalog: catalog)
        app.press("6")
        guard case .blocked(let b)? = state(app, "PROC-02") else { Issue.record("PROC-02 not blocked"); return }
        #expect(b.credentials == ["PROC-01"])
        #expect(app.screenText.contains("needs PROC-01"))
    }

    @Test func whatIfIsShownMarkedAndNeverSaved() {
        var (app, session) = Demo.app()
        app.press("6")
        select("PROC-02", &app)
        app.press("Space")
        #expect(learner(app).whatIf == ["PROC-02"])
        #expect(state(app, "PROC-02") == .completed(assumed: true))
        #expect(learner(app).progression?.earnedECTS == 5)
        let text = app.screenText
        #expect(text.contains("WHAT-IF, NOT SAVED: assuming PROC-02 completed"))
        #expect(text.contains("Progression · what-if, not saved"))
        #expect(text.contains("done (what-if)"))
        // Nothing reached the session or the document.
        #expect(session.applied.isEmpty)
        #expect(app.state.document.version == 0)
        #expect(app.state.document.catalog.learners["Zoë Müller"]?.completions.map(\.credential) == ["PROC-01"])
        #expect(app.state.undoStack.isEmpty)
        // Space again takes it back; x resets everything.
        app.press("Space")
        #expect(learner(app).whatIf.isEmpty)
        app.press("Space")
        select("CIRC-01", &app)
        app.press("Space")
        #expect(learner(app).whatIf == ["PROC-02", "CIRC-01"])
        #expect(learner(app).progression?.isComplete == true)
        app.press("x")
        #expect(learner(app).whatIf.isEmpty)
        #expect(state(app, "PROC-02") == .available)
        #expect(!app.screenText.contains("NOT SAVED"))
        #expect(session.applied.isEmpty)
    }

    @Test func whatIfCannotUndoTheRealRecord() {
        var (app, session) = Demo.app()
        app.press("6")
        select("PROC-01", &app)
        app.press("Space")
        #expect(learner(app).whatIf.isEmpty)
        #expect(app.state.status.text.contains("on the learner's record (completed on 2025-03-14)"))
        #expect(session.applied.isEmpty)
    }

    @Test func whatIfWorksInReadOnlyMode() {
        var (app, session) = Demo.app(readOnly: true)
        app.press("6")
        select("PROC-02", &app)
        app.press("Space")
        #expect(state(app, "PROC-02") == .completed(assumed: true))
        #expect(session.applied.isEmpty)
        #expect(app.state.status.text.contains("Nothing is saved"))
    }

    @Test func whatIfSurvivesAnEditElsewhereAndUnblocks() {
        var catalog = Demo.catalog
        catalog.learners["Zoë Müller"]!.completions = []
        var (app, _) = Demo.app(catalog: catalog)
        app.press("6")
        select("PROC-01", &app)
        app.press("Space")
        #expect(state(app, "PROC-02") == .available)   // its prerequisite is met in the what-if
        // Another screen saves a change; the what-if stays.
        var c = app.state.document.catalog.credentials["CIRC-01"]!
        c.ects = 2
        app.commit(ChangeSet("Edit CIRC-01", [.putCredential(c)]))
        app.press("k")
        #expect(learner(app).whatIf == ["PROC-01"])
        #expect(state(app, "PROC-01") == .completed(assumed: true))
    }

    @Test func nextBestStepsAndMissingCompetencies() {
        var (app, _) = Demo.app(width: 120, height: 30)
        app.press("6")
        let next = learner(app).progression?.next.map(\.code) ?? []
        #expect(Set(next) == ["PROC-02", "CIRC-01"])
        let text = app.screenText
        #expect(text.contains("Next best steps"))
        #expect(text.contains("1. \(next[0])"))
        #expect(text.contains("Still missing (2 of 3 target competencies)"))
        #expect(text.contains("Umweltzeichen prüfen (Ökolabel) at EQF 5"))
    }

    @Test func pickingALearnerResetsTheWhatIfAndFollowsTheirPathway() throws {
        var (app, session) = try SampleCatalog.app()
        app.press("6")
        let first = learner(app).learnerName
        let available = learner(app).progression?.credentials.first { $0.state == .available }?.code
        select(try #require(available), &app)
        app.press("Space")
        let tried = learner(app).isWhatIf
        #expect(tried)
        app.press("L")
        guard case .picker(let p) = app.state.overlay else { Issue.record("no learner picker"); return }
        #expect(p.picker.items.count == app.state.document.catalog.learners.count)
        app.type("Tobias")
        app.press("Enter")
        let name = learner(app).learnerName
        #expect(name == "Tobias Schneider" && name != first)
        let reset = learner(app).whatIf.isEmpty
        #expect(reset)
        #expect(learner(app).pathwayCode?.hasPrefix("SPV-") == true)
        app.press("p")
        app.type("SPV-TECH")
        app.press("Enter")
        #expect(learner(app).pathwayCode == "SPV-TECH")
        #expect(app.screenText.contains("Tobias Schneider on PV and Storage Technician (SPV-TECH)"))
        #expect(session.applied.isEmpty)
    }

    @Test func focusFromTheOverviewOpensThatLearner() throws {
        var (app, _) = try SampleCatalog.app()
        app.go(to: .learners, subject: .learner("Ελένη Κ."))
        #expect(learner(app).learnerName == "Ελένη Κ.")
        #expect(learner(app).pathwayCode?.hasPrefix("TSV-") == true)
    }

    @Test func noLearnersSaysWhereTheyComeFrom() {
        var catalog = Demo.catalog
        catalog.learners = [:]
        var (app, _) = Demo.app(catalog: catalog)
        app.press("6 Space L")
        #expect(app.screenText.contains("There are no learners in this document yet"))
        #expect(app.state.status.text == "There are no learners in this document yet.")
    }
}
