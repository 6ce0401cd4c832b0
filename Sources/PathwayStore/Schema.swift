import GRDB

/// The versions of the document schema and how each one is reached from the one before.
///
/// Every released version stays in `migrator` forever: a database made by an older release opens
/// and upgrades in one transaction; a database made by a newer release is refused untouched.
enum Schema {
    /// `PRAGMA application_id` of every Pathway Designer document ("PWDS"), so the app can tell its
    /// own files from other SQLite databases.
    static let applicationID: Int32 = 0x5057_4453

    /// The migrations in order. `PRAGMA user_version` holds how many have run.
    static let migrations: [(identifier: String, sql: String)] = [
        ("v1-document", SchemaV1.sql),
        ("v2-competency-search", SchemaV2.sql),
    ]

    static var currentVersion: Int { migrations.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA user_version = \(index + 1)")
            }
        }
        return migrator
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
