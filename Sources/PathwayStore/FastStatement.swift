import GRDB
import GRDBSQLite

/// A value bound to an SQL parameter by the writer.
enum SQLValue {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null
}

/// What the writer can bind: strings, numbers, booleans, and optionals of them (nil is NULL).
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}
extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { var sqlValue: SQLValue { .real(self) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// Runs one of GRDB's cached statements by binding and stepping it through SQLite's C API.
///
/// Bulk imports write hundreds of thousands of rows in one transaction; GRDB's general argument
/// handling costs more per row than SQLite's insert itself, so the writer binds directly. Only
/// used inside a transaction GRDB opened, on GRDB's own connection and statements.
struct FastStatement {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    let statement: Statement
    let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        self.statement = try db.cachedStatement(sql: sql)
    }

    private func bind(_ values: [any SQLBindable]) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value.sqlValue {
            case .text(var s):
                code = s.withUTF8 { buffer in
                    buffer.count == 0
                        ? sqlite3_bind_text(handle, index, "", 0, Self.transient)
                        : sqlite3_bind_text(handle, index, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                                            Int32(buffer.count), Self.transient)
                }
            case .integer(let n): code = sqlite3_bind_int64(handle, index, n)
            case .real(let d): code = sqlite3_bind_double(handle, index, d)
            case .null: code = sqlite3_bind_null(handle, index)
            }
            if code != SQLITE_OK { throw error(code) }
        }
    }

    private func error(_ code: Int32) -> DatabaseError { DatabaseError(failing: statement, in: db, code: code) }

    /// Runs the statement to completion.
    func execute(_ values: [any SQLBindable]) throws {
        try bind(values)
        let handle = statement.sqliteStatement
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        sqlite3_reset(handle)
        if code != SQLITE_DONE { throw error(code) }
    }

    /// Runs the statement and returns the first column of its first row (e.g. `RETURNING id`).
    func int64(_ values: [any SQLBindable]) throws -> Int64? {
        try bind(values)
        let handle = statement.sqliteStatement
        var result: Int64?
        var code = sqlite3_step(handle)
        if code == SQLITE_ROW {
            result = sqlite3_column_int64(handle, 0)
            repeat { code = sqlite3_step(handle) } while code == SQLITE_ROW
        }
        sqlite3_reset(handle)
        if code != SQLITE_DONE { throw error(code) }
        return result
    }
}

extension DatabaseError {
    /// The error SQLite reports for `statement` after a failed bind or step (`code`), with its
    /// extended code and message, as GRDB itself would report it.
    init(failing statement: Statement, in db: Database, code: Int32) {
        let connection = db.sqliteConnection
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        self.init(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
    }
}
