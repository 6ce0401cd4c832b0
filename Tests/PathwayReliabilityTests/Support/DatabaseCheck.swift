import Foundation
import GRDB
import PathwayModel
import PathwayStore

/// What a person would check after a crash: SQLite's own consistency checks, and that the file
/// opens as a document and holds a whole state.
enum DatabaseCheck {
    /// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`, run the way the app opens the file
    /// (read-write, so a hot journal or WAL is recovered first). Empty when the file is sound.
    static func problems(_ path: String) throws -> [String] {
        var config = Configuration()
        config.foreignKeysEnabled = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1)")
            }
            return problems
        }
    }

    /// The document as the app reads it, opened normally (read-write).
    static func load(_ path: String) throws -> Catalog {
        let store = try DocumentStore(path: path)
        defer { try? store.close() }
        return try store.load()
    }

    /// Which of the given states the document holds, by index; nil when it holds none of them
    /// (a half-done action).
    static func state(of path: String, among states: [Catalog]) throws -> Int? {
        let catalog = try load(path)
        return states.firstIndex(of: catalog)
    }
}

/// Figures the tests measured, printed on one line each so the README's numbers can be read off
/// a test run: `RELIABILITY <name>: <value>`.
enum Figures {
    static func report(_ name: String, _ value: Int, _ detail: String = "") {
        print("RELIABILITY \(name): \(value)\(detail.isEmpty ? "" : " (\(detail))")")
    }
}
