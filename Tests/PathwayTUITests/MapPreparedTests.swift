import PathwayModel
@testable import PathwayTUI
import PathwayWorkload
import Testing

/// The competency map's outline is built between keys before the map's first visit, a step at a
/// time (`MapOutlineBuilder`), so that pressing `2` finds it ready. Whatever happens meanwhile —
/// keys on other screens, the visit itself before the last step, edits, a restore — the map a
/// person sees must be the one a build on the visit gives.
@Suite struct MapPreparedTests {
    static let catalog = Workload(size: .scaled(0.04), seed: 9).catalog

    func makeApp(_ catalog: Catalog = MapPreparedTests.catalog) -> App {
        App(catalog: catalog, session: MemorySession(displayName: "prepared.pathway"), width: 160, height: 48)
    }

    func map(_ app: App) -> CompetencyMapScreen { app.state.screens[.competencyMap] as! CompetencyMapScreen }

    /// One slice that may do only one step of work.
    func oneStep(_ app: inout App) { app.doBackgroundWork(while: { false }) }

    func finish(_ app: inout App) { while app.hasBackgroundWork { app.doBackgroundWork(while: { true }) } }

    func expectSameOutline(_ a: MapOutline, _ b: MapOutline, _ note: String) {
        #expect(a.keys == b.keys, "keys, \(note)")
        #expect(a.parents == b.parents && a.ends == b.ends && a.depths == b.depths, "tree, \(note)")
        #expect(a.hasCoverage && b.hasCoverage, "coverage, \(note)")
        let differs = a.indices.first { a.covering($0).map(\.code) != b.covering($0).map(\.code)
            || a.covering($0).map(\.level) != b.covering($0).map(\.level) }
        #expect(differs == nil, "coverage of node \(differs ?? -1), \(note)")
    }

    @Test func theOutlineBuiltInStepsIsTheOneBuiltInOneGoOnTwoThreads() {
        // 4,200 competencies and 600 credentials: `finish` gathers and reads them on two
        // threads; the awkward cases (a parent outside the framework, a parent cycle, equal
        // positions, a second framework) are in both halves' reach.
        var catalog = Workload(size: .scaled(0.3), seed: 3).catalog
        let fw = catalog.frameworkList[0].code
        for c in [Competency(framework: fw, code: "ORPHAN", title: "Orphan", parent: "NOT-THERE"),
                  Competency(framework: fw, code: "CYC-A", title: "Cycle A", parent: "CYC-B"),
                  Competency(framework: fw, code: "CYC-B", title: "Cycle B", parent: "CYC-A"),
                  Competency(framework: fw, code: "TIE-2", title: "Tie 2", parent: "ORPHAN", position: 3),
                  Competency(framework: fw, code: "TIE-1", title: "Tie 1", parent: "ORPHAN", position: 3),
                  Competency(framework: "OTHER", code: "X", title: "Other framework")] {
            catalog.competencies[c.key] = c
        }
        #expect(catalog.competencies.count >= MapOutlineBuilder.twoThreadsFrom)
        #expect(catalog.credentials.count >= MapOutlineBuilder.twoThreadsFrom / 4)
        var builder = MapOutlineBuilder(framework: fw)
        var steps = 0
        var phases: [MapOutlineBuilder.Phase] = []
        while !builder.isFinished {
            builder.step(catalog)
            steps += 1
            phases.append(builder.phase)
        }
        // Linking and reading credentials take several steps each, never everything in one.
        #expect(steps >= 8, "\(steps) steps: \(phases)")
        #expect(phases.filter { $0 == .link }.count >= 2 && phases.filter { $0 == .cover }.count >= 2, "\(phases)")
        let oneGo = MapOutline(catalog: catalog, framework: fw)
        expectSameOutline(builder.outline, oneGo, "steps against one go")
        let tree = CompetencyTree(catalog: catalog, framework: fw)
        #expect(Array(oneGo.codes) == tree.depthFirst.map(\.competency.code))
        // With titles, as review asks.
        let titled = MapOutline(catalog: catalog, framework: fw, coverage: false, titles: true)
        #expect(titled.titles == tree.depthFirst.map(\.competency.title))
        #expect(!titled.hasCoverage)
    }

