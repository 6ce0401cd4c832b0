import GRDB
import GRDBSQLite
import PathwayModel

/// Finds competencies' row ids by key for the rows that refer to them by id (occupation–skill
/// links), asking SQLite once per key; keys written in the same transaction are told it directly.
final class CompetencyIDs {
    private let db: Database
    private var known: [CompetencyKey: Int64] = [:]
    private var lookup: Statement?

    init(_ db: Database) { self.db = db }

    /// A competency just inserted with row id `id`.
    func add(_ key: CompetencyKey, _ id: Int64) { known[key] = id }

    func reserve(_ count: Int) { known.reserveCapacity(count) }

    /// The row id of the competency with `key`, nil when there is none.
    func id(of key: CompetencyKey) throws -> Int64? {
        if let id = known[key] { return id }
        if lookup == nil { lookup = try db.makeStatement(sql: "SELECT id FROM competency WHERE framework = ? AND code = ?") }
        guard let id = try Int64.fetchOne(lookup!, arguments: [key.framework, key.code]) else { return nil }
        known[key] = id
        return id
    }
}
