import PathwayExchange
import PathwayModel
import Testing
@testable import PathwayTUI

/// Import, export, report, backup and restore from the palette, driven key by key with an
/// in-memory host, and read from the rendered screen.
@Suite struct ExchangeTests {
    static let moodle = """
        Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,Rule type,Rule outcome,Rule config,Cross-referenced competency ID numbers,Exported ID,Is framework,Taxonomy
        ,LATER,Added later,,1,"Not yet,Competent","[{""scaleid"":""2""},{""id"":2,""scaledefault"":1,""proficient"":1}]",,,,,,1,competency
        LATER,L1,First skill,,1,,,,,,,,,
        LATER,L2,Second skill,,1,,,,,,,,,
        L2,L2.1,Deeper skill,<p>Use <b>care</b></p>,1,,,,,,,,,
        """

    /// Opens the palette, finds a command by words, runs it.
    func run(_ command: String, in app: inout App) {
        app.press(":")
        app.type(command)
        app.press("Enter")
    }

    func importMoodle(_ app: inout App, path: String) {
        run("import a competency", in: &app)
        app.type(path)
        app.press("Enter")
    }

    @Test func thePaletteOffersImportExportReportBackupAndRestore() {
        var (app, _, _) = Demo.exchangeApp(width: 100, height: 30)
        app.press(":")
        app.type("import")
        #expect(app.screenText.contains("Import a competency framework from a Moodle, CASE or ESCO file…"))
        app.press("Esc")
        app.press(":")
        app.type("restore")
        #expect(app.screenText.contains("Restore from backup…: put a backup found beside the database back"))
        app.press("Esc")
        app.press(":")
        app.type("export")
        let text = app.screenText
        #expect(text.contains("Export a framework, credential or pathway (CASE, Moodle, Open Badges 3.0, ELM)…"))
        app.press("Esc")
        app.press(":")
        app.type("report")
        #expect(app.screenText.contains("Write a pathway report for partners (HTML or Markdown)…"))
    }

    @Test func theImportFormShowsFormatFileAndCode() {
        var (app, _, host) = Demo.exchangeApp()
        host.files["frameworks/oecd.csv"] = Self.moodle
        run("import a competency", in: &app)
        var text = app.screenText
        #expect(text.contains("Import a framework"))
        #expect(text.contains("Format     ◂ Moodle competency framework (CSV) ▸  (1 of 3)"))
        #expect(text.contains("▸ File"))
        #expect(text.contains("blank: from the file, or the framework it updates"))
        #expect(text.contains("Enter imports · Esc cancels"))
        // Up to the format, Right to the next one.
        app.press("Up Right")
        #expect(app.screenText.contains("◂ CASE 1.0/1.1 package (JSON, e.g. OpenSALT) ▸  (2 of 3)"))
        app.press("Left Down")
        // Tab completes the path as far as the names agree.
        app.type("fr")
        app.press("Tab")
        text = app.screenText
        #expect(text.contains("File       frameworks/oecd.csv"))
        #expect(!text.contains("No such file yet"))
        app.press("Backspace")
        #expect(app.screenText.contains("No such file yet (Tab completes names)."))
        app.press("Esc")
        #expect(app.state.overlay == nil)
        #expect(app.state.status.text == "Cancelled; nothing was imported.")
    }

    @Test func tabListsTheNamesWhenTheyDiffer() {
        var (app, _, host) = Demo.exchangeApp()
        host.files["data/alpha.csv"] = "x"
        host.files["data/alpine.json"] = "x"
        run("import a competency", in: &app)
        app.type("data/a")
        app.press("Tab")
        let text = app.screenText
        #expect(text.contains("File       data/alp"))
        #expect(text.contains("alpha.csv · alpine.json"))
    }