    @Test func theMapPreparedBetweenKeysLooksAsOneBuiltOnItsVisit() {
        var cold = makeApp()
        cold.press("2")
        var idle = makeApp()
        #expect(idle.hasBackgroundWork, "the map is to be prepared")
        finish(&idle)
        #expect(!idle.isBuilt(.competencyMap), "prepared is not visited")
        #expect(idle.state.prepared[.competencyMap] != nil)
        idle.press("2")
        #expect(idle.isBuilt(.competencyMap) && idle.state.prepared.isEmpty)
        #expect(map(idle).outlineBuilds == 1)
        expectSameOutline(map(idle).outline, map(cold).outline, "prepared against cold")
        #expect(idle.screenText == cold.screenText, "first frame:\n\(idle.screenText)\n---\n\(cold.screenText)")
        // Expanded, moved through and filtered alike.
        for keys in ["+", "j j j l", "G", "/ an Enter", "n"] {
            idle.press(keys)
            cold.press(keys)
            #expect(idle.screenText == cold.screenText, "after \(keys)")
        }
        #expect(map(idle).matchCount > 0)
    }

    @Test func keysPressedWhileTheMapIsPreparedWorkAndTheVisitFinishesIt() {
        var cold = makeApp()
        cold.press("j j 2")
        var app = makeApp()
        oneStep(&app)
        oneStep(&app)
        #expect(app.isPreparingScreens, "two steps should not prepare the map")
        app.press("j")
        oneStep(&app)
        app.press("j")
        #expect(app.isPreparingScreens)
        // The visit comes before the last step: it finishes the outline itself.
        app.press("2")
        #expect(!app.isPreparingScreens)
        #expect(map(app).outlineBuilds == 1)
        expectSameOutline(map(app).outline, map(cold).outline, "visited half prepared")
        #expect(app.screenText == cold.screenText, "\(app.screenText)")
        app.press("+")
        cold.press("+")
        #expect(app.screenText == cold.screenText)
    }

    @Test func anEditWhileTheMapIsPreparedIsInTheMapVisitedAfter() {
        let catalog = Self.catalog
        let fw = catalog.frameworkList[0].code
        let root = CompetencyTree(catalog: catalog, framework: fw).roots[0]
        let added = Competency(framework: fw, code: "ADDED-1", title: "Quokka husbandry", parent: root, position: -1)
        let set = ChangeSet("Add", [.putCompetency(added)])
        var cold = makeApp()
        cold.commit(set)
        cold.press("2 +")

        var app = makeApp()
        oneStep(&app)
        oneStep(&app)
        oneStep(&app)
        app.commit(set)
        #expect(app.isPreparingScreens, "an edit makes the preparation start again")
        finish(&app)
        app.press("2 +")
        #expect(map(app).outlineBuilds == 1)
        expectSameOutline(map(app).outline, map(cold).outline, "edited while prepared")
        #expect(map(app).rowCodes.contains("ADDED-1"))
        #expect(app.screenText == cold.screenText)
        #expect(app.screenText.contains("Quokka husbandry"))
    }

    @Test func aRenameAfterTheMapIsPreparedKeepsItsOutline() {
        let catalog = Self.catalog
        let fw = catalog.frameworkList[0].code
        let root = CompetencyTree(catalog: catalog, framework: fw).roots[0]
        var renamed = catalog.competencies[CompetencyKey(framework: fw, code: root)]!
        renamed.title = "Wombat logistics"
        var app = makeApp()
        finish(&app)
        app.commit(ChangeSet("Rename", [.putCompetency(renamed)]))
        #expect(app.hasBackgroundWork)
        finish(&app)
        app.press("2")
        #expect(map(app).outlineBuilds == 1, "the rename kept the prepared outline")
        #expect(app.screenText.contains("Wombat logistics"))
        var cold = makeApp()
        cold.commit(ChangeSet("Rename", [.putCompetency(renamed)]))
        cold.press("2")
        #expect(app.screenText == cold.screenText)
    }

