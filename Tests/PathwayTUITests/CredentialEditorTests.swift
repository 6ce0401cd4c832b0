import Testing
import PathwayModel
@testable import PathwayTUI

@Suite struct CredentialEditorTests {
    func editor(_ app: App) -> CredentialEditorScreen { app.state.screen as! CredentialEditorScreen }

    func selectField(_ app: inout App, _ field: CredentialField) {
        let rows = editor(app).formRows
        let target = rows.firstIndex(of: .field(field))!
        app.press("g g")
        for _ in 0..<target { app.press("j") }
    }

    @Test func addCredentialWithNonASCIITitle() {
        var (app, session) = Demo.app()
        app.press("3 a")
        guard case .prompt(let p) = app.state.overlay else { Issue.record("no prompt"); return }
        #expect(p.field.text == "PROC-03")            // suggested from the existing codes
        app.handle(.ctrl("u"))
        app.type("PROC-01")
        app.press("Enter")
        #expect(app.state.status.text.contains("PROC-01 exists already"))
        app.handle(.ctrl("u"))
        app.type("ÖKO-01")
        app.press("Enter")
        app.type("Ökobilanz für Einkäufer – 采购")
        app.press("Enter")
        #expect(app.state.document.catalog.credentials["ÖKO-01"]?.title == "Ökobilanz für Einkäufer – 采购")
        #expect(editor(app).selectedCode == "ÖKO-01")
        #expect(editor(app).focus == .form)
        #expect(session.applied.last?.label == "Add credential ÖKO-01")
        #expect(app.screenText.contains("EU mandatory elements: 1 of 9"))
    }

    @Test func fieldsAreValidatedAsTyped() {
        var (app, _) = Demo.app()
        app.press("3 Tab")
        selectField(&app, .ects)
        app.press("Enter")
        app.handle(.ctrl("u"))
        app.type("zwei")
        #expect(app.screenText.contains("Type a number such as 2.5"))
        app.press("Enter")
        guard case .prompt = app.state.overlay else { Issue.record("an invalid value was accepted"); return }
        app.handle(.ctrl("u"))
        app.type("-1")
        #expect(app.screenText.contains("ECTS must be a positive number"))
        app.handle(.ctrl("u"))
        app.type("2,5")
        app.press("Enter")
        #expect(app.state.document.catalog.credentials["CIRC-01"]?.ects == 2.5)
        selectField(&app, .hours)
        app.press("Enter")
        app.type("70")
        #expect(app.screenText.contains("28 hours per ECTS, within the usual 25–30"))
        app.press("Enter")
        #expect(app.state.document.catalog.credentials["CIRC-01"]?.hours == 70)
    }

    @Test func choicesComeFromAPicker() {
        var (app, _) = Demo.app()
        app.press("3 Tab")
        selectField(&app, .eqfLevel)
        app.press("Enter")
        guard case .picker(let p) = app.state.overlay else { Issue.record("no picker"); return }
        #expect(p.picker.items.map(\.id) == ["none", "1", "2", "3", "4", "5", "6", "7", "8"])
        app.type("5")
        app.press("Enter")
        #expect(app.state.document.catalog.credentials["CIRC-01"]?.eqfLevel == EQFLevel(5))
        selectField(&app, .participation)
        app.press("Enter")
        app.type("blend")
        app.press("Enter")
        #expect(app.state.document.catalog.credentials["CIRC-01"]?.participation == .blended)
    }

    @Test func outcomesAreMappedToCompetenciesAtALevel() {
        var (app, _) = Demo.app()
        app.press("3 o")
        app.type("Lernende können Kreisläufe entwerfen")
        app.press("Enter")
        let lo = app.state.document.catalog.credentials["CIRC-01"]?.learningOutcomes
        #expect(lo?.map(\.id) == ["LO1"])
        #expect(app.screenText.contains("(not mapped: m)") || app.state.height < 30)
        app.press("m")
        guard case .picker(let p) = app.state.overlay else { Issue.record("no competency picker"); return }
        #expect(p.picker.items.count == 6)
        app.type("κυκλική")
        app.press("Enter")
        guard case .prompt = app.state.overlay else { Issue.record("no level prompt"); return }
        app.handle(.ctrl("u"))
        app.type("9")
        app.press("Enter")
        #expect(app.state.status.text.contains("from 1 to 8"))
        app.handle(.ctrl("u"))
        app.type("4")
        app.press("Enter")
        let mapping = app.state.document.catalog.credentials["CIRC-01"]?.learningOutcomes[0].mappings
        #expect(mapping == [CompetencyLevel(competency: CompetencyKey(framework: "GREEN", code: "G2"), level: EQFLevel(4)!)])
    }

    @Test func prerequisitesAndDeletion() {
        var (app, _) = Demo.app()
        app.press("3 p")
        app.type("PROC-01")
        app.press("Enter")
        #expect(app.state.document.catalog.credentials["CIRC-01"]?.prerequisites.credentials == ["PROC-01"])
        app.press("Tab")     // back to the list
        app.press("d")
        guard case .confirm(let c) = app.state.overlay else { Issue.record("no confirmation"); return }
        #expect(c.question.contains("removed from pathway GPP"))
        app.press("y")
        #expect(app.state.document.catalog.credentials["CIRC-01"] == nil)
        #expect(app.state.document.catalog.pathways["GPP"]?.allCredentialCodes.contains("CIRC-01") == false)
        app.press("u")
        #expect(app.state.document.catalog.credentials["CIRC-01"] != nil)
    }
}
