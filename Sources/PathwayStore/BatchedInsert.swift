import GRDB

/// Rows of one table inserted many to a statement (`INSERT … VALUES (…), (…), …`): SQLite's
/// work for each run of a statement (reset, bindings, starting its program) then counts once per
/// batch instead of once per row. The bulk writer inserts 14,000 competencies and 54,000
/// alternative labels this way; rows wait in memory until a batch is full, and `flush` writes
/// the ones left one by one.
final class BatchedInsert<Row> {
    static var batchSize: Int { 50 }

    private let single: PreparedStatement
    private let batched: PreparedStatement
    private let columns: Int32
    /// Binds a row's values from parameter `first` on.
    private let bind: (PreparedStatement, _ first: Int32, Row) -> Void
    private var rows: [Row] = []

    init(_ db: Database, table: String, columns names: [String],
         bind: @escaping (PreparedStatement, _ first: Int32, Row) -> Void) throws {
        let row = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES "
        single = try PreparedStatement(db, head + row)
        batched = try PreparedStatement(db, head + Array(repeating: row, count: Self.batchSize).joined(separator: ", "))
        columns = Int32(names.count)
        self.bind = bind
        rows.reserveCapacity(Self.batchSize)
    }

    func add(_ row: Row) throws {
        rows.append(row)
        if rows.count == Self.batchSize { try flush() }
    }

    /// Writes the rows waiting: a full batch in one statement, fewer one by one.
    func flush() throws {
        defer { rows.removeAll(keepingCapacity: true) }
        if rows.count == Self.batchSize {
            for (n, row) in rows.enumerated() { bind(batched, Int32(n) * columns + 1, row) }
            try batched.run()
        } else {
            for row in rows {
                bind(single, 1, row)
                try single.run()
            }
        }
    }
}
