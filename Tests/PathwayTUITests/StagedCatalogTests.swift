import PathwayModel
@testable import PathwayTUI
import Testing

/// A large document is shown before its occupations are read (`App.catalogLoaded` puts them in
/// right after the first frame): once they are in, the app is as if it had been opened with the
/// whole catalog, and its findings about occupations are there.
@Suite struct StagedCatalogTests {
    /// The demo catalog with occupations, one of them linking to a competency that does not
    /// exist (an integrity finding only the whole catalog has).
    static func whole() -> Catalog {
        var catalog = Demo.catalog
        let skills = Array(catalog.competencies.keys.sorted().prefix(3))
        catalog.occupations["OCC-1"] = Occupation(code: "OCC-1", title: "Buyer", essentialSkills: skills)
        catalog.occupations["OCC-2"] = Occupation(code: "OCC-2", title: "Auditor",
                                                   optionalSkills: [CompetencyKey(framework: "GONE", code: "X")])
        return catalog
    }

    @Test func theWholeCatalogReplacesThePartBeforeAnyKey() {
        let whole = Self.whole()
        var part = whole
        part.occupations = [:]
        let session = MemorySession(displayName: "demo.pathway")
        var app = App(catalog: part, session: session, options: App.Options(checkInBackground: true))
        let firstFrame = app.screenText
        let version = app.state.document.version
        app.catalogLoaded(whole)
        #expect(app.state.document.catalog == whole)
        #expect(app.state.document.version > version)
        #expect(app.screenText == firstFrame, "the overview shows nothing of the occupations")
        while app.hasBackgroundWork { app.doBackgroundWork(while: { true }) }
        let expected = Document(catalog: whole).findings
        #expect(app.state.document.findings == expected)
        #expect(expected.contains { $0.message.contains("GONE/X") }, "\(expected.map(\.message))")
    }

    /// A document checked at once (not in the background) is checked again with the whole catalog.
    @Test func aCheckedDocumentIsCheckedAgainWhole() {
        let whole = Self.whole()
        var part = whole
        part.occupations = [:]
        var document = Document(catalog: part)
        #expect(document.isChecked)
        #expect(!document.findings.contains { $0.message.contains("GONE/X") })
        document.replaceCatalog(whole)
        #expect(document.isChecked)
        #expect(document.findings == Document(catalog: whole).findings)
    }

    /// An edit after the whole catalog is in keeps the occupations.
    @Test func anEditAfterwardsKeepsTheOccupations() {
        let whole = Self.whole()
        var part = whole
        part.occupations = [:]
        var app = App(catalog: part, session: MemorySession(displayName: "demo.pathway"), options: App.Options(checkInBackground: true))
        app.catalogLoaded(whole)
        var competency = whole.competencies.values.sorted { $0.key < $1.key }[0]
        competency.title = "Renamed"
        app.state.document.apply(ChangeSet("Rename", [.putCompetency(competency)]))
        #expect(app.state.document.catalog.occupations == whole.occupations)
        #expect(app.state.document.catalog.competencies[competency.key]?.title == "Renamed")
    }
}
