import Foundation
import GRDB
import PathwayModel

/// Loads a large document on two connections at once: while the store's own connection reads
/// the competency map (frameworks, competencies, occupations), a second, read-only connection on
/// another thread reads the competencies' alternative labels (`AltLabels`, handed over as soon
/// as they are read) and what designers built on the map (`DesignReader`), which it finishes once
/// the competencies are there to share their keys with. On two cores an ESCO-sized open takes
/// about the time of its larger half.
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
    /// second connection starts), and a second connection that fails.
    struct Hooks {
        var afterSnapshot: (() throws -> Void)?
        var secondConnectionFails = false
    }

    /// The catalog read on two connections, nil when the file changed while it was read (the
    /// caller reads it again). `open` opens the second connection.
    static func read(_ queue: DatabaseQueue, hooks: Hooks,
                     open: @escaping @Sendable () throws -> DatabaseQueue) throws -> Catalog? {
        var before: Int?
        let catalog = try queue.read { db in
            try DocumentStore.withLoadCache(db) {
                before = try Int.fetchOne(db, sql: "PRAGMA data_version")
                try hooks.afterSnapshot?()
                let second = SecondConnection()
                second.start(failing: hooks.secondConnectionFails, open: open)
                var catalog = Catalog()
                do {
                    try CatalogReader.readMap(db, into: &catalog, labels: { try second.labels() ?? AltLabels.read(db) })
                } catch {
                    second.give(nil)
                    _ = second.result()
                    throw error
                }
                let keys = SharedKeys(catalog.competencies)
                second.give(keys)
                switch second.result() {
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
        return after == before ? catalog : nil
    }
}

/// The second connection's thread: it reads the alternative labels and hands them over, reads
/// the designs' own rows, waits for the competencies' keys, reads the rest, and hands over a
/// catalog holding only the designs.
private final class SecondConnection: @unchecked Sendable {
    // Every stored property is guarded by `condition`.
    private let condition = NSCondition()
    private var altLabels: AltLabels?
    private var keys: SharedKeys?
    private var keysGiven = false
    private var outcome: Result<Catalog, Error>?

    struct Cancelled: Error {}
    struct Failing: Error {}

    func start(failing: Bool, open: @escaping @Sendable () throws -> DatabaseQueue) {
        let thread = Thread { [self] in
            let outcome = Result { try self.read(failing: failing, open: open) }
            condition.lock()
            self.outcome = outcome
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "PathwayStore second reader"
        thread.start()
    }

    /// Everything the thread holds (the keys among them) is released when this returns, before
    /// the first connection is told: the catalog's dictionaries must be its own when it gets them.
    private func read(failing: Bool, open: () throws -> DatabaseQueue) throws -> Catalog {
        if failing { throw Failing() }
        let queue = try open()
        defer { try? queue.close() }
        return try queue.read { db in
            try DocumentStore.withLoadCache(db) {
                give(try AltLabels.read(db))
                var designs = try DesignReader(db)
                guard let keys = takeKeys() else { throw Cancelled() }
                var catalog = Catalog()
                try designs.finish(db, keys: keys, into: &catalog)
                return catalog
            }
        }
    }

    private func give(_ labels: AltLabels) {
        condition.lock()
        altLabels = labels
        condition.broadcast()
        condition.unlock()
    }

    /// The alternative labels once the thread has read them; nil when it failed first.
    func labels() -> AltLabels? {
        condition.lock()
        defer { condition.unlock() }
        while altLabels == nil && outcome == nil { condition.wait() }
        defer { altLabels = nil }
        return altLabels
    }

    /// Gives the thread the competencies' keys; nil when the map could not be read.
    func give(_ keys: SharedKeys?) {
        condition.lock()
        self.keys = keys
        keysGiven = true
        condition.broadcast()
        condition.unlock()
    }

    private func takeKeys() -> SharedKeys? {
        condition.lock()
        defer { condition.unlock() }
        while !keysGiven { condition.wait() }
        defer { keys = nil }
        return keys
    }

    /// Waits for the thread to finish and returns what it read.
    func result() -> Result<Catalog, Error> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        defer { outcome = nil }
        return outcome!
    }
}
