import Testing
import PathwayModel
@testable import PathwayTUI

/// The review screen as a person sees it, on the shipped sample data and on the demo document.
@Suite struct ReviewSnapshotTests {
    /// The sample data with the first framework opened and a comment added by keys.
    func reviewedSamples(width: Int, height: Int) throws -> App {
        var (app, session) = try SampleCatalog.app(width: width, height: height)
        app.press("7 l j")
        app.press("c")
        app.type("Ana Costa (UPorto)")
        app.press("Enter")
        app.type("Is this level right for a first course? Please check against the EQF descriptors.")
        app.press("Enter")
        #expect(session.applied.count == 1)
        return app
    }

    @Test func review80x24() throws {
        let app = try reviewedSamples(width: 80, height: 24)
        Snapshot.check(app.screenText, named: "review-80x24")
    }

    @Test func review160x48() throws {
        let app = try reviewedSamples(width: 160, height: 48)
        Snapshot.check(app.screenText, named: "review-160x48")
    }

    @Test func reviewReadOnly80x24() {
        var (app, _) = Demo.app(readOnly: true)
        app.go(to: .review, subject: .pathway("GPP"))
        app.press("c")
        let text = app.screenText
        #expect(app.state.status.text == StatusText.readOnlyRefusal)
        #expect(text.contains("Read-only: this database was opened for review"))
        Snapshot.check(text, named: "review-80x24-read-only")
    }

    @Test func reviewAscii80x24() {
        let session = MemorySession(displayName: "demo.pathway")
        var app = App(catalog: Demo.catalog, session: session, width: 80, height: 24, options: App.Options(ascii: true))
        app.go(to: .review, subject: .framework("GREEN"))
        app.press("l")
        let text = app.screenText
        #expect(!text.contains("─") && !text.contains("▾"))
        Snapshot.check(text, named: "review-80x24-ascii")
    }
}
