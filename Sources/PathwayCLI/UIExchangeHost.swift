import Foundation
import PathwayExchange
import PathwayModel
import PathwayStore
import PathwayTUI

/// The terminal UI's imports, exports, backups and restores over real files. Reading and
/// planning an import use the same code as `pathway import` (`StandardsImport.plan`); the UI
/// then saves the change set through its session, like any edit.
///
/// Jobs run on the backend's worker thread while the UI only shows their progress, so the
/// document context is never used from two threads at once.
final class UIExchangeHost: ExchangeHost, @unchecked Sendable {
    let context: DocumentContext

    init(_ context: DocumentContext) { self.context = context }

    func run(_ job: ExchangeJob, catalog: Catalog, progress: @escaping @Sendable (ExchangeProgress) -> Void,
             isCancelled: @escaping @Sendable () -> Bool) -> ExchangeResult {
        do {
            switch job {
            case .importFile(let format, let path, let code):
                return try importFile(format, path: path, code: code, catalog: catalog, progress: progress, isCancelled: isCancelled)
            case .export(let format, let code, let path):
                return try export(format, code: code, path: path, catalog: catalog, progress: progress, isCancelled: isCancelled)
            case .backup:
                progress(ExchangeProgress(fraction: 0.1, phase: "Copying \(context.path)"))
                let destination = BackupFiles.backupPath(for: context.path)
                try context.store.backup(to: destination)
                return .backedUp(path: destination)
            case .listBackups:
                progress(ExchangeProgress(fraction: 0.1, phase: "Looking beside \(context.path)"))
                let entries = BackupFiles.list(for: context.path).map { info in
                    BackupEntry(path: info.path, name: (info.path as NSString).lastPathComponent,
                                date: Self.dateText(info.modified), counts: info.countsText)
                }
                return .backups(entries, database: (context.path as NSString).lastPathComponent)
            case .restore(let from):
                progress(ExchangeProgress(fraction: 0.1, phase: "Checking \((from as NSString).lastPathComponent)"))
                let safety = BackupFiles.safetyPath(for: context.path)
                do {
                    try context.store.restore(from: from, safetyCopy: safety)
                } catch let e as StoreError {
                    return .failed("Nothing was restored: \(e)")
                }
                progress(ExchangeProgress(fraction: 0.8, phase: "Reading the restored document"))
                try context.reload()
                return .restored(context.catalog, from: from, safetyCopy: safety)
            case .save:
                return .failed("Saving goes through the document session.")
            }
        } catch let e as ImportError {
            return .failed("Nothing was imported: \(e)")
        } catch let e as ExportError {
            return .failed("Nothing was written: \(e.message)")
        } catch let e as CLIError {
            return .failed(e.message)
        } catch {
            return .failed("\(error)")
        }
    }

    // MARK: Import

    func importFile(_ format: ImportFormat, path: String, code: String?, catalog: Catalog,
                    progress: @escaping @Sendable (ExchangeProgress) -> Void,
                    isCancelled: @escaping @Sendable () -> Bool) throws -> ExchangeResult {
        let files = try Self.importFiles(format, path: Self.expand(path))
        // Reading takes the first 30% of the bar, parsing the next 50, merging and checking the rest.
        let total = max(1, files.reduce(0) { $0 + $1.size })
        var sources: [String: ImportSource] = [:]
        var done = 0
        for file in files {
            let name = (file.path as NSString).lastPathComponent
            let bytes = try Self.read(file.path, shownAs: file.shown) { chunk in
                progress(ExchangeProgress(fraction: 0.3 * Double(done + chunk) / Double(total), phase: "Reading \(name)",
                                          detail: "\(Self.megabytes(done + chunk)) of \(Self.megabytes(total)) read"))
            }
            done += bytes.count
            sources[file.role] = ImportSource(name: file.shown, bytes: bytes)
            if isCancelled() { return .cancelled }
        }
        let parsing = files.count == 1 ? "Reading the rows of \((files[0].path as NSString).lastPathComponent)"
                                       : "Reading the rows of \(files.count) files"
        let parse: @Sendable (Double) -> Void = { f in
            progress(ExchangeProgress(fraction: 0.3 + 0.5 * f, phase: parsing, detail: "\(Self.megabytes(total)) read"))
        }
        parse(0)
        let imported: ImportedFramework
        switch format {
        case .moodle: imported = try MoodleImporter.read(sources["file"]!, progress: parse)
        case .caseJSON: imported = try CASEImporter.read(sources["file"]!, progress: parse)
        case .esco:
            let skills = files.filter { $0.role.hasPrefix("skills") }.compactMap { sources[$0.role] }
            imported = try ESCOImporter.read(ESCOFiles(skills: skills, occupations: sources["occupations"],
                                                       relations: sources["relations"], hierarchy: sources["hierarchy"],
                                                       broader: sources["broader"]), progress: parse)
        }
        if isCancelled() { return .cancelled }
        progress(ExchangeProgress(fraction: 0.8, phase: "Merging \(imported.competencies.count) competencies with the document",
                                  detail: "\(imported.framework.title)"))
        let plan = try StandardsImport.plan(imported, into: catalog, code: code)
        progress(ExchangeProgress(fraction: 1, phase: "Checked", detail: "\(plan.changeSet.changes.count) changes to save"))
        if isCancelled() { return .cancelled }
        return .planned(PlannedImport(changeSet: plan.changeSet, summary: plan.summary, files: files.map(\.shown)))
    }

    struct FileToRead {
        var role: String
        var path: String
        /// The name as the user typed it (or as found beside it), for messages.
        var shown: String
        var size: Int
    }

