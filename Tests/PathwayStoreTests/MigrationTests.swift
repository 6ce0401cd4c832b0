import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// Files made by older and newer versions of the app.
@Suite struct MigrationTests {
    /// Writes a version-1 document with raw SQL, as version 1 of the app left it, with `more`
    /// rows after the frozen ones.
    static func makeVersion1(at path: String, more: String = "") throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(FrozenSchemaV1.applicationID)")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: FrozenSchemaV1.sql)
            try db.execute(sql: FrozenSchemaV1.rows)
            if !more.isEmpty { try db.execute(sql: more) }
        }
        try queue.close()
    }

    /// Writes a version-2 document as version 2 of the app left it: version 1's tables and rows,
    /// occupations with links, then version 2's search index over all of it.
    static func makeVersion2(at path: String, more: String = "") throws {
        try makeVersion1(at: path, more: FrozenSchemaV2.rows + more)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: FrozenSchemaV2.sql) }
        try queue.close()
    }

    static func userVersion(_ path: String) throws -> Int? {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
    }

    static let budgets = CompetencyKey(framework: "ESCO", code: "0f2b8c1e-5a7d-4c1a-9d36-2b7f0c1e4a11")
    static let welding = CompetencyKey(framework: "ESCO", code: "7c9e6679-7425-40de-944b-e07fc1f90ae7")
    static let portuguese = CompetencyKey(framework: "ESCO", code: "a8098c1a-f86e-11da-bd1a-00112444be1e")
    static let welder = "f2a4c9d0-0000-4000-8000-000000000002"

    /// The occupations of `FrozenSchemaV2.rows` as the model holds them: each list in position order.
    static let occupationsOfVersion2: [String: Occupation] = [
        "OWN-BUYER": Occupation(code: "OWN-BUYER", title: "Buyer",
                                essentialSkills: [CompetencyKey(framework: "OLD", code: "C1"), budgets],
                                optionalSkills: [portuguese]),
        welder: Occupation(code: welder, uri: "http://data.europa.eu/esco/occupation/f2a4", title: "welder",
                           description: "Joins metal.", iscoGroup: "7212",
                           essentialSkills: [welding], optionalSkills: [budgets, CompetencyKey(framework: "OLD", code: "C2")]),
        "EMPTY-ROLE": Occupation(code: "EMPTY-ROLE", title: "Role without skills"),
    ]

    @Test func aVersion2DocumentOpensUpgradesAndKeepsItsData() throws {
        let folder = TempFolder()
        let path = folder.path("v2.sqlite")
        try Self.makeVersion2(at: path)
        #expect(try Self.userVersion(path) == 2)
        let store = try DocumentStore(path: path)
        let catalog = try store.load()
        #expect(catalog.occupations == Self.occupationsOfVersion2)
        #expect(catalog.competency(Self.welding)?.parent == Self.budgets.code)
        #expect(catalog.competency(Self.budgets)?.altLabels == ["budget management", "financial planning"])
        #expect(catalog.comments[4]?.subject == .competency(Self.welding))
        #expect(catalog.competency(CompetencyKey(framework: "OLD", code: "C2"))?.altLabels == ["procurement legislation"])
        #expect(catalog.credentials["CR1"]?.learningOutcomes.first?.mappings.first?.competency == CompetencyKey(framework: "OLD", code: "C1"))
        #expect(catalog.integrityProblems() == [])
        #expect(try store.consistencyProblems() == [])
        // Search is unchanged by the upgrade: titles first, then labels and descriptions.
        #expect(try store.searchCompetencies("budget") == [Self.budgets])
        #expect(try store.searchCompetencies("metal") == [Self.welding])
        #expect(try store.searchCompetencies("portuguese") == [Self.portuguese])
        #expect(try store.searchCompetencies("legislation") == [CompetencyKey(framework: "OLD", code: "C2")])
        #expect(try Self.userVersion(path) == DocumentStore.schemaVersion)
        // Links name occupations and competencies by row id now.
        let (types, migrations) = try store.queue.read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT typeof(occupation) || ' ' || typeof(competency) FROM occupation_skill"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"))
        }
        #expect(types == ["integer integer"])
        #expect(migrations == ["v1-document", "v2-competency-search", "v3-integer-links"])
        // The upgraded file holds what a new document of this version holds for the same catalog.
        let fresh = try DocumentStore.create(at: folder.path("fresh.sqlite"), seed: catalog)
        #expect(try fresh.load() == catalog)
    }

    @Test func linksOfAnUpgradedDocumentStillGuardTheirCompetencies() throws {
        let folder = TempFolder()
        let path = folder.path("v2.sqlite")
        try Self.makeVersion2(at: path)
        let store = try DocumentStore(path: path)
        var catalog = try store.load()
        // Removing a linked competency alone is refused, naming the link and the competency.
        do {
            try store.apply(ChangeSet("Remove", [.removeCompetency(Self.portuguese)]))
            Issue.record("a linked competency was removed")
        } catch let error as StoreError {
            guard case .brokenReference(_, let detail) = error else { Issue.record("unexpected \(error)"); return }
            #expect(detail == "occupation OWN-BUYER referring to competency \(Self.portuguese), which does not exist", "\(detail)")
        }
        #expect(try store.load() == catalog)
        // The deletion the model makes mends the links first, and undoes.
        let deletion = catalog.deletion(ofCompetency: Self.budgets)
        try store.apply(deletion)
        let inverse = catalog.apply(deletion)
        #expect(try store.load() == catalog)
        #expect(catalog.occupations["OWN-BUYER"]?.essentialSkills == [CompetencyKey(framework: "OLD", code: "C1")])
        try store.apply(inverse)
        catalog.apply(inverse)
        #expect(try store.load().occupations == Self.occupationsOfVersion2)
        // Removing an occupation takes its links with it.
        try store.apply(ChangeSet("Remove", [.removeOccupation(Self.welder)]))
        let left = try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation_skill") }
        #expect(left == 3)
        #expect(try store.consistencyProblems() == [])
    }

    @Test func aVersion1DocumentWithOccupationsIsUpgradedThroughVersion2() throws {
        let folder = TempFolder()
        let path = folder.path("v1.sqlite")
        try Self.makeVersion1(at: path, more: FrozenSchemaV2.rows)
        let store = try DocumentStore(path: path)
        let catalog = try store.load()
        #expect(catalog.occupations == Self.occupationsOfVersion2)
        #expect(try store.searchCompetencies("welding") == [Self.welding])
        #expect(try store.consistencyProblems() == [])
        #expect(try Self.userVersion(path) == DocumentStore.schemaVersion)
    }

    /// A link naming a missing competency (impossible through the app) stops the upgrade, and
    /// the whole upgrade is one transaction: a version-1 file is left at version 1, without
    /// version 2's search index either.
    @Test func aFileThatCannotBeUpgradedIsLeftAsItWas() throws {
        let dangling = """
            PRAGMA foreign_keys = OFF;
            INSERT INTO occupation_skill (occupation, essential, position, competency_framework, competency_code)
                VALUES ('EMPTY-ROLE', 1, 0, 'ESCO', 'gone');
            """
        for version in [1, 2] {
            let folder = TempFolder()
            let path = folder.path("v\(version).sqlite")
            if version == 1 {
                try Self.makeVersion1(at: path, more: FrozenSchemaV2.rows + dangling)
            } else {
                try Self.makeVersion2(at: path, more: dangling)
            }
            do {
                _ = try DocumentStore(path: path)
                Issue.record("a version-\(version) file with a dangling link was upgraded")
            } catch let error as StoreError {
                guard case .corrupt(let p, let detail) = error else { Issue.record("unexpected \(error)"); continue }
                #expect(p == path)
                #expect(detail.contains("occupation EMPTY-ROLE links to competency ESCO/gone"), "\(detail)")
                #expect(error.description.contains("cannot be upgraded"), "\(error)")
            }
            #expect(try Self.userVersion(path) == version)
            let queue = try DatabaseQueue(path: path)
            let (links, search) = try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation_skill WHERE competency_code = 'gone'"),
                 try db.tableExists("competency_search"))
            }
            try queue.close()
            #expect(links == 1)
            #expect(search == (version == 2))
        }
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
