import PathwayExchange
import PathwayModel

/// Imports, exports, reports, backups and restores from the palette. The app only decides: a
/// confirmed form becomes an `ExchangeJob` in `state.exchange.pendingJob`; the backend runs it
/// (`takePendingJob`, `jobProgress`, `finishJob`) and the app applies the result: a planned
/// import is saved as one change set through the session, so `u` undoes all of it.
extension App {
    // MARK: Palette commands

    /// Runs an exchange action; false when `action` is not one.
    mutating func performExchange(_ action: Action) -> Bool {
        switch action {
        case .importFile, .exportFile, .writeReport, .backupNow, .restoreBackup: break
        default: return false
        }
        guard exchange != nil else {
            say("Imports, exports and backups need files, which this session has none of; use the pathway command.", .error)
            return true
        }
        switch action {
        case .importFile:
            if state.isReadOnly { say(ExchangeText.readOnlyImport, .error); return true }
            openForm(importForm())
        case .exportFile: openForm(exportForm(formats: ExportFormat.allCases.filter { !$0.isReport }))
        case .writeReport: openForm(exportForm(formats: [.reportHTML, .reportMarkdown]))
        case .backupNow: start(.backup, title: "Backing up \(state.documentName)", origin: nil)
        default:
            if state.isReadOnly { say(ExchangeText.readOnlyRestore, .error); return true }
            start(.listBackups, title: "Looking for backups", origin: nil)
        }
        return true
    }

    func importForm() -> ExchangeForm {
        var form = ExchangeForm(mode: .importing)
        form.formatIndex = form.importFormats.firstIndex(of: state.exchange.lastImportFormat) ?? 0
        form.path = TextField(state.exchange.lastImportPath[form.importFormat] ?? "")
        form.pathTouched = !form.path.text.isEmpty
        form.focus = .path
        return form
    }

    /// An export form on the thing under the cursor, in the first format that can write it.
    func exportForm(formats: [ExportFormat]) -> ExchangeForm {
        var form = ExchangeForm(mode: .exporting)
        form.exportFormats = formats
        let here = currentSubjectForExport()
        if let kind = here?.kind, let i = formats.firstIndex(where: { $0.subject == kind }) { form.formatIndex = i }
        fillSubjects(&form, select: here?.code)
        form.focus = form.subjects.isEmpty ? .format : .path
        return form
    }

    /// The framework, credential or pathway the current screen's cursor is on.
    func currentSubjectForExport() -> (kind: ExportFormat.Subject, code: String)? {
        switch state.screen.selectedSubject {
        case .framework(let c)?: return (.framework, c)
        case .competency(let f, _)?: return (.framework, f)
        case .credential(let c)?: return (.credential, c)
        case .pathway(let c)?: return (.pathway, c)
        default: return nil
        }
    }

    /// Lists what the form's export format can write, keeping `select` (or the current choice).
    func fillSubjects(_ form: inout ExchangeForm, select: String? = nil) {
        let keep = select ?? form.selectedSubject?.id
        let catalog = state.document.catalog
        switch form.exportFormat.subject {
        case .framework:
            var counts: [String: Int] = [:]
            for key in catalog.competencies.keys { counts[key.framework, default: 0] += 1 }
            form.subjects = catalog.frameworkList.map {
                Picker.Item(id: $0.code, label: $0.code, detail: "\($0.title) · \(ExchangeText.count(counts[$0.code] ?? 0, "competency"))")
            }
        case .credential:
            form.subjects = catalog.credentialList.map { Picker.Item(id: $0.code, label: $0.code, detail: $0.title) }
        case .pathway:
            form.subjects = catalog.pathwayList.map { Picker.Item(id: $0.code, label: $0.code, detail: $0.title) }
        }
        form.subjectQuery = TextField()
        form.subjectMatches = Array(form.subjects.indices)
        form.subjectCursor = keep.flatMap { id in form.subjectMatches.firstIndex { form.subjects[$0].id == id } } ?? 0
        if !form.pathTouched { form.path = TextField(defaultExportPath(form)) }
    }

