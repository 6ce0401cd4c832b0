import GRDB
import GRDBSQLite

/// A value the reader can take from a result column.
protocol SQLColumn {
    static func read(_ statement: OpaquePointer, _ index: Int32) -> Self
}

extension String: SQLColumn {
    static func read(_ statement: OpaquePointer, _ index: Int32) -> String {
        guard let text = sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}
extension Int: SQLColumn {
    static func read(_ statement: OpaquePointer, _ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }
}
extension Int64: SQLColumn {
    static func read(_ statement: OpaquePointer, _ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }
}
extension Double: SQLColumn {
    static func read(_ statement: OpaquePointer, _ index: Int32) -> Double { sqlite3_column_double(statement, index) }
}
extension Bool: SQLColumn {
    static func read(_ statement: OpaquePointer, _ index: Int32) -> Bool { sqlite3_column_int64(statement, index) != 0 }
}
extension Optional: SQLColumn where Wrapped: SQLColumn {
    static func read(_ statement: OpaquePointer, _ index: Int32) -> Wrapped? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : Wrapped.read(statement, index)
    }
}

/// Steps through the rows of one query, reading columns straight from SQLite by index.
///
/// Loading a 14,000-competency document reads a few hundred thousand rows: this keeps each
/// value a single C call and each row one turn of a plain `while` loop in the reader (no
/// closure per row, no GRDB `Row`).
///
///     let rows = try RowCursor(db, "SELECT code, title FROM credential")
///     while try rows.next() { let code: String = rows[0] … }
final class RowCursor {
    private let db: Database
    private let statement: Statement
    private let handle: OpaquePointer

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    /// Moves to the next row: false once every row was read.
    func next() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// Column `index` of the current row.
    subscript<T: SQLColumn>(_ index: Int) -> T { T.read(handle, Int32(index)) }

    /// Calls `body` with the UTF-8 bytes of the text in column `index` (empty for NULL), valid
    /// only during the call.
    func withBytes<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let text = sqlite3_column_text(handle, Int32(index))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : Int(sqlite3_column_bytes(handle, Int32(index)))))
    }

    /// Whether the text in column `index` is `text`, without making a string of it.
    func text(_ index: Int, equals text: String) -> Bool {
        guard let bytes = sqlite3_column_text(handle, Int32(index)) else { return false }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return count == text.utf8.count && text.utf8.elementsEqual(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// The case of `T` whose raw value is the text in column `index`, compared as bytes (a
    /// status or type column holds one of a few words in every row).
    func choice<T: CaseIterable & RawRepresentable>(_ index: Int, _ what: String) throws -> T where T.RawValue == String {
        for value in T.allCases where text(index, equals: value.rawValue) { return value }
        throw StoreError.corrupt(path: "", detail: "unknown \(what) '\(self[index] as String)'")
    }
}

extension RowCursor {
    /// Like `choice`, nil when the column is NULL.
    func optionalChoice<T: CaseIterable & RawRepresentable>(_ index: Int, _ what: String) throws -> T? where T.RawValue == String {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL ? nil : try choice(index, what)
    }
}
