import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct CASEExportTests {
    static let stamp = "2025-03-14T09:00:00+00:00"

    func imported(_ name: String) throws -> (Catalog, String)? {
        guard let p = SharedFixtures.path("fixtures/case/\(name)") else { return nil }
        let f = try CASEImporter.read(try ImportSource(path: p))
        var catalog = Catalog()
        let plan = try ImportPlan(importing: f, into: catalog)
        catalog.apply(plan.changeSet)
        return (catalog, plan.framework.code)
    }

    @Test(arguments: ["Ordering.json", "SmartLevelFramework.json", "Utf8TestFramework.json",
                      "MarkdownFramework.json", "SequenceNumberFramework.json"])
    func exportIsValidAndRoundTripsEqual(name: String) throws {
        guard let (catalog, code) = try imported(name) else { return }
        let text = try CASEExporter.text(framework: code, in: catalog, changed: Self.stamp)
        if let errors = SchemaValidator.errors(json: text, schema: "case-v1p1-cfpackage.schema.json") {
            #expect(errors == [])
        }
        // Import the export into the same document: nothing changes.
        let again = try CASEImporter.read(ImportSource(name: "export.json", text: text))
        let plan = try ImportPlan(importing: again, into: catalog)
        #expect(plan.framework.code == code)
        #expect(plan.changeSet.changes == [], "\(plan.changeSet.changes.prefix(3))")
        #expect(plan.summary.unchanged == catalog.competencies.count)
        // And into an empty document: the same framework and competencies.
        var fresh = Catalog()
        fresh.apply(try ImportPlan(importing: again, into: fresh).changeSet)
        #expect(fresh.frameworks == catalog.frameworks)
        #expect(fresh.competencies == catalog.competencies)
        // Identifiers from the source are kept.
        #expect(text.contains(catalog.frameworks[code]!.uri!))
    }

    @Test func ownFrameworkWithRelationsExportsValidAndStable() throws {
        var catalog = Catalog(frameworks: [CompetencyFramework(code: "GP", title: "Green procurement", description: "Sector map <b>&</b> more", version: "2.1")])
        catalog.competencies = Dictionary(uniqueKeysWithValues: [
            Competency(framework: "GP", code: "GP.1", title: "Plan", description: "Plan purchases", altLabels: ["planning", "forecast"]),
            Competency(framework: "GP", code: "GP.1.1", title: "Forecast demand", type: .knowledge, parent: "GP.1", position: 2),
            Competency(framework: "GP", code: "GP.1.2", title: "Set criteria", parent: "GP.1", position: 1,
                       relations: [CompetencyRelation(kind: .related, target: CompetencyKey(framework: "GP", code: "GP.1.1")),
                                   CompetencyRelation(kind: .exactMatch, targetURI: "http://data.europa.eu/esco/skill/11111111-1111-4111-8111-111111111111"),
                                   CompetencyRelation(kind: .broader, targetURI: "http://example.org/x")]),
        ].map { ($0.key, $0) })
        let text = try CASEExporter.text(framework: "GP", in: catalog, changed: Self.stamp)
        if let errors = SchemaValidator.errors(json: text, schema: "case-v1p1-cfpackage.schema.json") {
            #expect(errors == [])
        }
        #expect(try CASEExporter.text(framework: "GP", in: catalog, changed: Self.stamp) == text)
        let back = try CASEImporter.read(ImportSource(name: "gp.json", text: text))
        let plan = try ImportPlan(importing: back, into: Catalog(), code: "GP")
        var fresh = Catalog()
        fresh.apply(plan.changeSet)
        // Same content; URIs are now filled in with the exported identifiers.
        for (key, c) in catalog.competencies {
            var got = try #require(fresh.competencies[key])
            #expect(got.uri?.hasPrefix("urn:uuid:") == true)
            got.uri = nil
            #expect(got == c)
        }
        #expect(fresh.frameworks["GP"]?.version == "2.1")
        #expect(fresh.frameworks["GP"]?.description == "Sector map <b>&</b> more")
    }

    @Test func validatorReportsSchemaErrors() {
        let broken = #"{"CFDocument": {"identifier": "not-a-uuid", "uri": "u", "title": "t", "lastChangeDateTime": "2025-01-01T00:00:00Z"}, "extra": 1}"#
        guard let errors = SchemaValidator.errors(json: broken, schema: "case-v1p1-cfpackage.schema.json") else { return }
        #expect(errors.count == 3)  // no creator, a bad uuid, an unknown member
    }

    @Test func unknownFrameworkIsAnExportError() {
        #expect(throws: ExportError.self) { try CASEExporter.text(framework: "NOPE", in: Catalog(), changed: Self.stamp) }
    }
}