    /// `CODE` + the format's suffix, in the current folder: `SPV.case.json`.
    func defaultExportPath(_ form: ExchangeForm) -> String {
        guard let code = form.selectedSubject?.id else { return "" }
        let safe = String(code.map { $0 == "/" || $0 == "\\" || $0 == " " || $0 == ":" ? "-" : $0 })
        return safe + form.exportFormat.fileSuffix
    }

    mutating func openForm(_ form: ExchangeForm) {
        var form = form
        notePath(&form)
        state.overlay = .exchange(.form(form))
    }

    // MARK: Keys

    mutating func handleExchange(_ overlay: ExchangeOverlay, _ key: Key) {
        switch overlay {
        case .form(var form):
            handleForm(&form, key)
        case .progress(var p):
            if key == .escape || key == .ctrl("c") {
                if p.job.isCancellable {
                    p.cancelRequested = true
                    p.progress.phase = "Cancelling…"
                    state.overlay = .exchange(.progress(p))
                } else {
                    say("This cannot be stopped halfway; it takes a moment.", .info)
                }
            }
        case .summary(let report):
            switch key {
            case .escape, .enter, .char("q"), .char(" "):
                state.overlay = nil
                if key == .enter, report.changed { go(to: .competencyMap, subject: .framework(report.summary.framework)) }
            default: say("Enter opens the framework in the map; Esc closes.", .info)
            }
        case .backups(var chooser):
            handleBackups(&chooser, key)
        }
    }

    mutating func handleForm(_ form: inout ExchangeForm, _ key: Key) {
        let fields = form.fields
        let at = fields.firstIndex(of: form.focus) ?? 0
        switch key {
        case .escape:
            state.overlay = nil
            say("Cancelled; nothing was \(form.mode == .importing ? "imported" : "written").", .info)
            return
        case .enter:
            submit(form)
            return
        case .down:
            form.focus = fields[(at + 1) % fields.count]
        case .up, .backTab:
            form.focus = fields[(at + fields.count - 1) % fields.count]
        case .tab:
            if form.focus == .path { complete(&form) } else { form.focus = fields[(at + 1) % fields.count] }
        default:
            switch form.focus {
            case .format:
                if key == .left || key == .right || key == .char(" ") {
                    let step = key == .left ? form.formatCount - 1 : 1
                    form.formatIndex = (form.formatIndex + step) % form.formatCount
                    formatChanged(&form)
                }
            case .subject:
                if key == .left || key == .ctrl("p") || key == .pageUp {
                    form.subjectCursor = max(0, form.subjectCursor - (key == .pageUp ? 5 : 1))
                    subjectChanged(&form)
                } else if key == .right || key == .ctrl("n") || key == .pageDown {
                    form.subjectCursor = min(max(0, form.subjectMatches.count - 1), form.subjectCursor + (key == .pageDown ? 5 : 1))
                    subjectChanged(&form)
                } else if form.subjectQuery.edit(key) {
                    let words = form.subjectQuery.text.lowercased().split(separator: " ")
                    form.subjectMatches = form.subjects.indices.filter { i in
                        let hay = (form.subjects[i].label + " " + form.subjects[i].detail).lowercased()
                        return words.allSatisfy { hay.contains($0) }
                    }
                    form.subjectCursor = 0
                    subjectChanged(&form)
                }
            case .path:
                if form.path.edit(key) {
                    form.pathTouched = true
                    form.completions = []
                    notePath(&form)
                }
            case .code:
                _ = form.code.edit(key)
            }
        }
        state.overlay = .exchange(.form(form))
    }

    mutating func formatChanged(_ form: inout ExchangeForm) {
        form.problem = nil
        if form.mode == .importing {
            if !form.pathTouched || form.path.text.isEmpty {
                form.path = TextField(state.exchange.lastImportPath[form.importFormat] ?? "")
                form.pathTouched = false
            }
        } else {
            fillSubjects(&form)
        }
        notePath(&form)
    }

