import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// Change sets written as transactions: the file always matches the catalog the change set makes,
/// an undo restores it, and a failing change set writes nothing.
@Suite struct ApplyTests {
    static func key(_ f: String, _ c: String) -> CompetencyKey { CompetencyKey(framework: f, code: c) }

    /// Applies `set` to both the store and a catalog, checks they agree, and returns the inverse.
    @discardableResult
    static func applyBoth(_ set: ChangeSet, store: DocumentStore, catalog: inout Catalog) throws -> ChangeSet {
        try store.apply(set)
        let inverse = catalog.apply(set)
        #expect(try store.load() == catalog)
        #expect(try store.consistencyProblems() == [])
        return inverse
    }

    @Test func everyKindOfChangeAndItsUndo() throws {
        let folder = TempFolder()
        let original = Fixtures.fullCatalog()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: original)
        var catalog = original

        var g1 = try #require(catalog.competency(Self.key("GREEN", "G1")))
        g1.title = "Sustainable public procurement"
        g1.altLabels = ["GPP"]
        g1.relations = []
        var credential = try #require(catalog.credentials["PROC-01"])
        credential.learningOutcomes.removeFirst()
        credential.prerequisites = Prerequisites()
        credential.stackability = .standAlone
        credential.ects = nil
        var pathway = try #require(catalog.pathways["PATH-1"])
        pathway.stages.swapAt(0, 1)
        pathway.target.competencies = []
        let set = ChangeSet("Many edits", [
            .putFramework(CompetencyFramework(code: "NEW", title: "New framework", source: .moodle, scale: ["a"])),
            .putCompetency(Competency(framework: "NEW", code: "N2", title: "Child first", parent: "N1")),
            .putCompetency(Competency(framework: "NEW", code: "N1", title: "Parent second")),
            .putCompetency(g1),
            .putCredential(credential),
            .putPathway(pathway),
            .putLearner(Learner(name: "Cleo", completions: [Completion(credential: "BASE", date: Fixtures.day)])),
            .putComment(ReviewComment(id: 99, author: "Me", date: Fixtures.day, text: "New", subject: .competency(Self.key("NEW", "N1")))),
            .putOccupation(Occupation(code: "OCC-2", title: "Trainer", essentialSkills: [Self.key("NEW", "N2")])),
            .removeComment(1),
            .removeLearner("Bo"),
            .removePathway("PATH-2"),
        ])
        let inverse = try Self.applyBoth(set, store: store, catalog: &catalog)
        #expect(try store.searchCompetencies("GPP") == [Self.key("GREEN", "G1")])
        try Self.applyBoth(inverse, store: store, catalog: &catalog)
        #expect(catalog == original)
        #expect(try store.searchCompetencies("GPP") == [])
        #expect(try store.searchCompetencies("green purchasing") == [Self.key("GREEN", "G1")])
    }

    @Test func deletionsThatMendReferencesApplyAndUndo() throws {
        let folder = TempFolder()
        let original = Fixtures.fullCatalog()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: original)
        var catalog = original
        for set in [catalog.deletion(ofCompetency: Self.key("GREEN", "G1")),
                    catalog.deletion(ofCredential: "BASE"),
                    catalog.deletion(ofFramework: "SOFT")] {
            var working = catalog
            let inverse = try Self.applyBoth(set, store: store, catalog: &working)
            #expect(working.integrityProblems() == [])
            try Self.applyBoth(inverse, store: store, catalog: &working)
            #expect(working == original)
            catalog = working
        }
        // The whole framework goes, with its search entries.
        let all = catalog.deletion(ofFramework: "GREEN")
        try Self.applyBoth(all, store: store, catalog: &catalog)
        #expect(try store.searchCompetencies("procurement") == [])
    }

    @Test func aChangeSetThatBreaksAReferenceWritesNothing() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        let store = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        // Good changes first, then one that leaves an outcome mapping pointing at nothing.
        let set = ChangeSet("Bad", [
            .putFramework(CompetencyFramework(code: "NEW", title: "New")),
            .putCompetency(Competency(framework: "NEW", code: "N1", title: "Fine")),
            .removeCompetency(Self.key("SOFT", "S1")),
        ])
        do {
            try store.apply(set)
            Issue.record("the change set was accepted")
        } catch let error as StoreError {
            guard case .brokenReference(let p, let detail) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(p == path)
            #expect(detail.contains("SOFT/S1"))
            #expect(error.description.contains("Nothing was saved"))
        }
        #expect(try store.load() == Fixtures.fullCatalog())
        #expect(try store.searchCompetencies("fine") == [])
        #expect(try store.consistencyProblems() == [])
    }

    @Test func anInvalidValueWritesNothing() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        // A dangling parent inside a framework is refused too.
        let orphan = ChangeSet("Orphan", [.putCompetency(Competency(framework: "GREEN", code: "Z", title: "Z", parent: "NOPE"))])
        #expect(throws: StoreError.self) { try store.apply(orphan) }
        let unknownFramework = ChangeSet("Stray", [.putCompetency(Competency(framework: "NOPE", code: "Z", title: "Z"))])
        #expect(throws: StoreError.self) { try store.apply(unknownFramework) }
        #expect(try store.load() == Fixtures.fullCatalog())
    }

    @Test func aFailingReplaceAllKeepsTheOldDocument() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        let broken = Catalog(credentials: [MicroCredential(code: "A", title: "A",
                                                           prerequisites: Prerequisites(credentials: ["MISSING"]))])
        #expect(throws: StoreError.self) { try store.replaceAll(with: broken) }
        #expect(try store.load() == Fixtures.fullCatalog())
    }

    @Test func changeSetToReachesTheTarget() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        var target = Fixtures.fullCatalog()
        target.frameworks["SOFT"] = nil
        target.competencies = target.competencies.filter { $0.key.framework != "SOFT" }
        target.learners["Ana (alias)"]?.priorLearning = []
        target.credentials["PROC-01"]?.learningOutcomes[0].mappings.removeLast()
        target.credentials["PROC-01"]?.prerequisites.competencies = []
        target.occupations["OCC-1"]?.optionalSkills = []
        target.competencies[Self.key("GREEN", "G1")]?.relations.removeFirst()
        target.comments[3] = ReviewComment(id: 3, author: "X", date: Fixtures.day, text: "new", subject: .pathway("PATH-2"))
        #expect(target.integrityProblems() == [])
        var catalog = Fixtures.fullCatalog()
        let set = catalog.changeSet(to: target, label: "Sync")
        let inverse = try Self.applyBoth(set, store: store, catalog: &catalog)
        #expect(catalog == target)
        try Self.applyBoth(inverse, store: store, catalog: &catalog)
        #expect(catalog == Fixtures.fullCatalog())
        #expect(catalog.changeSet(to: catalog, label: "Nothing").isEmpty)
    }

    @Test func aSecondWriterWaitsThenIsToldTheDocumentIsBusy() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        let store = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        // Another program holds the write lock longer than the busy timeout.
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let other = try DatabaseQueue(path: path)
        DispatchQueue.global().async {
            try? other.write { db in
                try db.execute(sql: "INSERT INTO learner (name) VALUES ('holder')")
                locked.signal()
                release.wait()
                throw CancellationError()  // roll back
            }
            done.signal()
        }
        locked.wait()
        let set = ChangeSet("Add", [.putFramework(CompetencyFramework(code: "NEW", title: "New"))])
        #expect(throws: StoreError.busy(path: path)) { try store.apply(set) }
        // Reading still works while the other program writes.
        #expect(try store.load() == Fixtures.fullCatalog())
        release.signal()
        done.wait()
        try store.apply(set)
        #expect(try store.load().frameworks["NEW"] != nil)
    }
}

