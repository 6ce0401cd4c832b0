import Testing
import PathwayModel
@testable import PathwayTUI

/// The coverage matrix as a person sees it, on the shipped sample data.
@Suite struct CoverageSnapshotTests {
    @Test func coverage80x24() throws {
        var (app, _) = try SampleCatalog.app(width: 80, height: 24)
        app.go(to: .coverage, subject: .pathway("DSP-DIGI"))
        #expect(app.screenText.contains("1 not covered"))
        Snapshot.check(app.screenText, named: "coverage-80x24")
    }

    @Test func coverage160x48() throws {
        var (app, _) = try SampleCatalog.app(width: 160, height: 48)
        app.go(to: .coverage, subject: .pathway("DSP-GPP"))
        app.press("a j l")
        #expect(app.screenText.contains("1 taught twice"))
        Snapshot.check(app.screenText, named: "coverage-160x48")
    }

    @Test func coverageAscii80x24() throws {
        let session = MemorySession(displayName: "samples.pathway")
        var app = App(catalog: try SampleCatalog.catalog(), session: session, width: 80, height: 24,
                      options: App.Options(ascii: true))
        app.go(to: .coverage, subject: .pathway("TSV-NEET"))
        let text = app.screenText
        #expect(!text.contains("▒") && !text.contains("✓"))
        Snapshot.check(text, named: "coverage-80x24-ascii")
    }
}
