import Foundation
import Testing
import PathwayTestSupport

/// `pathway progress` on a fresh database seeded from the sample data.
@Suite struct ProgressCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func states(_ root: [String: Any]) throws -> [String: String] {
        let rows = try #require(root["credentials"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.compactMap { r in
            (r["code"] as? String).map { ($0, r["state"] as? String ?? "") }
        })
    }

    @Test func showsStatesCreditsAndNextSteps() throws {
        let folder = TempFolder()
        let r = try PathwayBinary.run(["progress", "--pathway", "DSP-GPP", "--learner", "Marta Oliveira", "--db", try folder.sampleDatabase()])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Marta Oliveira on DSP-GPP  Green Public Procurement Officer\n"))
        #expect(r.stdout.contains("Credits: 7 ECTS earned, 11 ECTS still needed · target coverage 3/6"))
        #expect(r.stdout.contains("  completed           DSP-01"))
        #expect(r.stdout.contains("  available           DSP-03"))
        #expect(r.stdout.contains("Next, most useful first:\n  1. DSP-05"))
    }

    @Test func blockedCredentialsSayWhatTheyWaitFor() throws {
        let folder = TempFolder()
        let r = try PathwayBinary.run(["progress", "--pathway", "SPV-INST", "--learner", "Γιώργος Αντωνίου",
                                       "--format", "json", "--db", try folder.sampleDatabase()])
        #expect(r.status == 0)
        let root = try json(r.stdout)
        #expect(try states(root)["SPV-02"] == "completed")
        #expect(try states(root)["SPV-04"] == "blocked")
        let rows = try #require(root["credentials"] as? [[String: Any]])
        let spv04 = try #require(rows.first { $0["code"] as? String == "SPV-04" })
        let blocked = try #require(spv04["blockedBy"] as? [String: Any])
        #expect(blocked["credentials"] as? [String] == ["SPV-01"])
        let next = try #require(root["next"] as? [[String: Any]])
        #expect(next.first?["code"] as? String == "SPV-01")
        #expect(root["complete"] as? Bool == false)
    }

    @Test func whatIfCountsCredentialsWithoutSavingThem() throws {
        let folder = TempFolder()
        let db = try folder.sampleDatabase()
        let r = try PathwayBinary.run(["progress", "--pathway", "DSP-GPP", "--learner", "Marta Oliveira",
                                       "--what-if", "DSP-03, DSP-05", "--format", "json", "--db", db])
        #expect(r.status == 0)
        let root = try json(r.stdout)
        #expect(root["whatIf"] as? [String] == ["DSP-03", "DSP-05"])
        #expect(try states(root)["DSP-03"] == "completed")
        let rows = try #require(root["credentials"] as? [[String: Any]])
        #expect(rows.first { $0["code"] as? String == "DSP-03" }?["whatIf"] as? Bool == true)
        let again = try PathwayBinary.run(["progress", "--pathway", "DSP-GPP", "--learner", "Marta Oliveira", "--format", "json", "--db", db])
        #expect(try states(try json(again.stdout))["DSP-03"] == "available")
    }

    @Test func aCompletedPathwaySaysSo() throws {
        let folder = TempFolder()
        let r = try PathwayBinary.run(["progress", "--pathway", "TSV-ADULT", "--learner", "Ελένη Κ.", "--db", try folder.sampleDatabase()])
        #expect(r.status == 0)
        #expect(r.stdout.contains("The pathway is complete."))
        #expect(r.stdout.contains("0 ECTS still needed"))
    }

    @Test func badUsageExitsTwo() throws {
        let folder = TempFolder()
        let db = try folder.sampleDatabase()
        let noLearner = try PathwayBinary.run(["progress", "--pathway", "DSP-GPP", "--db", db])
        #expect(noLearner.status == 2)
        let unknown = try PathwayBinary.run(["progress", "--pathway", "DSP-GPP", "--learner", "Marta Oliveira", "--what-if", "NOPE", "--db", db])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--what-if names a credential that \(db) does not have: NOPE"))
        let pathway = try PathwayBinary.run(["progress", "--pathway", "NOPE", "--learner", "Marta Oliveira", "--db", db])
        #expect(pathway.status == 2)
        #expect(pathway.stderr.contains("has no pathway with code 'NOPE'"))
    }
}
