import Testing
import PathwayModel
@testable import PathwayTUI

/// The coverage matrix: what it computes, and its update logic key by key.
@Suite struct CoverageTests {
    func coverage(_ app: App) -> CoverageScreen { app.state.screens[.coverage] as! CoverageScreen }
    let k = { (c: String) in CompetencyKey(framework: "GREEN", code: c) }

    @Test func matrixHoldsLevelsPerCredentialAndTheStatusOfEachTarget() throws {
        let catalog = Demo.catalog
        let m = CoverageMatrix(pathway: catalog.pathways["GPP"]!, catalog: catalog, includeExtra: false)
        #expect(m.columns.map(\.code) == ["PROC-01", "PROC-02", "CIRC-01"])
        #expect(m.columns.map(\.elective) == [false, false, true])
        #expect(m.columns.map(\.stage) == [0, 1, 1])
        #expect(m.rows.map(\.key) == [k("G1.1"), k("G1.2"), k("G2")])
        #expect(m.rows[0].levels == [EQFLevel(4), nil, nil])
        #expect(m.rows[1].levels == [nil, EQFLevel(5), nil])
        #expect(m.rows.map(\.status) == [.covered, .covered, .notCovered])
        #expect(m.gaps == 1 && m.notCovered == 1 && m.overlapping == 0)
        #expect(m.coverage.description == "2/3")
    }

    @Test func belowLevelOverlapAndElectiveOnlyAreTold() {
        var catalog = Demo.catalog
        // PROC-02 also teaches G1.1 at 4 (an overlap with PROC-01); CIRC-01, an elective,
        // teaches G2 at 3 (below the target's 4).
        catalog.credentials["PROC-02"]!.learningOutcomes[0].mappings.append(CompetencyLevel(competency: k("G1.1"), level: EQFLevel(4)!))
        catalog.credentials["CIRC-01"]!.learningOutcomes = [LearningOutcome(id: "LO1", statement: "x",
            mappings: [CompetencyLevel(competency: k("G2"), level: EQFLevel(3)!)])]
        var m = CoverageMatrix(pathway: catalog.pathways["GPP"]!, catalog: catalog, includeExtra: false)
        #expect(m.rows[0].overlaps == [0, 1])
        #expect(m.rows[2].status == .belowLevel(EQFLevel(3)!))
        #expect(m.belowLevel == 1 && m.overlapping == 1)
        // Raised to the target level, and with an alternative in its "choose 1" group, G2 is
        // covered only by learners who choose CIRC-01.
        catalog.credentials["CIRC-01"]!.learningOutcomes[0].mappings[0].level = EQFLevel(4)!
        catalog.credentials["CIRC-02"] = MicroCredential(code: "CIRC-02", title: "Reuse in practice", ects: 1.5)
        catalog.pathways["GPP"]!.stages[1].electiveGroups[0].options.append("CIRC-02")
        m = CoverageMatrix(pathway: catalog.pathways["GPP"]!, catalog: catalog, includeExtra: false)
        #expect(m.rows[2].status == .someRoutes)
        #expect(m.coverage.description == "2–3/3")
    }

    @Test func alsoTaughtRowsAndUnknownTargets() {
        var catalog = Demo.catalog
        catalog.pathways["GPP"]!.target.competencies.append(CompetencyLevel(competency: k("NOPE"), level: EQFLevel(3)!))
        catalog.credentials["CIRC-01"]!.learningOutcomes = [LearningOutcome(id: "LO1", statement: "x",
            mappings: [CompetencyLevel(competency: k("G3"), level: EQFLevel(2)!)])]
        let m = CoverageMatrix(pathway: catalog.pathways["GPP"]!, catalog: catalog, includeExtra: true)
        #expect(m.rows.last?.key == k("G3"))
        #expect(m.rows.last?.status == .extra)
        #expect(m.rows.first { $0.key == k("NOPE") }?.status == .unknown)
    }

    @Test func fiveOpensTheMatrixAndArrowsMoveTheCell() {
        var (app, _) = Demo.app()
        app.press("5")
        #expect(app.state.current == .coverage)
        #expect(coverage(app).pathwayCode == "GPP")
        #expect(coverage(app).selectedRow?.key == k("G1.1"))
        #expect(coverage(app).selectedColumn?.code == "PROC-01")
        #expect(coverage(app).statusText == "PROC-01 teaches Life-cycle costing at EQF 4 (target EQF 4)")
        app.press("l j")
        #expect(coverage(app).selectedColumn?.code == "PROC-02")
        #expect(coverage(app).selectedRow?.key == k("G1.2"))
        app.press("$")
        #expect(coverage(app).selectedColumn?.code == "CIRC-01")
        app.press("0 G")
        #expect(coverage(app).selectedColumn?.code == "PROC-01")
        #expect(coverage(app).selectedRow?.key == k("G2"))
        app.press("h h k")  // stays inside at the left edge
        #expect(coverage(app).selectedColumn?.code == "PROC-01")
        #expect(coverage(app).selectedRow?.key == k("G1.2"))
    }