    mutating func subjectChanged(_ form: inout ExchangeForm) {
        if !form.pathTouched { form.path = TextField(defaultExportPath(form)) }
        notePath(&form)
    }

    /// Says what is at the typed path: the host looks, the form shows it under the field.
    func notePath(_ form: inout ExchangeForm) {
        let text = form.path.text
        guard let host = exchange, !text.isEmpty else { form.pathNote = nil; return }
        switch (form.mode, host.pathKind(text)) {
        case (.importing, .missing): form.pathNote = "No such file yet (Tab completes names)."
        case (.importing, .folder): form.pathNote = form.importFormat == .esco
            ? "A folder: its skills_en.csv and the files beside it are read." : "A folder: add the file name (Tab lists them)."
        case (.importing, .file): form.pathNote = nil
        case (.exporting, .file): form.pathNote = "This file exists: Enter replaces it."
        case (.exporting, .folder): form.pathNote = "A folder: add a file name."
        case (.exporting, .missing): form.pathNote = nil
        }
    }

    /// Tab on the path: completes as far as the names agree, and lists them when they differ.
    mutating func complete(_ form: inout ExchangeForm) {
        guard let host = exchange else { return }
        let typed = form.path.text
        let found = host.completions(for: typed)
        form.completions = []
        if found.isEmpty { say("No file or folder starts with \"\(typed)\".", .info); return }
        var common = found[0]
        for name in found.dropFirst() {
            common = String(zip(common, name).prefix { $0 == $1 }.map(\.0))
        }
        if common.count > typed.count {
            form.path = TextField(common)
            form.pathTouched = true
        }
        if found.count > 1 { form.completions = found }
        notePath(&form)
    }

    mutating func submit(_ form: ExchangeForm) {
        var form = form
        let path = form.path.text
        switch form.mode {
        case .importing:
            guard !path.isEmpty else { form.problem = "Type the path of the file to import (Tab completes names)."; state.overlay = .exchange(.form(form)); return }
            let code = form.code.text.trimmingSpaces
            if let p = Codes.problem(with: String(code)), !code.isEmpty {
                form.problem = "'\(code)' cannot be a framework code: \(p)."
                form.focus = .code
                state.overlay = .exchange(.form(form))
                return
            }
            state.exchange.lastImportFormat = form.importFormat
            state.exchange.lastImportPath[form.importFormat] = path
            form.problem = nil
            state.exchange.findingsBefore = (state.document.errorCount, state.document.warningCount)
            start(.importFile(format: form.importFormat, path: path, frameworkCode: code.isEmpty ? nil : String(code)),
                  title: "Importing \(ExchangeText.fileName(path)) (\(form.importFormat.short))", origin: form)
        case .exporting:
            guard let subject = form.selectedSubject else {
                form.problem = "Nothing to export: choose \(ExchangeText.article(form.exportFormat.subject)) first."
                state.overlay = .exchange(.form(form))
                return
            }
            guard !path.isEmpty else { form.problem = "Type the path of the file to write."; state.overlay = .exchange(.form(form)); return }
            form.problem = nil
            start(.export(format: form.exportFormat, code: subject.id, path: path),
                  title: "Writing \(ExchangeText.fileName(path))", origin: form)
        }
    }