    @Test func progressShowsBarPercentPhaseAndTime() throws {
        var (app, _, host) = Demo.exchangeApp()
        host.files["big.csv"] = Self.moodle
        importMoodle(&app, path: "big.csv")
        let taken = app.takePendingJob()
        let job = try #require(taken)
        #expect(job == .importFile(format: .moodle, path: "big.csv", frameworkCode: nil))
        let again = app.takePendingJob()
        #expect(again == nil)   // taken once

        app.jobProgress(ExchangeProgress(fraction: 0, phase: "Reading big.csv", detail: "0 KB of 5.7 MB read"), elapsed: 0.1)
        var text = app.screenText
        #expect(text.contains("Importing big.csv (Moodle)"))
        #expect(text.contains("Reading big.csv"))
        #expect(text.contains("░░░░░░░░░░ 0%"))
        #expect(!text.contains("█"))
        #expect(text.contains("0.1 s"))
        #expect(text.contains("Esc cancels"))

        // An import's reading fills 60% of the bar; saving the rest.
        app.jobProgress(ExchangeProgress(fraction: 0.7, phase: "Reading the rows of big.csv", detail: "5.7 MB read"), elapsed: 2.34)
        text = app.screenText
        #expect(text.contains(" 42%"))
        #expect(text.contains("Reading the rows of big.csv"))
        #expect(text.contains("5.7 MB read"))
        #expect(text.contains("2.3 s"))
        let bar = try #require(text.split(separator: "\n").first { $0.contains("42%") })
        let filled = bar.filter { $0 == "█" }.count, empty = bar.filter { $0 == "░" }.count
        #expect(filled == Int(Double(filled + empty) * 0.42))   // 42% of the bar, drawn

        // The file is read: saving starts, and the bar goes on from 60%.
        app.finishJob(job.perform(host: host, session: app.session, catalog: app.state.document.catalog), elapsed: 2.5)
        text = app.screenText
        #expect(text.contains("Saving 4 changes in one transaction"))
        #expect(text.contains(" 60%"))
        #expect(text.contains("please wait"))     // saving cannot be cut short
        app.jobProgress(nil, elapsed: 1.5)        // saving reports no progress; the clock goes on
        #expect(app.screenText.contains("4.0 s"))
        let saving = app.takePendingJob()
        #expect(saving.map { if case .save = $0 { true } else { false } } == true)
    }

    @Test func progressReachesAHundredPercent() throws {
        var (app, _, _) = Demo.exchangeApp()
        run("export a framework", in: &app)
        app.press("Enter")
        let taken = app.takePendingJob()
        _ = try #require(taken)
        app.jobProgress(ExchangeProgress(fraction: 1, phase: "Saving GREEN.case.json"), elapsed: 0.3)
        let text = app.screenText
        #expect(text.contains(" 100%"))
        #expect(!text.contains("░"))
        #expect(text.contains("Writing GREEN.case.json"))
    }

