import Testing
import PathwayModel
@testable import PathwayTUI

@Suite struct PathwayDesignerTests {
    func designer(_ app: App) -> PathwayDesignerScreen { app.state.screen as! PathwayDesignerScreen }

    var catalogWithSpare: Catalog {
        var c = Demo.catalog
        c.credentials["NEU-01"] = MicroCredential(code: "NEU-01", title: "Neues Modul für Ökologie")
        return c
    }

    @Test func addingACredentialShowsItsFindingAndUndoRemovesIt() {
        var (app, session) = Demo.app(catalog: catalogWithSpare)
        app.press("4")
        let before = designer(app).findings
        #expect(!before.contains { $0.location == "credential NEU-01" })
        app.press("a")
        guard case .picker(let p) = app.state.overlay else { Issue.record("no picker"); return }
        #expect(p.picker.items.map(\.id) == ["NEU-01"])   // only credentials not in the pathway
        app.press("Enter")
        #expect(app.state.document.catalog.pathways["GPP"]?.stages[0].core == ["PROC-01", "NEU-01"])
        #expect(designer(app).selectedCredential == "NEU-01")
        #expect(designer(app).findings.contains { $0.location == "credential NEU-01" })
        #expect(designer(app).findings.count > before.count)
        #expect(session.applied.count == 1)
        app.press("u")
        #expect(app.state.document.catalog.pathways["GPP"]?.stages[0].core == ["PROC-01"])
        #expect(designer(app).findings == before)
    }

    @Test func movingBetweenStagesAndRemoving() {
        var (app, _) = Demo.app()
        app.press("4")
        app.press("L")               // PROC-01 to stage 2
        #expect(app.state.document.catalog.pathways["GPP"]?.stages[1].core == ["PROC-02", "PROC-01"])
        #expect(designer(app).stage == 1)
        app.press("H")
        #expect(app.state.document.catalog.pathways["GPP"]?.stages[0].core == ["PROC-01"])
        app.press("l j j")           // stage 2, the elective option
        #expect(designer(app).selectedCredential == "CIRC-01")
        app.press("d")
        #expect(app.state.document.catalog.pathways["GPP"]?.stages[1].electiveGroups[0].options == [])
        #expect(app.screenText.contains("choose 1 of 0"))
    }

    @Test func stagesAndElectiveGroups() {
        var (app, _) = Demo.app()
        app.press("4 l S")
        app.handle(.ctrl("u"))
        app.type("Praxis")
        app.press("Enter")
        #expect(app.state.document.catalog.pathways["GPP"]?.stages.map(\.title) == ["Foundations", "Specialisation", "Praxis"])
        #expect(designer(app).stage == 2)
        app.press("E Enter")
        app.handle(.ctrl("u"))
        app.type("2")
        app.press("Enter")
        #expect(app.state.document.catalog.pathways["GPP"]?.stages[2].electiveGroups == [ElectiveGroup(title: "Electives", choose: 2, options: [])])
        app.press("r")              // rename the selected group
        app.handle(.ctrl("u"))
        app.type("Wahlpflicht")
        app.press("Enter")
        #expect(app.state.document.catalog.pathways["GPP"]?.stages[2].electiveGroups[0].title == "Wahlpflicht")
    }

    @Test func totalsBarShowsECTSEQFAndCoverage() {
        var (app, _) = Demo.app()
        app.press("4")
        let text = app.screenText
        #expect(text.contains("ECTS 6.5 (target 5–10)"))
        #expect(text.contains("EQF 4 → 5 (target 5)"))
        #expect(text.contains("coverage 2/3"))
    }

    @Test func aFindingJumpsToWhatItConcerns() {
        var (app, _) = Demo.app()
        app.press("4 Tab")
        #expect(designer(app).focus == .findings)
        let target = designer(app).findings.firstIndex { $0.subject == .credential("CIRC-01") }
        for _ in 0..<(target ?? 0) { app.press("j") }
        #expect(target != nil)
        app.press("Enter")
        #expect(app.state.current == .credentials)
        #expect((app.state.screen as! CredentialEditorScreen).selectedCode == "CIRC-01")
        app.press("q")
        #expect(app.state.current == .pathways)
    }

    @Test func narrowTerminalStacksTheStages() {
        var c = Demo.catalog
        var p = c.pathways["GPP"]!
        p.stages += [Stage(title: "Drei"), Stage(title: "Vier")]
        c.pathways["GPP"] = p
        var (app, _) = Demo.app(width: 70, height: 24, catalog: c)
        app.press("4")
        let text = app.screenText
        #expect(text.contains("┌─ Stages"))
        #expect(text.contains("4 Vier"))
    }
}
