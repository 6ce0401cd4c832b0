import Foundation
import GRDB
import Testing
import PathwayModel
@testable import PathwayStore

/// Loading on one connection and on two (`ParallelLoad`, used for large documents): the same
/// catalog, the same errors, and never a mix of two versions of the file.
@Suite struct LoadTests {
    /// The full fixture plus what it lacks: several occupations (one with no skills, one with
    /// only optional ones), labels on many competencies, comments on competencies.
    static func richCatalog() -> Catalog {
        var catalog = Fixtures.fullCatalog()
        let long = "0f2b8c1e-5a7d-4c1a-9d36-2b7f0c1e4a11"
        for i in 0..<40 {
            let c = Competency(framework: "SOFT", code: "\(long)-\(i)", title: "Skill \(i) with a title long enough",
                               description: String(repeating: "described ", count: i), parent: i > 0 ? "\(long)-0" : nil,
                               position: i, altLabels: (0..<(i % 4)).map { "label \($0) of \(i)" })
            catalog.competencies[c.key] = c
        }
        let soft = { (i: Int) in CompetencyKey(framework: "SOFT", code: "\(long)-\(i)") }
        catalog.occupations["OCC-2"] = Occupation(code: "OCC-2", title: "No skills")
        catalog.occupations["OCC-3"] = Occupation(code: "OCC-3", title: "Optional only", optionalSkills: [soft(3), soft(1), soft(2)])
        catalog.occupations["OCC-4"] = Occupation(code: "OCC-4", title: "Many", essentialSkills: (0..<40).map(soft),
                                                   optionalSkills: [soft(39)])
        catalog.comments[9] = ReviewComment(id: 9, author: "Partner D", date: Fixtures.day, text: "Split it?", subject: .competency(soft(7)))
        catalog.learners["Cy"] = Learner(name: "Cy", priorLearning: [CompetencyLevel(competency: soft(5), level: Fixtures.lvl(2))])
        return catalog
    }

