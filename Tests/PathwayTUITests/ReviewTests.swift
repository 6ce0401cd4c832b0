import Testing
import PathwayModel
@testable import PathwayTUI

/// The review screen's update logic, key by key, without a terminal.
@Suite struct ReviewTests {
    static let today = Day("2025-05-20")!

    func review(_ app: App) -> ReviewScreen { app.state.screens[.review] as! ReviewScreen }

    @Test func sevenOpensReviewWithEveryKindOfThing() {
        var (app, _) = Demo.app()
        app.press("7")
        #expect(app.state.current == .review)
        let labels = review(app).shown.map { review(app).rows[$0].label }
        #expect(labels.contains("Green procurement skills (GREEN)"))
        #expect(labels.contains("Procurement basics (PROC-01)"))
        #expect(labels.contains("Green public procurement officer (GPP)"))
        // Competencies wait until their framework is expanded.
        #expect(!labels.contains("Life-cycle costing"))
        #expect(review(app).selectedCommentSubject == .framework("GREEN"))
    }

    @Test func commentsShowBesideTheirSubject() {
        var (app, _) = Demo.app()
        app.go(to: .review, subject: .pathway("GPP"))
        #expect(review(app).selectedCommentSubject == .pathway("GPP"))
        let text = app.screenText
        #expect(text.contains("#1  Partner A · 2025-04-01"))
        #expect(text.contains("Check the EQF level"))
        #expect(text.contains("Pathway GPP · 1 comment"))
    }

    @Test func addingACommentAsksTheNameOnceAndDatesItToday() throws {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .credential("PROC-02"))
        app.press("c")
        guard case .prompt(let p) = app.state.overlay else { Issue.record("no name prompt"); return }
        #expect(p.prompt.tag == "author")
        app.type("Ana Costa")
        app.press("Enter")
        guard case .prompt(let q) = app.state.overlay else { Issue.record("no comment prompt"); return }
        #expect(q.prompt.tag == "comment")
        #expect(q.prompt.title.contains("Ökolabel in der Beschaffung (PROC-02)"))
        app.type("Prüfung fehlt")
        app.press("Enter")
        let expected = ReviewComment(id: 2, author: "Ana Costa", date: Self.today, text: "Prüfung fehlt",
                                     subject: .credential("PROC-02"))
        #expect(session.applied == [ChangeSet("Comment on credential PROC-02", [.putComment(expected)])])
        #expect(app.state.document.catalog.comments[2] == expected)
        #expect(app.screenText.contains("#2  Ana Costa · 2025-05-20"))
        #expect(review(app).selectedComment?.id == 2)