    mutating func handleBackups(_ chooser: inout BackupChooser, _ key: Key) {
        if let entry = chooser.confirming {
            switch key {
            case .char("y"), .char("Y"):
                state.overlay = nil
                start(.restore(path: entry.path), title: "Restoring from \(entry.name)", origin: nil)
                return
            case .char("n"), .char("N"), .escape, .char("q"):
                chooser.confirming = nil
                say("Not restored; nothing was changed.", .info)
            default:
                say("Press y to restore from \(entry.name), or n to go back to the list.", .info)
            }
            state.overlay = .exchange(.backups(chooser))
            return
        }
        if var field = chooser.typing {
            switch key {
            case .escape:
                chooser.typing = nil
                chooser.typingNote = nil
            case .enter:
                let path = field.text
                if path.isEmpty { chooser.typingNote = "Type the path of a backup file (Tab completes names)." }
                else if exchange?.pathKind(path) != .file { chooser.typingNote = "\(path) is not a file; check the path (Tab completes names)." }
                else {
                    chooser.typing = nil
                    chooser.typingNote = nil
                    chooser.confirming = BackupEntry(path: path, name: ExchangeText.fileName(path), date: "a file you chose",
                                                     counts: "checked before anything changes")
                }
            case .tab:
                let found = exchange?.completions(for: field.text) ?? []
                var common = found.first ?? field.text
                for name in found.dropFirst() { common = String(zip(common, name).prefix { $0 == $1 }.map(\.0)) }
                if common.count > field.text.count { field = TextField(common) }
                chooser.typing = field
                chooser.typingNote = found.count > 1 ? found.map(ExchangeText.fileName).joined(separator: " · ")
                    : found.isEmpty ? "No file or folder starts with \"\(field.text)\"." : nil
            default:
                if field.edit(key) { chooser.typing = field; chooser.typingNote = nil }
            }
            state.overlay = .exchange(.backups(chooser))
            return
        }
        switch key {
        case .escape, .char("q"):
            state.overlay = nil
            say("Nothing was restored.", .info)
            return
        case .enter:
            if chooser.cursor.selected == chooser.entries.count {
                chooser.typing = TextField()
            } else if chooser.entries.indices.contains(chooser.cursor.selected) {
                chooser.confirming = chooser.entries[chooser.cursor.selected]
            }
        case .up, .down, .pageUp, .pageDown, .home, .end, .char("k"), .char("j"):
            let k: Key = key == .char("k") ? .up : key == .char("j") ? .down : key
            chooser.cursor.move(movement(k), pageSize: overlayPageSize)
            chooser.cursor.keepVisible(height: overlayPageSize)
        default: break
        }
        state.overlay = .exchange(.backups(chooser))
    }

    // MARK: Jobs

    /// Records a job for the backend and shows its progress box.
    mutating func start(_ job: ExchangeJob, title: String, origin: ExchangeForm?) {
        state.exchange.pendingJob = job
        state.exchange.running = false
        state.exchange.origin = origin
        var progress = JobProgress(title: title, job: job, progress: ExchangeProgress(fraction: 0, phase: "Starting…"))
        // An import's reading fills the bar up to where its saving (the rest) begins.
        if case .importFile = job { progress.scale = ExchangeText.readingShare }
        state.overlay = .exchange(.progress(progress))
    }

    /// The job the backend should start now, if any (it is marked as running).
    public mutating func takePendingJob() -> ExchangeJob? {
        guard let job = state.exchange.pendingJob, !state.exchange.running else { return nil }
        state.exchange.running = true
        return job
    }

    /// True when the user pressed Esc on the running job's progress box.
    public var isJobCancelRequested: Bool {
        if case .exchange(.progress(let p))? = state.overlay { return p.cancelRequested }
        return false
    }

    /// The backend's latest progress report and clock.
    public mutating func jobProgress(_ progress: ExchangeProgress?, elapsed: Double) {
        guard case .exchange(.progress(var p))? = state.overlay else { return }
        if let progress, !p.cancelRequested { p.progress = progress }
        p.elapsed = p.elapsedBefore + elapsed
        state.overlay = .exchange(.progress(p))
    }

    /// The running job ended: apply what it came to.
    public mutating func finishJob(_ result: ExchangeResult, elapsed: Double) {
        applyResult(result, elapsed: elapsed)
        refreshCurrent()
    }

