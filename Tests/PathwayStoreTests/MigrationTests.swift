import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// Files made by older and newer versions of the app.
@Suite struct MigrationTests {
    /// Writes a version-1 document with raw SQL, as version 1 of the app left it.
    static func makeVersion1(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(FrozenSchemaV1.applicationID)")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: FrozenSchemaV1.sql)
            try db.execute(sql: FrozenSchemaV1.rows)
        }
        try queue.close()
    }

    @Test func aVersion1DocumentOpensUpgradesAndKeepsItsData() throws {
        let folder = TempFolder()
        let path = folder.path("v1.sqlite")
        try Self.makeVersion1(at: path)
        let store = try DocumentStore(path: path)
        let catalog = try store.load()
        let c1 = try #require(catalog.competency(CompetencyKey(framework: "OLD", code: "C1")))
        #expect(c1.title == "Negotiation")
        let c2 = try #require(catalog.competency(CompetencyKey(framework: "OLD", code: "C2")))
        #expect(c2.parent == "C1")
        #expect(c2.altLabels == ["procurement legislation"])
        #expect(catalog.frameworks["OLD"]?.scale == ["low", "high"])
        let credential = try #require(catalog.credentials["CR1"])
        #expect(credential.ects == 2.5)
        #expect(credential.languages == ["en", "de"])
        #expect(credential.learningOutcomes.first?.mappings == [
            CompetencyLevel(competency: CompetencyKey(framework: "OLD", code: "C1"), level: EQFLevel(5)!)])
        #expect(catalog.pathways["P1"]?.stages.first?.core == ["CR1"])
        #expect(catalog.learners["Kim"]?.completions == [Completion(credential: "CR1", date: Day("2024-06-01")!)])
        #expect(catalog.integrityProblems() == [])
        // Version 2 added search; it covers the rows version 1 wrote, alternative labels included.
        #expect(try store.searchCompetencies("legislation") == [CompetencyKey(framework: "OLD", code: "C2")])
        #expect(try store.searchCompetencies("negot") == [CompetencyKey(framework: "OLD", code: "C1")])
        #expect(try store.consistencyProblems() == [])
        let version = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == DocumentStore.schemaVersion)
    }

    @Test func anUpgradedDocumentAcceptsEdits() throws {
        let folder = TempFolder()
        let path = folder.path("v1.sqlite")
        try Self.makeVersion1(at: path)
        let store = try DocumentStore(path: path)
        var catalog = try store.load()
        var c = try #require(catalog.competency(CompetencyKey(framework: "OLD", code: "C1")))
        c.title = "Supplier negotiation"
        let set = ChangeSet("Rename", [.putCompetency(c)])
        try store.apply(set)
        catalog.apply(set)
        #expect(try store.load() == catalog)
        #expect(try store.searchCompetencies("supplier") == [c.key])
    }

    @Test func aVersion1DocumentOpenedReadOnlyIsNotUpgraded() throws {
        let folder = TempFolder()
        let path = folder.path("v1.sqlite")
        try Self.makeVersion1(at: path)
        #expect(throws: StoreError.needsUpgrade(path: path, found: 1, supported: DocumentStore.schemaVersion)) {
            try DocumentStore(path: path, mode: .readOnly)
        }
        let version = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == 1)
    }

    @Test func aDocumentFromANewerVersionIsRefusedUntouched() throws {
        let folder = TempFolder()
        let path = folder.path("future.sqlite")
        _ = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        let future = DocumentStore.schemaVersion + 1
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE future_thing (x)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v\(future)-future-thing')")
            try db.execute(sql: "PRAGMA user_version = \(future)")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(path: path, found: future, supported: DocumentStore.schemaVersion)) {
            try DocumentStore(path: path)
        }
        #expect(throws: StoreError.self) { try DocumentStore(path: path, mode: .readOnly) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let message = StoreError.newerSchema(path: path, found: future, supported: 2).description
        #expect(message.contains("newer Pathway Designer") && message.contains(path))
    }

    @Test func anUnknownMigrationAloneMarksANewerDocument() throws {
        let folder = TempFolder()
        let path = folder.path("future.sqlite")
        _ = try DocumentStore.create(at: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-something-new')") }
        try queue.close()
        #expect(throws: StoreError.self) { try DocumentStore(path: path) }
    }
}
