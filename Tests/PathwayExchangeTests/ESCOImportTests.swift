import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct ESCOImportTests {
    func local(_ name: String) throws -> ImportSource { try ImportSource(path: SharedFixtures.local(name)) }
    let skill1 = "11111111-1111-4111-8111-111111111111"

    @Test func mainFilesWithRealHierarchyBuildTheTreeAndOccupations() throws {
        guard let h = SharedFixtures.path("fixtures/esco/skillsHierarchy_en.csv") else { return }
        var steps: [Double] = []
        let files = ESCOFiles(skills: [try local("skills_en.csv")], occupations: try local("occupations_en.csv"),
                              relations: try local("occupationSkillRelations_en.csv"),
                              hierarchy: try ImportSource(path: h), broader: try local("broaderRelationsSkillPillar_en.csv"))
        let imported = try ESCOImporter.read(files) { steps.append($0) }
        #expect(steps.first == 0 && steps.last == 1 && steps == steps.sorted())
        #expect(imported.framework.code == "ESCO")
        #expect(imported.framework.uri == ESCOImporter.skillsSchemeURI)
        #expect(imported.competencies.count == 640 + 5)
        let byCode = Dictionary(uniqueKeysWithValues: imported.competencies.map { ($0.code, $0) })

        // Groups use ESCO's readable codes and nest four levels deep.
        #expect(byCode["S"]?.title == "skills" && byCode["S"]?.parent == nil)
        #expect(byCode["S4.8.1"]?.parent == "S4.8")
        #expect(byCode["S4.8"]?.parent == "S4")
        #expect(byCode["K"]?.type == .knowledge && byCode["T"]?.type == .transversal)
        // Description and scope note both kept.
        #expect(byCode["L2"]?.description.contains("Scope note: Excludes:") == true)

        let negotiate = try #require(byCode[skill1])
        #expect(negotiate.uri == "http://data.europa.eu/esco/skill/\(skill1)")
        #expect(negotiate.parent == "S1.1.1")
        #expect(negotiate.altLabels == ["negotiate with suppliers", "agree supplier terms"])
        #expect(negotiate.description == "Negotiate terms, price and delivery with suppliers, \"fairly\" and on record.")
        #expect(byCode["55555555-5555-4555-8555-555555555555"]?.parent == skill1)  // a skill under a skill
        #expect(byCode["44444444-4444-4444-8444-444444444444"]?.type == .transversal)
        let law = try #require(byCode["33333333-3333-4333-8333-333333333333"])
        #expect(law.type == .knowledge && law.description == "Rules for public purchasing." && law.parent == nil)
        #expect(law.relations == [CompetencyRelation(kind: .broader, targetURI: "http://data.europa.eu/esco/skill/99999999-9999-4999-8999-999999999999")])

        // Occupations with essential/optional skills; the link to a skill not imported is dropped.
        #expect(imported.occupations.count == 2)
        let officer = try #require(imported.occupations.first { $0.title == "procurement officer" })
        #expect(officer.code == "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa" && officer.iscoGroup == "3323")
        #expect(officer.essentialSkills.map(\.code) == [skill1, "33333333-3333-4333-8333-333333333333"])
        #expect(officer.optionalSkills.map(\.code) == ["55555555-5555-4555-8555-555555555555"])
        #expect(imported.notes == ["1 occupation–skill links name skills that are not in this import and were left out"])

        // The result goes into an empty document with no integrity problems.
        let plan = try ImportPlan(importing: imported, into: Catalog())
        var catalog = Catalog()
        catalog.apply(plan.changeSet)
        #expect(catalog.integrityProblems().isEmpty)
        #expect(plan.summary.added == 645 && plan.summary.occupationsAdded == 2)
        // Siblings: groups in code order (S1.1 before S1.10 would be natural), skills by name.
        let tree = CompetencyTree(catalog: catalog, framework: "ESCO")
        // Pillars first, then skills whose broader group is not in the import, by name.
        #expect(tree.roots == ["K", "L", "S", "T", "33333333-3333-4333-8333-333333333333", "44444444-4444-4444-8444-444444444444"])
        #expect(tree.children(of: "S").prefix(3) == ["S1", "S2", "S3"])
    }

    @Test func realCollectionsReadByHeaderNameWithPipeSeparatedValues() throws {
        guard let t = SharedFixtures.path("fixtures/esco/transversalSkillsCollection_en.csv"),
              let d = SharedFixtures.path("fixtures/esco/digCompSkillsCollection_en.csv") else { return }
        let transversal = try ESCOImporter.read(ESCOFiles(skills: [try ImportSource(path: t)]))
        #expect(transversal.framework.code == "ESCO-transversal")
        #expect(transversal.competencies.count == 95)
        #expect(transversal.competencies.filter { $0.type == .transversal }.count == 94)
        let initiative = try #require(transversal.competencies.first { $0.title == "show initiative" })
        #expect(initiative.altLabels.count == 7 && initiative.altLabels.first == "take the initiative")
        #expect(initiative.description == "Be proactive and take the first step in an action without waiting for what others say or do.")
        // Broader groups are not in a collection alone: kept as broader relations by URI.
        #expect(initiative.relations == [CompetencyRelation(kind: .broader, targetURI: "http://data.europa.eu/esco/skill/91860993-1a8b-4473-91f3-600aa1924bd0")])

        let digcomp = try ESCOImporter.read(ESCOFiles(skills: [try ImportSource(path: d)]))
        #expect(digcomp.framework.code == "ESCO-digComp" && digcomp.competencies.count == 25)
        let solve = try #require(digcomp.competencies.first { $0.code == "14832d87-2f2f-4895-b290-e4760ebae42a" })
        #expect(solve.title == "solve technical problems" && solve.type == .skillCompetence)
        // Of its three broader concepts, the one in the collection is the parent.
        #expect(solve.parent == "7e5147d1-60b1-4a68-804b-1f5cb0396b91")
        #expect(solve.relations.count == 2 && solve.relations.allSatisfy { $0.kind == .broader })
        #expect(digcomp.competencies.filter { $0.type == .knowledge }.count == 2)

        // With the hierarchy, the transversal skills hang under their groups.
        guard let h = SharedFixtures.path("fixtures/esco/skillsHierarchy_en.csv") else { return }
        let both = try ESCOImporter.read(ESCOFiles(skills: [try ImportSource(path: t)], hierarchy: try ImportSource(path: h)))
        let placed = try #require(both.competencies.first { $0.title == "show initiative" })
        #expect(placed.parent != nil && placed.relations.isEmpty)
        #expect(both.framework.code == "ESCO")
    }

    @Test func malformedFilesNameFileAndLine() throws {
        func fails(_ text: String, _ expected: String) {
            let e = #expect(throws: ImportError.self) {
                try ESCOImporter.read(ESCOFiles(skills: [ImportSource(name: "skills_en.csv", text: text)]))
            }
            #expect(e?.description == expected)
        }
        let header = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,description\r\n"
        let row = "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/abc,skill/competence,transversal,x,d\r\n"
        fails(header + row + row, "skills_en.csv, line 3: the skill http://data.europa.eu/esco/skill/abc is already listed on line 2; each skill must appear once")
        fails(header + row + "KnowledgeSkillCompetence,http://e/x,knowledge\r\n",
              "skills_en.csv, line 3: the row has 3 cells but the header has 6; check for a missing or extra quote or comma")
        fails(header + row + "K,http://e/y,knowledge,,\"cut", "skills_en.csv, line 3: a quoted cell starting here is never closed; the file may be cut short, or a quote is missing")
        fails("uri,label\r\nx,y\r\n", "skills_en.csv, line 1: the header has no column \"conceptUri\"; is this the right file?")
        fails(header + "K,,skill/competence,,x,d\r\n", "skills_en.csv, line 2: the conceptUri cell is empty; every skill needs its ESCO URI")
        fails("", "skills_en.csv: the file is empty; expected a header row and data")
    }

    /// Relation rows are matched by the bytes of their URIs: padded, quoted or upper-case cells,
    /// rows of one occupation spread through the file, repeats, and unknown URIs.
    @Test func relationRowsMatchWhateverTheirOrderOrPadding() throws {
        let s = "http://data.europa.eu/esco/skill/", o = "http://data.europa.eu/esco/occupation/"
        let skills = "conceptUri,preferredLabel,skillType\n" + ["a1", "b2", "c3"].map { "\(s)\($0),skill \($0),skill/competence\n" }.joined()
        let occupations = "conceptUri,preferredLabel\n\(o)x,role x\n\(o)y,role y\n"
        let relations = """
            occupationUri,relationType,skillUri
            \(o)x,essential,\(s)a1
            \(o)y,OPTIONAL,\(s)b2
            "\(o)x", Essential ,\(s)c3
              \(o)y  ,essential,"\(s)a1"
            \(o)x,optional,\(s)a1
            \(o)y,optional,\(s)zz
            \(o)zz,essential,\(s)a1
            \(o)x,essential,\(s)b2\u{20}

            """
        let imported = try ESCOImporter.read(ESCOFiles(
            skills: [ImportSource(name: "skills_en.csv", text: skills)],
            occupations: ImportSource(name: "occupations_en.csv", text: occupations),
            relations: ImportSource(name: "occupationSkillRelations_en.csv", text: relations)))
        let x = try #require(imported.occupations.first { $0.code == "x" })
        let y = try #require(imported.occupations.first { $0.code == "y" })
        // x: a1 essential (its later "optional" row repeats the pair and is left out), c3, b2.
        #expect(x.essentialSkills.map(\.code) == ["a1", "c3", "b2"] && x.optionalSkills.isEmpty)
        #expect(y.essentialSkills.map(\.code) == ["a1"] && y.optionalSkills.map(\.code) == ["b2"])
        #expect(x.essentialSkills.allSatisfy { $0.framework == "ESCO" })
        #expect(imported.notes == [
            "1 occupation–skill links name skills that are not in this import and were left out",
            "1 occupation–skill links name occupations that are not in the occupations file and were left out",
        ])
        let bad = relations.replacingOccurrences(of: "OPTIONAL", with: "sometimes")
        let e = #expect(throws: ImportError.self) {
            try ESCOImporter.read(ESCOFiles(skills: [ImportSource(name: "skills_en.csv", text: skills)],
                                            occupations: ImportSource(name: "occupations_en.csv", text: occupations),
                                            relations: ImportSource(name: "rel.csv", text: bad)))
        }
        #expect(e?.description == "rel.csv, line 3: relationType is 'sometimes'; it must be essential or optional")
    }

    /// A skill listed in a collection and again in skills_en.csv is one competency with the
    /// broader links of both; listed twice in one file, it is refused at the second line.
    @Test func skillsListedInTwoFilesMergeButNotTwiceInOne() throws {
        let s = "http://data.europa.eu/esco/skill/"
        let collection = "conceptUri,preferredLabel,broaderConceptUri\n\(s)a1,skill a1,\(s)g1 | \(s)b2\n\(s)b2,skill b2,\n"
        let main = "conceptUri,preferredLabel\n\(s)b2,skill b2 again\n\(s)a1,skill a1\n"
        let imported = try ESCOImporter.read(ESCOFiles(skills: [ImportSource(name: "greenSkillsCollection_en.csv", text: collection),
                                                                ImportSource(name: "skills_en.csv", text: main)]))
        #expect(imported.competencies.map(\.code) == ["a1", "b2"])
        #expect(imported.competencies[1].title == "skill b2")   // the first listing names it
        let a1 = imported.competencies[0]
        #expect(a1.parent == "b2")
        #expect(a1.relations == [CompetencyRelation(kind: .broader, targetURI: "\(s)g1")])
        let e = #expect(throws: ImportError.self) {
            try ESCOImporter.read(ESCOFiles(skills: [ImportSource(name: "skills_en.csv", text: main + "\(s)b2,again\n")]))
        }
        #expect(e?.description == "skills_en.csv, line 4: the skill \(s)b2 is already listed on line 2; each skill must appear once")
    }

    @Test func relationsWithoutOccupationsAreRefused() throws {
        let e = #expect(throws: ImportError.self) {
            try ESCOImporter.read(ESCOFiles(skills: [try local("skills_en.csv")], relations: try local("occupationSkillRelations_en.csv")))
        }
        #expect(e?.message.contains("--occupations") == true)
    }
}
