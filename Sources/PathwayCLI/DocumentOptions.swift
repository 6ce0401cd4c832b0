import ArgumentParser
import Foundation
import PathwayModel
import PathwayStore

/// `--db FILE` and `--read-only`, shared by every command that opens the document.
///
/// Add it to a command with `@OptionGroup var document: DocumentOptions` and call
/// `try document.open()`; the database is chosen by `--db`, else `PATHWAY_DB`, else the default
/// location. Only the default database is created (and seeded with the sample data) when
/// missing; a named one that does not exist is an error pointing to `pathway init`.
///
/// The two options are groups of their own so that a command which cannot honour `--read-only`
/// (`init`, `restore`, `import project`) can show `--db` alone in its help: the root command parses both wherever
/// they are written, and a subcommand declaring the same group type receives the parsed value.
public struct DocumentOptions: ParsableArguments {
    @OptionGroup public var database: DatabaseOption
    @OptionGroup public var access: ReadOnlyOption

    public init() {}

    public var db: String? { database.db }
    public var readOnly: Bool { access.readOnly }

    /// The database path these options pick.
    public var path: String { database.path }

    /// Whether the path came from `--db`, `PATHWAY_DB` or the default location.
    public var source: DefaultDatabase.Source { database.source }

    /// The path, after making sure a database named with `--db` or `PATHWAY_DB` exists there
    /// (exit 2 with the `pathway init` command to run otherwise). The file is not touched.
    public func existingPath() throws -> String { try database.existingPath() }

    /// Opens the document and loads it. Only the default database is created when missing: with
    /// the sample data, announced on stderr, unless the caller passes its own `seed` and reports
    /// creation itself (`DocumentContext.wasCreated`).
    /// `staged` leaves a large document's occupations to be read meanwhile (for the terminal UI:
    /// `DocumentContext.finishLoading`).
    public func open(seed: (() throws -> Catalog)? = nil, staged: Bool = false) throws -> DocumentContext {
        try database.open(readOnly: readOnly, seed: seed, staged: staged)
    }

    /// Nothing at `path`, or a folder on the way that does not exist or is a file. A dangling link
    /// counts as something, and is reported by the store.
    static func isMissing(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 && (errno == ENOENT || errno == ENOTDIR)
    }
}

/// `--db FILE`, and which database it picks.
public struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"),
            help: ArgumentHelp("The database file (default: $PATHWAY_DB, else \(DefaultDatabase.displayPath), made on first use). A file named here must exist; pathway init makes one.",
                               valueName: "file"))
    public var db: String?

    public init() {}

    /// The database path this option picks.
    public var path: String {
        DefaultDatabase.resolve(option: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Whether the path came from `--db`, `PATHWAY_DB` or the default location.
    public var source: DefaultDatabase.Source {
        DefaultDatabase.source(option: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the document and loads it, as `DocumentOptions.open` does (for commands that show
    /// `--db` alone in their help).
    public func open(readOnly: Bool, seed: (() throws -> Catalog)? = nil, staged: Bool = false) throws -> DocumentContext {
        let path = try existingPath()
        // Only the default database is ever created here; a named one is opened or refused.
        let creating: (() throws -> Catalog)? = source == .standard ? (seed ?? SampleCatalog.load) : nil
        return try DocumentContext.open(path: path, readOnly: readOnly, announce: seed == nil, seed: creating, staged: staged)
    }

    /// The path, after making sure a database named with `--db` or `PATHWAY_DB` exists there.
    public func existingPath() throws -> String {
        let path = self.path
        if source != .standard && DocumentOptions.isMissing(path) {
            throw DefaultDatabase.missing(path, source: source)
        }
        return path
    }
}

/// `--read-only`. A command that cannot honour it declares it with `visibility: .private`, so its
/// help does not offer it while the command can still refuse it with a clear message.
public struct ReadOnlyOption: ParsableArguments {
    @Flag(name: .customLong("read-only"), help: "Open the database for review only; nothing is changed.")
    public var readOnly = false

    public init() {}
}
