import ArgumentParser
import Foundation
import PathwayStore

/// `pathway restore --from FILE`: puts a backup's content back into the database, keeping what
/// was there as a safety backup first.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database's content with a backup's (the current content is backed up first).",
        discussion: """
            The backup must be a Pathway Designer database this version can read; an older one is \
            upgraded on the way in. The current content is first copied beside the database as \
            NAME.before-restore-DATE-TIME.EXT, then replaced in one step: if anything fails, or the \
            process is killed, the database holds either the old content or the backup's, never a mix. \
            The backup file is not changed. A --db that does not exist yet is made as a copy of the backup.
            """)

    @Option(name: .customLong("from"), help: ArgumentHelp("The backup file to restore from.", valueName: "file"))
    var from: String

    @OptionGroup var database: DatabaseOption
    // `--read-only` is parsed (by the root command) but not offered here: restore refuses it.
    @OptionGroup(visibility: .private) var access: ReadOnlyOption

    func validate() throws {
        if access.readOnly {
            throw ValidationError("restore replaces the database's content; run it without --read-only.")
        }
    }

    func run() throws {
        let path = database.path
        let outcome = try Self.restore(database: path, from: from)
        if let safety = outcome.safety { print("Kept the previous content of \(path) in \(safety).") }
        print("Restored \(path) from \(from): \(outcome.info.countsText).")
    }

    /// Restores `database` from `backup`; a missing database is created as a copy of the backup.
    /// Every failure is a `CLIError` starting "Nothing was restored" (the database unchanged).
    static func restore(database: String, from backup: String, now: Date = Date()) throws -> (info: BackupInfo, safety: String?) {
        do {
            let info = try DocumentStore.inspectBackup(at: backup)
            if URL(fileURLWithPath: database).standardizedFileURL == URL(fileURLWithPath: backup).standardizedFileURL {
                throw CLIError("Nothing was restored: \(backup) is the database itself; name a backup file with --from.")
            }
            if !FileManager.default.fileExists(atPath: database) {
                let store = try DocumentStore.create(at: database)
                do {
                    try store.restore(from: backup, safetyCopy: nil)
                } catch {
                    // The empty document made for it goes again: nothing is left behind.
                    try? store.close()
                    for suffix in ["", "-wal", "-shm"] { unlink(database + suffix) }
                    throw error
                }
                return (info, nil)
            }
            let store = try DocumentStore(path: database)
            if store.isReadOnly {
                throw CLIError("Nothing was restored: \(database) cannot be written (\(store.readOnlyReason ?? "read-only")); check its permissions.")
            }
            let safety = BackupFiles.safetyPath(for: database, now: now)
            try store.restore(from: backup, safetyCopy: safety)
            return (info, safety)
        } catch let e as StoreError {
            throw CLIError("Nothing was restored: \(e)")
        }
    }
}
