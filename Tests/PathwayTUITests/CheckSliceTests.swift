import PathwayModel
import PathwayTUI
import Testing

/// Checking between keys: a slice starts a long part (the integrity ledger, the engine's index
/// with the first pathway, the catalog-wide findings) only as its first, so a key waits for at
/// most one of them; and the slice that finishes the checks may leave the screen's refresh to
/// the next slice.
@Suite struct CheckSliceTests {
    @Test func aSliceWithTimeLeftStillStopsBeforeTheNextLongPart() throws {
        let catalog = try SampleCatalog.catalog()
        var document = Document(catalog: catalog, checked: false)
        // Time never runs out, yet each call stops before a long part.
        #expect(document.checkSome(while: { true }) == false)   // the integrity ledger only
        #expect(document.checkProgress > 0 && document.checkProgress < 0.5)
        #expect(document.checkSome(while: { true }) == false)   // the index with the first pathway, then every other pathway
        #expect(document.checkSome(while: { true }) == true)    // the catalog-wide findings
        #expect(document.isChecked)
        #expect(document.findings == Finding.check(catalog))
    }

    @Test func checkAllStillChecksEverythingInOneCall() throws {
        let catalog = try SampleCatalog.catalog()
        var document = Document(catalog: catalog, checked: false)
        let version = document.version
        document.checkAll()
        #expect(document.isChecked)
        #expect(document.version == version + 1)
        #expect(document.findings == Finding.check(catalog))
    }

    @Test func theScreenCatchesUpInTheNextSliceWhenTheLastCheckRanOutOfTime() throws {
        let catalog = try SampleCatalog.catalog()
        var app = App(catalog: catalog, session: MemorySession(displayName: "demo.pathway"), width: 100, height: 30,
                      options: App.Options(checkInBackground: true))
        let expected = Finding.check(catalog)
        let errors = expected.count { $0.severity == .error }
        #expect(errors > 0, "the sample data has planted errors")
        // Slices that run out of time at once: each does one part and no refresh.
        var slices = 0
        while !app.state.document.isChecked && slices < 100 {
            app.doBackgroundWork(while: { false })
            slices += 1
        }
        #expect(app.state.document.isChecked)
        #expect(app.hasBackgroundWork, "the overview has not caught up with the findings yet")
        #expect(app.doBackgroundWork(while: { false }) == true, "the next slice refreshes it and asks for a frame")
        #expect(!app.hasBackgroundWork)
        let screen = AppView.render(app.state).text
        #expect(screen.contains("\(errors) errors"), "the overview's counts after the refresh:\n\(screen)")
    }
}
