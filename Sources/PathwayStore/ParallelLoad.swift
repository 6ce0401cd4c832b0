import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import PathwayModel

/// Loads a large document on two connections at once: while the store's own connection reads
/// the competency map (frameworks, competencies, occupations), a second, read-only connection on
/// another thread reads the competencies' alternative labels (`AltLabels`, handed over as soon
/// as they are read) and what designers built on the map (`DesignReader`), which it finishes once
/// the competencies are there to share their keys with. On two cores an ESCO-sized open takes
/// about the time of its larger half.
///
/// Staged (`readStaged`, for opening a document on screen): the first connection reads the
/// labels itself and leaves the occupations out; the second reads the designs, hands them over,
/// and goes on to read the occupations with their 130,000 skill links in the same snapshot while
/// the caller draws its first frame (`LoadRemainder`).
///
/// Both connections must read the same version of the file. The second starts its read
/// transaction after the first has started its own; afterwards the first asks SQLite whether
/// anything was committed since its transaction began (`PRAGMA data_version`). If so, the
/// second may have seen a newer version, and the document is read again on one connection.
/// Whatever goes wrong on the second connection (a lock, a damaged table, no thread), the first
/// connection reads those tables itself, so a load fails only as a one-connection load would,
/// with the same error.
enum ParallelLoad {
    /// Below this many pages (4 MB) a second connection costs more than it saves.
    static let minimumPages = 1024

    /// Test hooks: something to do once the first connection's snapshot is taken (before the
    /// second connection starts), a second connection that fails from the start, and one that
    /// fails just before reading the occupations of a staged load.
    struct Hooks {
        var afterSnapshot: (() throws -> Void)?
        var secondConnectionFails = false
        var occupationsFail = false
    }

    /// The catalog read on two connections, nil when the file changed while it was read (the
    /// caller reads it again). `open` opens the second connection.
    static func read(_ queue: DatabaseQueue, hooks: Hooks,
                     open: @escaping @Sendable () throws -> DatabaseQueue) throws -> Catalog? {
        try read(queue, staged: false, hooks: hooks, open: open)?.catalog
    }

    /// Everything but the occupations, and the second connection still reading those; nil when
    /// the file changed while it was read (the caller reads it again).
    static func readStaged(_ queue: DatabaseQueue, path: String, hooks: Hooks,
                           open: @escaping @Sendable () throws -> DatabaseQueue) throws -> (catalog: Catalog, remainder: LoadRemainder)? {
        guard let read = try read(queue, staged: true, hooks: hooks, open: open), let keys = read.keys else { return nil }
        return (read.catalog, LoadRemainder(second: read.second, keys: keys, dataVersion: read.dataVersion, queue: queue, path: path))
    }

    private static func read(_ queue: DatabaseQueue, staged: Bool, hooks: Hooks,
                             open: @escaping @Sendable () throws -> DatabaseQueue)
        throws -> (catalog: Catalog, keys: KeysByID?, second: SecondConnection, dataVersion: Int)? {
        var before: Int?
        var byID: KeysByID?
        let second = SecondConnection()
        let catalog = try queue.read { db in
            try DocumentStore.withLoadCache(db) {
                before = try Int.fetchOne(db, sql: "PRAGMA data_version")
                try hooks.afterSnapshot?()
                second.start(readsOccupations: staged, failing: hooks.secondConnectionFails,
                             occupationsFail: hooks.occupationsFail, open: open)
                var catalog = Catalog()
                do {
                    if staged {
                        try CatalogReader.readFrameworks(db, into: &catalog)
                        byID = try CatalogReader.readCompetencies(db, into: &catalog, labels: { try AltLabels.read(db) })
                    } else {
                        try CatalogReader.readMap(db, into: &catalog, labels: { try second.labels() ?? AltLabels.read(db) })
                    }
                } catch {
                    second.give(nil)
                    second.waitUntilFinished()
                    throw error
                }
                let keys = SharedKeys(catalog.competencies)
                second.give((keys, byID))
                switch second.designs() {
                case .success(let designs):
                    catalog.credentials = designs.credentials
                    catalog.pathways = designs.pathways
                    catalog.learners = designs.learners
                    catalog.comments = designs.comments
                case .failure:
                    var designs = try DesignReader(db)
                    try designs.finish(db, keys: keys, into: &catalog)
                }
                return catalog
            }
        }
        let after = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        guard after == before, let before else {
            second.cancel()
            return nil
        }
        return (catalog, byID, second, before)
    }
}

