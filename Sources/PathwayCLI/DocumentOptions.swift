import ArgumentParser
import Foundation
import PathwayModel
import PathwayStore

/// `--db FILE` and `--read-only`, shared by every command that opens the document.
///
/// Add it to a command with `@OptionGroup var document: DocumentOptions` and call
/// `try document.open()`; the database is chosen by `--db`, else `PATHWAY_DB`, else the default
/// location, and a missing database is created and seeded with the sample data.
public struct DocumentOptions: ParsableArguments {
    @Option(name: .customLong("db"),
            help: ArgumentHelp("The database file (default: $PATHWAY_DB, else \(DefaultDatabase.displayPath)).",
                               valueName: "file"))
    public var db: String?

    @Flag(name: .customLong("read-only"), help: "Open the database for review only; nothing is changed.")
    public var readOnly = false

    public init() {}

    /// The database path these options pick.
    public var path: String {
        DefaultDatabase.resolve(option: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens (or creates and seeds) the document and loads it. A new database gets the sample
    /// data, announced on stderr; a caller passing its own `seed` reports creation itself
    /// (`DocumentContext.wasCreated`).
    public func open(seed: (() throws -> Catalog)? = nil) throws -> DocumentContext {
        try DocumentContext.open(path: path, readOnly: readOnly, announce: seed == nil, seed: seed ?? SampleCatalog.load)
    }
}
