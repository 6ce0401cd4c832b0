import GRDB
import PathwayModel

/// Reads the whole document into a `Catalog`: one ordered query per table, rows read by column
/// index and attached to their owners in memory, so loading stays linear in the document's size.
///
/// The competency map (frameworks, competencies, occupations) is read by `readMap`; what
/// designers build on it (credentials, pathways, learners, comments) by a `DesignReader`, whose
/// first step needs nothing from the map. That step and the competencies' alternative labels
/// (`AltLabels`) can therefore be read by a second connection meanwhile (`ParallelLoad`).
enum CatalogReader {
    static func read(_ db: Database) throws -> Catalog {
        var catalog = Catalog()
        var designs = try DesignReader(db)
        try readMap(db, into: &catalog)
        try designs.finish(db, keys: SharedKeys(catalog.competencies), into: &catalog)
        return catalog
    }

    /// Frameworks, competencies and occupations; `labels` gives the competencies' alternative
    /// labels (read on this connection unless another one read them).
    static func readMap(_ db: Database, into catalog: inout Catalog, labels: (() throws -> AltLabels)? = nil) throws {
        try readFrameworks(db, into: &catalog)
        let keys = try readCompetencies(db, into: &catalog, labels: labels ?? { try AltLabels.read(db) })
        try readOccupations(db, into: &catalog, keys: keys)
    }

    // MARK: Values

    static func level(_ value: Int, _ what: String) throws -> EQFLevel {
        guard let level = EQFLevel(value) else {
            throw StoreError.corrupt(path: "", detail: "\(what) has EQF level \(value)")
        }
        return level
    }

    static func strings(_ json: String, _ what: String) throws -> [String] {
        guard let list = JSONStrings.decode(json) else {
            throw StoreError.corrupt(path: "", detail: "\(what) is not a JSON list of strings")
        }
        return list
    }

    static func day(_ text: String, _ what: String) throws -> Day {
        guard let day = Day(text) else { throw StoreError.corrupt(path: "", detail: "\(what) has date '\(text)'") }
        return day
    }

    /// Finds the owner of child rows that name it by code in their first column. Children come
    /// grouped by owner, so the code is looked up (and hashed) only when it changes.
    struct OwnerByCode {
        private let index: [String: Int]
        private var last: String?
        private var lastIndex: Int?

        init(_ index: [String: Int]) { self.index = index }

        /// The index of the row's owner; nil when there is none.
        mutating func find(_ row: RowCursor) -> Int? {
            if let last, row.text(0, equals: last) { return lastIndex }
            let code: String = row[0]
            last = code
            lastIndex = index[code]
            return lastIndex
        }
    }
}
