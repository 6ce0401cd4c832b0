import PathwayExchange
import PathwayModel
import PathwayTUI

/// An exchange host over files held in memory: imports run the real parsers and merge plan,
/// exports the real exporters; backups and restores are canned. Lets the UI's import, export and
/// restore flows be tested key by key without a disk or threads.
final class FakeExchangeHost: ExchangeHost, @unchecked Sendable {
    var files: [String: String] = [:]
    var folders: Set<String> = []
    var backups: [BackupEntry] = []
    /// What a restore brings back.
    var restoredCatalog = Catalog()
    /// Jobs run, in order.
    private(set) var jobs: [ExchangeJob] = []

    func run(_ job: ExchangeJob, catalog: Catalog, progress: @escaping @Sendable (ExchangeProgress) -> Void,
             isCancelled: @escaping @Sendable () -> Bool) -> ExchangeResult {
        jobs.append(job)
        do {
            switch job {
            case .importFile(let format, let path, let code):
                guard let text = files[path] else { return .failed("Nothing was imported: \(path): there is no such file; check the path") }
                let source = ImportSource(name: path, text: text)
                let imported: ImportedFramework
                switch format {
                case .moodle: imported = try MoodleImporter.read(source, progress: { progress(ExchangeProgress(fraction: $0, phase: "Reading")) })
                case .caseJSON: imported = try CASEImporter.read(source)
                case .esco: imported = try ESCOImporter.read(ESCOFiles(skills: [source]))
                }
                let plan = try ImportPlan(importing: imported, into: catalog, code: code)
                return .planned(PlannedImport(changeSet: plan.changeSet, summary: plan.summary, files: [path]))
            case .export(let format, let code, let path):
                let text: String
                switch format {
                case .openBadges: text = try OpenBadgesExporter.text(credential: code, learner: nil, in: catalog)
                case .caseJSON: text = try CASEExporter.text(framework: code, in: catalog, changed: "2025-05-20T00:00:00Z")
                case .moodle: text = try MoodleExporter.text(framework: code, in: catalog)
                case .elmCredential: text = try ELMExporter.credentialText(code, in: catalog)
                case .elmPathway: text = try ELMExporter.pathwayText(code, in: catalog)
                case .reportHTML: text = try HTMLReport.text(pathway: code, in: catalog)
                case .reportMarkdown: text = try MarkdownReport.text(pathway: code, in: catalog)
                }
                files[path] = text
                return .exported(path: path, what: "\(format.rawValue) of \(code)", bytes: text.utf8.count)
            case .backup:
                return .backedUp(path: "demo-backup-20250520-120000.pathway")
            case .listBackups:
                return .backups(backups, database: "demo.pathway")
            case .restore(let path):
                return .restored(restoredCatalog, from: path, safetyCopy: "demo.before-restore-20250520-120500.pathway")
            case .save:
                return .failed("the session saves")
            }
        } catch let e as ImportError {
            return .failed("Nothing was imported: \(e)")
        } catch let e as ExportError {
            return .failed("Nothing was written: \(e.message)")
        } catch {
            return .failed("\(error)")
        }
    }

    func completions(for path: String) -> [String] {
        (Array(files.keys) + folders.map { $0 + "/" }).filter { $0.hasPrefix(path) }.sorted()
    }

    func pathKind(_ path: String) -> PathKind {
        files[path] != nil ? .file : folders.contains(path) ? .folder : .missing
    }
}

extension Demo {
    /// The demo app with a fake exchange host.
    static func exchangeApp(width: Int = 80, height: Int = 24, readOnly: Bool = false)
        -> (App, MemorySession, FakeExchangeHost) {
        var (app, session) = Demo.app(width: width, height: height, readOnly: readOnly)
        let host = FakeExchangeHost()
        app.exchange = host
        return (app, session, host)
    }
}
