import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// Occupation–skill links name their competency by row id (schema version 3); the store finds the
/// id by key, so a change set may still put things in any order, and a link to nothing is refused
/// in words that name the occupation and the competency.
@Suite struct OccupationLinkTests {
    static func key(_ f: String, _ c: String) -> CompetencyKey { CompetencyKey(framework: f, code: c) }

    @Test func anOccupationMayComeBeforeTheCompetenciesItLinksTo() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        var catalog = Fixtures.fullCatalog()
        let set = ChangeSet("Occupation first", [
            .putOccupation(Occupation(code: "OCC-9", title: "Planner",
                                      essentialSkills: [Self.key("NEW", "B"), Self.key("GREEN", "G1")],
                                      optionalSkills: [Self.key("NEW", "A")])),
            .putCompetency(Competency(framework: "NEW", code: "A", title: "A")),
            .putCompetency(Competency(framework: "NEW", code: "B", title: "B")),
            .putFramework(CompetencyFramework(code: "NEW", title: "New")),
        ])
        try store.apply(set)
        let inverse = catalog.apply(set)
        let loaded = try store.load()
        #expect(loaded == catalog)
        #expect(loaded.occupations == catalog.occupations)
        #expect(loaded.competencies == catalog.competencies)
        #expect(try store.consistencyProblems() == [])
        try store.apply(inverse)
        catalog.apply(inverse)
        #expect(try store.load() == Fixtures.fullCatalog())
    }

    @Test func anOccupationPutThenRemovedInOneSetLeavesNoLinks() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        try store.apply(ChangeSet("Both", [
            .putOccupation(Occupation(code: "OCC-9", title: "Planner", essentialSkills: [Self.key("GREEN", "G1")])),
            .removeOccupation("OCC-9"),
        ]))
        #expect(try store.load() == Fixtures.fullCatalog())
        let links = try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation_skill") }
        #expect(links == 3)
    }

    @Test func aLinkToNothingIsRefusedByName() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        let store = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        let set = ChangeSet("Stray", [
            .putOccupation(Occupation(code: "OCC-9", title: "Planner", essentialSkills: [Self.key("GREEN", "G1"), Self.key("GREEN", "NOPE")])),
        ])
        #expect(throws: StoreError.brokenReference(
            path: path, detail: "occupation OCC-9 referring to competency GREEN/NOPE, which does not exist")) {
            try store.apply(set)
        }
        #expect(try store.load() == Fixtures.fullCatalog())
    }

    /// The competency's row is gone when the commit is refused; it is named after the rollback.
    @Test func removingALinkedCompetencyNamesItByKey() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        let store = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        var catalog = Fixtures.fullCatalog()
        catalog.credentials = [:]
        catalog.pathways = [:]
        catalog.learners = [:]
        catalog.comments = [:]
        catalog.competencies[Self.key("GREEN", "G1")]?.relations.removeFirst()
        try store.replaceAll(with: catalog)
        #expect(throws: StoreError.brokenReference(
            path: path, detail: "occupation OCC-1 referring to competency SOFT/S1, which does not exist")) {
            try store.apply(ChangeSet("Remove", [.removeCompetency(Self.key("SOFT", "S1"))]))
        }
        // A framework removed with its competencies: the same.
        #expect(throws: StoreError.brokenReference(
            path: path, detail: "occupation OCC-1 referring to competency SOFT/S1, which does not exist")) {
            try store.apply(ChangeSet("Remove", [.removeFramework("SOFT")]))
        }
        #expect(try store.load() == catalog)
    }

    /// Every reference to a competency in a loaded catalog holds the strings of that
    /// competency's own key, not a copy per row.
    @Test func referencesShareTheirCompetencysStrings() throws {
        let folder = TempFolder()
        var catalog = Fixtures.fullCatalog()
        // Codes too long to be stored inside a String value, as ESCO's UUIDs are.
        let long = "0f2b8c1e-5a7d-4c1a-9d36-2b7f0c1e4a11"
        catalog.frameworks["LONG-FRAMEWORK-CODE"] = CompetencyFramework(code: "LONG-FRAMEWORK-CODE", title: "Long")
        catalog.competencies[Self.key("LONG-FRAMEWORK-CODE", long)] = Competency(framework: "LONG-FRAMEWORK-CODE", code: long, title: "Parent")
        catalog.competencies[Self.key("LONG-FRAMEWORK-CODE", long + "-child")] = Competency(
            framework: "LONG-FRAMEWORK-CODE", code: long + "-child", title: "Child", parent: long,
            relations: [CompetencyRelation(kind: .related, target: Self.key("LONG-FRAMEWORK-CODE", long))])
        catalog.occupations["OCC-1"]?.essentialSkills.append(Self.key("LONG-FRAMEWORK-CODE", long))
        catalog.credentials["BASE"]?.learningOutcomes[0].mappings.append(
            CompetencyLevel(competency: Self.key("LONG-FRAMEWORK-CODE", long), level: EQFLevel(3)!))
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: catalog)
        let loaded = try store.load()
        #expect(loaded == catalog)
        let own = try #require(loaded.competencies.keys.first { $0.code == long })
        func sameStorage(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        }
        let child = try #require(loaded.competencies.values.first { $0.code == long + "-child" })
        let link = try #require(loaded.occupations["OCC-1"]?.essentialSkills.last)
        let mapping = try #require(loaded.credentials["BASE"]?.learningOutcomes[0].mappings.last?.competency)
        let target = try #require(child.relations.first?.target)
        for (what, other) in [("occupation link", link), ("outcome mapping", mapping), ("relation", target)] {
            #expect(sameStorage(other.code, own.code), "\(what) holds its own copy of the code")
            #expect(sameStorage(other.framework, own.framework), "\(what) holds its own copy of the framework")
        }
        #expect(sameStorage(try #require(child.parent), own.code), "the parent code is a copy")
        #expect(sameStorage(child.framework, own.framework), "each competency holds its own copy of its framework's code")
    }
}
