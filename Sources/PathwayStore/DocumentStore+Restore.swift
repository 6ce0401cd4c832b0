import Foundation
import GRDB
import PathwayModel

/// What a backup file holds, read without changing it: enough for a person to choose one
/// ("20 Nov 14:02 · 3 frameworks, 14,000 competencies").
public struct BackupInfo: Sendable, Hashable {
    public var path: String
    /// When the file was last written (the backup's time).
    public var modified: Date
    public var schemaVersion: Int
    public var frameworks: Int
    public var competencies: Int
    public var credentials: Int
    public var pathways: Int
    public var learners: Int

    /// "3 frameworks, 120 competencies, 4 credentials, 2 pathways, 1 learner"
    public var countsText: String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return [count(frameworks, "framework", "frameworks"), count(competencies, "competency", "competencies"),
                count(credentials, "credential", "credentials"), count(pathways, "pathway", "pathways"),
                count(learners, "learner", "learners")].joined(separator: ", ")
    }
}

extension DocumentStore {
    /// Looks at a backup file without changing it: it must be a Pathway Designer document of a
    /// schema this build can read (older ones are upgraded when restored). Throws the `StoreError`
    /// that says what is wrong (missing, not SQLite, another program's database, newer schema).
    public static func inspectBackup(at path: String) throws -> BackupInfo {
        let readable = try readableName(of: path)
        let found = try inspect(path: path, sqliteName: readable)
        if found.version > Schema.currentVersion || found.superseded {
            throw StoreError.newerSchema(path: path, found: found.version, supported: Schema.currentVersion)
        }
        let probe = try openQueue(path: path, sqliteName: readable, readOnly: true)
        defer { try? probe.close() }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? nil
        do {
            return try probe.read { db in
                func count(_ table: String) throws -> Int {
                    try db.tableExists(table) ? Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 : 0
                }
                return BackupInfo(path: path, modified: modified ?? Date(timeIntervalSince1970: 0),
                                  schemaVersion: found.version,
                                  frameworks: try count("framework"), competencies: try count("competency"),
                                  credentials: try count("credential"), pathways: try count("pathway"),
                                  learners: try count("learner"))
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Replaces this document's whole content with the backup's.
    ///
    /// The backup is checked first (see `inspectBackup`), copied beside the document and brought
    /// to the current schema there, and checked for damage; only then, if `safetyCopy` is given,
    /// the current content is backed up to it, and the checked copy is written over this document
    /// with SQLite's online backup in one step (one write transaction). A failure at any point,
    /// or the process being killed, leaves either the old content or the new, never a mix. The
    /// backup file itself is never changed. Call `load()` afterwards to read the new content.
    @discardableResult
    public func restore(from backup: String, safetyCopy: String?) throws -> BackupInfo {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        let info = try Self.inspectBackup(at: backup)
        let url = URL(fileURLWithPath: path)
        Self.removeAbandonedStaging(beside: url)
        let staging = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).restoring-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(staging + suffix) } }
        // A private copy: the backup is read once, upgraded and checked without being touched.
        do {
            let source = try Self.openQueue(path: backup, sqliteName: try Self.readableName(of: backup), readOnly: true)
            defer { try? source.close() }
            let target = try DatabaseQueue(path: staging)
            try source.backup(to: target)
            try target.close()
        } catch {
            throw StoreError.cannotCreate(path: staging, reason: StoreError(error, path: backup).description)
        }
        let checked = try DocumentStore(path: staging)
        defer { try? checked.close() }
        let problems = try checked.consistencyProblems()
        if let first = problems.first {
            throw StoreError.corrupt(path: backup, detail: first)
        }
        // Whatever is there now can be had back.
        if let safetyCopy { try self.backup(to: safetyCopy) }
        do {
            try checked.queue.backup(to: queue)
        } catch {
            throw StoreError(error, path: path)
        }
        return info
    }

    /// Staging copies left by a restore that was killed (their process is gone) are removed, so
    /// an interrupted restore leaves nothing behind for long.
    static func removeAbandonedStaging(beside url: URL) {
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).restoring-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) } ?? 0
            if pid > 0, kill(pid, 0) != 0, errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(name))
            }
        }
    }

    /// The name SQLite reads an existing document by, or the error saying why it cannot.
    static func readableName(of path: String) throws -> String {
        switch DocumentFile.state(of: path) {
        case .missing: throw StoreError.missingFile(path: path)
        case .directory: throw StoreError.isDirectory(path: path)
        case .unreadable: throw StoreError.unreadable(path: path)
        case .notSQLite: throw StoreError.notADatabase(path: path)
        case .sqlite(_, let folderWritable):
            return DocumentFile.sqliteName(path: path, readOnly: true, folderWritable: folderWritable)
        }
    }
}
