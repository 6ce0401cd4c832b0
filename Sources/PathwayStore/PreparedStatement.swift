import GRDB
import GRDBSQLite

/// One SQL statement prepared once and run many times, its parameters bound one by one with
/// their own types.
///
/// The bulk writer inserts a few hundred thousand rows; binding each value directly (no array of
/// existential values, no statement-cache lookup by SQL text per row) keeps the cost of a row
/// close to SQLite's own insert. Text is copied into one buffer that lives until the row is
/// written, and SQLite reads it from there (`SQLITE_STATIC`) instead of copying each value into
/// memory of its own. Used only inside a transaction on GRDB's own connection.
final class PreparedStatement {

    private let statement: Statement
    private let handle: OpaquePointer
    private let db: Database
    /// The first binding that failed (too big, out of memory), reported by `run()`.
    private var bindFailure: Int32 = SQLITE_OK
    /// The UTF-8 of this row's text values; byte 0 is a placeholder so the buffer is never
    /// empty (an empty value still needs a valid pointer).
    private var arena: [UInt8] = [0]
    private var texts: [(index: Int32, start: Int, count: Int)] = []

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    private func check(_ code: Int32) {
        if code != SQLITE_OK && bindFailure == SQLITE_OK { bindFailure = code }
    }

    func bind(_ index: Int32, _ value: String) {
        let start = arena.count
        arena.append(contentsOf: value.utf8)
        texts.append((index, start, arena.count - start))
    }

    func bind(_ index: Int32, _ value: Substring) {
        let start = arena.count
        arena.append(contentsOf: value.utf8)
        texts.append((index, start, arena.count - start))
    }

    func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { check(sqlite3_bind_null(handle, index)) }
    }

    func bind(_ index: Int32, _ value: Int) { check(sqlite3_bind_int64(handle, index, Int64(value))) }

    func bind(_ index: Int32, _ value: Int64) { check(sqlite3_bind_int64(handle, index, value)) }

    func bind(_ index: Int32, _ value: Bool) { check(sqlite3_bind_int64(handle, index, value ? 1 : 0)) }

    /// Runs the statement with the values bound since the last run, to completion.
    func run() throws {
        defer {
            // No binding may outlive the buffer it points into.
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            bindFailure = SQLITE_OK
            arena.removeSubrange(1...)
            texts.removeAll(keepingCapacity: true)
        }
        let code: Int32 = arena.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            for t in texts {
                check(sqlite3_bind_text(handle, t.index, base + t.start, Int32(t.count), nil))
            }
            if bindFailure != SQLITE_OK { return bindFailure }
            var code = sqlite3_step(handle)
            while code == SQLITE_ROW { code = sqlite3_step(handle) }
            sqlite3_reset(handle)
            return code == SQLITE_DONE ? SQLITE_OK : code
        }
        if code != SQLITE_OK { throw error(code) }
    }

    private func error(_ code: Int32) -> DatabaseError { DatabaseError(failing: statement, in: db, code: code) }
}