    @Test func aRestoreWhileTheMapIsPreparedForgetsIt() {
        var app = makeApp()
        oneStep(&app)
        oneStep(&app)
        app.replaceDocument(with: Demo.catalog)
        #expect(app.state.prepared.isEmpty)
        finish(&app)
        app.press("2")
        var demo = Demo.app(width: 160, height: 48).0
        demo.press("2")
        #expect(map(app).outline.keys == map(demo).outline.keys)
        #expect(map(app).rowCodes == map(demo).rowCodes)
    }

    @Test func aMapVisitedColdIsNotPreparedAgain() {
        var app = makeApp()
        app.press("2")
        #expect(!app.isPreparingScreens)
        app.press("1")
        finish(&app)
        #expect(app.state.prepared.isEmpty)
        #expect(map(app).outlineBuilds == 1)
    }

    // MARK: - A cold visit at scale: the tree at once, its coverage between keys

    static let large = Workload(size: .scaled(0.3), seed: 4).catalog

    /// The map as built in one go (prepared between keys, then visited).
    func complete(_ catalog: Catalog) -> App {
        var app = makeApp(catalog)
        finish(&app)
        app.press("2")
        return app
    }

    @Test func atScaleAColdVisitDrawsTheTreeAtOnceAndItsCoverageBetweenKeys() {
        #expect(Self.large.credentials.count >= CompetencyMapScreen.deferCoverageFrom)
        var full = complete(Self.large)
        #expect(map(full).coverage == nil && map(full).outline.hasCoverage)
        var cold = makeApp(Self.large)
        cold.press("2")
        #expect(map(cold).coverage != nil, "the visit should leave the coverage to read between keys")
        #expect(!map(cold).outline.hasCoverage)
        #expect(map(cold).rowCodes == map(full).rowCodes)
        #expect(cold.screenText.contains("Looking up the credentials that cover it…"), "\(cold.screenText)")
        #expect(!cold.screenText.contains("No credential covers it yet."))
        // Keys meanwhile move and expand as on the complete map.
        for keys in ["j", "l", "j j", "/ an Enter", "/ Esc"] {
            cold.press(keys)
            full.press(keys)
            #expect(map(cold).rowCodes == map(full).rowCodes, "after \(keys)")
        }
        #expect(map(cold).coverage != nil)
        // Slices between keys read it, a step each, and the last asks for the frame again.
        var slices = 0, redraw = false
        while map(cold).coverage != nil {
            redraw = cold.doBackgroundWork(while: { false })
            slices += 1
        }
        #expect(slices >= 2 && redraw, "\(slices) slices")
        expectSameOutline(map(cold).outline, map(full).outline, "coverage read between keys")
        #expect(cold.screenText == full.screenText, "\(cold.screenText)\n---\n\(full.screenText)")
        #expect(cold.screenText.contains("Covered by:") || cold.screenText.contains("No credential covers it yet."))
    }

    @Test func anEditOrUndoWhileTheCoverageIsReadBuildsTheMapAgain() {
        func rename(_ app: inout App, _ title: String) {
            app.press("e")
            for _ in 0..<200 { app.handle(.backspace) }
            app.type(title)
            app.press("Enter")
        }
        var cold = makeApp(Self.large)
        cold.press("2 j")
        rename(&cold, "Wombat logistics")
        #expect(map(cold).coverage != nil, "the rename came before the coverage was read: built again")
        #expect(cold.screenText.contains("Wombat logistics"))
        // Undo, too, before the coverage is read.
        cold.press("u")
        #expect(map(cold).coverage != nil)
        #expect(!cold.screenText.contains("Wombat logistics"))
        finish(&cold)
        var original = complete(Self.large)
        original.press("j")
        expectSameOutline(map(cold).outline, map(original).outline, "after a rename and undo while the coverage was read")
        #expect(map(cold).rowCodes == map(original).rowCodes && map(cold).selectedCode == map(original).selectedCode)
        // Once read, a rename keeps the outline.
        rename(&cold, "Quokka husbandry")
        #expect(map(cold).coverage == nil)
        finish(&cold)
        var fresh = complete(cold.state.document.catalog)
        fresh.press("j")
        expectSameOutline(map(cold).outline, map(fresh).outline, "after a rename once the coverage was read")
        #expect(cold.screenText.contains("Quokka husbandry"))
    }
}

