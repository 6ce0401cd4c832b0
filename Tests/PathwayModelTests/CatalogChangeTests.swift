import Testing
@testable import PathwayModel

/// A small document used by the model's tests: one framework of three competencies in a chain,
/// two credentials (B requires A), a pathway, a learner and a comment.
func smallCatalog() -> Catalog {
    let k = { (code: String) in CompetencyKey(framework: "F", code: code) }
    let l = { (n: Int) in EQFLevel(n)! }
    return Catalog(
        frameworks: [CompetencyFramework(code: "F", title: "Framework")],
        competencies: [
            Competency(framework: "F", code: "a", title: "A"),
            Competency(framework: "F", code: "a1", title: "A1", parent: "a", position: 0),
            Competency(framework: "F", code: "a1x", title: "A1x", parent: "a1"),
            Competency(framework: "F", code: "b", title: "B", position: 1),
        ],
        credentials: [
            MicroCredential(code: "A", title: "Cred A",
                            learningOutcomes: [LearningOutcome(id: "LO1", statement: "Learners can a.",
                                                               mappings: [CompetencyLevel(competency: k("a1x"), level: l(4))])]),
            MicroCredential(code: "B", title: "Cred B",
                            prerequisites: Prerequisites(credentials: ["A"], competencies: [CompetencyLevel(competency: k("a1"), level: l(3))])),
        ],
        pathways: [Pathway(code: "P", title: "Path",
                           target: PathwayTarget(competencies: [CompetencyLevel(competency: k("a1"), level: l(4))]),
                           stages: [Stage(title: "One", core: ["A"]), Stage(title: "Two", core: ["B"])])],
        learners: [Learner(name: "Ana", completions: [Completion(credential: "A", date: Day("2025-01-02")!)],
                           priorLearning: [CompetencyLevel(competency: k("b"), level: l(2))])],
        comments: [ReviewComment(id: 1, author: "Rev", date: Day("2025-02-03")!, text: "ok",
                                 subject: .competency(k("a1x")))]
    )
}

@Suite struct CatalogChangeTests {
    @Test func applyingThenUndoingRestoresTheCatalog() {
        var catalog = smallCatalog()
        let before = catalog
        let set = ChangeSet("edit", [
            .putCredential(MicroCredential(code: "C", title: "New")),
            .removeCredential("A"),
            .putCompetency(Competency(framework: "F", code: "b", title: "B renamed")),
            .removeFramework("F"),
        ])
        let undo = catalog.apply(set)
        #expect(catalog.credentials["C"] != nil)
        #expect(catalog.credentials["A"] == nil)
        #expect(catalog.competencies.isEmpty)
        catalog.apply(undo)
        #expect(catalog == before)
    }

    @Test func deletingACompetencyRemovesItsSubtreeAndMendsReferences() {
        var catalog = smallCatalog()
        let before = catalog
        let set = catalog.deletion(ofCompetency: CompetencyKey(framework: "F", code: "a1"))
        let undo = catalog.apply(set)
        #expect(catalog.competencies.keys.map(\.code).sorted() == ["a", "b"])
        #expect(catalog.credentials["A"]!.learningOutcomes[0].mappings.isEmpty)
        #expect(catalog.credentials["B"]!.prerequisites.competencies.isEmpty)
        #expect(catalog.pathways["P"]!.target.competencies.isEmpty)
        #expect(catalog.comments.isEmpty)
        #expect(catalog.integrityProblems().isEmpty)
        catalog.apply(undo)
        #expect(catalog == before)
    }

    @Test func deletingACredentialMendsPrerequisitesStagesAndCompletions() {
        var catalog = smallCatalog()
        catalog.apply(catalog.deletion(ofCredential: "A"))
        #expect(catalog.credentials["B"]!.prerequisites.credentials.isEmpty)
        #expect(catalog.pathways["P"]!.stages[0].core.isEmpty)
        #expect(catalog.learners["Ana"]!.completions.isEmpty)
        #expect(catalog.integrityProblems().isEmpty)
    }

    @Test func integrityProblemsNameDanglingReferences() {
        var catalog = smallCatalog()
        #expect(catalog.integrityProblems().isEmpty)
        catalog.pathways["P"]!.stages[0].core.append("GHOST")
        catalog.competencies[CompetencyKey(framework: "F", code: "b")]!.parent = "nowhere"
        let problems = catalog.integrityProblems().map(\.description)
        #expect(problems.contains("pathway P, stage 1: refers to credential GHOST, which does not exist"))
        #expect(problems.contains("competency F/b: has parent nowhere, which is not in the framework"))
    }

    @Test func parentCyclesAreReportedWithTheWholeLoop() {
        var catalog = smallCatalog()
        catalog.competencies[CompetencyKey(framework: "F", code: "a")]!.parent = "a1x"
        let cycles = catalog.parentCycles()
        #expect(cycles.count == 1)
        #expect(Set(cycles[0].codes) == ["a", "a1", "a1x"])
        #expect(cycles[0].codes.first == cycles[0].codes.last)
        // The tree still lists every other node and never loops.
        #expect(CompetencyTree(catalog: catalog, framework: "F").depthFirst.count <= 4)
    }
}

@Suite struct ValueTypeTests {
    @Test func eqfLevelsOutsideOneToEightDoNotExist() {
        #expect(EQFLevel(0) == nil)
        #expect(EQFLevel(9) == nil)
        #expect(EQFLevel(8)?.uri == "http://data.europa.eu/snb/eqf/8")
        #expect(QFEHEACycle.first.eqfLevel == EQFLevel(6))
    }

    @Test func daysParseOnlyRealDates() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2023-02-29") == nil)
        #expect(Day("2023-2-01") == nil)
        #expect(Day("2023-12-31")?.description == "2023-12-31")
    }

    @Test func competencyKeysSplitAtTheFirstSlash() {
        let key = CompetencyKey("ESCO/http://x/y")
        #expect(key?.framework == "ESCO")
        #expect(key?.code == "http://x/y")
        #expect(CompetencyKey("nosplit") == nil)
    }

    @Test func missingAnnexElementsAreListed() {
        var c = MicroCredential(code: "X", title: "T")
        #expect(c.missingAnnexIElements.count == 8)
        c.awardingBody = "Uni"; c.issuerCountry = "PT"; c.ects = 2; c.eqfLevel = EQFLevel(5)
        c.assessment = "project"; c.participation = .online; c.qualityAssurance = "internal"
        c.learningOutcomes = [LearningOutcome(id: "LO1", statement: "Learners can x.")]
        #expect(c.missingAnnexIElements.isEmpty)
    }

    @Test func treeFlattensInPositionOrderAndHonoursCollapse() {
        let tree = CompetencyTree(catalog: smallCatalog(), framework: "F")
        #expect(tree.depthFirst.map(\.competency.code) == ["a", "a1", "a1x", "b"])
        #expect(tree.depthFirst.map(\.depth) == [0, 1, 2, 0])
        #expect(tree.flatten { $0 != "a" }.map(\.competency.code) == ["a", "b"])
        #expect(tree.ancestry(of: "a1x") == ["a", "a1", "a1x"])
    }
}
