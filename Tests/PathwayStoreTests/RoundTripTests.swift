import Foundation
import Testing
import PathwayModel
@testable import PathwayStore

@Suite struct RoundTripTests {
    @Test func everyFieldSurvivesCreateAndLoad() throws {
        let folder = TempFolder()
        let catalog = Fixtures.fullCatalog()
        #expect(catalog.integrityProblems() == [])
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: catalog)
        let loaded = try store.load()
        #expect(loaded == catalog)
        #expect(try store.consistencyProblems() == [])
    }

    @Test func reopeningGivesTheSameCatalog() throws {
        let folder = TempFolder()
        let path = folder.path("doc.sqlite")
        _ = try DocumentStore.create(at: path, seed: Fixtures.fullCatalog())
        let reopened = try DocumentStore(path: path)
        #expect(try reopened.load() == Fixtures.fullCatalog())
        #expect(!reopened.isReadOnly)
    }

    @Test func replaceAllSwapsTheWholeDocument() throws {
        let folder = TempFolder()
        let store = try DocumentStore.create(at: folder.path("doc.sqlite"), seed: Fixtures.fullCatalog())
        let small = Catalog(frameworks: [CompetencyFramework(code: "ONLY", title: "Only")],
                            competencies: [Competency(framework: "ONLY", code: "X", title: "Only child")])
        try store.replaceAll(with: small)
        #expect(try store.load() == small)
        #expect(try store.searchCompetencies("procurement") == [])
        #expect(try store.consistencyProblems() == [])
    }
}

@Suite struct HostileTextTests {
    static let nasty = ["quote \" and \\ backslash", "NUL\u{0}inside", "ESC \u{1B}]0;title\u{7} BEL", "bidi \u{202E}txet",
                        "emoji 🌱👩🏽‍🔧", "", "   ", "line\nbreak\r\ttab", String(repeating: "long ", count: 20_000)]

    @Test func anyTextSurvivesTheDatabase() throws {
        let folder = TempFolder()
        var competencies: [Competency] = []
        for (i, text) in Self.nasty.enumerated() {
            competencies.append(Competency(framework: "F", code: "C\(i)", title: text, description: text, altLabels: Self.nasty))
        }
        let catalog = Catalog(
            frameworks: [CompetencyFramework(code: "F", title: Self.nasty[2], scale: Self.nasty, taxonomy: Self.nasty)],
            competencies: competencies,
            credentials: [MicroCredential(code: "MC", title: Self.nasty[1], stackability: .stackable(towards: Self.nasty),
                                          languages: Self.nasty)],
            learners: [Learner(name: Self.nasty[3], note: Self.nasty[0])])
        let store = try DocumentStore.create(at: folder.path("hostile.sqlite"), seed: catalog)
        #expect(try store.load() == catalog)
        // Applying a change set (the other write path) keeps it too.
        var edited = competencies[0]
        edited.altLabels = Self.nasty.reversed()
        try store.apply(ChangeSet("Edit", [.putCompetency(edited)]))
        #expect(try store.load().competencies[edited.key] == edited)
        #expect(try store.searchCompetencies("inside").contains(CompetencyKey(framework: "F", code: "C1")))
    }
}
