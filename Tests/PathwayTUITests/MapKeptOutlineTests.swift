import PathwayModel
@testable import PathwayTUI
import PathwayWorkload
import Testing

/// The competency map keeps its outline across edits that leave it as it is (a rename is the
/// commonest edit, and building the outline of 14,000 competencies is most of a frame). After
/// any edit, kept or built again, it must be the outline a fresh build gives.
@Suite struct MapKeptOutlineTests {
    func map(_ app: App) -> CompetencyMapScreen { app.state.screens[.competencyMap] as! CompetencyMapScreen }

    func expectFresh(_ app: App, _ note: String) {
        let screen = map(app)
        let catalog = app.state.document.catalog
        let fresh = MapOutline(catalog: catalog, framework: screen.framework ?? "")
        let kept = screen.outline
        #expect(kept.keys == fresh.keys, "keys, \(note)")
        #expect(kept.parents == fresh.parents && kept.ends == fresh.ends && kept.depths == fresh.depths, "tree, \(note)")
        for i in fresh.indices where kept.covering(i).map(\.code) != fresh.covering(i).map(\.code)
            || kept.covering(i).map(\.level) != fresh.covering(i).map(\.level) {
            Issue.record("coverage of \(fresh.keys[i]), \(note)")
            break
        }
        // What is drawn: the titles of the rows come from the catalog as it is now.
        for i in fresh.indices.prefix(50) {
            #expect(kept.title(i, framework: screen.framework ?? "", in: catalog) == catalog.competencies[fresh.keys[i]]?.title)
        }
    }

    @Test func renamingKeepsTheOutlineAndMovingBuildsItAgain() {
        var (app, _) = Demo.app(width: 160, height: 48)
        app.press("2 +")
        let builds = map(app).outlineBuilds
        // Rename the selected competency: the outline is kept, the new title is drawn.
        app.press("j e")
        for _ in 0..<60 { app.handle(.backspace) }
        app.type("Whole-life costing")
        app.press("Enter")
        #expect(map(app).outlineBuilds == builds)
        #expect(app.screenText.contains("Whole-life costing"), "\(app.screenText)")
        expectFresh(app, "after a rename")
        // The filter finds the new title (its search text is made again).
        app.press("/")
        app.type("whole-life")
        app.press("Enter")
        #expect(map(app).matchCount == 1, "\(app.screenText)")
        app.press("/ Esc")
        // Moving it down changes the outline: built again.
        app.press("J")
        #expect(map(app).outlineBuilds == builds + 1)
        expectFresh(app, "after a move")
        // Undo of the move builds it again; undo of the rename keeps it.
        app.press("u")
        #expect(map(app).outlineBuilds == builds + 2)
        app.press("u")
        #expect(map(app).outlineBuilds == builds + 2)
        #expect(!app.screenText.contains("Whole-life costing"))
        expectFresh(app, "after undoing")
    }

    @Test func afterRandomEditsTheMapShowsWhatAFreshOutlineGives() {
        var catalog = LazyScreenTests.awkward
        for c in Demo.catalog.competencies.values { catalog.competencies[c.key] = c }
        catalog.frameworks["GREEN"] = Demo.catalog.frameworks["GREEN"]
        let fw = Workload(size: .scaled(0.02), seed: 5).catalog.frameworkList[0].code
        var (app, _) = Demo.app(width: 160, height: 48, catalog: catalog)
        app.go(to: .competencyMap, subject: .framework(fw))
        var edits = RandomEdits(seed: 31)
        var kept = 0
        for step in 0..<120 {
            let builds = map(app).outlineBuilds
            if step % 9 == 8 { app.press("u") } else { app.commit(edits.next(for: app.state.document.catalog)) }
            app.press("j")
            if map(app).outlineBuilds == builds { kept += 1 }
            expectFresh(app, "step \(step)")
        }
        // Both ways were taken.
        #expect(kept > 10 && kept < 110, "kept \(kept) of 120")
    }

    @Test func whetherAnEditLeavesTheOutlineIsDecidedFromTheEditAndWhatItReplaced() {
        let catalog = Demo.catalog
        let key = CompetencyKey(framework: "GREEN", code: "G1.1")
        var c = catalog.competencies[key]!
        func check(_ set: ChangeSet, _ expected: Bool, _ note: String) {
            var copy = catalog
            let inverse = copy.apply(set)
            #expect(MapOutline.isUnchanged(by: set, undoneBy: inverse, framework: "GREEN") == expected, "\(note)")
        }
        c.title = "New title"
        c.description = "New description"
        check(ChangeSet("rename", [.putCompetency(c)]), true, "rename")
        var moved = catalog.competencies[key]!
        moved.position += 5
        check(ChangeSet("move", [.putCompetency(moved)]), false, "position")
        moved = catalog.competencies[key]!
        moved.parent = nil
        check(ChangeSet("outdent", [.putCompetency(moved)]), false, "parent")
        check(ChangeSet("add", [.putCompetency(Competency(framework: "GREEN", code: "NEW", title: "New"))]), false, "add")
        check(ChangeSet("add elsewhere", [.putCompetency(Competency(framework: "OTHER", code: "NEW", title: "New"))]), true, "other framework")
        check(ChangeSet("remove", [.removeCompetency(key)]), false, "remove")
        check(ChangeSet("remove framework", [.removeFramework("GREEN")]), false, "framework")
        // Credentials: new levels or mappings change the coverage, other figures do not.
        let credential = catalog.credentials.values.first { $0.learningOutcomes.contains { !$0.mappings.isEmpty } }!
        var figures = credential
        figures.ects = (figures.ects ?? 0) + 1
        figures.title += " (2)"
        check(ChangeSet("ects", [.putCredential(figures)]), true, "credential figures")
        var remapped = credential
        let first = remapped.learningOutcomes.firstIndex { !$0.mappings.isEmpty }!
        remapped.learningOutcomes[first].mappings.removeAll()
        check(ChangeSet("unmap", [.putCredential(remapped)]), false, "mappings")
        check(ChangeSet("delete credential", [.removeCredential(credential.code)]), false, "credential removed")
    }
}
