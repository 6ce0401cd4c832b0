import PathwayEngine
import PathwayModel
@testable import PathwayTUI
import PathwayWorkload
import Testing

/// A save changes the catalog in place: the document keeps only what the change set names of
/// the catalog before it (`Catalog.named(by:)`), and the engine's index without its old
/// catalog. These tests check that what the checks derive from that part is what the whole
/// catalog gives, and that screens sharing the document's engine show what a fresh engine shows.
@Suite struct SaveInPlaceTests {
    /// After every random edit: the integrity ledger and the map-coverage test give the same
    /// answers from the named part as from the whole catalog before the edit.
    static func compareNamedPart(_ start: Catalog, seed: UInt64, steps: Int) {
        var catalog = start
        var ledgerWhole = IntegrityLedger(catalog)
        var ledgerPart = ledgerWhole
        var edits = RandomEdits(seed: seed)
        var undo: [ChangeSet] = []
        for step in 0..<steps {
            let set = !undo.isEmpty && step % 5 == 4 ? undo.removeLast() : edits.next(for: catalog)
            let before = catalog
            let part = before.named(by: set)
            undo.append(catalog.apply(set))
            ledgerWhole.update(set, from: before, to: catalog)
            ledgerPart.update(set, from: part, to: catalog)
            #expect(ledgerPart.problems == ledgerWhole.problems, "step \(step), \(set.label)")
            #expect(ledgerPart.problems == catalog.integrityProblems(), "step \(step), \(set.label)")
            #expect(MapCoverage.isUnchanged(by: set, from: part, to: catalog)
                    == MapCoverage.isUnchanged(by: set, from: before, to: catalog), "step \(step), \(set.label)")
            if ledgerPart.problems != ledgerWhole.problems { return }
        }
    }

    @Test func theNamedPartAnswersAsTheWholeCatalogAfterRandomEdits() throws {
        Self.compareNamedPart(try SampleCatalog.catalog(), seed: 21, steps: 80)
        Self.compareNamedPart(Workload(size: .scaled(0.02), seed: 4).catalog, seed: 22, steps: 80)
    }

    @Test func theNamedPartOfARemovedFrameworkHoldsItsCompetencies() {
        let catalog = Demo.catalog
        let set = ChangeSet("Remove", [.removeFramework("GREEN"), .putCompetency(Competency(framework: "GREEN", code: "NEW", title: "New"))])
        let part = catalog.named(by: set)
        let members = catalog.competencies.filter { $0.key.framework == "GREEN" }
        #expect(!members.isEmpty)
        #expect(part.competencies == members)
        #expect(part.frameworks["GREEN"] == catalog.frameworks["GREEN"])
        #expect(part.credentials.isEmpty && part.pathways.isEmpty)
    }

    /// The coverage matrix and the learner preview, visited before the checks have run and
    /// after edits that change credentials, show what a fresh engine over the catalog gives;
    /// the findings, once checked, are those of a check from scratch.
    @Test func screensAskingTheEngineShowWhatAFreshEngineShowsAfterEdits() throws {
        let catalog = Workload(size: .scaled(0.02), seed: 6).catalog
        var app = App(catalog: catalog, session: MemorySession(), width: 160, height: 48,
                      options: App.Options(checkInBackground: true))
        app.press("5")
        #expect(!app.state.document.isChecked)
        var edits = RandomEdits(seed: 8)
        var compared = (coverage: 0, learner: 0)
        for round in 0..<12 {
            app.commit(edits.next(for: app.state.document.catalog))
            app.press(round % 2 == 0 ? "6" : "5")
            let now = app.state.document.catalog
            let fresh = EngineContext(catalog: now)
            if let screen = app.state.screens[.coverage] as? CoverageScreen, let m = screen.matrix,
               let pathway = now.pathways[m.pathway], app.state.current == .coverage {
                let expected = CoverageMatrix(pathway: pathway, catalog: now, includeExtra: screen.showExtra, engine: fresh)
                #expect(m == expected, "coverage after round \(round)")
                compared.coverage += 1
            }
            if let screen = app.state.screens[.learners] as? LearnerScreen, app.state.current == .learners,
               let name = screen.learnerName, let learner = now.learners[name],
               let code = screen.pathwayCode, let pathway = now.pathways[code] {
                #expect(screen.progression == fresh.progression(pathway, learner: learner, whatIf: screen.whatIf),
                        "learner preview after round \(round)")
                compared.learner += 1
            }
            if round == 5 { while app.hasBackgroundWork { app.doBackgroundWork(while: { true }) } }
        }
        #expect(compared.coverage >= 4 && compared.learner >= 4, "\(compared)")
        while app.hasBackgroundWork { app.doBackgroundWork(while: { true }) }
        #expect(app.state.document.findings == PathwayTUI.Finding.check(app.state.document.catalog))
    }
}