@Suite struct ExternalChangeTests {
    @Test func aCommitByAnotherConnectionIsNoticedOnce() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        let mine = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        #expect(try mine.hasChangedElsewhere() == false)
        // My own writes are not "elsewhere".
        try mine.apply(ChangeSet("Mine", [.removeLearner("Bo")]))
        #expect(try mine.hasChangedElsewhere() == false)
        let theirs = try DocumentStore(path: path)
        try theirs.apply(ChangeSet("Theirs", [.putFramework(CompetencyFramework(code: "THEIRS", title: "Theirs"))]))
        #expect(try mine.hasChangedElsewhere() == true)
        #expect(try mine.hasChangedElsewhere() == false)
        #expect(try mine.load().frameworks["THEIRS"] != nil)
    }
}

@Suite struct BulkTests {
    /// A few thousand competencies in a tree, each with labels, as an importer would put them.
    static func framework(_ n: Int, labelSuffix: String) -> [Competency] {
        (0..<n).map { i in
            Competency(framework: "BULK", code: "C\(i)", uri: "http://example.org/c/\(i)",
                       title: "Competency \(i) \(i % 7 == 0 ? "negotiation" : "analysis")",
                       description: "Described \(i)", parent: i < 10 ? nil : "C\(i % 10)", position: i,
                       altLabels: ["label\(i)\(labelSuffix)", "other \(labelSuffix)"])
        }
    }

    @Test func bulkPutThenBulkUpdateKeepsRowsAndSearchInStep() throws {
        let folder = TempFolder()
        let base = Catalog(frameworks: [CompetencyFramework(code: "BULK", title: "Bulk")])
        let store = try DocumentStore.create(at: folder.path("bulk.sqlite"), seed: base)
        var catalog = base
        let first = ChangeSet("Import", Self.framework(3000, labelSuffix: "a").map(Change.putCompetency))
        try ApplyTests.applyBoth(first, store: store, catalog: &catalog)
        #expect(try store.searchCompetencies("label42a") == [CompetencyKey(framework: "BULK", code: "C42")])
        // Re-import with changed labels: updates, not duplicates, and the old labels leave the index.
        let second = ChangeSet("Re-import", Self.framework(3000, labelSuffix: "b").map(Change.putCompetency))
        try ApplyTests.applyBoth(second, store: store, catalog: &catalog)
        #expect(try store.searchCompetencies("label42a") == [])
        #expect(try store.searchCompetencies("label42b") == [CompetencyKey(framework: "BULK", code: "C42")])
        #expect(try store.searchCompetencies("negotiation", limit: 1000).count == 429)
    }

    @Test func theSameCompetencyPutTwiceInOneChangeSet() throws {
        let folder = TempFolder()
        let base = Catalog(frameworks: [CompetencyFramework(code: "BULK", title: "Bulk")])
        let store = try DocumentStore.create(at: folder.path("twice.sqlite"), seed: base)
        var catalog = base
        var c = Competency(framework: "BULK", code: "X", title: "First", altLabels: ["one", "two"])
        var changes: [Change] = [.putCompetency(c)]
        c.title = "Second"
        c.altLabels = ["three"]
        changes.append(.putCompetency(c))
        try ApplyTests.applyBoth(ChangeSet("Twice", changes), store: store, catalog: &catalog)
        #expect(try store.searchCompetencies("second") == [c.key])
        #expect(try store.searchCompetencies("one") == [])
    }
}
