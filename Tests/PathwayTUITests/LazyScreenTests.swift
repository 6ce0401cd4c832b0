import PathwayModel
@testable import PathwayTUI
import PathwayWorkload
import Testing

/// Screens are built on their first visit, from the document as it is then; the map and review
/// build their rows and search text in compact forms. What a user sees must be what building
/// everything at start gave: these tests compare with the model's own tree and plain
/// `lowercased()` matching.
@Suite struct LazyScreenTests {
    func map(_ app: App) -> CompetencyMapScreen { app.state.screens[.competencyMap] as! CompetencyMapScreen }
    func review(_ app: App) -> ReviewScreen { app.state.screens[.review] as! ReviewScreen }

    @Test func onlyTheFirstScreenIsBuiltAtStartAndEachOtherOnItsFirstVisit() {
        var (app, _) = Demo.app()
        #expect(app.isBuilt(.overview))
        for id in [ScreenID.competencyMap, .credentials, .pathways, .coverage, .learners, .review] {
            #expect(!app.isBuilt(id), "\(id) was built before anyone visited it")
        }
        app.press("5")
        #expect(app.state.current == .coverage)
        #expect(app.isBuilt(.coverage))
        #expect(!app.isBuilt(.competencyMap))
        let text = app.screenText
        #expect(text.contains("Life-cycle costing"), "the coverage matrix on its first visit:\n\(text)")
    }

    @Test func aStartScreenIsBuiltAtStartInsteadOfTheOverview() {
        let session = MemorySession(displayName: "demo.pathway")
        let app = App(catalog: Demo.catalog, session: session, options: App.Options(startScreen: .review))
        #expect(app.isBuilt(.review))
        #expect(!app.isBuilt(.overview))
        let text = app.screenText
        #expect(text.contains("Micro-credentials (3)") && text.contains("Review status: in review"), "\(text)")
    }

    @Test func aScreenFirstVisitedAfterEditsElsewhereShowsThem() {
        var (app, _) = Demo.app()
        // Rename a competency and add a comment-free credential change on other screens first.
        app.press("2 l j e")
        for _ in 0..<40 { app.handle(.backspace) }
        app.type("Whole-life costing")
        app.press("Enter")
        #expect(app.state.document.catalog.competencies[CompetencyKey(framework: "GREEN", code: "G1.1")]?.title == "Whole-life costing")
        #expect(!app.isBuilt(.review) && !app.isBuilt(.coverage))
        // Review, first visited now, lists the new title once the framework is expanded.
        app.go(to: .review, subject: .framework("GREEN"))
        app.press("l")
        let labels = review(app).shown.map { review(app).rows[$0].label }
        #expect(labels.contains("Whole-life costing"), "review rows: \(labels)")
        #expect(!labels.contains("Life-cycle costing"))
        // So does the coverage matrix.
        app.press("5")
        let text = app.screenText
        #expect(text.contains("Whole-life costing"), "the coverage matrix on its first visit:\n\(text)")
        // Undo brings the old title back on a screen built after the edit, too.
        app.press("u 7")
        let after = review(app).shown.map { review(app).rows[$0].label }
        #expect(after.contains("Life-cycle costing"), "review rows after undo: \(after)")
    }

    @Test func restoringADocumentRebuildsTheScreenShownAndForgetsTheOthers() {
        var (app, _) = Demo.app()
        app.press("2 7 2")
        #expect(app.isBuilt(.review))
        var catalog = Demo.catalog
        catalog.competencies[CompetencyKey(framework: "GREEN", code: "G2")]?.title = "Circular economy"
        app.replaceDocument(with: catalog)
        #expect(app.isBuilt(.competencyMap))
        #expect(!app.isBuilt(.review))
        #expect(app.screenText.contains("Circular economy"))
    }

    // MARK: - The map's outline is the model's tree

    /// A catalog with the awkward cases: a parent outside the framework, a parent cycle, equal
    /// positions (ordered by code), several roots, and a second framework.
    static var awkward: Catalog {
        var comps = Workload(size: .scaled(0.02), seed: 5).catalog.competencies.values.map { $0 }
        let fw = comps[0].framework
        comps.append(Competency(framework: fw, code: "ORPHAN", title: "Orphan", parent: "NOT-THERE", position: 0))
        comps.append(Competency(framework: fw, code: "CYC-A", title: "Cycle A", parent: "CYC-B"))
        comps.append(Competency(framework: fw, code: "CYC-B", title: "Cycle B", parent: "CYC-A"))
        comps.append(Competency(framework: fw, code: "TIE-2", title: "Tie 2", parent: "ORPHAN", position: 3))
        comps.append(Competency(framework: fw, code: "TIE-1", title: "Tie 1", parent: "ORPHAN", position: 3))
        comps.append(Competency(framework: "OTHER", code: "X", title: "Other framework"))
        var catalog = Workload(size: .scaled(0.02), seed: 5).catalog
        catalog.competencies = Dictionary(comps.map { ($0.key, $0) }, uniquingKeysWith: { _, b in b })
        catalog.frameworks["OTHER"] = CompetencyFramework(code: "OTHER", title: "Other")
        return catalog
    }

