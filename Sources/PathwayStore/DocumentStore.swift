import Foundation
import GRDB
import PathwayModel

/// One Pathway Designer document: a single SQLite file holding the whole catalog.
///
/// The store is the only code that speaks SQL. Callers work with the model: `load()` reads the
/// whole `Catalog`, `apply(_:)` writes one user action as one transaction, and every failure is a
/// `StoreError` that names the file and says what to do. A file is never modified unless it is a
/// Pathway Designer document of a schema version this build knows.
public final class DocumentStore: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        case readWrite
        /// Review only: every write throws `StoreError.readOnly`.
        case readOnly
    }

    /// The path as given by the caller.
    public let path: String
    /// True when opened with `.readOnly` or when the file or its folder cannot be written.
    public let isReadOnly: Bool
    /// Why a document asked to open read-write is read-only, in words; nil otherwise.
    public let readOnlyReason: String?

    let queue: DatabaseQueue
    /// `PRAGMA data_version` when last asked, for `hasChangedElsewhere()`.
    private var lastDataVersion: Int?
    private let versionLock = NSLock()
    /// What SQLite is given to open: the path, or a `file:` URI for an immutable read.
    let sqliteName: String

    /// How long a write waits for another program's lock before reporting `StoreError.busy`.
    public static let busyTimeout: TimeInterval = 3

    /// The schema version this build writes; older documents are upgraded to it on opening.
    public static var schemaVersion: Int { Schema.currentVersion }

    /// Opens an existing document. It is upgraded to the current schema when opened read-write;
    /// a file that cannot be written opens read-only (see `readOnlyReason`).
    public init(path: String, mode: Mode = .readWrite) throws {
        self.path = path
        switch DocumentFile.state(of: path) {
        case .missing: throw StoreError.missingFile(path: path)
        case .directory: throw StoreError.isDirectory(path: path)
        case .unreadable: throw StoreError.unreadable(path: path)
        case .notSQLite: throw StoreError.notADatabase(path: path)
        case .sqlite(let fileWritable, let folderWritable):
            isReadOnly = mode == .readOnly || !fileWritable || !folderWritable
            readOnlyReason = mode == .readOnly ? nil
                : !fileWritable ? "you may not write to the file"
                : !folderWritable ? "you may not write to its folder" : nil
            sqliteName = DocumentFile.sqliteName(path: path, readOnly: isReadOnly, folderWritable: folderWritable)
        }
        // Look before touching: identify the file and its version through a read-only connection.
        let found = try Self.inspect(path: path, sqliteName: sqliteName)
        if found.version > Schema.currentVersion || found.superseded {
            throw StoreError.newerSchema(path: path, found: found.version, supported: Schema.currentVersion)
        }
        if isReadOnly && found.version < Schema.currentVersion {
            throw StoreError.needsUpgrade(path: path, found: found.version, supported: Schema.currentVersion)
        }
        queue = try Self.openQueue(path: path, sqliteName: sqliteName, readOnly: isReadOnly)
        if !isReadOnly && found.version < Schema.currentVersion {
            try Schema.migrate(queue, path: path)
        }
        _ = try hasChangedElsewhere()
    }

    /// Creates a new document holding `seed`, atomically: the file appears complete with its data,
    /// or not at all. Fails with `cannotCreate` when something already exists at `path`.
    public static func create(at path: String, seed: Catalog = Catalog()) throws -> DocumentStore {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).creating-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.cannotCreate(path: path, reason: "a file already exists there")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreate(path: path, reason: "its folder could not be made")
        }
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp.path + suffix) }
        }
        do {
            let queue = try openQueue(path: temp.path, readOnly: false)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            }
            try Schema.migrate(queue, path: path)
            // Errors name the document being created, not the temporary file.
            if !seed.isEmpty {
                _ = try bulkTransaction(queue, path: path, seed.insertionChanges, onlyIfNew: false)
            }
            try queue.close()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotCreate(path: path, reason: StoreError(error, path: path).description)
        }
        // link() never replaces: if another process created the document meanwhile, theirs wins.
        if link(temp.path, path) != 0 {
            let linkError = errno
            // Some file systems have no hard links; there a checked rename is the next best thing.
            let noLinks = linkError == EPERM || linkError == ENOTSUP || linkError == EOPNOTSUPP || linkError == ENOSYS
            if !noLinks || FileManager.default.fileExists(atPath: path) || rename(temp.path, path) != 0 {
                let reason = linkError == EEXIST || FileManager.default.fileExists(atPath: path)
                    ? "a file already exists there" : String(cString: strerror(noLinks ? errno : linkError))
                throw StoreError.cannotCreate(path: path, reason: reason)
            }
        }
        return try DocumentStore(path: path)
    }

    /// Opens the document at `path`, creating it from `seed()` first when it does not exist (and
    /// `mode` is read-write). `created` tells the caller to say so.
    public static func openOrCreate(at path: String, mode: Mode = .readWrite,
                                    seed: () throws -> Catalog) throws -> (store: DocumentStore, created: Bool) {
        if mode == .readWrite, case .missing = DocumentFile.state(of: path) {
            let catalog = try seed()
            do {
                return (try create(at: path, seed: catalog), true)
            } catch StoreError.cannotCreate(_, let reason) where reason == "a file already exists there" {
                return (try DocumentStore(path: path, mode: mode), false)
            }
        }
        return (try DocumentStore(path: path, mode: mode), false)
    }

    // MARK: Reading

    /// The whole document in memory.
    ///
    /// A large document is read on two connections at once (`ParallelLoad`). SQLite's page
    /// cache is kept small while reading (each table is read once, in order, so cached pages
    /// are never read again) and given back afterwards.
    public func load() throws -> Catalog {
        try load(.automatic)
    }

    enum LoadMode {
        /// Two connections for a document of `ParallelLoad.minimumPages` or more, on a machine
        /// with more than one core.
        case automatic
        case oneConnection
        case twoConnections(ParallelLoad.Hooks = .init())
    }

    /// The hooks of a load on two connections; nil for one.
    private func parallelHooks(_ mode: LoadMode) throws -> ParallelLoad.Hooks? {
        switch mode {
        case .automatic:
            if ProcessInfo.processInfo.activeProcessorCount > 1,
               try queue.read({ db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }) >= ParallelLoad.minimumPages {
                return .init()
            }
            return nil
        case .oneConnection: return nil
        case .twoConnections(let h): return h
        }
    }

    func load(_ mode: LoadMode) throws -> Catalog {
        do {
            if let hooks = try parallelHooks(mode) {
                let (path, sqliteName) = (path, sqliteName)
                if let catalog = try ParallelLoad.read(queue, hooks: hooks, open: {
                    try Self.openSecondReader(path: path, sqliteName: sqliteName)
                }) {
                    return catalog
                }
            }
            return try queue.read { db in try Self.withLoadCache(db) { try CatalogReader.read(db) } }
        } catch { throw StoreError(error, path: path) }
    }

    /// The document in two steps, for showing it at once: everything but the occupations (which
    /// the first screen does not show: 130,000 skill links at ESCO scale, a third of the load),
    /// and a `LoadRemainder` whose `complete` puts them in once they are read, on a second
    /// connection meanwhile. The remainder is nil when all was read at once (a document under
    /// 4 MB, one core, or a file that changed while it was read).
    ///
    /// Call `complete` before anything reads the occupations, checks the catalog or writes a
    /// change made from it: a change set built from a catalog without its occupations would
    /// lose them.
    public func loadInStages() throws -> (catalog: Catalog, remainder: LoadRemainder?) {
        try loadInStages(.automatic)
    }

    func loadInStages(_ mode: LoadMode) throws -> (catalog: Catalog, remainder: LoadRemainder?) {
        do {
            if let hooks = try parallelHooks(mode) {
                let (path, sqliteName) = (path, sqliteName)
                if let staged = try ParallelLoad.readStaged(queue, path: path, hooks: hooks, open: {
                    try Self.openSecondReader(path: path, sqliteName: sqliteName)
                }) {
                    return (staged.catalog, staged.remainder)
                }
            }
        } catch { throw StoreError(error, path: path) }
        return (try load(.oneConnection), nil)
    }

    /// Competencies whose title, alternative labels or description contain words starting with
    /// the words of `text`: those matching in the title first, then the others, each group in
    /// document order. Any text is safe: it is reduced to words, never passed to FTS5 as query
    /// syntax. Ranking by group rather than by score lets SQLite stop at `limit`, so a one-letter
    /// query over 14,000 competencies is as quick as a precise one.
    public func searchCompetencies(_ text: String, framework: String? = nil, limit: Int = 50) throws -> [CompetencyKey] {
        guard let terms = SearchQuery.fts5(from: text), limit > 0 else { return [] }
        var sql = """
            SELECT c.framework, c.code FROM competency_search s JOIN competency c ON c.id = s.rowid
            WHERE competency_search MATCH ?
            """
        if framework != nil { sql += " AND c.framework = ?" }
        sql += " LIMIT ?"
        do {
            return try queue.read { db in
                var found: [CompetencyKey] = []
                var seen = Set<CompetencyKey>()
                for query in ["title : (\(terms))", terms] where found.count < limit {
                    var arguments: StatementArguments = [query]
                    if let framework { arguments += [framework] }
                    arguments += [limit + found.count]
                    for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                        let key = CompetencyKey(framework: row[0], code: row[1])
                        if found.count < limit, seen.insert(key).inserted { found.append(key) }
                    }
                }
                return found
            }
        } catch { throw StoreError(error, path: path) }
    }

    /// True when another program has committed changes to the file since the last call (or since
    /// opening), so a caller holding the catalog in memory should `load()` again before editing.
    public func hasChangedElsewhere() throws -> Bool {
        do {
            let version = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
            return versionLock.withLock {
                defer { lastDataVersion = version }
                return lastDataVersion != nil && lastDataVersion != version
            }
        } catch { throw StoreError(error, path: path) }
    }

    // MARK: Writing

    /// Writes one user action in one transaction: all of it, or (on any error) none of it.
    /// A big set that only adds new things (a framework imported for the first time) goes in as
    /// plain inserts (`BulkWriter`); anything else is upserted change by change.
    public func apply(_ set: ChangeSet) throws {
        try apply(set, bulk: .standard)
    }

    /// Replaces the whole document with `catalog` in one transaction.
    public func replaceAll(with catalog: Catalog) throws {
        try write(large: true) { writer in
            try writer.deleteAll()
            try writer.insertAll(catalog)
        }
    }

    /// Runs `body` in one immediate transaction. A broken reference found at commit is explained
    /// (which row refers to what) before everything is rolled back.
    /// `large` when thousands of rows will be written (a re-import), for a bigger page cache.
    func write(large: Bool = false, _ body: (CatalogWriter) throws -> Void) throws {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        try Self.transaction(queue, path: path, large: large, body)
    }

    static func transaction(_ queue: DatabaseQueue, path: String, large: Bool = false,
                            _ body: (CatalogWriter) throws -> Void) throws {
        do {
            try queue.writeWithoutTransaction { db in
                if large {
                    try withLargeCache(db) { try transaction(db, path: path, body) }
                } else {
                    try transaction(db, path: path, body)
                }
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    private static func transaction(_ db: Database, path: String, _ body: (CatalogWriter) throws -> Void) throws {
        try db.beginTransaction(.immediate)
        do {
            try body(CatalogWriter(db))
            try db.commit()
        } catch {
            var broken: ReferenceCheck.Broken?
            let refused = (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY
            if refused && db.isInsideTransaction { broken = try? ReferenceCheck.firstBrokenReference(db) }
            if db.isInsideTransaction { try? db.rollback() }
            guard refused else { throw error }
            // Named after the rollback, when what it refers to by id is back.
            throw StoreError.brokenReference(
                path: path, detail: broken?.named(in: db) ?? "a reference to something that does not exist")
        }
    }

    // MARK: Safety

    /// Copies the document to `destination` with SQLite's online backup: a consistent snapshot even
    /// while this or another program has it open. The copy appears complete or not at all.
    public func backup(to destination: String) throws {
        let url = URL(fileURLWithPath: destination)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).backup-\(getpid())")
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp.path + suffix) } }
        do {
            let target = try DatabaseQueue(path: temp.path)
            try queue.backup(to: target)
            try target.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try target.close()
        } catch {
            throw StoreError.cannotCreate(path: destination, reason: StoreError(error, path: destination).description)
        }
        if rename(temp.path, destination) != 0 {
            throw StoreError.cannotCreate(path: destination, reason: String(cString: strerror(errno)))
        }
    }

    /// SQLite's `integrity_check` and `foreign_key_check`: an empty list when the file is sound.
    public func consistencyProblems() throws -> [String] {
        do {
            return try queue.read { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                    problems.append("foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1) refers to missing \(row[2] as String? ?? "?")")
                }
                return problems
            }
        } catch { throw StoreError(error, path: path) }
    }

    /// Closes the file. Later calls throw; the store also closes when released.
    public func close() throws {
        do { try queue.close() } catch { throw StoreError(error, path: path) }
    }

    // MARK: Opening

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        // WAL, so that reviewers can read while someone writes. Set by hand, and only when the
        // file is not in WAL mode yet: GRDB's `.wal` also creates and drops a table on every
        // opening, which writes to the file (reading commands changed it) and needs the write
        // lock (reading failed as "busy" while another program was saving).
        config.journalMode = .default
        if !readOnly {
            config.prepareDatabase { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
        }
        config.label = "PathwayStore"
        config.prepareDatabase { db in
            // Reading the whole document is one pass over each table and gains nothing from a
            // big page cache, which would only stay resident beside the catalog; big writes
            // raise it for their transaction (`withLargeCache`).
            try db.execute(sql: "PRAGMA cache_size = \(smallCache)")
        }
        return config
    }

    /// Page cache sizes, in KiB (negative, as SQLite takes them): for reading and small edits,
    /// and for a transaction writing thousands of rows (an ESCO-sized document is about 45 MB).
    static let smallCache = -8192
    static let largeCache = -65536
    /// The page cache while loading (256 KiB): enough for the B-tree pages above the rows.
    static let loadCache = -256

    /// Runs `body` (a load, inside a read transaction) with the small load cache, then restores
    /// the usual cache and gives SQLite's memory back.
    static func withLoadCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = \(loadCache)")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = \(smallCache)")
            try? db.execute(sql: "PRAGMA shrink_memory")
        }
        return try body()
    }

    /// Runs `body` with a page cache big enough that a large transaction does not spill pages to
    /// the write-ahead log before commit, then gives the memory back. Outside a transaction.
    static func withLargeCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = \(largeCache)")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = \(smallCache)")
            try? db.execute(sql: "PRAGMA shrink_memory")
        }
        return try body()
    }

    /// The second connection of a parallel load: read-only, and failing at once rather than
    /// waiting when the file is locked (the first connection then reads its tables instead).
    static func openSecondReader(path: String, sqliteName: String) throws -> DatabaseQueue {
        var config = configuration(readOnly: true)
        config.busyMode = .immediateError
        config.label = "PathwayStore second reader"
        return try DatabaseQueue(path: sqliteName, configuration: config)
    }

    static func openQueue(path: String, sqliteName: String? = nil, readOnly: Bool) throws -> DatabaseQueue {
        do {
            return try DatabaseQueue(path: sqliteName ?? path, configuration: configuration(readOnly: readOnly))
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// The application id, schema version and migration record of an existing SQLite file.
    static func inspect(path: String, sqliteName: String) throws -> (version: Int, superseded: Bool) {
        let probe = try openQueue(path: path, sqliteName: sqliteName, readOnly: true)
        defer { try? probe.close() }
        do {
            return try probe.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard appID == Schema.applicationID else { throw StoreError.foreignDatabase(path: path) }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let superseded = try Schema.hasUnknownMigration(db)
                return (version, superseded)
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }
}