    /// The files an import reads. ESCO: a folder means its `skills_LANG.csv` and the files of the
    /// same download beside it; `skills_LANG.csv` brings those too; a collection file is read alone.
    static func importFiles(_ format: ImportFormat, path: String) throws -> [FileToRead] {
        func file(_ role: String, _ p: String) throws -> FileToRead {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory) else {
                throw ImportError(file: p, message: "there is no such file; check the path (Tab completes names)")
            }
            if isDirectory.boolValue {
                throw ImportError(file: p, message: "this is a folder, not a file; add the file name (Tab lists them)")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0
            return FileToRead(role: role, path: p, shown: p, size: size ?? 0)
        }
        guard format == .esco else { return [try file("file", path)] }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let folder: String, skills: String
        if exists && isDirectory.boolValue {
            folder = path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard let found = names.sorted().first(where: { $0.hasPrefix("skills_") && $0.hasSuffix(".csv") })
                    ?? names.sorted().first(where: { $0.lowercased().contains("collection") && $0.hasSuffix(".csv") }) else {
                throw ImportError(file: path, message: "this folder has no skills_en.csv (or other ESCO skills file); choose the folder of the ESCO CSV download")
            }
            skills = (path as NSString).appendingPathComponent(found)
        } else {
            folder = (path as NSString).deletingLastPathComponent
            skills = path
        }
        let main = try file("skills", skills)
        let name = (skills as NSString).lastPathComponent
        guard name.hasPrefix("skills_") else { return [main] }   // a collection: alone
        let language = String(name.dropFirst("skills_".count))   // "en.csv"
        var files = [main]
        for (role, stem) in [("hierarchy", "skillsHierarchy_"), ("broader", "broaderRelationsSkillPillar_"),
                             ("occupations", "occupations_"), ("relations", "occupationSkillRelations_")] {
            let p = (folder as NSString).appendingPathComponent(stem + language)
            if FileManager.default.fileExists(atPath: p) { files.append(try file(role, p)) }
        }
        // Relations without occupations cannot be read.
        if !files.contains(where: { $0.role == "occupations" }) { files.removeAll { $0.role == "relations" } }
        return files
    }

    /// Reads a file in pieces, telling `advanced` how many bytes are in.
    static func read(_ path: String, shownAs shown: String, advanced: (Int) -> Void) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(file: shown, message: "the file cannot be read; check its permissions")
        }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        while true {
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
            guard let chunk, !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
            advanced(bytes.count)
        }
        return bytes
    }

    // MARK: Export

    func export(_ format: ExportFormat, code: String, path: String, catalog: Catalog,
                progress: @escaping @Sendable (ExchangeProgress) -> Void,
                isCancelled: @escaping @Sendable () -> Bool) throws -> ExchangeResult {
        progress(ExchangeProgress(fraction: 0.2, phase: "Writing \(format.title)"))
        let text: String, what: String
        switch format {
        case .caseJSON:
            text = try CASEExporter.text(framework: code, in: catalog, changed: StandardsExport.now)
            what = "the CASE package of \(code)"
        case .moodle:
            text = try MoodleExporter.text(framework: code, in: catalog)
            what = "the Moodle framework \(code)"
        case .openBadges:
            text = try OpenBadgesExporter.text(credential: code, learner: nil, in: catalog)
            what = "the Open Badges 3.0 achievement \(code)"
        case .elmCredential:
            text = try ELMExporter.credentialText(code, in: catalog)
            what = "the ELM specification of \(code)"
        case .elmPathway:
            text = try ELMExporter.pathwayText(code, in: catalog)
            what = "the ELM specification of \(code)"
        case .reportHTML:
            text = try HTMLReport.text(pathway: code, in: catalog)
            what = "the HTML report on \(code)"
        case .reportMarkdown:
            text = try MarkdownReport.text(pathway: code, in: catalog)
            what = "the Markdown report on \(code)"
        }
        if isCancelled() { return .cancelled }
        let target = Self.expand(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            return .failed("Nothing was written: \(path) is a folder; add a file name.")
        }
        progress(ExchangeProgress(fraction: 0.8, phase: "Saving \(path)"))
        try ExportFile.write(text, to: target)
        return .exported(path: path, what: what, bytes: text.utf8.count)
    }

    // MARK: Paths

    func completions(for path: String) -> [String] {
        let expanded = Self.expand(path)
        let folderPart: String, prefix: String
        if expanded.hasSuffix("/") || expanded.isEmpty {
            folderPart = expanded
            prefix = ""
        } else {
            folderPart = (expanded as NSString).deletingLastPathComponent
            prefix = (expanded as NSString).lastPathComponent
        }
        let folder = folderPart.isEmpty ? "." : folderPart
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        // Keep what the user typed before the name (e.g. "~/", "../"), so completing never rewrites it.
        let typedFolder: String
        if path.hasSuffix("/") || path.isEmpty { typedFolder = path }
        else if let slash = path.lastIndex(of: "/") { typedFolder = String(path[...slash]) }
        else { typedFolder = "" }
        return names.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .prefix(200)
            .map { name in
                var isDirectory: ObjCBool = false
                let full = (folder as NSString).appendingPathComponent(name)
                FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
                return typedFolder + name + (isDirectory.boolValue ? "/" : "")
            }
    }

    func pathKind(_ path: String) -> PathKind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: Self.expand(path), isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .folder : .file
    }

    /// `~/x` → the home folder's `x`.
    static func expand(_ path: String) -> String {
        path == "~" || path.hasPrefix("~/") ? (path as NSString).expandingTildeInPath : path
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1_048_576 ? "\((bytes + 1023) / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func dateText(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: date)
    }
}
