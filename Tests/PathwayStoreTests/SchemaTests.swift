import Foundation
import GRDB
import Testing
@testable import PathwayStore

/// Rules the schema itself must keep.
@Suite struct SchemaTests {
    /// Every foreign key's child columns lead some full index, so deleting a parent or checking a
    /// reference is a lookup, never a table scan (SQLite cannot use partial indexes for this).
    @Test func everyForeignKeyHasAFullIndex() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("schema.sqlite"))
        try store.close()
        let queue = try DatabaseQueue(path: folder.path("schema.sqlite"))
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'competency_search%' AND name NOT LIKE 'sqlite_%'")
            #expect(tables.count >= 20)
            for table in tables {
                var indexes: [[String]] = []
                for index in try Row.fetchAll(db, sql: "PRAGMA index_list(\(table.quotedDatabaseIdentifier))") {
                    guard (index["partial"] as Int) == 0 else { continue }
                    let name: String = index["name"]
                    let columns = try Row.fetchAll(db, sql: "PRAGMA index_info(\(name.quotedDatabaseIdentifier))")
                        .sorted { ($0["seqno"] as Int) < ($1["seqno"] as Int) }
                        .map { $0["name"] as String? ?? "" }
                    indexes.append(columns)
                }
                let keys = Dictionary(grouping: try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))"),
                                      by: { $0["id"] as Int })
                for (_, rows) in keys {
                    let from = Set(rows.map { $0["from"] as String })
                    let covered = indexes.contains { Set($0.prefix(from.count)) == from }
                    #expect(covered, "\(table)(\(from.sorted().joined(separator: ", "))) has no full index")
                }
            }
        }
    }

    @Test func aNewDocumentCarriesOurApplicationIDAndTheCurrentVersion() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("new.sqlite"))
        try store.close()
        let queue = try DatabaseQueue(path: folder.path("new.sqlite"))
        let (appID, version, journal) = try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(appID == 0x5057_4453)
        #expect(version == DocumentStore.schemaVersion)
        #expect(journal == "wal")
    }
}
