import ArgumentParser
import Foundation
import PathwayStore

/// `pathway backup [--out FILE]`: a consistent copy of the database, safe while the app has it open.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a backup file, safely even while it is open elsewhere.",
        discussion: "Without --out the copy goes next to the database, named with the date and time.")

    @Option(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var out: String?

    @OptionGroup var document: DocumentOptions

    func run() throws {
        let source = try document.existingPath()
        // Backing up only reads; never create a database just to copy it.
        let store = try DocumentStore(path: source, mode: .readOnly)
        let destination = out ?? Self.defaultDestination(for: source)
        try store.backup(to: destination)
        print("Backed up \(source) to \(destination).")
    }

    static func defaultDestination(for source: String, now: Date = Date()) -> String {
        BackupFiles.backupPath(for: source, now: now)
    }
}
