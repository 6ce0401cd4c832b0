import Foundation
import PathwayStore

/// Where backups of a database go and where they are found again: beside the database, named
/// after it with the date and time, so a folder listing sorts them and a person can tell them apart.
enum BackupFiles {
    /// `STEM-backup-YYYYMMDD-HHMMSS.EXT`, written by `pathway backup`.
    static func backupPath(for database: String, now: Date = Date()) -> String {
        sibling(of: database, middle: "-backup-", now: now)
    }

    /// `STEM.before-restore-YYYYMMDD-HHMMSS.EXT`: the content a restore replaced, kept so the
    /// restore itself can be undone. A second restore in the same second gets `-2`, `-3`…
    static func safetyPath(for database: String, now: Date = Date()) -> String {
        let first = sibling(of: database, middle: ".before-restore-", now: now)
        var candidate = first, n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            let url = URL(fileURLWithPath: first)
            candidate = url.deletingPathExtension().path + "-\(n)." + url.pathExtension
            n += 1
        }
        return candidate
    }

    /// Backups of `database` in its folder (made by `pathway backup`, the UI, or a restore's
    /// safety copy), newest first. Files that are not readable Pathway Designer documents are
    /// left out; so is the database itself.
    static func list(for database: String) -> [BackupInfo] {
        let url = URL(fileURLWithPath: database)
        let folder = url.deletingLastPathComponent()
        let stem = url.deletingPathExtension().lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let found = names.filter { name in
            name != url.lastPathComponent && !name.hasPrefix(".")
                && !name.hasSuffix("-wal") && !name.hasSuffix("-shm") && !name.hasSuffix("-journal")
                && (name.hasPrefix(stem + "-backup-") || name.hasPrefix(stem + ".before-restore-"))
        }
        return found.compactMap { try? DocumentStore.inspectBackup(at: folder.appendingPathComponent($0).path) }
            .sorted { $0.modified != $1.modified ? $0.modified > $1.modified : $0.path > $1.path }
    }

    private static func sibling(of database: String, middle: String, now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let url = URL(fileURLWithPath: database)
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension.isEmpty ? "sqlite" : url.pathExtension
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)\(middle)\(formatter.string(from: now)).\(ext)").path
    }
}
