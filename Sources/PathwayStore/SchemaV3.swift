import GRDB

/// Version 3: occupations have an integer id, and each occupation–skill link names its
/// occupation and its competency by integer id instead of by codes.
///
/// An ESCO-sized document holds 130,000 links; as two 36-character UUIDs plus a framework code
/// each, they and their index by competency were more than half of the file, and reading them
/// meant making and looking up two strings per row. As four small integers a link is a few
/// bytes, its index is a few more, and loading maps ids to the keys already read.
///
/// The reference stays a deferred foreign key: a competency still linked from an occupation
/// cannot be removed unless the same change set mends the link. Deleting an occupation still
/// takes its links with it. Other references to competencies stay `(framework, code)` pairs:
/// they are a few thousand rows, not worth a second key to keep in step.
enum SchemaV3 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: copy)
        // Version 2 enforced every link's reference, so each one finds its competency; one that
        // does not would be lost by the copy, so it stops the upgrade instead.
        let old = try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation_skill") ?? 0
        let new = try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation_skill_v3") ?? 0
        if old != new, let row = try Row.fetchOne(db, sql: """
            SELECT s.occupation, s.competency_framework, s.competency_code FROM occupation_skill s
            WHERE NOT EXISTS (SELECT 1 FROM competency c
                              WHERE c.framework = s.competency_framework AND c.code = s.competency_code)
            LIMIT 1
            """) {
            let occupation: String = row[0], framework: String = row[1], code: String = row[2]
            throw StoreError.corrupt(path: "", detail: "occupation \(occupation) links to competency \(framework)/\(code), which does not exist, so the file cannot be upgraded")
        }
        try db.execute(sql: replace)
    }

    /// New tables beside the old ones, filled from them.
    static let copy = """
    CREATE TABLE occupation_v3 (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        uri TEXT,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        isco_group TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO occupation_v3 (code, uri, title, description, isco_group)
        SELECT code, uri, title, description, isco_group FROM occupation ORDER BY code;

    CREATE TABLE occupation_skill_v3 (
        occupation INTEGER NOT NULL REFERENCES occupation_v3(id) ON DELETE CASCADE,
        essential INTEGER NOT NULL CHECK (essential IN (0, 1)),
        position INTEGER NOT NULL,
        competency INTEGER NOT NULL REFERENCES competency(id) DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (occupation, essential, position)
    ) WITHOUT ROWID;
    INSERT INTO occupation_skill_v3 (occupation, essential, position, competency)
        SELECT o.id, s.essential, s.position, c.id
        FROM occupation_skill s
        JOIN occupation_v3 o ON o.code = s.occupation
        JOIN competency c ON c.framework = s.competency_framework AND c.code = s.competency_code
        ORDER BY o.id, s.essential, s.position;
    """

    /// The new tables take the old ones' names (references to them follow the rename).
    static let replace = """
    DROP TABLE occupation_skill;
    DROP TABLE occupation;
    ALTER TABLE occupation_v3 RENAME TO occupation;
    ALTER TABLE occupation_skill_v3 RENAME TO occupation_skill;
    CREATE INDEX occupation_skill_by_competency ON occupation_skill(competency);
    """
}