    @Test func theOutlineIsTheModelsTreeInOrderWithDepthsAndChildren() {
        let catalog = Self.awkward
        for fw in catalog.frameworks.keys {
            let tree = CompetencyTree(catalog: catalog, framework: fw)
            let expected = tree.depthFirst
            let outline = MapOutline(catalog: catalog, framework: fw)
            #expect(Array(outline.codes) == expected.map(\.competency.code), "framework \(fw)")
            #expect(outline.keys == expected.map(\.competency.key))
            #expect(outline.depths.map(Int.init) == expected.map(\.depth))
            #expect(outline.indices.map { outline.title($0, framework: fw, in: catalog) } == expected.map(\.competency.title))
            let withTitles = MapOutline(catalog: catalog, framework: fw, coverage: false, titles: true)
            #expect(withTitles.keys == outline.keys && withTitles.parents == outline.parents && withTitles.ends == outline.ends)
            #expect(withTitles.titles == expected.map(\.competency.title))
            for i in outline.indices {
                let code = outline.codes[i]
                #expect(outline.children(of: i).map { outline.codes[$0] } == tree.children(of: code), "children of \(code)")
                #expect(outline.ancestry(of: i).map { outline.codes[$0] } == tree.ancestry(of: code))
                #expect(Int(outline.ends[i]) - i - 1 == tree.descendants(of: code).count)
            }
            #expect(outline.children(of: -1).map { outline.codes[$0] } == tree.roots)
            // Coverage: the credentials teaching each node, in code order, at the highest level.
            for i in outline.indices {
                let key = CompetencyKey(framework: fw, code: outline.codes[i])
                let expected = catalog.credentialsCovering(key).map { "\($0.credential.code)@\($0.level.value)" }
                let got = outline.covering(i).map { "\($0.code)@\($0.level.value)" }
                #expect(got == expected, "coverage of \(key)")
            }
        }
    }

    @Test func expandingEverythingShowsTheWholeTreeAndCollapsingTheRoots() {
        let catalog = Self.awkward
        let fw = Workload(size: .scaled(0.02), seed: 5).catalog.frameworkList[0].code
        var (app, _) = Demo.app(width: 160, height: 48, catalog: catalog)
        app.go(to: .competencyMap, subject: .framework(fw))
        let tree = CompetencyTree(catalog: catalog, framework: fw)
        #expect(map(app).rowCodes == tree.roots)
        app.press("+")
        #expect(map(app).rowCodes == tree.depthFirst.map(\.competency.code))
        app.press("-")
        #expect(map(app).rowCodes == tree.roots)
    }

    // MARK: - Filters find what they found before

    /// What the filters matched when every search text was `lowercased()` up front.
    static func plainMatch(_ query: String, _ text: String) -> Bool {
        let hay = text.lowercased()
        return query.lowercased().split(separator: " ").allSatisfy { hay.contains($0) }
    }

    static let queries = ["a", "manage", "MANAGE p", "café", "CAFÉ", "naïve op", "zürich", "e s t", "xyz-not-there",
                          "κυκλική", "ÖKO", "prüfen", "数据"]

    @Test func theMapFilterMatchesTitlesDescriptionsAndCodesAsBefore() {
        var catalog = Self.awkward
        for c in Demo.catalog.competencies.values { catalog.competencies[c.key] = c }
        catalog.frameworks["GREEN"] = Demo.catalog.frameworks["GREEN"]
        for fw in [Workload(size: .scaled(0.02), seed: 5).catalog.frameworkList[0].code, "GREEN"] {
            var (app, _) = Demo.app(width: 160, height: 48, catalog: catalog)
            app.go(to: .competencyMap, subject: .framework(fw))
            let nodes = CompetencyTree(catalog: catalog, framework: fw).depthFirst.map(\.competency)
            for query in Self.queries {
                app.press("/")
                app.type(query)
                app.press("Enter")
                let expected = Set(nodes.filter { Self.plainMatch(query, $0.title + " " + $0.description + " " + $0.code) }.map(\.code))
                #expect(map(app).matches == expected, "\(fw): \"\(query)\"")
                app.press("/ Esc")
            }
        }
    }