    @Test func oneAndTwoConnectionsReadEveryFieldAsWritten() throws {
        let folder = TempFolder()
        let catalog = Self.richCatalog()
        #expect(catalog.integrityProblems() == [])
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: catalog)
        let one = try store.load(.oneConnection)
        let two = try store.load(.twoConnections())
        #expect(one == catalog)
        #expect(two == catalog)
        for (code, occupation) in catalog.occupations {
            #expect(two.occupations[code]?.essentialSkills == occupation.essentialSkills, "\(code)")
            #expect(two.occupations[code]?.optionalSkills == occupation.optionalSkills, "\(code)")
        }
    }

    @Test func aReadOnlyDocumentLoadsOnTwoConnections() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        _ = try DocumentStore.create(at: path, seed: Self.richCatalog())
        let store = try DocumentStore(path: path, mode: .readOnly)
        #expect(try store.load(.twoConnections()) == Self.richCatalog())
    }

    /// Lists are handed over at their size, not with the spare room of a list grown by appending.
    @Test func listsReadInRunsAreStoredAtTheirSize() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Self.richCatalog())
        for loaded in [try store.load(.oneConnection), try store.load(.twoConnections())] {
            let many = try #require(loaded.occupations["OCC-4"])
            #expect(many.essentialSkills.count == 40)
            #expect(many.essentialSkills.capacity <= 41)
            for c in loaded.competencies.values where !c.altLabels.isEmpty {
                #expect(c.altLabels.capacity <= c.altLabels.count + 1, "\(c.code): \(c.altLabels.capacity) for \(c.altLabels.count)")
            }
            for c in loaded.credentials.values where !c.learningOutcomes.isEmpty {
                #expect(c.learningOutcomes.capacity <= c.learningOutcomes.count + 1, "\(c.code)")
            }
        }
    }

    /// Another program commits after the first connection's snapshot and before the second
    /// connection starts: the second would read the newer version. The load must notice and
    /// give one version whole — here the newer one — never competencies of one version with
    /// credentials of the other.
    @Test func aCommitBetweenTheTwoSnapshotsIsNeverMixedIn() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        let store = try DocumentStore.create(at: path, seed: Self.richCatalog())
        var newer = Self.richCatalog()
        var competency = try #require(newer.competencies[Fixtures.key("GREEN", "G1")])
        competency.title = "Renamed by the other program"
        newer.competencies[competency.key] = competency
        var credential = try #require(newer.credentials["BASE"])
        credential.title = "Retitled by the other program"
        newer.credentials["BASE"] = credential
        let other = try DocumentStore(path: path)
        var committed = false
        let hooks = ParallelLoad.Hooks(afterSnapshot: {
            try other.apply(ChangeSet("Elsewhere", [.putCompetency(competency), .putCredential(credential)]))
            committed = true
        })
        let loaded = try store.load(.twoConnections(hooks))
        #expect(committed)
        #expect(loaded.competencies[competency.key]?.title == competency.title)
        #expect(loaded.credentials["BASE"]?.title == credential.title)
        #expect(loaded == newer)
        // And without a commit in between, the snapshot is the one read.
        #expect(try store.load(.twoConnections(ParallelLoad.Hooks(afterSnapshot: {}))) == newer)
    }

    @Test func aSecondConnectionThatFailsLeavesTheWorkToTheFirst() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Self.richCatalog())
        #expect(try store.load(.twoConnections(ParallelLoad.Hooks(secondConnectionFails: true))) == Self.richCatalog())
    }

    /// Damage found on either connection is reported as a one-connection load reports it.
    @Test(arguments: [
        ("UPDATE credential SET status = 'lost' WHERE code = 'BASE'", "unknown credential status 'lost'"),
        ("UPDATE competency SET type = 'odd' WHERE code = 'G1'", "unknown competency type 'odd'"),
        ("UPDATE target_competency SET level = 11", "a pathway target has EQF level 11"),
        ("UPDATE occupation_skill SET competency = 999999 WHERE position = 0 AND essential = 1",
         "an occupation links to competency #999999, which does not exist"),
        ("UPDATE credential SET languages = '[\"pt\"' WHERE code = 'PROC-01'", "a credential's languages is not a JSON list of strings"),
    ])
    func damageIsReportedTheSameOnOneOrTwoConnections(_ damage: String, _ detail: String) throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        _ = try DocumentStore.create(at: path, seed: Self.richCatalog())
        let raw = try DatabaseQueue(path: path)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: damage)
        }
        try raw.close()
        let store = try DocumentStore(path: path)
        let expected = StoreError.corrupt(path: path, detail: detail)
        #expect(throws: expected) { try store.load(.oneConnection) }
        #expect(throws: expected) { try store.load(.twoConnections()) }
        #expect(throws: expected) { try store.load() }
    }

    /// Every reference to a competency holds the strings of the competency's own key, whichever
    /// connection read it.
    @Test func everyReferenceSharesItsCompetencysStrings() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Self.richCatalog())
        func sameStorage(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        }
        for loaded in [try store.load(.oneConnection), try store.load(.twoConnections())] {
            var references: [(String, CompetencyKey)] = []
            for o in loaded.occupations.values { references += (o.essentialSkills + o.optionalSkills).map { ("occupation \(o.code)", $0) } }
            for p in loaded.pathways.values { references += p.target.competencies.map { ("target of \(p.code)", $0.competency) } }
            for l in loaded.learners.values { references += l.priorLearning.map { ("prior learning of \(l.name)", $0.competency) } }
            for c in loaded.comments.values { if case .competency(let k) = c.subject { references.append(("comment \(c.id)", k)) } }
            for c in loaded.credentials.values {
                references += c.learningOutcomes.flatMap(\.mappings).map { ("mapping of \(c.code)", $0.competency) }
            }
            #expect(references.count > 50)
            for (what, reference) in references where reference.code.utf8.count > 15 {
                let own = try #require(loaded.competencies.index(forKey: reference).map { loaded.competencies.keys[$0] })
                #expect(sameStorage(reference.code, own.code), "\(what) holds its own copy of \(reference)")
            }
            let children = loaded.competencies.values.filter { $0.parent?.utf8.count ?? 0 > 15 }
            #expect(children.count == 39)
            for child in children {
                let parent = try #require(loaded.competencies.keys.first { $0.framework == child.framework && $0.code == child.parent })
                #expect(sameStorage(child.parent!, parent.code), "\(child.code)'s parent code is a copy")
            }
        }
    }
}
