import PathwayExchange
import PathwayModel

extension Action {
    public static let importFile = Action("exchange.import")
    public static let exportFile = Action("exchange.export")
    public static let writeReport = Action("exchange.report")
    public static let backupNow = Action("exchange.backup")
    public static let restoreBackup = Action("exchange.restore")
}

/// The palette commands of imports, exports and backups. They have no key of their own (find
/// them with `:`); keys.conf can give them one.
public enum ExchangeCommands {
    public static let bindings: [Binding] = [
        Binding([], .importFile, "import", "Import a competency framework from a Moodle, CASE or ESCO file…"),
        Binding([], .exportFile, "export", "Export a framework, credential or pathway (CASE, Moodle, Open Badges 3.0, ELM)…"),
        Binding([], .writeReport, "report", "Write a pathway report for partners (HTML or Markdown)…"),
        Binding([], .backupNow, "back up", "Back up the database now (a dated copy beside it)"),
        Binding([], .restoreBackup, "restore", "Restore from backup…: put a backup found beside the database back"),
    ]
}

/// What the app keeps about imports and exports between overlays: the job waiting for the
/// backend, and what the user typed last time (so a second import starts where the first did).
public struct ExchangeState: Sendable {
    /// A job for the backend to start; `running` once it has taken it.
    public var pendingJob: ExchangeJob?
    public var running = false
    /// The form the running job came from, to reopen with the error if it fails.
    var origin: ExchangeForm?
    /// The import being saved (between `.planned` and `.saved`).
    var planned: PlannedImport?
    /// What a `.save` job that is not an import is for: a big undo or redo.
    var reverting: Reverting?
    enum Reverting: Sendable { case undo, redo }
    /// Findings before the import, to say how many it introduced.
    var findingsBefore: (errors: Int, warnings: Int) = (0, 0)
    /// Seconds the reading took, added to the saving for the summary.
    var readSeconds = 0.0
    var lastImportPath: [ImportFormat: String] = [:]
    var lastImportFormat = ImportFormat.moodle

    public init() {}
}

/// The overlays of imports, exports and restores.
public enum ExchangeOverlay: Sendable {
    case form(ExchangeForm)
    case progress(JobProgress)
    case summary(ImportReport)
    case backups(BackupChooser)
}

/// The import or export form: format, what to export, file path, framework code.
public struct ExchangeForm: Sendable {
    public enum Mode: Sendable, Equatable { case importing, exporting }
    public enum Field: Sendable, Equatable { case format, subject, path, code }

    public var mode: Mode
    public var importFormats: [ImportFormat] = ImportFormat.allCases
    public var exportFormats: [ExportFormat] = []
    public var formatIndex = 0
    /// The things the chosen export format can write (frameworks, credentials or pathways).
    public var subjects: [Picker.Item] = []
    public var subjectQuery = TextField()
    public var subjectMatches: [Int] = []
    /// Index into `subjectMatches`.
    public var subjectCursor = 0
    public var path = TextField()
    /// Import only: the code of the framework to create or update (empty = from the file).
    public var code = TextField()
    public var focus: Field = .path
    /// True once the user typed a path: changing the format then keeps it.
    public var pathTouched = false
    /// Names offered by the last Tab that matched more than one.
    public var completions: [String] = []
    /// The last failure (a bad file, with its line), shown in red until the next try.
    public var problem: String?
    /// What is at the path now ("replaces the existing file"), from the host.
    public var pathNote: String?

    public var fields: [Field] {
        mode == .importing ? [.format, .path, .code] : [.format, .subject, .path]
    }

    public var importFormat: ImportFormat { importFormats[formatIndex] }
    public var exportFormat: ExportFormat { exportFormats[formatIndex] }
    public var formatCount: Int { mode == .importing ? importFormats.count : exportFormats.count }

    public var selectedSubject: Picker.Item? {
        subjectMatches.indices.contains(subjectCursor) ? subjects[subjectMatches[subjectCursor]] : nil
    }

    public var title: String {
        mode == .importing ? "Import a framework" : exportFormats.allSatisfy(\.isReport) ? "Write a report" : "Export"
    }
}

/// The progress box while a job runs.
public struct JobProgress: Sendable {
    public var title: String
    public var job: ExchangeJob
    public var progress: ExchangeProgress
    /// Seconds since the job started, from the backend's clock (an import's saving goes on
    /// from its reading's time).
    public var elapsed = 0.0
    var elapsedBefore = 0.0
    public var cancelRequested = false
    /// The share of the bar the reading takes when saving follows (imports).
    var scale = 1.0
    var offset = 0.0
    /// False when the job reports no progress (a big undo): the box shows the time only.
    var showsBar = true

    /// 0…1 over the whole job.
    public var fraction: Double { min(1, max(0, offset + progress.fraction * scale)) }
}

/// What an import did, shown after it.
public struct ImportReport: Sendable {
    public var summary: ImportSummary
    public var files: [String]
    public var errorsBefore: Int
    public var warningsBefore: Int
    public var errorsAfter: Int
    public var warningsAfter: Int
    public var seconds: Double
    /// False when the file held nothing new (nothing was saved, so there is nothing to undo).
    public var changed: Bool
}

/// The list of backups to restore from, then the question before restoring.
public struct BackupChooser: Sendable {
    public var entries: [BackupEntry]
    public var database: String
    public var cursor: ListCursor
    /// The entry chosen with Enter, waiting for y/n.
    public var confirming: BackupEntry?
    /// The path being typed after choosing "Another file…" (the last row).
    public var typing: TextField?
    public var typingNote: String?
}
