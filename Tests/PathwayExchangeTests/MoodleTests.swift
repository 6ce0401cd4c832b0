import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct MoodleTests {
    func oecd() throws -> ImportedFramework? {
        guard let p = SharedFixtures.path("fixtures/moodle/oecd-competency-framework.csv") else { return nil }
        return try MoodleImporter.read(try ImportSource(path: p))
    }

    @Test func realOECDFrameworkImports() throws {
        guard let f = try oecd() else { return }
        #expect(f.framework.code == "OECD-CORE" && f.framework.title == "OECD")
        #expect(f.framework.source == .moodle)
        #expect(f.framework.scale == ["Not yet competent", "Competent"])
        #expect(f.framework.scaleConfiguration == #"[{"scaleid":"2"},{"id":2,"scaledefault":1,"proficient":1}]"#)
        #expect(f.framework.taxonomy == ["competency", "competency", "competency", "competency"])
        #expect(f.competencies.count == 64)
        // HTML becomes readable text: tags gone, paragraphs and breaks kept, entities decoded.
        #expect(f.framework.description.hasPrefix("The Core Competencies summarise the capabilities that are important across all jobs and that we believe collectively contribute to the OECD’s overall success."))
        #expect(f.framework.description.contains("\n\n• The delivery-related competencies\n• The interpersonal competencies\n• The strategic competencies"))
        #expect(!f.framework.description.contains("<"))
        let thinking = try #require(f.competencies.first { $0.code == "analytical-thinking" })
        #expect(thinking.description == "Analytical Thinking is the ability to identify patterns across situations that are not obviously related, and to identify key or underlying issues in complex situations.")
        #expect(thinking.parent == "delivery")

        var catalog = Catalog()
        catalog.apply(try ImportPlan(importing: f, into: catalog).changeSet)
        #expect(catalog.integrityProblems().isEmpty)
        let tree = CompetencyTree(catalog: catalog, framework: "OECD-CORE")
        #expect(tree.roots == ["levels", "competencies"])
        #expect(tree.depthFirst.map(\.depth).max() == 3)  // four levels
        #expect(tree.children(of: "levels") == ["level-1", "level-2", "level-3", "level-4", "level-5"])
        // level-1 cross-references the 39 indicators.
        let level1 = try #require(catalog.competencies[CompetencyKey(framework: "OECD-CORE", code: "level-1")])
        #expect(level1.relations.count == 39)
        #expect(level1.relations.allSatisfy { $0.kind == .related })
        #expect(f.notes.isEmpty)
    }

    @Test func exportRoundTripsEqual() throws {
        guard let f = try oecd() else { return }
        var catalog = Catalog()
        catalog.apply(try ImportPlan(importing: f, into: catalog).changeSet)
        let csv = try MoodleExporter.text(framework: "OECD-CORE", in: catalog)
        let records = try CSVReader.records(ImportSource(name: "out.csv", text: csv))
        #expect(records.count == 66 && records.allSatisfy { $0.fields.count == 14 })
        let back = try MoodleImporter.read(ImportSource(name: "out.csv", text: csv))
        let plan = try ImportPlan(importing: back, into: catalog)
        #expect(plan.changeSet.changes == [])
        var fresh = Catalog()
        fresh.apply(try ImportPlan(importing: back, into: fresh).changeSet)
        #expect(fresh == catalog)
    }

    static let header = "Parent ID,ID,Name,Description,Format,Scale,Config,R1,R2,R3,Cross,Exp,Is framework,Taxonomy\n"
    static let frameworkRow = ",FW,Framework,,1,\"A,B\",,,,,,,1,competency\n"

    func read(_ text: String) throws -> ImportedFramework {
        try MoodleImporter.read(ImportSource(name: "fw.csv", text: text))
    }

    @Test func malformedFilesNameFileAndLine() throws {
        func fails(_ text: String, _ expected: String) {
            let e = #expect(throws: ImportError.self) { try read(text) }
            #expect(e?.description == expected)
        }
        fails(Self.header + Self.frameworkRow + ",a,A,,1,,,,,,,,\n",
              "fw.csv, line 3: the row has 13 cells; Moodle framework files have 14. Check for a missing quote or comma")
        fails(Self.header + Self.frameworkRow + ",a,A,,1,,,,,,,,,\n,a,Again,,1,,,,,,,,,\n",
              "fw.csv, line 4: the ID number a is already used on line 3; ID numbers must be unique")
        fails(Self.header + Self.frameworkRow + "zz,a,A,,1,,,,,,,,,\n",
              "fw.csv, line 3: the parent ID number zz is not in the file; add that competency or clear the parent")
        fails(Self.header + ",a,A,,1,,,,,,,,,\n", "fw.csv: no row has \"Is framework\" set to 1; the file needs one framework row")
        fails(Self.header + Self.frameworkRow + ",a,\"A,,1,,,,,,,,,\n", "fw.csv, line 3: a quoted cell starting here is never closed; the file may be cut short, or a quote is missing")
        fails(Self.header, "fw.csv: the file has no framework row; a Moodle competency framework CSV has a header row, a framework row and competency rows")
        fails(Self.header + Self.frameworkRow + "b,a,A,,1,,,,,,,,,\nA,b,B,,1,,,,,,,,,\n",
              "fw.csv, line 4: the parent ID number A is not in the file; add that competency or clear the parent")
    }

    @Test func crossReferencesToMissingRowsAreLeftOutWithANote() throws {
        let f = try read(Self.header + Self.frameworkRow + ",a,A,,1,,,,,,\"b,zz\",,,\n,b,B,,1,,,,,,,,,\n")
        #expect(f.competencies.first?.relations == [CompetencyRelation(kind: .related, target: CompetencyKey(framework: "FW", code: "b"))])
        #expect(f.notes == ["1 cross references name ID numbers that are not in the file and were left out (a → zz)"])
    }

    @Test func parentLoopIsRefused() throws {
        let e = #expect(throws: ImportError.self) {
            try ImportPlan(importing: try read(Self.header + Self.frameworkRow + "b,a,A,,1,,,,,,,,,\na,b,B,,1,,,,,,,,,\n"), into: Catalog())
        }
        #expect(e?.message.contains("parent cycle") == true)
    }

    @Test func htmlToText() {
        #expect(HTMLText.toText("<p>One &amp; two</p><p>Three<br>four&nbsp;five</p>") == "One & two\n\nThree\nfour five")
        #expect(HTMLText.toText("<ul><li>a</li><li>b</li></ul>x") == "• a\n• b\n\nx")
        #expect(HTMLText.toText("<script>alert(1)</script>safe &#x263A; &#9731; &bogus; < 3") == "safe ☺ ☃ &bogus; < 3")
    }
}
