import PathwayExchange
import PathwayModel

/// What the UI asks of the program around it for imports, exports, backups and restores: reading
/// and writing files, and the database file itself. The UI stays free of I/O and threads: it
/// records an `ExchangeJob`, the terminal backend runs it off the main thread with
/// `ExchangeJob.perform` and hands the `ExchangeResult` back to `App.finishJob`. The CLI
/// implements the host over the real files; tests use an in-memory fake.
public protocol ExchangeHost: AnyObject, Sendable {
    /// Runs one job (never `.save`, which goes through the `DocumentSession`). Called off the
    /// main thread while the UI shows progress; `catalog` is the document as it is now and does
    /// not change meanwhile. Reports progress as it goes and, where it can stop without having
    /// changed anything, returns `.cancelled` soon after `isCancelled()` turns true.
    func run(_ job: ExchangeJob, catalog: Catalog,
             progress: @escaping @Sendable (ExchangeProgress) -> Void,
             isCancelled: @escaping @Sendable () -> Bool) -> ExchangeResult

    /// Paths that start with `path`, for Tab completion (folders end in `/`). Quick: called as
    /// the user presses Tab.
    func completions(for path: String) -> [String]

    /// What is at `path` now: nothing, a file or a folder (to warn before replacing a file).
    func pathKind(_ path: String) -> PathKind
}

/// What a path names on disk.
public enum PathKind: Sendable, Equatable {
    case missing, file, folder
}

/// The import formats the UI offers.
public enum ImportFormat: String, Sendable, CaseIterable {
    case moodle, caseJSON = "case", esco

    public var title: String {
        switch self {
        case .moodle: return "Moodle competency framework (CSV)"
        case .caseJSON: return "CASE 1.0/1.1 package (JSON, e.g. OpenSALT)"
        case .esco: return "ESCO CSV download (skills file or its folder)"
        }
    }

    public var short: String {
        switch self {
        case .moodle: return "Moodle"
        case .caseJSON: return "CASE"
        case .esco: return "ESCO"
        }
    }
}

/// What an export writes, and about what.
public enum ExportFormat: String, Sendable, CaseIterable {
    case caseJSON = "case", moodle, openBadges = "ob3", elmCredential = "elm-credential",
         elmPathway = "elm-pathway", reportHTML = "report-html", reportMarkdown = "report-markdown"

    /// The kind of thing exported.
    public enum Subject: Sendable, Equatable { case framework, credential, pathway }

    public var subject: Subject {
        switch self {
        case .caseJSON, .moodle: return .framework
        case .openBadges, .elmCredential: return .credential
        case .elmPathway, .reportHTML, .reportMarkdown: return .pathway
        }
    }

    public var title: String {
        switch self {
        case .caseJSON: return "CASE 1.1 package (JSON)"
        case .moodle: return "Moodle competency framework (CSV)"
        case .openBadges: return "Open Badges 3.0 achievement (JSON)"
        case .elmCredential: return "European Learning Model v3 of a credential (JSON-LD)"
        case .elmPathway: return "European Learning Model v3 of a pathway (JSON-LD)"
        case .reportHTML: return "Pathway report for partners (HTML page)"
        case .reportMarkdown: return "Pathway report for partners (Markdown)"
        }
    }

    /// The end of the default file name: `SPV` + `.case.json`.
    public var fileSuffix: String {
        switch self {
        case .caseJSON: return ".case.json"
        case .moodle: return "-moodle.csv"
        case .openBadges: return ".ob3.json"
        case .elmCredential, .elmPathway: return ".elm.jsonld"
        case .reportHTML: return "-report.html"
        case .reportMarkdown: return "-report.md"
        }
    }

    public var isReport: Bool { self == .reportHTML || self == .reportMarkdown }
}

/// One piece of work that reads or writes files, run off the main thread.
public enum ExchangeJob: Sendable, Equatable {
    /// Read and plan an import; nothing is saved yet (`.planned`).
    case importFile(format: ImportFormat, path: String, frameworkCode: String?)
    /// Save a planned import's change set in one transaction, through the `DocumentSession`.
    case save(ChangeSet)
    case export(format: ExportFormat, code: String, path: String)
    /// Copy the database beside itself now.
    case backup
    /// The backups found beside the database, newest first.
    case listBackups
    /// Replace the document's content with the backup at `path` (a safety backup first).
    case restore(path: String)

    /// Runs the job: `.save` through the session (the same path as every edit), the others
    /// through the host. The backend calls this on a worker thread; tests call it directly.
    public func perform(host: any ExchangeHost, session: DocumentSession, catalog: Catalog,
                        progress: @escaping @Sendable (ExchangeProgress) -> Void = { _ in },
                        isCancelled: @escaping @Sendable () -> Bool = { false }) -> ExchangeResult {
        if case .save(let set) = self {
            do {
                try session.apply(set)
                return .saved
            } catch {
                return .failed("Not saved: \(error). The document is unchanged.")
            }
        }
        return host.run(self, catalog: catalog, progress: progress, isCancelled: isCancelled)
    }

    /// Whether the user may stop it with Esc (saving and restoring are never cut short).
    public var isCancellable: Bool {
        switch self {
        case .importFile, .export, .listBackups: return true
        case .save, .backup, .restore: return false
        }
    }
}

/// How far a job has got, as the host reports it.
public struct ExchangeProgress: Sendable, Equatable {
    /// 0…1.
    public var fraction: Double
    /// What is happening now ("Reading skills_en.csv").
    public var phase: String
    /// Amounts done ("2.1 of 5.7 MB read"); may be empty.
    public var detail: String

    public init(fraction: Double, phase: String, detail: String = "") {
        self.fraction = fraction
        self.phase = phase
        self.detail = detail
    }
}

/// A planned import: what it will change, and the counts to show afterwards.
public struct PlannedImport: Sendable {
    public var changeSet: ChangeSet
    public var summary: ImportSummary
    /// The files read, as the user named them.
    public var files: [String]

    public init(changeSet: ChangeSet, summary: ImportSummary, files: [String]) {
        self.changeSet = changeSet
        self.summary = summary
        self.files = files
    }
}

/// A backup file beside the database, described for choosing one.
public struct BackupEntry: Sendable, Hashable {
    public var path: String
    /// The file name alone.
    public var name: String
    /// When it was made, written out by the host ("2026-11-23 12:04").
    public var date: String
    /// "3 frameworks, 116 competencies, …"
    public var counts: String

    public init(path: String, name: String, date: String, counts: String) {
        self.path = path
        self.name = name
        self.date = date
        self.counts = counts
    }
}

/// What a job came to.
public enum ExchangeResult: Sendable {
    case planned(PlannedImport)
    case saved
    /// `what` names it for the status line ("the CASE package of SPV").
    case exported(path: String, what: String, bytes: Int)
    case backedUp(path: String)
    case backups([BackupEntry], database: String)
    /// The document as read back from the restored database.
    case restored(Catalog, from: String, safetyCopy: String?)
    /// One sentence naming the file and, where known, the line or field.
    case failed(String)
    case cancelled
}
