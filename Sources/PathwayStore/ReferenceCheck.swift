import GRDB

/// Explains a foreign-key failure in the model's words ("credential PROC-01 refers to competency
/// GREEN/C7, which does not exist") by finding the first row whose reference has no target.
/// Runs only after a commit was refused, inside the still-open transaction.
enum ReferenceCheck {
    /// How to name the owner of a row of each table that refers to something.
    static let owners: [String: String] = [
        "competency": "'competency ' || framework || '/' || code",
        "competency_relation": "'a relation of competency ' || (SELECT framework || '/' || code FROM competency WHERE id = t.competency)",
        "outcome_mapping": "'credential ' || credential || ' (a learning outcome)'",
        "credential_prerequisite": "'credential ' || credential || ' (prerequisites)'",
        "competency_prerequisite": "'credential ' || credential || ' (prerequisites)'",
        "target_competency": "'pathway ' || pathway || ' (target)'",
        "stage_core": "'pathway ' || pathway || ' (stage ' || (stage + 1) || ')'",
        "elective_option": "'pathway ' || pathway || ' (stage ' || (stage + 1) || ', an elective group)'",
        "completion": "'learner ' || learner || ' (completions)'",
        "prior_learning": "'learner ' || learner || ' (prior learning)'",
        "comment": "'comment ' || id",
        "occupation_skill": "'occupation ' || (SELECT code FROM occupation WHERE id = t.occupation)",
    ]

    /// A reference without its target. A reference by row id (an occupation's link to a
    /// competency) cannot be named while its competency is deleted: `named(in:)` names it once
    /// the transaction is rolled back and the competency is there again.
    struct Broken {
        var owner: String
        var parent: String
        var target: String
        /// The row id the reference holds, when it refers by id.
        var id: Int64?

        var text: String { "\(owner) referring to \(parent) \(target), which does not exist" }

        /// `text`, a competency referred to by id named by its key when `db` has it.
        func named(in db: Database) -> String {
            guard let id, parent == "competency",
                  let key = try? String.fetchOne(db, sql: "SELECT framework || '/' || code FROM competency WHERE id = ?", arguments: [id])
            else { return text }
            return "\(owner) referring to competency \(key), which does not exist"
        }
    }

    static func firstBrokenReference(_ db: Database) throws -> Broken? {
        for violation in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let table: String = violation[0], parent: String = violation[2], fkid: Int = violation[3]
            let columns = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))")
                .filter { ($0["id"] as Int) == fkid }
                .sorted { ($0["seq"] as Int) < ($1["seq"] as Int) }
            let from = columns.map { ($0["from"] as String).quotedDatabaseIdentifier }
            let to = columns.map { ($0["to"] as String? ?? "rowid").quotedDatabaseIdentifier }
            guard !from.isEmpty else { continue }
            let owner = owners[table] ?? "'a row of \(table)'"
            let target = from.map { "t.\($0)" }.joined(separator: " || '/' || ")
            let match = zip(from, to).map { "p.\($1) = t.\($0)" }.joined(separator: " AND ")
            let notNull = from.map { "t.\($0) IS NOT NULL" }.joined(separator: " AND ")
            let sql = """
                SELECT \(owner), CAST(\(target) AS TEXT), typeof(\(target)) = 'integer', \(target) FROM \(table.quotedDatabaseIdentifier) t
                WHERE \(notNull) AND NOT EXISTS (SELECT 1 FROM \(parent.quotedDatabaseIdentifier) p WHERE \(match))
                LIMIT 1
                """
            if let row = try Row.fetchOne(db, sql: sql) {
                let byID: Bool = row[2]
                let what: String = row[1] ?? "?"
                return Broken(owner: row[0] ?? "a row of \(table)", parent: parent,
                              target: byID ? "#\(what)" : what, id: byID ? row[3] : nil)
            }
        }
        return nil
    }
}
