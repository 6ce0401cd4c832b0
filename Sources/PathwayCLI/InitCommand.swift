import ArgumentParser
import Foundation
import PathwayModel
import PathwayStore

/// `pathway init [--db FILE] [--sample]`: starts a new database on purpose.
///
/// Commands never create a database named with `--db` or `PATHWAY_DB` (a mistyped path would
/// otherwise become a new, empty document); this is the one way to make one. It never
/// overwrites: whatever exists at the path is left alone.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty database (or one holding the sample sectors).",
        discussion: """
            The file appears complete or not at all, and an existing file is never replaced. \
            Without --db, creates the database named by PATHWAY_DB, else the default one.
            """)

    // The shared `--db` (a separate option of the same name would be taken by the root command).
    @OptionGroup var database: DatabaseOption
    // `--read-only` is parsed (by the root command) but not offered here: init refuses it.
    @OptionGroup(visibility: .private) var access: ReadOnlyOption

    @Flag(help: "Fill the new database with the sample sectors, credentials, pathways and learners.")
    var sample = false

    func run() throws {
        if access.readOnly {
            throw CLIError("init creates a database, so --read-only makes no sense here; leave it out.")
        }
        let path = database.path
        if !DocumentOptions.isMissing(path) { throw Self.exists(path) }
        let seed = sample ? try SampleCatalog.load() : Catalog()
        let store: DocumentStore
        do {
            store = try DocumentStore.create(at: path, seed: seed)
        } catch StoreError.cannotCreate(_, let reason) where reason == "a file already exists there" {
            throw Self.exists(path)
        }
        try? store.close()
        print("Created a new database at \(path) with \(CatalogSummary(seed)).")
    }

    static func exists(_ path: String) -> CLIError {
        CLIError("\(path) already exists, and init never replaces a database; open it with pathway --db "
                 + "\(DefaultDatabase.shellWord(path)), or choose a new path.")
    }
}