        // The name is remembered: the next comment goes straight to the text.
        app.go(to: .review, subject: .framework("GREEN"))
        app.press("c")
        guard case .prompt(let r) = app.state.overlay else { Issue.record("no comment prompt"); return }
        #expect(r.prompt.tag == "comment")
        app.type("Scope ok")
        app.press("Enter")
        #expect(session.applied.count == 2)
        #expect(app.state.document.catalog.comments(on: .framework("GREEN")).map(\.author) == ["Ana Costa"])
    }

    @Test func anEmptyCommentIsRefusedAndEscCancels() {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .pathway("GPP"))
        app.press("c")
        app.type("Ana")
        app.press("Enter")
        app.type("   ")
        app.press("Enter")
        #expect(app.state.status.text == "Type the comment, or Esc to cancel.")
        #expect(app.state.overlay?.name == "prompt")
        app.press("Esc")
        #expect(app.state.overlay == nil)
        #expect(session.applied.isEmpty)
    }

    @Test func undoRemovesTheCommentAgain() {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .pathway("GPP"))
        app.press("c")
        app.type("Ana")
        app.press("Enter")
        app.type("Add a stage")
        app.press("Enter")
        #expect(app.state.document.catalog.comments.count == 2)
        app.press("u")
        #expect(app.state.document.catalog.comments.count == 1)
        #expect(session.applied.last == ChangeSet("Comment on pathway GPP", [.removeComment(2)]))
        #expect(!app.screenText.contains("Add a stage"))
    }

    @Test func statusOfAPathwayIsSetFromAPicker() {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .pathway("GPP"))
        app.press("s")
        guard case .picker(let p) = app.state.overlay else { Issue.record("no status picker"); return }
        #expect(p.picker.items.map(\.label) == ["draft", "in review", "approved"])
        #expect(p.picker.items[0].detail == "(current)")
        app.type("approved")
        app.press("Enter")
        #expect(app.state.document.catalog.pathways["GPP"]?.reviewStatus == .approved)
        #expect(session.applied.map(\.label) == ["Set pathway GPP to approved"])
        #expect(app.screenText.contains("Review status: approved"))
    }

    @Test func statusOfAFrameworkAndRefusalForOtherThings() {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .framework("GREEN"))
        app.press("s")
        app.type("draft")
        app.press("Enter")
        #expect(app.state.document.catalog.frameworks["GREEN"]?.reviewStatus == .draft)
        app.go(to: .review, subject: .credential("PROC-01"))
        app.press("s")
        #expect(app.state.overlay == nil)
        #expect(app.state.status.text.contains("Only frameworks and pathways have a review status"))
        #expect(session.applied.count == 1)
    }

    @Test func choosingTheCurrentStatusChangesNothing() {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .framework("GREEN"))
        app.press("s")
        app.type("in review")
        app.press("Enter")
        #expect(session.applied.isEmpty)
        #expect(app.state.status.text == "Framework GREEN is already in review.")
    }

    @Test func deletingACommentAsksFirst() {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .pathway("GPP"))
        app.press("Tab")
        #expect(review(app).focus == .comments)
        app.press("d")
        guard case .confirm(let c) = app.state.overlay else { Issue.record("no confirmation"); return }
        #expect(c.question.contains("#1 by Partner A"))
        app.press("n")
        #expect(session.applied.isEmpty)
        app.press("d y")
        #expect(session.applied == [ChangeSet("Delete comment #1", [.removeComment(1)])])
        #expect(app.state.document.catalog.comments.isEmpty)
        #expect(review(app).focus == .subjects)
    }

    @Test func readOnlyBrowsesButRefusesEveryChange() {
        var (app, session) = Demo.app(readOnly: true)
        app.go(to: .review, subject: .pathway("GPP"))
        for key in ["c", "s", "d"] {
            app.state.status = StatusLine()
            app.press(key)
            #expect(app.state.overlay == nil, "\(key) opened something in read-only mode")
            #expect(app.state.status.text == StatusText.readOnlyRefusal)
        }
        // Browsing still works: read the comments, move, expand.
        #expect(app.screenText.contains("Check the EQF level"))
        app.press("Tab")
        #expect(review(app).focus == .comments)
        app.press("Tab g g l")
        #expect(review(app).shown.contains { review(app).rows[$0].label == "Life-cycle costing" })
        // Not even through the palette.
        app.press(":")
        app.type("add a comment")
        app.press("Enter")
        #expect(app.state.status.text == StatusText.readOnlyRefusal)
        #expect(session.applied.isEmpty)
        #expect(app.state.document.version == 0)
    }

    @Test func hostileTextInACommentShowsAsPlaceholders() {
        var catalog = Demo.catalog
        let hostile = "ok \u{1B}]0;pwned\u{7} \u{1B}[2J\u{202E}evil\u{0}\nline two"
        catalog.comments[2] = ReviewComment(id: 2, author: "M\u{1B}[31mallory", date: Day("2025-01-02")!,
                                            text: hostile, subject: .pathway("GPP"))
        var (app, _) = Demo.app(catalog: catalog)
        app.go(to: .review, subject: .pathway("GPP"))
        let buffer = AppView.render(app.state)
        let text = buffer.text
        #expect(text.contains("ok ␛]0;pwned␇ ␛[2J⟪U+202E⟫evil␀"))
        #expect(text.contains("line two"))
        #expect(text.contains("#2  M␛[31mallory · 2025-01-02"))
        let unsafe = buffer.cells.flatMap { $0.char.unicodeScalars }.filter(Sanitizer.isUnsafe)
        #expect(unsafe.isEmpty)
    }

    @Test func hostileTextTypedIntoACommentIsStoredButDrawnSafely() {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .pathway("GPP"))
        app.press("c")
        app.type("Eve")
        app.press("Enter")
        app.type("x\u{1B}[31my\u{7}")
        app.press("Enter")
        #expect(session.applied.count == 1)
        let buffer = AppView.render(app.state)
        #expect(buffer.text.contains("x␛[31my␇"))
        #expect(buffer.cells.allSatisfy { !$0.char.unicodeScalars.contains(where: Sanitizer.isUnsafe) })
    }

    @Test func withoutTodaysDateNoCommentIsAdded() {
        let session = MemorySession(displayName: "x", today: nil)
        var app = App(catalog: Demo.catalog, session: session)
        app.go(to: .review, subject: .pathway("GPP"))
        app.press("c")
        #expect(app.state.overlay == nil)
        #expect(app.state.status.text.contains("today's date is unknown"))
    }

    @Test func frameworksExpandAndCollapseAndCompetenciesTakeComments() {
        var (app, session) = Demo.app()
        app.go(to: .review, subject: .framework("GREEN"))
        app.press("l")
        let labels = review(app).shown.map { review(app).rows[$0].label }
        #expect(labels.contains("Life-cycle costing"))
        #expect(labels.contains("Tender \u{1B}[31mwriting\u{7}"))
        app.press("j j")
        #expect(review(app).selectedCommentSubject == .competency(CompetencyKey(framework: "GREEN", code: "G1.1")))
        app.press("c")
        app.type("Ana")
        app.press("Enter")
        app.type("Level too high")
        app.press("Enter")
        #expect(session.applied.first?.changes.first == .putComment(
            ReviewComment(id: 2, author: "Ana", date: Self.today, text: "Level too high",
                          subject: .competency(CompetencyKey(framework: "GREEN", code: "G1.1")))))
        app.press("h")  // from a competency: back to its framework
        #expect(review(app).selectedCommentSubject == .framework("GREEN"))
        #expect(app.screenText.contains("1 comment on its competencies"))
        app.press("h")  // collapses it
        #expect(!review(app).shown.contains { review(app).rows[$0].label == "Life-cycle costing" })
    }

    @Test func onlyCommentedAndFilter() {
        var (app, _) = Demo.app()
        app.press("7 o")
        let subjects = review(app).shown.compactMap { review(app).rows[$0].subject }
        #expect(subjects == [.pathway("GPP")])
        app.press("o /")
        app.type("ökolabel")
        let matched = review(app).shown.compactMap { review(app).rows[$0].subject }
        #expect(matched == [.competency(CompetencyKey(framework: "GREEN", code: "G1.2")), .credential("PROC-02")])
        #expect(review(app).selectedCommentSubject == matched[0])
        app.press("Enter n")
        #expect(review(app).selectedCommentSubject == .credential("PROC-02"))
    }

    @Test func enterOpensTheThingOnItsScreenWhenThereIsOne() {
        var (app, _) = Demo.app()
        app.go(to: .review, subject: .credential("PROC-01"))
        app.press("Enter")
        // The credential editor may not be registered in this build; either way nothing breaks.
        #expect(app.state.current == .review || app.state.current == .credentials)
    }

    @Test func focusFromAnotherScreenExpandsTheFramework() {
        var (app, _) = Demo.app()
        app.go(to: .review, subject: .competency(framework: "GREEN", code: "G1.2"))
        #expect(review(app).selectedCommentSubject == .competency(CompetencyKey(framework: "GREEN", code: "G1.2")))
        #expect(review(app).expanded.contains("GREEN"))
    }
}
