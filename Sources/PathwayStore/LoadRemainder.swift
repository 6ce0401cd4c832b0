import Foundation
import GRDB
import PathwayModel

/// What `DocumentStore.loadInStages()` had not read when it returned: the occupations with
/// their skill links (130,000 rows at ESCO scale, a third of the load), which the first screen
/// does not show. A second connection goes on reading them, in the snapshot the rest of the
/// catalog came from, while the caller draws its first frame; `complete` waits for them and puts
/// them into the catalog.
///
/// Until `complete` returns, the catalog has no occupations: nothing may read them, check the
/// catalog, or build a change set from it. If the second connection failed, `complete` reads the
/// occupations on the store's own connection — when nothing was committed to the file since the
/// first part was read; otherwise it reads the whole document again, so the catalog is always
/// one version of the file, whole.
public final class LoadRemainder: @unchecked Sendable {
    private let second: SecondConnection
    private let keys: KeysByID
    /// `PRAGMA data_version` on the store's connection when the first part was read.
    private let dataVersion: Int
    private let queue: DatabaseQueue
    private let path: String
    // Guarded by `lock`.
    private let lock = NSLock()
    private var completed = false

    init(second: SecondConnection, keys: KeysByID, dataVersion: Int, queue: DatabaseQueue, path: String) {
        self.second = second
        self.keys = keys
        self.dataVersion = dataVersion
        self.queue = queue
        self.path = path
    }

    /// Waits for the occupations and puts them into `catalog` (the one `loadInStages` returned,
    /// unchanged since), or replaces `catalog` by the whole document read again when the file
    /// changed meanwhile. Only the first call does anything. Throws what `load()` would have
    /// thrown on a damaged occupation table.
    public func complete(_ catalog: inout Catalog) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !completed else { return }
        switch second.occupations() {
        case .success(let occupations):
            catalog.occupations = occupations
        case .failure:
            try readHere(&catalog)
        }
        completed = true
    }

    /// The occupations read on the store's connection, or the whole document when it changed.
    private func readHere(_ catalog: inout Catalog) throws {
        do {
            try queue.read { db in
                try DocumentStore.withLoadCache(db) {
                    if try Int.fetchOne(db, sql: "PRAGMA data_version") != dataVersion {
                        catalog = try CatalogReader.read(db)
                        return
                    }
                    catalog.occupations = try CatalogReader.occupations(db, keys: keys)
                }
            }
        } catch { throw StoreError(error, path: path) }
    }
}
