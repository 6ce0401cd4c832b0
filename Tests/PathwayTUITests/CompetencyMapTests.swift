import Testing
import PathwayModel
@testable import PathwayTUI

@Suite struct CompetencyMapTests {
    func mapApp(readOnly: Bool = false) -> (App, MemorySession) {
        var (app, session) = Demo.app(readOnly: readOnly)
        app.press("2")
        return (app, session)
    }

    func map(_ app: App) -> CompetencyMapScreen { app.state.screen as! CompetencyMapScreen }

    @Test func treeExpandsAndCollapses() {
        var (app, _) = mapApp()
        #expect(map(app).rowCodes == ["G1", "G2", "G3"])
        app.press("Enter")
        #expect(map(app).rowCodes == ["G1", "G1.1", "G1.2", "G2", "G3"])
        app.press("l")           // on an expanded node: go to its first child
        #expect(map(app).selectedCode == "G1.1")
        app.press("h")           // on a leaf: go to the parent
        #expect(map(app).selectedCode == "G1")
        app.press("h")           // collapse
        #expect(map(app).rows.count == 3)
        app.press("+")
        #expect(map(app).rows.count == 5)
    }

    @Test func detailPaneShowsCoveringCredentials() {
        var (app, _) = mapApp()
        app.press("Enter j")
        #expect(map(app).selectedCode == "G1.1")
        #expect(app.screenText.contains("Covered by:"))
        #expect(app.screenText.contains("✓ Procurement basics (PROC-01),"))
    }

    @Test func filterFindsTitlesAndDescriptionsWithTheirAncestors() {
        var (app, _) = mapApp()
        app.press("/")
        app.type("ökolabel")
        #expect(map(app).matches == ["G1.2"])
        #expect(map(app).rowCodes == ["G1", "G1.2"])
        #expect(map(app).selectedCode == "G1.2")
        app.press("Enter")
        app.press("/")
        app.handle(.ctrl("u"))
        app.type("circular")       // in a description
        #expect(map(app).matches == ["G2"])
        app.press("Esc")
        #expect(map(app).rows.count == 3)
    }

    @Test func addChildEditUndo() {
        var (app, session) = mapApp()
        app.press("a")
        guard case .prompt = app.state.overlay else { Issue.record("no prompt"); return }
        app.press("Enter")        // empty title refused
        #expect(app.state.status.text.contains("Type a title"))
        app.type("Ökobilanz & 生命周期")
        app.press("Enter")
        let key = CompetencyKey(framework: "GREEN", code: "G1.3")
        #expect(app.state.document.catalog.competencies[key]?.title == "Ökobilanz & 生命周期")
        #expect(app.state.document.catalog.competencies[key]?.parent == "G1")
        #expect(map(app).selectedCode == "G1.3")
        #expect(session.applied.count == 1)
        app.press("e")
        app.handle(.ctrl("u"))
        app.type("Life-cycle assessment")
        app.press("Enter")
        #expect(app.state.document.catalog.competencies[key]?.title == "Life-cycle assessment")
        app.press("u u")
        #expect(app.state.document.catalog.competencies[key] == nil)
    }

    @Test func moveIndentOutdent() {
        var (app, _) = mapApp()
        app.press("j")             // G2
        app.press("K")             // move up: before G1
        #expect(app.state.document.catalog.children(of: nil, in: "GREEN").map(\.code) == ["G2", "G1", "G3"])
        #expect(map(app).selectedCode == "G2")
        app.press("J")
        #expect(app.state.document.catalog.children(of: nil, in: "GREEN").map(\.code) == ["G1", "G2", "G3"])
        app.press(">")             // G2 under G1
        #expect(app.state.document.catalog.competencies[CompetencyKey(framework: "GREEN", code: "G2")]?.parent == "G1")
        #expect(app.state.document.catalog.children(of: "G1", in: "GREEN").map(\.code) == ["G1.1", "G1.2", "G2"])
        app.press("<")
        #expect(app.state.document.catalog.children(of: nil, in: "GREEN").map(\.code) == ["G1", "G2", "G3"])
    }

    @Test func deleteAsksAndMendsReferences() {
        var (app, _) = mapApp()
        app.press("d")
        guard case .confirm(let c) = app.state.overlay else { Issue.record("no confirmation"); return }
        #expect(c.question.contains("and the 2 competencies below it"))
        app.press("n")
        #expect(app.state.document.catalog.competencies.count == 6)
        app.press("d y")
        #expect(app.state.document.catalog.competencies[CompetencyKey(framework: "GREEN", code: "G1.1")] == nil)
        #expect(app.state.document.catalog.credentials["PROC-01"]?.learningOutcomes[0].mappings.isEmpty == true)
        app.press("u")
        #expect(app.state.document.catalog == Demo.catalog)
    }

    @Test func readOnlyRefusesEdits() {
        var (app, session) = mapApp(readOnly: true)
        app.press("a")
        #expect(app.state.overlay == nil)
        #expect(app.state.status.text == StatusText.readOnlyRefusal)
        app.press("d")
        #expect(app.state.overlay == nil)
        #expect(session.applied.isEmpty)
    }

    @Test func frameworkPickerAndNewFramework() {
        var (app, _) = mapApp()
        app.press("f")
        app.type("数字")
        app.press("Enter")
        #expect(map(app).framework == "中文")
        #expect(app.screenText.contains("数据分析"))
        app.press("F")
        app.type("NEW")
        app.press("Enter")
        app.type("Neues Gerüst")
        app.press("Enter")
        #expect(app.state.document.catalog.frameworks["NEW"]?.title == "Neues Gerüst")
        #expect(map(app).framework == "NEW")
        #expect(app.screenText.contains("This framework is empty"))
    }

    /// 14,000 competencies (ESCO scale): filtering scans precomputed keys; the screen shows only
    /// its visible rows. Prints the time per keystroke for the README's figures.
    @Test func fourteenThousandCompetenciesFilterAndScroll() {
        var comps: [Competency] = []
        for i in 0..<14_000 {
            let parent: String? = i < 100 ? nil : "C\(i % 100)"
            comps.append(Competency(framework: "ESCO", code: "C\(i)", title: "Skill number \(i) Überprüfung",
                                    description: i % 7 == 0 ? "manage waste streams" : "operate machinery", parent: parent, position: i))
        }
        let catalog = Catalog(frameworks: [CompetencyFramework(code: "ESCO", title: "ESCO skills")], competencies: comps)
        var (app, _) = Demo.app(catalog: catalog)
        app.press("2")
        app.press("+")
        #expect(map(app).rows.count == 14_000)
        let clock = ContinuousClock()
        var worst = Duration.zero
        app.press("/")
        for c in "waste" {
            let t1 = clock.measure { app.handle(.char(c)) }
            let t2 = clock.measure { _ = AppView.render(app.state) }
            worst = max(worst, t1 + t2)
        }
        #expect(map(app).matches.count == 2_000)
        app.press("Esc")
        for _ in 0..<20 {
            let t = clock.measure { app.press("PgDn"); _ = AppView.render(app.state) }
            worst = max(worst, t)
        }
        print("competency map, 14,000 items: slowest keystroke incl. render \(worst)")
    }
}
