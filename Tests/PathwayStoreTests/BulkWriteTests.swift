import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// The bulk writer (a big change set that only adds new things) must leave exactly the document
/// the general writer leaves, keep search and references whole, and write nothing when it fails.
@Suite struct BulkWriteTests {
    static func key(_ f: String, _ c: String) -> CompetencyKey { CompetencyKey(framework: f, code: c) }

    /// Both writers forced: the bulk one for any size, with the link index rebuilt.
    static let forced = BulkWriter.Options(minimumChanges: 0, minimumLinksToRebuildIndex: 0)

    /// A new framework of `count` competencies in a tree (children listed before their parents,
    /// labels, relations within it, to the fixture's SOFT framework and to outside URIs) and
    /// occupations linking to it and to the fixture, as an import would put it.
    static func newFramework(_ code: String = "BIG", count: Int = 600, occupations: Int = 40) -> ChangeSet {
        var changes: [Change] = [.putFramework(CompetencyFramework(code: code, title: "Big framework", source: .esco,
                                                                   uri: "http://example.org/\(code)"))]
        for i in (0..<count).reversed() {
            let parent = i < 10 ? nil : "C\(i / 10)"
            var relations: [CompetencyRelation] = []
            if i % 7 == 0 { relations.append(CompetencyRelation(kind: .related, target: key(code, "C\((i + 1) % count)"))) }
            if i % 11 == 0 { relations.append(CompetencyRelation(kind: .exactMatch, target: key("SOFT", "S1"))) }
            if i % 13 == 0 { relations.append(CompetencyRelation(kind: .broader, targetURI: "http://elsewhere.example/\(i)")) }
            changes.append(.putCompetency(Competency(
                framework: code, code: "C\(i)", uri: "http://example.org/\(code)/C\(i)",
                title: "Skill number \(i) \(i % 3 == 0 ? "welding" : "budgeting")",
                description: i % 5 == 0 ? "" : "Describes zygomorphic item \(i), with \"quotes\" and ünïcödé.",
                type: i % 2 == 0 ? .knowledge : .skillCompetence, parent: parent, position: i % 10,
                altLabels: i % 4 == 0 ? [] : ["alias \(i)", "quasar\(i)", i % 8 == 1 ? "nul\u{0}inside" : "plain"],
                relations: relations)))
        }
        for o in 0..<occupations {
            changes.append(.putOccupation(Occupation(
                code: "OCC-\(code)-\(o)", uri: "http://example.org/occupation/\(o)", title: "Occupation \(o)",
                description: "Does things \(o)", iscoGroup: "\(2000 + o)",
                essentialSkills: (0..<15).map { key(code, "C\((o * 31 + $0 * 7) % count)") } + [key("GREEN", "G1")],
                optionalSkills: (0..<10).map { key(code, "C\((o * 17 + $0 * 13 + 3) % count)") })))
        }
        return ChangeSet("Import \(code)", changes)
    }

    static func seeded(_ folder: TempFolder, _ name: String) throws -> DocumentStore {
        try DocumentStore.create(at: folder.path(name), seed: Fixtures.fullCatalog())
    }

