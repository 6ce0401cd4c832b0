import PathwayExchange
import PathwayModel
import Testing
@testable import PathwayTUI

/// The exchange overlays as a person sees them, kept as text snapshots (Snapshots/exchange-*.txt).
@Suite struct ExchangeSnapshotTests {
    func app(ascii: Bool = false) -> (App, FakeExchangeHost) {
        let session = MemorySession(displayName: "demo.pathway")
        var app = App(catalog: Demo.catalog, session: session, width: 80, height: 24, options: App.Options(ascii: ascii))
        let host = FakeExchangeHost()
        host.files["frameworks/oecd.csv"] = ExchangeTests.moodle
        app.exchange = host
        return (app, host)
    }

    func openImport(_ app: inout App) {
        app.press(":")
        app.type("import a competency")
        app.press("Enter")
        app.type("frameworks/oecd.csv")
    }

    @Test func importForm() {
        var (app, _) = app()
        openImport(&app)
        Snapshot.check(app.screenText, named: "exchange-import-form-80x24")
    }

    @Test func progressAt42Percent() {
        var (app, _) = app()
        openImport(&app)
        app.press("Enter")
        _ = app.takePendingJob()
        app.jobProgress(ExchangeProgress(fraction: 0.7, phase: "Reading the rows of oecd.csv", detail: "2.4 MB read"), elapsed: 1.25)
        Snapshot.check(app.screenText, named: "exchange-progress-80x24")
    }

    @Test func progressInASCII() {
        var (app, _) = app(ascii: true)
        openImport(&app)
        app.press("Enter")
        _ = app.takePendingJob()
        app.jobProgress(ExchangeProgress(fraction: 0.5, phase: "Reading oecd.csv", detail: "1.2 of 2.4 MB read"), elapsed: 0.5)
        let text = app.screenText
        #expect(text.contains("###") && text.contains("---") && !text.contains("█") && !text.contains("░"))
        Snapshot.check(text, named: "exchange-progress-80x24-ascii")
    }

    @Test func importSummary() {
        var (app, _) = app()
        openImport(&app)
        app.press("Enter")
        app.runPendingJobs()
        let text = app.screenText.replacing(/in \d+\.\d s/, with: "in 0.0 s")
        Snapshot.check(text, named: "exchange-summary-80x24")
    }

    @Test func exportForm() {
        var (app, _) = app()
        app.press("3")
        app.press(":")
        app.type("export a framework")
        app.press("Enter")
        app.press("Up")
        Snapshot.check(app.screenText, named: "exchange-export-form-80x24")
    }

    @Test func restoreConfirmation() {
        var (app, host) = app()
        host.backups = [BackupEntry(path: "/d/demo-backup-20250520-120000.pathway", name: "demo-backup-20250520-120000.pathway",
                                    date: "2025-05-20 12:00:00", counts: "2 frameworks, 6 competencies, 3 credentials, 1 pathway, 1 learner")]
        app.press(":")
        app.type("restore from backup")
        app.press("Enter")
        app.runPendingJobs()
        Snapshot.check(app.screenText, named: "exchange-backups-80x24")
        app.press("Enter")
        Snapshot.check(app.screenText, named: "exchange-restore-confirm-80x24")
    }
}
