import GRDB
import PathwayModel

extension DocumentStore {
    /// Writes `changes` with the bulk writer in one immediate transaction, the connection's
    /// foreign-key enforcement off for its length and the written tables checked before commit.
    /// With `onlyIfNew`, first makes sure nothing put exists yet and returns false (having
    /// written nothing) when something does; the caller then uses the general writer.
    static func bulkTransaction(_ queue: DatabaseQueue, path: String, _ changes: ChangeSet,
                                onlyIfNew: Bool, options: BulkWriter.Options = .standard) throws -> Bool {
        do {
            return try queue.writeWithoutTransaction { db in
                // Only takes effect outside a transaction; restored whatever happens.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                return try withLargeCache(db) { try bulkWrite(db, path: path, changes, onlyIfNew: onlyIfNew, options: options) }
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    private static func bulkWrite(_ db: Database, path: String, _ changes: ChangeSet,
                                  onlyIfNew: Bool, options: BulkWriter.Options) throws -> Bool {
        try db.beginTransaction(.immediate)
        do {
            if onlyIfNew, try !BulkWriter.nothingExists(of: changes, in: db) {
                try db.rollback()
                return false
            }
            let writer = BulkWriter(db, options: options)
            try writer.insert(changes.changes)
            if let broken = try writer.brokenReference() {
                throw StoreError.brokenReference(path: path, detail: broken)
            }
            try db.commit()
            return true
        } catch {
            if db.isInsideTransaction { try? db.rollback() }
            throw error
        }
    }
}

extension DocumentStore {
    /// `apply(_:)` with the bulk writer's thresholds given; true when the bulk writer wrote it.
    @discardableResult
    func apply(_ set: ChangeSet, bulk options: BulkWriter.Options) throws -> Bool {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        if BulkWriter.mayTake(set, options: options),
           try Self.bulkTransaction(queue, path: path, set, onlyIfNew: true, options: options) {
            return true
        }
        try write(large: set.changes.count >= BulkWriter.Options.standard.minimumChanges) { writer in
            for change in set.changes { try writer.apply(change) }
            try writer.finish()
        }
        return false
    }
}

extension Catalog {
    /// Every entity as a put, in an order that reads well in the file (frameworks first,
    /// competencies by key): what a new document holding this catalog is written as.
    var insertionChanges: ChangeSet {
        var changes: [Change] = frameworkList.map(Change.putFramework)
        changes += competencies.values.sorted(by: Competency.inKeyOrder).map(Change.putCompetency)
        changes += credentialList.map(Change.putCredential)
        changes += pathwayList.map(Change.putPathway)
        changes += learnerList.map(Change.putLearner)
        changes += occupationList.map(Change.putOccupation)
        changes += commentList.map(Change.putComment)
        return ChangeSet("Create document", changes)
    }
}