    @Test func aNewFrameworkInBulkEqualsTheSameChangesRowByRow() throws {
        let folder = TempFolder()
        let set = Self.newFramework()
        let bulk = try Self.seeded(folder, "bulk.pathway")
        let rowByRow = try Self.seeded(folder, "rows.pathway")
        #expect(try bulk.apply(set, bulk: Self.forced))
        #expect(try !rowByRow.apply(set, bulk: .never))
        var expected = Fixtures.fullCatalog()
        expected.apply(set)
        let loaded = try bulk.load()
        #expect(loaded == expected)
        #expect(loaded == (try rowByRow.load()))
        #expect(loaded.competencies.count == Fixtures.fullCatalog().competencies.count + 600)
        #expect(try bulk.consistencyProblems() == [])
        // The index dropped for the links is back, exactly as the schema made it.
        let indexes = try bulk.queue.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_schema WHERE tbl_name = 'occupation_skill' AND sql IS NOT NULL ORDER BY name")
        }
        let original = try rowByRow.queue.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_schema WHERE tbl_name = 'occupation_skill' AND sql IS NOT NULL ORDER BY name")
        }
        #expect(indexes == original)
        #expect(indexes.contains { $0.contains(BulkWriter.linkIndex) })
    }

    @Test func theStandardThresholdTakesBigNewSetsOnly() throws {
        let folder = TempFolder()
        let store = try Self.seeded(folder, "doc.pathway")
        #expect(try store.apply(Self.newFramework("BIG"), bulk: .standard))
        // Small, or touching what exists: the general writer.
        #expect(try !store.apply(Self.newFramework("SMALL", count: 20, occupations: 2), bulk: .standard))
        var renamed = try #require(try store.load().competency(Self.key("BIG", "C5")))
        renamed.title = "Renamed"
        var set = Self.newFramework("MORE")
        set.changes.append(.putCompetency(renamed))
        #expect(try !store.apply(set, bulk: .standard))
        #expect(try store.load().competency(Self.key("BIG", "C5"))?.title == "Renamed")
        #expect(try store.consistencyProblems() == [])
    }

    @Test func searchFindsWhatWasWrittenInBulk() throws {
        let folder = TempFolder()
        let store = try Self.seeded(folder, "doc.pathway")
        try store.apply(Self.newFramework(), bulk: Self.forced)
        #expect(try store.searchCompetencies("quasar597") == [Self.key("BIG", "C597")])
        #expect(try store.searchCompetencies("zygomorphic item 599", framework: "BIG") == [Self.key("BIG", "C599")])
        #expect(try store.searchCompetencies("welding", framework: "BIG", limit: 1000).count == 200)
        // The fixture's own entries are untouched.
        #expect(try store.searchCompetencies("green purchasing") == [Self.key("GREEN", "G1")])
        // Removing a bulk-written competency takes its search entry with it.
        var catalog = try store.load()
        try store.apply(catalog.deletion(ofCompetency: Self.key("BIG", "C597")))
        #expect(try store.searchCompetencies("quasar597") == [])
        catalog = try store.load()
        #expect(catalog.competency(Self.key("BIG", "C597")) == nil)
    }

    @Test func aNewDocumentIsWrittenInBulkAndReadsBackTheSame() throws {
        let folder = TempFolder()
        var catalog = Fixtures.fullCatalog()
        catalog.apply(Self.newFramework())
        let store = try DocumentStore.create(at: folder.path("doc.pathway"), seed: catalog)
        #expect(try store.load() == catalog)
        #expect(try store.consistencyProblems() == [])
        #expect(try store.searchCompetencies("quasar598") == [Self.key("BIG", "C598")])
    }

    /// The file's bytes after the store is closed (WAL checkpointed into it).
    static func bytes(closing store: DocumentStore, at path: String) throws -> Data {
        try store.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func aBrokenReferenceFoundAtTheEndWritesNothing() throws {
        let folder = TempFolder()
        let path = folder.path("doc.pathway")
        let before = try Self.bytes(closing: try Self.seeded(folder, "doc.pathway"), at: path)
        let store = try DocumentStore(path: path)
        var set = Self.newFramework()
        set.changes.append(.putOccupation(Occupation(code: "OCC-STRAY", title: "Stray",
                                                     essentialSkills: [Self.key("BIG", "NOPE")])))
        do {
            try store.apply(set, bulk: Self.forced)
            Issue.record("the change set was accepted")
        } catch let error as StoreError {
            guard case .brokenReference(let p, let detail) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(p == path)
            #expect(detail.contains("OCC-STRAY"), "\(detail)")
            #expect(detail.contains("BIG/NOPE"), "\(detail)")
        }
        #expect(try store.load() == Fixtures.fullCatalog())
        #expect(try store.searchCompetencies("quasar597") == [])
        // Foreign keys are enforced again on this connection: a broken small edit is refused.
        let stray = ChangeSet("Stray", [.putOccupation(Occupation(code: "X", title: "X", essentialSkills: [Self.key("BIG", "C1")]))])
        #expect(throws: StoreError.self) { try store.apply(stray) }
        #expect(try Self.bytes(closing: store, at: path) == before, "the database file changed")
    }

    @Test func aFailureHalfWayThroughTheLinksWritesNothing() throws {
        let folder = TempFolder()
        let path = folder.path("doc.pathway")
        try Self.seeded(folder, "doc.pathway").close()
        // A trigger standing in for a failing disk: the 300th link cannot be written.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_half_way BEFORE INSERT ON occupation_skill
                WHEN (SELECT count(*) FROM occupation_skill) >= 300
                BEGIN SELECT RAISE(ABORT, 'the disk is failing'); END;
                """)
        }
        try queue.close()
        let seededStore = try DocumentStore(path: path)
        let before = try Self.bytes(closing: seededStore, at: path)
        let store = try DocumentStore(path: path)
        #expect(throws: StoreError.self) { try store.apply(Self.newFramework(), bulk: Self.forced) }
        #expect(try store.load() == Fixtures.fullCatalog())
        #expect(try store.searchCompetencies("quasar597") == [])
        #expect(try Self.bytes(closing: store, at: path) == before, "the database file changed")
    }

    @Test func putsOfThingsThatExistAreUpdatedNotDuplicated() throws {
        let folder = TempFolder()
        let store = try Self.seeded(folder, "doc.pathway")
        // Big enough for the bulk writer, but GREEN/G1 exists: the general writer takes it.
        var set = Self.newFramework()
        var g1 = try #require(Fixtures.fullCatalog().competency(Self.key("GREEN", "G1")))
        g1.title = "Changed in a big set"
        set.changes.append(.putCompetency(g1))
        #expect(try !store.apply(set, bulk: Self.forced))
        var expected = Fixtures.fullCatalog()
        expected.apply(set)
        #expect(try store.load() == expected)
        #expect(try store.searchCompetencies("changed in a big set") == [Self.key("GREEN", "G1")])
    }

    /// The search index's entries as the general writer makes them (from the tables, after the
    /// rows) and as the bulk writer makes them (from the competencies as it writes them), by key.
    static func searchEntries(_ store: DocumentStore) throws -> [String: [String]] {
        try store.queue.read { db in
            var entries: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT c.framework, c.code, s.title, s.alt_labels, s.description
                FROM competency_search s JOIN competency c ON c.id = s.rowid
                """) {
                entries["\(row[0] as String)/\(row[1] as String)"] = [row[2], row[3], row[4]]
            }
            return entries
        }
    }

    /// Labels holding a newline, a label alone, codes beyond ASCII: the bulk writer's rows, labels
    /// and search entries are the general writer's.
    @Test func theSearchIndexAndLabelsWrittenInBulkAreTheGeneralWriters() throws {
        let folder = TempFolder()
        var set = Self.newFramework()
        for (i, labels) in [["two\nlines", "then one"], ["alone"], ["", "empty first"], ["ende", "Ünïcode", "末尾"], [""]].enumerated() {
            set.changes.append(.putCompetency(Competency(
                framework: "BIG", code: ["ÄRGER-\(i)", "zeta-\(i)", "Zeta-\(i)", "éclair-\(i)", "blank-\(i)"][i], title: "Odd \(i)",
                description: "Odd one \(i)", altLabels: labels)))
        }
        let bulk = try Self.seeded(folder, "bulk.pathway")
        let rowByRow = try Self.seeded(folder, "rows.pathway")
        #expect(try bulk.apply(set, bulk: Self.forced))
        #expect(try !rowByRow.apply(set, bulk: .never))
        #expect(try bulk.load() == (try rowByRow.load()))
        let entries = try Self.searchEntries(bulk)
        #expect(entries.count == Fixtures.fullCatalog().competencies.count + 605)
        #expect(entries == (try Self.searchEntries(rowByRow)))
        #expect(entries["BIG/ÄRGER-0"] == ["Odd 0", "two\nlines\nthen one", "Odd one 0"])
        #expect(try bulk.searchCompetencies("末尾") == [Self.key("BIG", "éclair-3")])
        let labels = try bulk.queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT l.label FROM competency_alt_label l JOIN competency c ON c.id = l.competency
                WHERE c.code IN ('zeta-1', 'Zeta-2', 'blank-4') ORDER BY c.code, l.position
                """)
        }
        #expect(labels == ["", "empty first", "", "alone"])
        #expect(try bulk.consistencyProblems() == [])
    }

    /// New competencies take the row ids after the largest one, in the order of their keys' bytes
    /// (SQLite's order for the key's unique index).
    @Test func newCompetenciesAreWrittenInTheIndexsOrderAfterTheLargestID() throws {
        let folder = TempFolder()
        let store = try Self.seeded(folder, "doc.pathway")
        let before = try store.queue.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM competency") ?? 0 }
        var set = Self.newFramework()
        for code in ["b", "B", "ä", "a", "ab", "a0", "Z"] {
            set.changes.append(.putCompetency(Competency(framework: "BIG", code: code, title: code)))
        }
        try store.apply(set, bulk: Self.forced)
        let (byID, byIndex, first) = try store.queue.read { db in
            (try String.fetchAll(db, sql: "SELECT code FROM competency WHERE framework = 'BIG' ORDER BY id"),
             try String.fetchAll(db, sql: "SELECT code FROM competency WHERE framework = 'BIG' ORDER BY framework, code"),
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM competency WHERE framework = 'BIG'"))
        }
        #expect(byID.count == 607)
        #expect(byID == byIndex)
        #expect(first == before + 1)
        let sorted = Competency.sortedByKeyBytes(set.changes.compactMap {
            if case .putCompetency(let c) = $0 { return c } else { return nil }
        })
        #expect(sorted.map(\.code) == byIndex)
    }
}

