import Foundation
import Testing
import PathwayTestSupport

/// `pathway check` on a fresh database seeded from the sample data (SampleData/README.md):
/// DSP-DIGI has three planted errors, every other pathway is free of errors and warnings.
@Suite struct CheckCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func checkingEverythingExitsOneAndShowsTheFlawedPathway() throws {
        let folder = TempFolder()
        let r = try PathwayBinary.run(["check", "--db", try folder.sampleDatabase()])
        #expect(r.status == 1)
        #expect(r.stdout.contains("DSP-DIGI  Digital Procurement Analyst (draft)"))
        #expect(r.stdout.contains("prerequisite.missing  DSP-07 in stage 2 (Analytics) requires DSP-04, which is not in the pathway."))
        #expect(r.stdout.contains("ects.below-target"))
        #expect(r.stdout.contains("coverage.not-covered"))
        #expect(r.stdout.contains("Total: 3 errors, 0 warnings"))
        #expect(r.stdout.contains("\nCatalog\n"))
    }

    @Test func aSoundPathwayExitsZero() throws {
        let folder = TempFolder()
        let r = try PathwayBinary.run(["check", "--pathway", "DSP-GPP", "--db", try folder.sampleDatabase()])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("DSP-GPP  Green Public Procurement Officer\n  0 errors, 0 warnings"))
        #expect(r.stdout.contains("18–19 ECTS (target 15–20)"))
        #expect(!r.stdout.contains("DSP-DIGI"))
        #expect(!r.stdout.contains("Catalog"))
    }

    @Test func jsonCarriesCodesSeveritiesMessagesAndEntities() throws {
        let folder = TempFolder()
        let r = try PathwayBinary.run(["check", "--format", "json", "--db", try folder.sampleDatabase()])
        #expect(r.status == 1)
        let root = try json(r.stdout)
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary["errors"] == 3 && summary["warnings"] == 0)
        #expect(root["catalog"] is [Any])
        let pathways = try #require(root["pathways"] as? [[String: Any]])
        #expect(pathways.compactMap { $0["code"] as? String }.sorted() == pathways.compactMap { $0["code"] as? String })
        #expect(pathways.count == 8)
        let digi = try #require(pathways.first { $0["code"] as? String == "DSP-DIGI" })
        let findings = try #require(digi["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["code"] as? String }.sorted() == ["coverage.not-covered", "ects.below-target", "prerequisite.missing"])
        for f in findings {
            #expect(f["severity"] as? String == "error")
            #expect((f["message"] as? String)?.isEmpty == false)
            #expect(f["pathway"] as? String == "DSP-DIGI")
        }
        let missing = try #require(findings.first { $0["code"] as? String == "prerequisite.missing" })
        #expect(missing["stage"] as? Int == 2)
        let entities = try #require(missing["entities"] as? [[String: String]])
        #expect(entities.contains(["kind": "credential", "code": "DSP-04"]))
        #expect(entities.contains(["kind": "stage", "code": "DSP-DIGI#2"]))
        let ects = try #require(digi["ects"] as? [String: Any])
        #expect(ects["min"] as? Double == 7 && ects["targetMin"] as? Double == 12)
        #expect(ects["everyRouteInRange"] as? Bool == false)
        let coverage = try #require(digi["coverage"] as? [String: Int])
        #expect(coverage == ["everyRoute": 3, "someRoute": 3, "required": 4])
        #expect((digi["stages"] as? [[String: Any]])?.count == 2)
    }

    @Test func oneSoundPathwayAsJSONHasNoCatalogSection() throws {
        let folder = TempFolder()
        let r = try PathwayBinary.run(["check", "--pathway", "SPV-TECH", "--format", "json", "--db", try folder.sampleDatabase()])
        #expect(r.status == 0)
        let root = try json(r.stdout)
        #expect(root["catalog"] == nil)
        #expect((root["summary"] as? [String: Int])?["errors"] == 0)
    }

    @Test func aLearnerWhoCompletedTheMissingPrerequisiteRemovesThatError() throws {
        let folder = TempFolder()
        let r = try PathwayBinary.run(["check", "--pathway", "DSP-DIGI", "--learner", "Δημήτρης Παπαδόπουλος",
                                       "--db", try folder.sampleDatabase()])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("Checked for learner Δημήτρης Παπαδόπουλος."))
        #expect(!r.stdout.contains("prerequisite.missing"))
        #expect(r.stdout.contains("ects.below-target"))
    }

    @Test func anUnknownPathwayOrLearnerIsBadUsage() throws {
        let folder = TempFolder()
        let db = try folder.sampleDatabase()
        let p = try PathwayBinary.run(["check", "--pathway", "NOPE", "--db", db])
        #expect(p.status == 2)
        #expect(p.stderr.contains("has no pathway with code 'NOPE'; use one of: DSP-DIGI"))
        #expect(p.stdout.isEmpty)
        let l = try PathwayBinary.run(["check", "--learner", "Nobody", "--db", db])
        #expect(l.status == 2)
        #expect(l.stderr.contains("has no learner named 'Nobody'"))
        let f = try PathwayBinary.run(["check", "--format", "xml", "--db", db])
        #expect(f.status == 2)
    }

    @Test func anUnreadableDatabaseIsExitTwo() throws {
        let folder = TempFolder()
        let path = folder.path("notes.sqlite")
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        let r = try PathwayBinary.run(["check", "--db", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(path))
        #expect(r.stdout.isEmpty)
    }
}
