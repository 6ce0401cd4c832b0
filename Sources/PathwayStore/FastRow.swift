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

/// The current row of a statement being stepped by `FastRow.each`, read by column index.
struct FastRow {
    let statement: OpaquePointer

    subscript<T: SQLColumn>(_ index: Int) -> T { T.read(statement, Int32(index)) }

    /// Whether the text in column `index` is `text`, without making a string of it.
    func text(_ index: Int, equals text: String) -> Bool {
        guard let bytes = sqlite3_column_text(statement, Int32(index)) else { return false }
        let count = Int(sqlite3_column_bytes(statement, Int32(index)))
        return count == text.utf8.count && text.utf8.elementsEqual(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// Steps through every row of `sql`, reading columns straight from SQLite: loading a
    /// 14,000-competency document reads a few hundred thousand values, and this keeps each one
    /// a single C call.
    static func each(_ db: Database, _ sql: String, _ body: (FastRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
            try body(FastRow(statement: handle))
        }
    }
}