/// The second connection's thread: it reads the alternative labels and hands them over (unless
/// staged), reads the designs' own rows, waits for the competencies' keys, reads the rest of the
/// designs and hands over a catalog holding only them; staged, it then reads the occupations in
/// the same read transaction and hands them over.
final class SecondConnection: @unchecked Sendable {
    // Every stored property is guarded by `condition`.
    private let condition = NSCondition()
    private var altLabels: AltLabels?
    private var keys: (shared: SharedKeys, byID: KeysByID?)?
    private var keysGiven = false
    private var designCatalog: Result<Catalog, Error>?
    private var occupationList: Result<[String: Occupation], Error>?
    private var finished = false
    private var cancelled = false

    struct Cancelled: Error {}
    struct Failing: Error {}

    func start(readsOccupations: Bool, failing: Bool, occupationsFail: Bool,
               open: @escaping @Sendable () throws -> DatabaseQueue) {
        let thread = Thread { [self] in
            do {
                try self.read(readsOccupations: readsOccupations, failing: failing, occupationsFail: occupationsFail, open: open)
            } catch {
                condition.lock()
                if designCatalog == nil { designCatalog = .failure(error) }
                if occupationList == nil { occupationList = .failure(error) }
                condition.unlock()
            }
            condition.lock()
            // Without occupations to read, there are none to hand over.
            if occupationList == nil { occupationList = .failure(Cancelled()) }
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "PathwayStore second reader"
        thread.start()
    }

    /// Whatever the thread hands over (the designs, the occupations) is its own: the thread keeps
    /// no reference to it, nor to the keys, so the catalog's dictionaries are the receiver's alone
    /// and change in place.
    private func read(readsOccupations: Bool, failing: Bool, occupationsFail: Bool, open: () throws -> DatabaseQueue) throws {
        if failing { throw Failing() }
        let queue = try open()
        defer { try? queue.close() }
        try queue.read { db in
            try DocumentStore.withLoadCache(db) {
                if !readsOccupations { give(try AltLabels.read(db)) }
                var designs = Catalog()
                let byID = try readDesigns(db, into: &designs)
                give(designs: designs)
                designs = Catalog()
                guard readsOccupations, let byID else { return }
                if occupationsFail { throw Failing() }
                guard !isCancelled else { throw Cancelled() }
                Self.yieldToTheCaller()
                give(occupations: try CatalogReader.occupations(db, keys: byID))
            }
        }
    }

    /// The designs, into `catalog`; returns the competencies' keys by row id when it was given
    /// them. The shared keys (the first connection's competency dictionary) are let go on return.
    private func readDesigns(_ db: Database, into catalog: inout Catalog) throws -> KeysByID? {
        var designs = try DesignReader(db)
        guard let keys = takeKeys() else { throw Cancelled() }
        try designs.finish(db, keys: keys.shared, into: &catalog)
        return keys.byID
    }

    /// The occupations are read while the caller builds and draws its first frame: on a machine
    /// with no core to spare, the caller should go first. Lowers this thread's priority (nice 10;
    /// on Linux the nice value is the calling thread's own, and the thread ends after reading).
    private static func yieldToTheCaller() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    private func give(_ labels: AltLabels) {
        condition.lock()
        altLabels = labels
        condition.broadcast()
        condition.unlock()
    }

    private func give(designs: Catalog) {
        condition.lock()
        designCatalog = .success(designs)
        condition.broadcast()
        condition.unlock()
    }

    private func give(occupations: [String: Occupation]) {
        condition.lock()
        occupationList = .success(occupations)
        condition.broadcast()
        condition.unlock()
    }

    /// The alternative labels once the thread has read them; nil when it failed first.
    func labels() -> AltLabels? {
        condition.lock()
        defer { condition.unlock() }
        while altLabels == nil && !finished { condition.wait() }
        defer { altLabels = nil }
        return altLabels
    }

    /// Gives the thread the competencies' keys; nil when the map could not be read.
    func give(_ keys: (shared: SharedKeys, byID: KeysByID?)?) {
        condition.lock()
        self.keys = keys
        keysGiven = true
        condition.broadcast()
        condition.unlock()
    }

    private func takeKeys() -> (shared: SharedKeys, byID: KeysByID?)? {
        condition.lock()
        defer { condition.unlock() }
        while !keysGiven { condition.wait() }
        defer { keys = nil }
        return keys
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Tells the thread that nothing more it reads is wanted.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.unlock()
    }

    /// Waits for the designs (or for the thread to fail) and takes them.
    func designs() -> Result<Catalog, Error> {
        condition.lock()
        defer { condition.unlock() }
        while designCatalog == nil { condition.wait() }
        defer { designCatalog = .failure(Cancelled()) }
        return designCatalog!
    }

    /// Waits for the thread to finish and takes the occupations it read (a failure when it read
    /// none: not staged, cancelled, or failed).
    func occupations() -> Result<[String: Occupation], Error> {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        defer { occupationList = .failure(Cancelled()) }
        return occupationList!
    }

    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