    private mutating func applyResult(_ result: ExchangeResult, elapsed: Double) {
        let job = state.exchange.pendingJob
        state.exchange.pendingJob = nil
        state.exchange.running = false
        var cancelled = isJobCancelRequested
        if case .exported = result { cancelled = false }   // written already: say so
        if cancelled || { if case .cancelled = result { return true } else { return false } }() {
            state.overlay = nil
            state.exchange.planned = nil
            say("Cancelled; nothing was \(job.map(ExchangeText.pastTense) ?? "changed").", .info)
            return
        }
        switch result {
        case .planned(let planned):
            state.exchange.readSeconds = elapsed
            if planned.changeSet.isEmpty {
                showSummary(planned, changed: false, seconds: elapsed)
                return
            }
            if state.isReadOnly { state.overlay = nil; say(ExchangeText.readOnlyImport, .error); return }
            state.exchange.planned = planned
            let n = planned.changeSet.changes.count
            var p = JobProgress(title: progressTitle() ?? "Importing", job: .save(planned.changeSet),
                                progress: ExchangeProgress(fraction: 0, phase: "Saving \(ExchangeText.count(n, "change")) in one transaction",
                                                           detail: "\(planned.summary.framework): \(planned.summary.competencyCount) competencies"))
            p.offset = ExchangeText.readingShare
            p.scale = 1 - ExchangeText.readingShare
            p.elapsed = elapsed
            p.elapsedBefore = elapsed
            state.overlay = .exchange(.progress(p))
            state.exchange.pendingJob = .save(planned.changeSet)
        case .saved:
            if let reverting = state.exchange.reverting {
                finishReverting(reverting)
                return
            }
            guard let planned = state.exchange.planned else { state.overlay = nil; return }
            state.exchange.planned = nil
            // The same bookkeeping as every edit: shown, and its inverse on the undo stack.
            let inverse = state.document.apply(planned.changeSet)
            state.undoStack.append(inverse)
            if state.undoStack.count > 500 { state.undoStack.removeFirst() }
            state.redoStack = []
            showSummary(planned, changed: true, seconds: state.exchange.readSeconds + elapsed)
            say("Imported \(planned.summary.frameworkTitle). Undo the whole import with \(state.keys.keyText(for: .undo)).", .saved)
        case .exported(let path, let what, let bytes):
            state.overlay = nil
            say("Wrote \(what) to \(path) (\(ExchangeText.size(bytes))).", .saved)
        case .backedUp(let path):
            state.overlay = nil
            say("Backed up to \(path). Restore from backup (in the : palette) lists it.", .saved)
        case .backups(let entries, let database):
            // The last row is "Another file…", so a backup kept elsewhere can be typed.
            state.overlay = .exchange(.backups(BackupChooser(entries: entries, database: database,
                                                             cursor: ListCursor(count: entries.count + 1))))
            if entries.isEmpty {
                say("No backups of \(database) beside it yet; make one with \"Back up the database now\" (:) or pathway backup, or type the path of one.", .info)
            }
        case .restored(let catalog, let from, let safety):
            replaceDocument(with: catalog)
            state.overlay = nil
            let kept = safety.map { " The previous content is in \($0)." } ?? ""
            say("Restored from \(ExchangeText.fileName(from)); undo history cleared.\(kept)", .saved)
        case .failed(let message):
            state.exchange.planned = nil
            if let reverting = state.exchange.reverting {
                state.exchange.reverting = nil
                state.overlay = nil
                say("\(reverting == .undo ? "Undo" : "Redo") \(message.prefix(1).lowercased() + message.dropFirst())", .error)
                return
            }
            if var form = state.exchange.origin {
                form.problem = message
                if form.mode == .exporting || form.focus == .format { form.focus = .path }
                state.overlay = .exchange(.form(form))
                notePathInOverlay()
            } else {
                state.overlay = nil
            }
            say(message, .error)
        case .cancelled: break
        }
    }

    /// Undo and redo of a big change set (a whole import) are saved by the backend under a
    /// progress box rather than freezing the screen; small ones stay instant. False when the
    /// change is saved the usual way.
    mutating func saveInBackground(_ set: ChangeSet, as kind: ExchangeState.Reverting) -> Bool {
        guard exchange != nil, set.changes.count >= ExchangeText.backgroundSaveThreshold, state.exchange.pendingJob == nil else {
            return false
        }
        state.exchange.reverting = kind
        start(.save(set), title: "\(kind == .undo ? "Undoing" : "Redoing"): \(set.label)", origin: nil)
        if case .exchange(.progress(var p))? = state.overlay {
            p.progress = ExchangeProgress(fraction: 0, phase: "Saving \(ExchangeText.count(set.changes.count, "change")) in one transaction")
            p.showsBar = false
            state.overlay = .exchange(.progress(p))
        }
        return true
    }