    @Test func theMapSearchIndexIsBuiltBetweenKeysAndAFilterBeforeItIsDoneStillFindsEverything() {
        let catalog = Workload(size: .scaled(0.04), seed: 9).catalog
        let fw = catalog.frameworkList[0].code
        let nodes = CompetencyTree(catalog: catalog, framework: fw).depthFirst.map(\.competency)
        #expect(nodes.count > 512)
        func expected(_ query: String, _ nodes: [Competency]) -> Set<String> {
            Set(nodes.filter { Self.plainMatch(query, $0.title + " " + $0.description + " " + $0.code) }.map(\.code))
        }
        // One slice between keys indexes part of the map; the filter then finishes the rest.
        var (app, _) = Demo.app(width: 160, height: 48, catalog: catalog)
        app.press("2")
        #expect(app.hasBackgroundWork)
        app.doBackgroundWork(while: { false })
        #expect(app.hasBackgroundWork, "one slice should not index \(nodes.count) competencies")
        app.press("/")
        app.type("an")
        #expect(map(app).matches == expected("an", nodes))
        #expect(!app.hasBackgroundWork)
        // Built wholly between keys: the same matches.
        var (idle, _) = Demo.app(width: 160, height: 48, catalog: catalog)
        idle.press("2")
        while idle.hasBackgroundWork { idle.doBackgroundWork(while: { true }) }
        idle.press("/")
        idle.type("an")
        #expect(map(idle).matches == map(app).matches)
        // After an edit the index is made again, with the new title in it.
        idle.press("Esc e")
        for _ in 0..<200 { idle.handle(.backspace) }
        idle.type("Quokka husbandry")
        idle.press("Enter")
        #expect(idle.hasBackgroundWork)
        idle.press("/")
        idle.type("quokka")
        #expect(map(idle).matches.count == 1)
        #expect(idle.screenText.contains("Quokka husbandry"))
    }

    @Test func theReviewFilterMatchesAsBefore() {
        let catalog = Self.awkward
        var (app, _) = Demo.app(width: 160, height: 48, catalog: catalog)
        app.press("7")
        for query in Self.queries {
            app.press("/")
            app.type(query)
            app.press("Enter")
            var expected: [CommentSubject] = []
            for f in catalog.frameworkList {
                if Self.plainMatch(query, "\(f.title) \(f.code) \(f.reviewStatus.label)") { expected.append(.framework(f.code)) }
                for n in CompetencyTree(catalog: catalog, framework: f.code).depthFirst
                where Self.plainMatch(query, "\(n.competency.title) \(n.competency.code)") {
                    expected.append(.competency(n.competency.key))
                }
            }
            for c in catalog.credentialList where Self.plainMatch(query, "\(c.title) \(c.code)") { expected.append(.credential(c.code)) }
            for p in catalog.pathwayList where Self.plainMatch(query, "\(p.title) \(p.code) \(p.reviewStatus.label)") {
                expected.append(.pathway(p.code))
            }
            let got = review(app).shown.compactMap { review(app).rows[$0].subject }
            #expect(got == expected, "\"\(query)\"")
            app.press("/ Esc")
        }
    }

    @Test func searchTextIsLowerCasedAsStringLowercasedDoes() {
        let texts = ["Plain ASCII 123 [x]", "Umweltzeichen PRÜFEN (Ökolabel)", "ΚΥΚΛΙΚΉ ΟΙΚΟΝΟΜΊΑ ΟΔΟΣ", "Straße STRASSE",
                     "İstanbul", "KELVIN \u{212A}", "数字技能框架", "Emoji 👩🏽‍💻 END", "Tender \u{1B}[31mWRITING\u{7}",
                     "ÀÉÎÕÜ àéîõü", "Ǆ ǅ ǆ", "", "A"]
        for t in texts {
            var bytes: [UInt8] = []
            SearchIndex.appendLowercased(t, to: &bytes)
            #expect(bytes == Array(t.lowercased().utf8), "\(t)")
        }
        var index = SearchIndex(capacity: 2)
        index.append(["Café", "NAÏVE"])
        index.append(["Zürich"])
        #expect(index.matches([Array("café naïve".utf8)]) == [0])
        #expect(index.matches([Array("zürich".utf8)]) == [1])
    }
}
