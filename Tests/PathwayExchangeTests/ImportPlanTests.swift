import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct ImportPlanTests {
    func imported(_ codes: [String], title: String = "Green procurement", uri: String? = nil, source: FrameworkSource = .own) -> ImportedFramework {
        ImportedFramework(
            framework: CompetencyFramework(code: "GP", title: title, source: source, uri: uri),
            competencies: codes.enumerated().map { Competency(framework: "GP", code: $1, title: "Competency \($1)", position: $0) },
            source: "new.csv")
    }

    @Test func newerVersionUpdatesAndMendsReferences() throws {
        var catalog = TestCatalog.make()
        catalog.frameworks["GP"]?.reviewStatus = .approved
        catalog.comments[3] = ReviewComment(id: 3, author: "Jo", date: Day("2025-02-03")!, text: "Rename?",
                                            subject: .competency(CompetencyKey(framework: "GP", code: "NEG")))
        // The new version drops NEG (taught by GP-01 and GP-03, in the pathway target) and adds NEW.
        let plan = try ImportPlan(importing: imported(["PLAN", "LAW", "GREEN", "NEW"]), into: catalog)
        #expect(plan.framework.code == "GP")
        #expect(plan.summary.frameworkIsNew == false)
        #expect((plan.summary.added, plan.summary.changed, plan.summary.removed) == (1, 3, 1))
        #expect(plan.summary.referencesMended == 3)  // GP-01, GP-03, the pathway target
        var after = catalog
        after.apply(plan.changeSet)
        #expect(after.integrityProblems() == [])
        #expect(after.frameworks["GP"]?.reviewStatus == .approved)  // the document's own review status stays
        #expect(after.frameworks["GP"]?.sector == "Public sector")
        #expect(after.competencies[CompetencyKey(framework: "GP", code: "NEG")] == nil)
        #expect(after.comments[3] == nil)
        #expect(after.pathways["GP-PW"]?.target.competencies.count == 2)
        // The same version again changes nothing.
        let again = try ImportPlan(importing: imported(["PLAN", "LAW", "GREEN", "NEW"]), into: after)
        #expect(again.changeSet.isEmpty && again.summary.unchanged == 4)
    }

    @Test func codeIsChosenByURIThenCodeThenNumbered() throws {
        var catalog = Catalog(frameworks: [CompetencyFramework(code: "MINE", title: "x", source: .case, uri: "http://a/doc")])
        #expect(try ImportPlan(importing: imported(["A"], uri: "http://a/doc", source: .case), into: catalog).framework.code == "MINE")
        catalog.frameworks["GP"] = CompetencyFramework(code: "GP", title: "someone else's", source: .case, uri: "http://b/doc")
        #expect(try ImportPlan(importing: imported(["A"], uri: "http://c/doc", source: .case), into: catalog).framework.code == "GP-2")
        #expect(try ImportPlan(importing: imported(["A"], uri: "http://c/doc", source: .case), into: catalog, code: "GP").framework.code == "GP")
        let e = #expect(throws: ImportError.self) { try ImportPlan(importing: imported(["A"]), into: catalog, code: "a/b") }
        #expect(e?.description == "--framework: 'a/b' cannot be a framework code: the code contains '/', which is reserved")
    }

    @Test func aNewFrameworkIsAllAddedUnlessLeftoversUseItsCode() throws {
        let fresh = try ImportPlan(importing: imported(["A", "B"]), into: TestCatalog.make(), code: "NEW")
        #expect((fresh.summary.added, fresh.summary.changed, fresh.summary.unchanged) == (2, 0, 0))
        #expect(fresh.summary.frameworkIsNew && fresh.changeSet.changes.count == 3)
        // A competency left behind under the code (its framework gone) is compared, not re-added blindly.
        let leftovers = Catalog(competencies: [Competency(framework: "GP", code: "A", title: "Competency A", position: 0)])
        let plan = try ImportPlan(importing: imported(["A", "B"]), into: leftovers)
        #expect(plan.summary.frameworkIsNew)
        #expect((plan.summary.added, plan.summary.changed, plan.summary.unchanged) == (1, 0, 1))
    }

    @Test func duplicateCodesAreRefused() {
        let e = #expect(throws: ImportError.self) { try ImportPlan(importing: imported(["A", "B", "A"]), into: Catalog()) }
        #expect(e?.description == "new.csv: the code A is used by more than one competency; codes must be unique")
    }
}