    /// A big undo or redo is saved: the same bookkeeping as `App.undo` and `App.redo`.
    private mutating func finishReverting(_ kind: ExchangeState.Reverting) {
        state.exchange.reverting = nil
        state.overlay = nil
        switch kind {
        case .undo:
            guard let inverse = state.undoStack.popLast() else { return }
            state.redoStack.append(state.document.apply(inverse))
            say("Undone: \(inverse.label). Redo with \(state.keys.keyText(for: .redo)).", .saved)
        case .redo:
            guard let set = state.redoStack.popLast() else { return }
            state.undoStack.append(state.document.apply(set))
            say("Redone: \(set.label).", .saved)
        }
    }

    private func progressTitle() -> String? {
        if case .exchange(.progress(let p))? = state.overlay { return p.title }
        return nil
    }

    private mutating func notePathInOverlay() {
        if case .exchange(.form(var form))? = state.overlay {
            notePath(&form)
            state.overlay = .exchange(.form(form))
        }
    }

    mutating func showSummary(_ planned: PlannedImport, changed: Bool, seconds: Double) {
        let before = state.exchange.findingsBefore
        state.overlay = .exchange(.summary(ImportReport(
            summary: planned.summary, files: planned.files,
            errorsBefore: before.errors, warningsBefore: before.warnings,
            errorsAfter: state.document.errorCount, warningsAfter: state.document.warningCount,
            seconds: seconds, changed: changed)))
        if !changed { say("\(planned.summary.frameworkTitle) is already up to date; nothing was changed.", .info) }
    }

    /// After a restore: a new document, every screen rebuilt, and no undo into the old content.
    mutating func replaceDocument(with catalog: Catalog) {
        let document = Document(catalog: catalog)
        state.document = document
        // The screen shown is rebuilt now, the others on their next visit.
        state.screens = [:]
        state.prepared = [:]
        state.seenVersion = [:]
        build(state.current)
        state.undoStack = []
        state.redoStack = []
        state.filters = [:]
    }

    /// Runs every pending job to the end on this thread (tests, and hosts without threads).
    public mutating func runPendingJobs() {
        guard let host = exchange else { return }
        while let job = takePendingJob() {
            let result = job.perform(host: host, session: session, catalog: state.document.catalog)
            finishJob(result, elapsed: 0)
        }
    }
}

/// Words shared by the exchange update and view.
enum ExchangeText {
    static let readOnlyImport = "Read-only: this database was opened for review, so nothing can be imported. Exports, reports and backups still work."
    static let readOnlyRestore = "Read-only: this database was opened for review, so it cannot be restored from a backup. Exports, reports and backups still work."
    /// Share of an import's bar taken by reading and planning; saving takes the rest.
    static let readingShare = 0.6
    /// Undo or redo of at least this many changes shows a progress box while it is saved.
    static let backgroundSaveThreshold = 1_000

    static func fileName(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? path
    }

    static func count(_ n: Int, _ noun: String) -> String {
        let plural = noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s"
        return "\(grouped(n)) \(n == 1 ? noun : String(plural))"
    }

    /// 13939 → "13,939".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(abs(n)))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    static func seconds(_ s: Double) -> String {
        let tenths = Int((s * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    static func article(_ subject: ExportFormat.Subject) -> String {
        switch subject {
        case .framework: return "a framework"
        case .credential: return "a credential"
        case .pathway: return "a pathway"
        }
    }

    static func pastTense(_ job: ExchangeJob) -> String {
        switch job {
        case .importFile, .save: return "imported"
        case .export: return "written"
        default: return "changed"
        }
    }
}
