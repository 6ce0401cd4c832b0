import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// `loadInStages`: everything but the occupations at once, the occupations once `complete`
/// returns — together exactly what `load()` gives, from one version of the file, whatever the
/// second connection does and whatever another program commits meanwhile.
@Suite struct StagedLoadTests {
    static func document(_ folder: TempFolder) throws -> (store: DocumentStore, path: String) {
        let path = folder.path("doc.sqlite")
        return (try DocumentStore.create(at: path, seed: LoadTests.richCatalog()), path)
    }

    @Test func theFirstPartIsAllButTheOccupationsAndCompletingGivesTheWholeDocument() throws {
        let folder = TempFolder()
        let (store, _) = try Self.document(folder)
        let whole = LoadTests.richCatalog()
        #expect(!whole.occupations.isEmpty)
        let (first, remainder) = try store.loadInStages(.twoConnections())
        let rest = try #require(remainder)
        #expect(first.occupations.isEmpty)
        var withoutOccupations = whole
        withoutOccupations.occupations = [:]
        #expect(first == withoutOccupations)
        var catalog = first
        try rest.complete(&catalog)
        #expect(catalog == whole)
        #expect(catalog == (try store.load(.oneConnection)))
        // A second call changes nothing.
        try rest.complete(&catalog)
        #expect(catalog == whole)
    }

    @Test func linksHoldTheirCompetencysOwnKey() throws {
        let folder = TempFolder()
        let (store, _) = try Self.document(folder)
        var (catalog, remainder) = try store.loadInStages(.twoConnections())
        try #require(remainder).complete(&catalog)
        func sameStorage(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        }
        let links = catalog.occupations.values.flatMap { $0.essentialSkills + $0.optionalSkills }
        #expect(links.count > 40)
        for link in links where link.code.utf8.count > 15 {
            let own = try #require(catalog.competencies.index(forKey: link).map { catalog.competencies.keys[$0] })
            #expect(sameStorage(link.code, own.code))
        }
    }

    /// A small document (under 4 MB) is read whole at once: there is nothing to complete.
    @Test func aSmallDocumentIsReadWhole() throws {
        let folder = TempFolder()
        let (store, _) = try Self.document(folder)
        let (catalog, remainder) = try store.loadInStages()
        #expect(remainder == nil)
        #expect(catalog == LoadTests.richCatalog())
        let (one, none) = try store.loadInStages(.oneConnection)
        #expect(none == nil)
        #expect(one == LoadTests.richCatalog())
    }

    /// What another program commits after the load returned is not mixed into the occupations:
    /// they come from the snapshot the rest of the catalog came from.
    @Test func aCommitAfterTheFirstPartIsNotMixedIntoTheOccupations() throws {
        let folder = TempFolder()
        let (store, path) = try Self.document(folder)
        var (catalog, remainder) = try store.loadInStages(.twoConnections())
        let other = try DocumentStore(path: path)
        var changed = try #require(LoadTests.richCatalog().occupations["OCC-4"])
        changed.title = "Changed by the other program"
        changed.essentialSkills.removeLast(10)
        try other.apply(ChangeSet("Elsewhere", [.putOccupation(changed)]))
        try #require(remainder).complete(&catalog)
        #expect(catalog == LoadTests.richCatalog())
    }

    /// A commit between the two connections' snapshots: the whole newer version, read at once.
    @Test func aCommitBetweenTheSnapshotsGivesTheNewerVersionWhole() throws {
        let folder = TempFolder()
        let (store, path) = try Self.document(folder)
        var newer = LoadTests.richCatalog()
        var occupation = try #require(newer.occupations["OCC-3"])
        occupation.optionalSkills.reverse()
        newer.occupations["OCC-3"] = occupation
        var credential = try #require(newer.credentials["BASE"])
        credential.title = "Retitled by the other program"
        newer.credentials["BASE"] = credential
        let other = try DocumentStore(path: path)
        let hooks = ParallelLoad.Hooks(afterSnapshot: {
            try other.apply(ChangeSet("Elsewhere", [.putOccupation(occupation), .putCredential(credential)]))
        })
        let (catalog, remainder) = try store.loadInStages(.twoConnections(hooks))
        #expect(remainder == nil)
        #expect(catalog == newer)
    }

    /// The second connection fails before the designs or before the occupations: the store's
    /// own connection reads them, with the same result.
    @Test(arguments: [true, false])
    func aSecondConnectionThatFailsLeavesTheWorkToTheFirst(fromTheStart: Bool) throws {
        let hooks = fromTheStart ? ParallelLoad.Hooks(secondConnectionFails: true) : ParallelLoad.Hooks(occupationsFail: true)
        let folder = TempFolder()
        let (store, _) = try Self.document(folder)
        var (catalog, remainder) = try store.loadInStages(.twoConnections(hooks))
        #expect(catalog.occupations.isEmpty)
        try #require(remainder).complete(&catalog)
        #expect(catalog == LoadTests.richCatalog())
    }

    /// The occupations are read on the store's connection after another program committed: the
    /// rest of the catalog is of the older version, so the whole document is read again.
    @Test func aCommitBeforeOccupationsAreReadHereGivesTheNewerVersionWhole() throws {
        let folder = TempFolder()
        let (store, path) = try Self.document(folder)
        var (catalog, remainder) = try store.loadInStages(.twoConnections(ParallelLoad.Hooks(occupationsFail: true)))
        var newer = LoadTests.richCatalog()
        var competency = try #require(newer.competencies[Fixtures.key("GREEN", "G1")])
        competency.title = "Renamed by the other program"
        newer.competencies[competency.key] = competency
        newer.occupations["OCC-2"] = nil
        let other = try DocumentStore(path: path)
        try other.apply(ChangeSet("Elsewhere", [.putCompetency(competency), .removeOccupation("OCC-2")]))
        try #require(remainder).complete(&catalog)
        #expect(catalog == newer)
    }

    /// Damage to the links is found by `complete`, in the words `load()` uses; damage elsewhere
    /// by `loadInStages` itself.
    @Test func damageIsReportedAsALoadReportsIt() throws {
        let folder = TempFolder()
        let (_, path) = try Self.document(folder)
        try damage(path, "UPDATE occupation_skill SET competency = 999999 WHERE position = 0 AND essential = 1")
        let store = try DocumentStore(path: path)
        let expected = StoreError.corrupt(path: path, detail: "an occupation links to competency #999999, which does not exist")
        #expect(throws: expected) { try store.load() }
        for hooks in [ParallelLoad.Hooks(), ParallelLoad.Hooks(occupationsFail: true)] {
            var (catalog, remainder) = try store.loadInStages(.twoConnections(hooks))
            #expect(throws: expected) { try #require(remainder).complete(&catalog) }
        }
        try damage(path, "UPDATE credential SET status = 'lost' WHERE code = 'BASE'")
        let credential = StoreError.corrupt(path: path, detail: "unknown credential status 'lost'")
        #expect(throws: credential) { try store.loadInStages(.twoConnections()) }
    }

    private func damage(_ path: String, _ sql: String) throws {
        let raw = try DatabaseQueue(path: path)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
        }
        try raw.close()
    }
}
