import Testing
import PathwayModel
@testable import PathwayTUI

/// The learner preview as a trainer sees it, on the shipped sample data.
@Suite struct LearnerSnapshotTests {
    @Test func learner80x24() throws {
        var (app, _) = try SampleCatalog.app(width: 80, height: 24)
        app.go(to: .learners, subject: .learner("Marta Oliveira"))
        Snapshot.check(app.screenText, named: "learner-80x24")
    }

    @Test func learnerWhatIf160x48() throws {
        var (app, session) = try SampleCatalog.app(width: 160, height: 48)
        app.go(to: .learners, subject: .learner("Marta Oliveira"))
        app.go(to: .learners, subject: .pathway("DSP-LEAD"))
        app.go(to: .learners, subject: .credential("DSP-04"))
        app.press("Space")
        #expect(session.applied.isEmpty)
        Snapshot.check(app.screenText, named: "learner-160x48-what-if")
    }

    @Test func learnerAscii80x24() throws {
        let session = MemorySession(displayName: "samples.pathway")
        var app = App(catalog: try SampleCatalog.catalog(), session: session, width: 80, height: 24,
                      options: App.Options(ascii: true))
        app.go(to: .learners, subject: .learner("Tobias Schneider"))
        let text = app.screenText
        #expect(!text.contains("✓") && !text.contains("→"))
        Snapshot.check(text, named: "learner-80x24-ascii")
    }
}
