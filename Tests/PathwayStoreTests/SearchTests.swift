import Foundation
import Testing
import PathwayModel
@testable import PathwayStore

/// Full-text search over competency titles, alternative labels and descriptions.
@Suite struct SearchTests {
    static let store: DocumentStore = {
        let folder = TempFolder()
        var catalog = Fixtures.fullCatalog()
        catalog.competencies[CompetencyKey(framework: "SOFT", code: "S2")] =
            Competency(framework: "SOFT", code: "S2", title: "Problem solving", description: "Solve \"hard\" problems (AND think) OR NOT?")
        catalog.competencies[CompetencyKey(framework: "SOFT", code: "S3")] =
            Competency(framework: "SOFT", code: "S3", title: "Café procurement étiquette")
        let store = try! DocumentStore.create(at: folder.path("doc.sqlite"), seed: catalog)
        // Keep the folder for the life of the suite.
        folders.append(folder)
        return store
    }()
    nonisolated(unsafe) static var folders: [TempFolder] = []

    static func key(_ f: String, _ c: String) -> CompetencyKey { CompetencyKey(framework: f, code: c) }

    @Test func findsByTitlePrefix() throws {
        // G1.1 has it in its title, G1 only in its description.
        #expect(try Self.store.searchCompetencies("life-cyc") == [Self.key("GREEN", "G1.1"), Self.key("GREEN", "G1")])
        #expect(try Self.store.searchCompetencies("TEAMW") == [Self.key("SOFT", "S1")])
    }

    @Test func findsByDescriptionAndAltLabel() throws {
        #expect(try Self.store.searchCompetencies("whole-life") == [Self.key("GREEN", "G1.1")])
        #expect(try Self.store.searchCompetencies("eco-procurement") == [Self.key("GREEN", "G1")])
        #expect(try Self.store.searchCompetencies("collab") == [Self.key("SOFT", "S1")])
    }

    @Test func titleMatchesRankFirstAndFrameworkFilters() throws {
        let all = try Self.store.searchCompetencies("procurement")
        #expect(Set(all) == [Self.key("GREEN", "G1"), Self.key("SOFT", "S3")])
        #expect(try Self.store.searchCompetencies("procurement", framework: "SOFT") == [Self.key("SOFT", "S3")])
        #expect(try Self.store.searchCompetencies("procurement", limit: 1).count == 1)
    }

    @Test func everyWordMustMatch() throws {
        #expect(try Self.store.searchCompetencies("sustainable procurement") == [Self.key("GREEN", "G1")])
        #expect(try Self.store.searchCompetencies("sustainable teamwork") == [])
    }

    @Test func diacriticsAreIgnored() throws {
        #expect(try Self.store.searchCompetencies("cafe etiquette") == [Self.key("SOFT", "S3")])
    }

    @Test(arguments: ["\"", "\"hard", "AND", "OR NOT", "NEAR(", "*", "title:problem", "(", "^", "a\"b\"c", "'; DROP TABLE competency; --", "\u{0}", "🌱"])
    func operatorsAndQuotesAreJustText(_ text: String) throws {
        _ = try Self.store.searchCompetencies(text)
        #expect(try Self.store.searchCompetencies("teamwork") == [Self.key("SOFT", "S1")])
    }

    @Test func quotedWordsStillFindTheirText() throws {
        #expect(try Self.store.searchCompetencies("\"hard\"") == [Self.key("SOFT", "S2")])
        #expect(try Self.store.searchCompetencies("AND think") == [Self.key("SOFT", "S2")])
        #expect(try Self.store.searchCompetencies("problem:solv") == [Self.key("SOFT", "S2")])
    }

    @Test func emptyOrPunctuationOnlyFindsNothing() throws {
        #expect(try Self.store.searchCompetencies("") == [])
        #expect(try Self.store.searchCompetencies("  -- ** ") == [])
    }
}