    @Test func cellsShowTheLevelByDigitAndGlyphAndGapsByWord() {
        var (app, _) = Demo.app(width: 100, height: 24)
        app.press("5")
        let text = app.screenText
        #expect(text.contains("▒4"))          // EQF 4: the second step of the ramp, and the digit
        #expect(text.contains("▓5"))
        #expect(text.contains("✗ gap"))
        #expect(text.contains("✓ covered"))
        #expect(text.contains("Covered 2/3 at the target level"))
        #expect(text.contains("1 not covered"))
        // The cells are drawn with the theme's heat roles; the gap row with the gap role.
        let buffer = AppView.render(app.state)
        let roles = Set(buffer.cells.map(\.style.role))
        #expect(roles.contains(.heat2) && roles.contains(.heat3) && roles.contains(.gap))
    }

    @Test func pickingAnotherPathwayAndFocusFromElsewhere() throws {
        var (app, _) = try SampleCatalog.app()
        app.press("5")
        let first = coverage(app).pathwayCode
        app.press("p")
        guard case .picker(let p) = app.state.overlay else { Issue.record("no pathway picker"); return }
        #expect(p.picker.items.count == app.state.document.catalog.pathways.count)
        app.type("SPV-TECH")
        app.press("Enter")
        #expect(coverage(app).pathwayCode == "SPV-TECH")
        #expect(coverage(app).pathwayCode != first)
        #expect(app.screenText.contains("PV and Storage Technician (SPV-TECH)"))
        app.go(to: .coverage, subject: .pathway("TSV-NEET"))
        #expect(coverage(app).pathwayCode == "TSV-NEET")
    }

    @Test func filterNarrowsTheRows() {
        var (app, _) = Demo.app()
        app.press("5 /")
        app.type("κυκλ")
        #expect(coverage(app).shown.map { coverage(app).matrix!.rows[$0].key } == [k("G2")])
        app.press("Esc")
        #expect(coverage(app).shown.count == 3)
    }

    @Test func enterAndMOpenTheCredentialAndTheCompetencyWhereThoseScreensExist() {
        var (app, session) = Demo.app()
        app.press("5 Enter")
        #expect(app.state.current == .coverage || app.state.current == .credentials)
        app.press("5 m")
        #expect(app.state.current == .coverage || app.state.current == .competencyMap)
        #expect(session.applied.isEmpty)
    }

    @Test func wideTargetsScrollSideways() {
        var catalog = Demo.catalog
        var stage = Stage(title: "Many")
        for i in 1...30 {
            let code = "X-\(i)"
            catalog.credentials[code] = MicroCredential(code: code, title: "Extra \(i)", learningOutcomes: [
                LearningOutcome(id: "LO1", statement: "x", mappings: [CompetencyLevel(competency: k("G2"), level: EQFLevel(1 + i % 8)!)])])
            stage.core.append(code)
        }
        catalog.pathways["GPP"]!.stages.append(stage)
        var (app, _) = Demo.app(catalog: catalog)
        app.press("5 $")
        #expect(coverage(app).selectedColumn?.code == "X-30")
        let text = app.screenText
        #expect(text.contains("X-30"))
        #expect(!text.contains("PROC-01"))
        #expect(text.contains("of 33"))
        app.press("0")
        #expect(app.screenText.contains("PROC-01"))
        #expect(!app.screenText.contains("X-30"))
    }

    @Test func noPathwaysSaysWhatToDo() {
        var catalog = Demo.catalog
        catalog.pathways = [:]
        var (app, _) = Demo.app(catalog: catalog)
        app.press("5 j l p")
        #expect(app.screenText.contains("There are no pathways yet"))
        #expect(app.state.status.text.contains("no pathways yet"))
    }

    @Test func theMatrixFollowsEditsMadeElsewhere() {
        var (app, _) = Demo.app()
        app.press("5")
        var pathway = app.state.document.catalog.pathways["GPP"]!
        pathway.target.competencies.removeLast()
        app.commit(ChangeSet("Drop a target", [.putPathway(pathway)]))
        app.press("k")
        #expect(coverage(app).matrix?.rows.count == 2)
        #expect(app.screenText.contains("no gaps, no overlaps"))
    }
}