    @Test func anImportShowsItsSummaryIsOneTransactionAndUndoesWithU() throws {
        var (app, session, host) = Demo.exchangeApp(width: 100, height: 30)
        host.files["oecd.csv"] = Self.moodle
        let before = app.state.document.catalog
        importMoodle(&app, path: "oecd.csv")
        app.runPendingJobs()
        let text = app.screenText
        #expect(text.contains("Import finished"))
        #expect(text.contains("Created framework LATER (Added later)"))
        #expect(text.contains("3 competencies: 3 added · 0 changed · 0 removed · 0 unchanged"))
        #expect(text.contains("Findings: errors"))
        #expect(text.contains("From oecd.csv in"))
        #expect(text.contains("u undoes the whole import"))
        #expect(session.applied.count == 1)                 // one transaction
        #expect(session.applied[0].changes.count == 4)       // the framework and its 3 competencies
        #expect(app.state.document.catalog.competencies(in: "LATER").map(\.code) == ["L1", "L2", "L2.1"])
        #expect(app.state.document.catalog.competencies[CompetencyKey(framework: "LATER", code: "L2.1")]?.description == "Use care")
        #expect(app.state.status.text == "Imported Added later. Undo the whole import with u.")
        // The overview's recent items start with what the import brought, in the file's order.
        let k = { CompetencyKey(framework: "LATER", code: $0) }
        #expect(Array(app.state.document.recent.prefix(4)) == [.framework("LATER"), .competency(framework: k("L1").framework, code: "L1"),
                                                                 .competency(framework: "LATER", code: "L2"), .competency(framework: "LATER", code: "L2.1")])
        app.press("Esc")
        #expect(app.state.overlay == nil)
        app.press("u")
        #expect(app.state.document.catalog == before)
        #expect(session.applied.count == 2)
        // Importing the same file again (the form remembers it) changes nothing and says so.
        run("import a competency", in: &app)
        #expect(app.screenText.contains("File       oecd.csv"))
        app.press("Enter")
        app.runPendingJobs()
        app.press("Esc")
        run("import a competency", in: &app)
        app.press("Enter")
        app.runPendingJobs()
        #expect(app.screenText.contains("Nothing to import"))
        #expect(app.screenText.contains("Already up to date: framework LATER"))
        #expect(session.applied.count == 3)
    }

    @Test func undoingABigImportShowsProgressInsteadOfFreezing() throws {
        var (app, session, host) = Demo.exchangeApp(width: 100, height: 30)
        var lines = Self.moodle.split(separator: "\n").prefix(2).map(String.init)
        for i in 0..<1_200 { lines.append("LATER,B\(i),Skill \(i),,1,,,,,,,,,") }
        host.files["big.csv"] = lines.joined(separator: "\n")
        let before = app.state.document.catalog
        importMoodle(&app, path: "big.csv")
        app.runPendingJobs()
        #expect(app.screenText.contains("1,200 competencies: 1,200 added"))
        app.press("Esc")
        app.press("u")
        var text = app.screenText
        #expect(text.contains("Undoing: Import Added later"))
        #expect(text.contains("Saving 1,201 changes in one transaction"))
        #expect(text.contains("The screen comes back as soon as it is saved."))
        #expect(!text.contains("%"))
        #expect(app.state.document.catalog.frameworks["LATER"] != nil)   // not yet: saving first
        app.runPendingJobs()
        #expect(app.state.overlay == nil)
        #expect(app.state.document.catalog == before)
        #expect(app.state.status.text == "Undone: Import Added later. Redo with Ctrl-R.")
        #expect(session.applied.count == 2)
        app.handle(.ctrl("r"))
        #expect(app.screenText.contains("Redoing: Import Added later"))
        app.runPendingJobs()
        #expect(app.state.document.catalog.competencies(in: "LATER").count == 1_200)
        #expect(app.state.status.text == "Redone: Import Added later.")
        #expect(session.applied.count == 3)
        // Small undos stay instant.
        app.commit(ChangeSet("Add", [.putFramework(CompetencyFramework(code: "NEW", title: "New"))]))
        app.press("u")
        #expect(app.state.overlay == nil)
        #expect(app.state.document.catalog.frameworks["NEW"] == nil)
    }

    @Test func aBadFileReopensTheFormWithFileAndLine() {
        var (app, session, host) = Demo.exchangeApp(width: 100, height: 30)
        var lines = Self.moodle.split(separator: "\n").map(String.init)
        lines[2] += ",extra"
        host.files["bad.csv"] = lines.joined(separator: "\n")
        let before = app.state.document.catalog
        importMoodle(&app, path: "bad.csv")
        app.runPendingJobs()
        guard case .exchange(.form(let form))? = app.state.overlay else { Issue.record("the form did not come back"); return }
        #expect(form.problem?.hasPrefix("Nothing was imported: bad.csv, line 3: the row has 15 cells") == true)
        let text = app.screenText
        #expect(text.contains("Nothing was imported: bad.csv, line 3: the row has 15 cells;"))
        #expect(text.contains("File       bad.csv"))          // kept, to fix and retry
        #expect(app.state.document.catalog == before)
        #expect(session.applied.isEmpty)
    }

    @Test func cancellingAnImportChangesNothing() throws {
        var (app, session, host) = Demo.exchangeApp()
        host.files["oecd.csv"] = Self.moodle
        importMoodle(&app, path: "oecd.csv")
        let taken = app.takePendingJob()
        let job = try #require(taken)
        app.press("Esc")
        #expect(app.isJobCancelRequested)
        #expect(app.screenText.contains("cancelling…"))
        app.finishJob(job.perform(host: host, session: session, catalog: app.state.document.catalog), elapsed: 1)
        #expect(app.state.overlay == nil)
        #expect(app.state.status.text == "Cancelled; nothing was imported.")
        #expect(app.state.document.catalog.frameworks["LATER"] == nil)
        #expect(session.applied.isEmpty)
    }

    @Test func readOnlyRefusesImportsAndRestoresButExports() {
        var (app, _, host) = Demo.exchangeApp(readOnly: true)
        run("import a competency", in: &app)
        #expect(app.state.overlay == nil)
        #expect(app.state.status.text == "Read-only: this database was opened for review, so nothing can be imported. Exports, reports and backups still work.")
        run("restore from backup", in: &app)
        #expect(app.state.status.text.hasPrefix("Read-only: this database was opened for review, so it cannot be restored"))
        #expect(host.jobs.isEmpty)
        run("export a framework", in: &app)
        app.press("Enter")
        app.runPendingJobs()
        #expect(host.files["GREEN.case.json"]?.contains("CFDocument") == true)
        #expect(app.state.status.text.hasPrefix("Wrote case of GREEN to GREEN.case.json ("))
    }

    @Test func exportStartsOnTheThingUnderTheCursorWithAFileNamedAfterIt() {
        var (app, _, host) = Demo.exchangeApp(width: 100, height: 30)
        app.press("3")                       // credentials, cursor on the first one
        let code = app.state.screen.selectedSubject
        #expect(code == .credential("CIRC-01"))
        run("export a framework", in: &app)
        var text = app.screenText
        #expect(text.contains("◂ Open Badges 3.0 achievement (JSON) ▸"))
        #expect(text.contains("CIRC-01  Κυκλική οικονομία στην πράξη"))
        #expect(text.contains("File       CIRC-01.ob3.json"))
        // Choose another credential by typing: the file name follows.
        app.press("Up")
        app.type("ökolabel")
        text = app.screenText
        #expect(text.contains("1 of 3"))
        #expect(text.contains("File       PROC-02.ob3.json"))
        host.files["PROC-02.elm.jsonld"] = "old"
        app.press("Down Up Up Right")         // next format: ELM of a credential
        text = app.screenText
        #expect(text.contains("File       PROC-02.elm.jsonld"))
        #expect(text.contains("Credential PROC-02  Ökolabel in der Beschaffung"))
        #expect(text.contains("This file exists: Enter replaces it."))
        app.press("Enter")
        app.runPendingJobs()
        #expect(host.files["PROC-02.elm.jsonld"]?.contains("\"Qualification\"") == true)
        #expect(app.state.status.text.contains("to PROC-02.elm.jsonld"))
    }

    @Test func aFailedExportNamesWhatIsMissing() {
        var (app, _, _) = Demo.exchangeApp(width: 100, height: 30)
        run("write a pathway report", in: &app)
        #expect(app.screenText.contains("Write a report"))
        #expect(app.screenText.contains("File       GPP-report.html"))
        app.press("Up")
        app.type("nothing like this")
        #expect(app.screenText.contains("0 of 1"))
        app.press("Enter")
        #expect(app.screenText.contains("Nothing to export: choose a pathway first."))
    }

    @Test func restoreListsBackupsNewestFirstAndAsksFirst() {
        var (app, session, host) = Demo.exchangeApp(width: 100, height: 30)
        host.backups = [
            BackupEntry(path: "/d/demo-backup-20250520-1200.pathway", name: "demo-backup-20250520-1200.pathway",
                        date: "2025-05-20 12:00:00", counts: "2 frameworks, 6 competencies, 3 credentials, 1 pathway, 1 learner"),
            BackupEntry(path: "/d/demo-backup-20250519-0900.pathway", name: "demo-backup-20250519-0900.pathway",
                        date: "2025-05-19 09:00:00", counts: "1 framework, 2 competencies, 0 credentials, 0 pathways, 0 learners"),
        ]
        host.restoredCatalog = Catalog(frameworks: [CompetencyFramework(code: "OLD", title: "From the backup")])
        app.commit(ChangeSet("Add", [.putFramework(CompetencyFramework(code: "NEW", title: "New"))]))
        #expect(!app.state.undoStack.isEmpty)
        run("restore from backup", in: &app)
        app.runPendingJobs()
        var text = app.screenText
        #expect(text.contains("Restore demo.pathway from a backup (newest first)"))
        #expect(text.contains("2025-05-20 12:00:00 demo-backup-20250520-1200.pathway"))
        #expect(text.contains("2 frameworks, 6 competencies, 3 credentials, 1 pathway, 1 learner"))
        let lines = text.split(separator: "\n")
        let newer = lines.firstIndex { $0.contains("20250520") }!, older = lines.firstIndex { $0.contains("20250519") }!
        #expect(newer < older)
        app.press("Down Enter")
        text = app.screenText
        #expect(text.contains("Restore from backup?"))
        #expect(text.contains("Replace everything in demo.pathway with the backup of 2025-05-19"))
        #expect(text.contains("0 pathways, 0 learners)? The current"))
        #expect(text.contains("y restore · n back to the list"))
        app.press("n")
        #expect(!app.screenText.contains("Restore from backup?"))
        app.press("Enter")
        app.press("y")
        app.runPendingJobs()
        #expect(host.jobs.last == .restore(path: "/d/demo-backup-20250519-0900.pathway"))
        #expect(app.state.overlay == nil)
        #expect(app.state.document.catalog.frameworks.keys.sorted() == ["OLD"])
        #expect(app.state.undoStack.isEmpty && app.state.redoStack.isEmpty)
        #expect(app.state.status.text == "Restored from demo-backup-20250519-0900.pathway; undo history cleared. The previous content is in demo.before-restore-20250520-120500.pathway.")
        app.press("u")
        #expect(app.state.status.text == "Nothing to undo.")
        #expect(session.applied.count == 1)   // only the edit before; a restore is not an edit
        // Every screen shows the restored document.
        #expect(app.screenText.contains("From the backup (OLD)"))
        #expect(!app.screenText.contains("Green procurement skills"))
    }

    @Test func withNoBackupsRestoreSaysHowToMakeOneOrTakesATypedPath() {
        var (app, _, host) = Demo.exchangeApp(width: 100, height: 30)
        host.files["elsewhere/old-copy.pathway"] = "a backup"
        host.restoredCatalog = Catalog(frameworks: [CompetencyFramework(code: "OLD", title: "From elsewhere")])
        run("restore from backup", in: &app)
        app.runPendingJobs()
        #expect(app.state.status.text.hasPrefix("No backups of demo.pathway beside it yet; make one with"))
        var text = app.screenText
        #expect(text.contains("No backups beside demo.pathway yet."))
        #expect(text.contains("Another file… (type the path of a backup kept elsewhere)"))
        app.press("Enter")
        app.type("elsewhere/nothing")
        app.press("Enter")
        #expect(app.screenText.contains("elsewhere/nothing is not a file; check the path"))
        app.handle(.ctrl("u"))
        app.type("else")
        app.press("Tab")
        #expect(app.screenText.contains("File: elsewhere/old-copy.pathway"))
        app.press("Enter")
        text = app.screenText
        #expect(text.contains("Restore from backup?"))
        #expect(text.contains("old-copy.pathway"))
        app.press("y")
        app.runPendingJobs()
        #expect(host.jobs.last == .restore(path: "elsewhere/old-copy.pathway"))
        #expect(app.state.document.catalog.frameworks.keys.sorted() == ["OLD"])
        #expect(app.state.overlay == nil)
        run("back up the database", in: &app)
        app.runPendingJobs()
        #expect(app.state.status.text == "Backed up to demo-backup-20250520-120000.pathway. Restore from backup (in the : palette) lists it.")
    }

    @Test func withoutAHostTheCommandsSaySo() {
        var (app, _) = Demo.app()
        app.press(":")
        app.type("import a competency")
        app.press("Enter")
        #expect(app.state.overlay == nil)
        #expect(app.state.status.text.contains("use the pathway command"))
    }
}
