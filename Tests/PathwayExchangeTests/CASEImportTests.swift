import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct CASEImportTests {
    func fixture(_ name: String) throws -> ImportSource? {
        guard let p = SharedFixtures.path("fixtures/case/\(name)") else { return nil }
        return try ImportSource(path: p)
    }

    @Test func orderingPackageFromCASE10BuildsFiveLevels() throws {
        guard let source = try fixture("Ordering.json") else { return }
        let f = try CASEImporter.read(source)
        #expect(f.framework.title == "ACT Holistic Framework, Math")
        #expect(f.framework.code == "ACT-Holistic-Framework-Math")
        #expect(f.framework.uri == "http://localhost:3000/ims/case/v1p0/CFDocuments/a33fc64e-5c40-11e7-82c4-3d54268aa9ee")
        #expect(f.competencies.count == 28)
        let gm = try #require(f.competencies.first { $0.code == "H.A.MATH.GM" })
        #expect(gm.title == "Geometry and Measurement")
        #expect(gm.description.hasPrefix("Properties and measurements"))
        var catalog = Catalog()
        catalog.apply(try ImportPlan(importing: f, into: catalog).changeSet)
        #expect(catalog.integrityProblems().isEmpty)
        let depth = CompetencyTree(catalog: catalog, framework: f.framework.code).depthFirst.map(\.depth).max()
        #expect(depth == 4)  // five levels of items
    }

    @Test func sequenceNumbersOrderSiblings() throws {
        guard let source = try fixture("SequenceNumberFramework.json") else { return }
        let f = try CASEImporter.read(source)
        var catalog = Catalog()
        catalog.apply(try ImportPlan(importing: f, into: catalog).changeSet)
        #expect(catalog.children(of: nil, in: f.framework.code).map(\.code) == ["SNT.2", "SNT.1"])
    }

    @Test func utf8AndMarkdownTextSurviveExactly() throws {
        guard let utf8 = try fixture("Utf8TestFramework.json"), let md = try fixture("MarkdownFramework.json") else { return }
        let u = try CASEImporter.read(utf8)
        #expect(u.framework.title == "UTF8 𝑑 Test")
        #expect(u.competencies.map(\.title) == ["Item 𝑑 1"])
        // No humanCodingScheme: the identifier is the code.
        #expect(u.competencies.map(\.code) == ["00000000-0000-0000-0000-000000000001"])
        let m = try CASEImporter.read(md)
        let table = try #require(m.competencies.first { $0.code == "MD.Table" })
        #expect(table.title.contains("| Column 1 | Column 2 |\r\n| --- | --- |"))
        #expect(table.title.contains("$x = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}$"))
    }

    @Test func smartLevelHasTwoLevels() throws {
        guard let source = try fixture("SmartLevelFramework.json") else { return }
        let f = try CASEImporter.read(source)
        #expect(f.competencies.count == 14)
        let child = try #require(f.competencies.first { $0.title == "Item 1.1" })
        let parent = try #require(f.competencies.first { $0.title == "Item 1" })
        #expect(child.parent == parent.code)
    }

    static let minimal = """
    {"CFDocument": {"identifier": "d1", "uri": "http://x/d1", "creator": "me", "title": "T", "lastChangeDateTime": "2024-01-01T00:00:00Z"},
     "CFItems": [
       {"identifier": "i1", "uri": "http://x/i1", "fullStatement": "One", "humanCodingScheme": "A", "lastChangeDateTime": "2024-01-01T00:00:00Z"},
       {"identifier": "i2", "uri": "http://x/i2", "fullStatement": "Two", "humanCodingScheme": "B", "lastChangeDateTime": "2024-01-01T00:00:00Z"}
     ],
     "CFAssociations": [
       {"identifier": "a1", "uri": "http://x/a1", "associationType": "ASSOC", "originNodeURI": {"title": "", "identifier": "i2", "uri": "http://x/i2"},
        "destinationNodeURI": {"title": "", "identifier": "DEST", "uri": "http://x/DEST"}, "lastChangeDateTime": "2024-01-01T00:00:00Z"}
     ]}
    """

    func read(_ text: String) throws -> ImportedFramework {
        try CASEImporter.read(ImportSource(name: "pkg.json", text: text))
    }

    @Test func associationsBecomeTreeAndRelations() throws {
        let tree = try read(Self.minimal.replacingOccurrences(of: "ASSOC", with: "isChildOf").replacingOccurrences(of: "DEST", with: "i1"))
        #expect(tree.competencies.first { $0.code == "B" }?.parent == "A")
        let match = try read(Self.minimal.replacingOccurrences(of: "ASSOC", with: "exactMatchOf").replacingOccurrences(of: "DEST", with: "elsewhere"))
        #expect(match.competencies.first { $0.code == "B" }?.relations == [CompetencyRelation(kind: .exactMatch, targetURI: "http://x/elsewhere")])
        let ext = try read(Self.minimal.replacingOccurrences(of: "ASSOC", with: "ext:alignsWith").replacingOccurrences(of: "DEST", with: "i1"))
        #expect(ext.competencies.first { $0.code == "B" }?.relations == [CompetencyRelation(kind: RelationKind(rawValue: "ext:alignsWith"), target: CompetencyKey(framework: "T", code: "A"))])
    }

    @Test func malformedPackagesNameThePath() throws {
        func fails(_ text: String, _ expected: String) {
            let e = #expect(throws: ImportError.self) { try read(text) }
            #expect(e?.description == expected)
        }
        fails(Self.minimal.replacingOccurrences(of: "ASSOC", with: "isCousinOf"),
              "pkg.json, CFAssociations[0].associationType: 'isCousinOf' is not a CASE association type; use one of isChildOf, isPeerOf, isPartOf, exactMatchOf, precedes, isRelatedTo, replacedBy, exemplar, hasSkillLevel, isTranslationOf, or an extension type starting with ext:")
        fails(Self.minimal.replacingOccurrences(of: "\"identifier\": \"i2\", \"uri\": \"http://x/i2\", \"fullStatement\"", with: "\"identifier\": \"i1\", \"uri\": \"http://x/i2\", \"fullStatement\""),
              "pkg.json, CFItems[1].identifier: the identifier i1 is already used by CFItems[0]; identifiers must be unique")
        fails(String(Self.minimal.prefix(300)), "pkg.json, line 4, column 8 ($.CFItems[1]): a string is never closed with '\"' (the file may be cut short)")
        fails("{\"CFDocument\": {\"identifier\": \"d\", \"title\": 5}}", "pkg.json, CFDocument.title: must be text, not a number")
        fails("[]", "pkg.json, the top level: must be an object, not a list")
        fails("{\"CFItems\": []}", "pkg.json, CFDocument: is missing; it must be an object")
        fails("{\"CFDocument\": {\"identifier\": \"d\", \"title\": \"t\"}, \"CFItems\": [{\"identifier\": \"x\"}]}",
              "pkg.json, CFItems[0].fullStatement: is missing; it is required")
        fails("{\"a\": tru}", "pkg.json, line 1, column 7 ($.a): unexpected text; expected true (text needs double quotes)")
        fails(String(repeating: "[", count: 5000), "pkg.json, line 1, column 257 ($[0][0][0][0][0][0]…[0][0][0][0][0][0]): the JSON is nested more than 256 levels deep")
    }
}
