import GRDB

/// The versions of the document schema and how each one is reached from the one before.
///
/// Every released version stays in `migrations` forever: a database made by an older release
/// opens and upgrades — through every version in between, in one transaction — and a database
/// made by a newer release is refused untouched.
enum Schema {
    /// `PRAGMA application_id` of every Pathway Designer document ("PWDS"), so the app can tell its
    /// own files from other SQLite databases.
    static let applicationID: Int32 = 0x5057_4453

    struct Migration: Sendable {
        /// Recorded in the `grdb_migrations` table (the table GRDB's migrator kept for versions 1
        /// and 2), so that an older build opening a newer file sees a migration it does not know.
        var identifier: String
        var run: @Sendable (Database) throws -> Void

        init(_ identifier: String, sql: String) {
            self.identifier = identifier
            run = { db in try db.execute(sql: sql) }
        }

        init(_ identifier: String, run: @escaping @Sendable (Database) throws -> Void) {
            self.identifier = identifier
            self.run = run
        }
    }

    /// The migrations in order. `PRAGMA user_version` holds how many have run.
    static let migrations: [Migration] = [
        Migration("v1-document", sql: SchemaV1.sql),
        Migration("v2-competency-search", sql: SchemaV2.sql),
        Migration("v3-integer-links", run: SchemaV3.migrate),
    ]

    static var currentVersion: Int { migrations.count }

    /// Whether the file records a migration this build does not know (made by a newer build).
    static func hasUnknownMigration(_ db: Database) throws -> Bool {
        guard try db.tableExists("grdb_migrations") else { return false }
        let known = Set(migrations.map(\.identifier))
        return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains { !known.contains($0) }
    }

    /// Brings the database to the current version in one immediate transaction: every missing
    /// migration runs, or (on any error) none does. A database another process upgraded meanwhile
    /// is left as it is; one of a newer version is refused.
    static func migrate(_ queue: DatabaseQueue, path: String) throws {
        do {
            try queue.writeWithoutTransaction { db in
                try DocumentStore.withLargeCache(db) {
                    try db.beginTransaction(.immediate)
                    do {
                        try migrate(db, path: path)
                        try db.commit()
                    } catch {
                        if db.isInsideTransaction { try? db.rollback() }
                        throw error
                    }
                }
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    private static func migrate(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let unknown = try hasUnknownMigration(db)
        if version > currentVersion || unknown {
            throw StoreError.newerSchema(path: path, found: version, supported: currentVersion)
        }
        guard version < currentVersion else { return }
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for migration in migrations[version...] {
            try migration.run(db)
            try db.execute(sql: "INSERT OR IGNORE INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
        }
        try db.execute(sql: "PRAGMA user_version = \(currentVersion)")
    }
}

/// Version 2: full-text search over competency titles, alternative labels and descriptions.
///
/// `detail = column` keeps which column a word is in (for ranking titles first) but not word
/// positions, which only phrase queries need; that halves the index and its writing time, and
/// prefix queries over a 14,000-competency map stay well under a millisecond-scale budget.
///
/// A plain FTS5 table whose rowid is `competency.id`; the store writes it with each competency
/// (alternative labels live in another table, so triggers could not keep the row whole), and a
/// trigger removes it when a competency goes, including by cascade from its framework.
enum SchemaV2 {
    static let sql = """
    CREATE VIRTUAL TABLE competency_search USING fts5(
        title, alt_labels, description,
        tokenize = 'unicode61 remove_diacritics 2',
        detail = column
    );
    INSERT INTO competency_search(rowid, title, alt_labels, description)
        SELECT c.id, c.title,
               coalesce((SELECT group_concat(label, char(10)) FROM competency_alt_label WHERE competency = c.id), ''),
               c.description
        FROM competency c;
    CREATE TRIGGER competency_search_delete AFTER DELETE ON competency BEGIN
        DELETE FROM competency_search WHERE rowid = OLD.id;
    END;
    """
}
