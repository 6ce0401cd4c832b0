import Foundation
import Testing
import PathwayTestSupport

/// The standards import and export commands, run as the real `pathway` binary on a temporary
/// database: what a user sees, what lands in the database, and that a failing import leaves the
/// database byte for byte as it was.
@Suite struct ExchangeCommandsTests {
    static let repo = URL(fileURLWithPath: Repository.root)
    static let shared = repo.deletingLastPathComponent().appendingPathComponent("shared")

    static func fixture(_ relative: String) -> String? {
        let p = shared.appendingPathComponent(relative).path
        if FileManager.default.fileExists(atPath: p) { return p }
        print("SKIPPED: \(p) is missing; the shared fixtures folder is not beside the repository")
        return nil
    }

    static func own(_ name: String) -> String {
        repo.appendingPathComponent("Tests/PathwayExchangeTests/Fixtures/\(name)").path
    }

    func pathway(_ args: [String]) throws -> PathwayBinary.Result { try PathwayBinary.run(args) }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func moodleImportReimportAndRoundTrip() throws {
        guard let oecd = Self.fixture("fixtures/moodle/oecd-competency-framework.csv") else { return }
        let folder = TempFolder()
        let db = try folder.sampleDatabase("doc.sqlite")
        let first = try pathway(["import", "moodle", oecd, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Created framework OECD-CORE (OECD): 64 competencies — 64 added, 0 changed, 0 removed, 0 unchanged.\n")
        let again = try pathway(["import", "moodle", oecd, "--db", db])
        #expect(again.stdout.hasPrefix("Updated framework OECD-CORE (OECD): 64 competencies — 0 added, 0 changed, 0 removed, 64 unchanged."))
        let listed = try pathway(["list", "competencies", "--framework", "OECD-CORE", "--db", db])
        #expect(listed.stdout.contains("Analytical Thinking"))

        // Export, then import the export into a second database: the same competencies.
        let csv = folder.path("out.csv")
        let export = try pathway(["export", "moodle", "--framework", "OECD-CORE", "--out", csv, "--db", db])
        #expect(export.status == 0 && export.stderr.contains("Wrote the Moodle framework OECD-CORE to \(csv)."))
        let reimport = try pathway(["import", "moodle", csv, "--db", db])
        #expect(reimport.stdout.hasPrefix("Updated framework OECD-CORE (OECD): 64 competencies — 0 added, 0 changed, 0 removed, 64 unchanged."))
    }

    @Test func failingImportsLeaveTheDatabaseUntouched() throws {
        guard let oecd = Self.fixture("fixtures/moodle/oecd-competency-framework.csv"),
              let ordering = Self.fixture("fixtures/case/Ordering.json") else { return }
        let folder = TempFolder()
        let db = try folder.sampleDatabase("doc.sqlite")
        #expect(try pathway(["import", "moodle", oecd, "--db", db]).status == 0)
        let before = try #require(bytes(db))

        // A truncated CASE package.
        let cut = folder.path("cut.json")
        try Data(try #require(bytes(ordering)).prefix(2000)).write(to: URL(fileURLWithPath: cut))
        let r1 = try pathway(["import", "case", cut, "--db", db])
        #expect(r1.status == 2)
        #expect(r1.stderr.hasPrefix("Error: \(cut), line "))
        #expect(r1.stdout.isEmpty)

        // A Moodle row 9 of many with a wrong column count.
        var lines = String(decoding: try #require(bytes(oecd)), as: UTF8.self).components(separatedBy: "\n")
        lines[11] = lines[11] + ",extra"
        let bad = folder.path("bad.csv")
        try lines.joined(separator: "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let r2 = try pathway(["import", "moodle", bad, "--db", db])
        #expect(r2.status == 2)
        #expect(r2.stderr.contains("\(bad), line "))
        #expect(r2.stderr.contains("the row has 15 cells; Moodle framework files have 14"))

        // Unknown association type, missing file, a folder.
        let text = String(decoding: try #require(bytes(ordering)), as: UTF8.self)
        let unknown = folder.path("unknown.json")
        try text.replacingOccurrences(of: "\"isChildOf\"", with: "\"isCousinOf\"").write(toFile: unknown, atomically: true, encoding: .utf8)
        let r3 = try pathway(["import", "case", unknown, "--db", db])
        #expect(r3.stderr.contains("CFAssociations[0].associationType: 'isCousinOf' is not a CASE association type"))
        let r4 = try pathway(["import", "case", folder.path("missing.json"), "--db", db])
        #expect(r4.status == 2 && r4.stderr.contains("there is no such file; check the path"))
        let r5 = try pathway(["import", "esco", "--skills", folder.url.path, "--db", db])
        #expect(r5.status == 2 && r5.stderr.contains("this is a folder, not a file"))

        #expect(bytes(db) == before)
    }

    @Test func failingImportIntoANewDatabaseCreatesNoFile() throws {
        let folder = TempFolder()
        let bad = folder.path("bad.json")
        try "{\"CFDocument\": 1}".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try pathway(["import", "case", bad, "--db", folder.path("new.sqlite")])
        #expect(r.status == 2)
        #expect(r.stderr == "Error: \(bad), CFDocument: must be an object, not a number\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("new.sqlite")))
    }

    @Test func escoImportWithOccupationsAndDryRun() throws {
        guard let hierarchy = Self.fixture("fixtures/esco/skillsHierarchy_en.csv") else { return }
        let folder = TempFolder()
        let db = try folder.sampleDatabase("doc.sqlite")
        let args = ["import", "esco", "--skills", Self.own("skills_en.csv"), "--occupations", Self.own("occupations_en.csv"),
                    "--relations", Self.own("occupationSkillRelations_en.csv"), "--hierarchy", hierarchy,
                    "--broader", Self.own("broaderRelationsSkillPillar_en.csv"), "--db", db]
        let dry = try pathway(args + ["--dry-run"])
        #expect(dry.status == 0 && dry.stdout.hasPrefix("Dry run, nothing changed."))
        let r = try pathway(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Created framework ESCO (ESCO skills pillar): 645 competencies — 645 added"))
        #expect(r.stdout.contains("Occupations: 2 added, 0 changed."))
        #expect(r.stdout.contains("Note: 1 occupation–skill links name skills that are not in this import and were left out"))
        let occupations = try pathway(["list", "occupations", "--db", db])
        #expect(occupations.stdout.contains("procurement officer"))
        // A newer version with one skill fewer: updated, not duplicated.
        let fewer = folder.path("skills_v2.csv")
        let text = String(decoding: try #require(bytes(Self.own("skills_en.csv"))), as: UTF8.self)
        try text.components(separatedBy: "\r\n").filter { !$0.contains("44444444-4444") }.joined(separator: "\r\n")
            .write(toFile: fewer, atomically: true, encoding: .utf8)
        let r2 = try pathway(["import", "esco", "--skills", fewer, "--hierarchy", hierarchy, "--db", db])
        #expect(r2.stdout.contains("Updated framework ESCO (ESCO skills pillar): 644 competencies — 0 added,"))
        #expect(r2.stdout.contains(", 1 removed,"))
    }

    @Test func exportsWriteStandardsFiles() throws {
        guard let ordering = Self.fixture("fixtures/case/Ordering.json") else { return }
        let folder = TempFolder()
        let db = try folder.sampleDatabase("doc.sqlite")
        #expect(try pathway(["import", "case", ordering, "--db", db]).status == 0)
        let r = try pathway(["export", "case", "--framework", "ACT-Holistic-Framework-Math", "--db", db])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect((json?["CFItems"] as? [Any])?.count == 28)
        let missing = try pathway(["export", "ob3", "--credential", "NOPE", "--db", db])
        #expect(missing.status == 2 && missing.stderr == "Error: there is no credential NOPE; `pathway list credentials` shows the codes\n")
        let both = try pathway(["export", "elm", "--credential", "A", "--pathway", "B", "--db", db])
        #expect(both.status == 2 && both.stderr.contains("Give exactly one of --credential CODE or --pathway CODE."))
    }

    @Test func reportCommandWritesMarkdownAndHTML() throws {
        let folder = TempFolder()
        let db = try folder.sampleDatabase("doc.sqlite")
        // The seeded sample data has a pathway; take the first one listed.
        let listed = try pathway(["list", "pathways", "--format", "json", "--db", db])
        let items = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        guard let code = items.first?["code"] as? String else {
            print("SKIPPED: the sample data has no pathway to report on")
            return
        }
        let md = try pathway(["report", "--pathway", code, "--db", db])
        #expect(md.status == 0 && md.stdout.contains("## Coverage matrix") && md.stdout.contains("## Review comments"))
        let html = folder.path("r.html")
        let r = try pathway(["report", "--pathway", code, "--format", "html", "--out", html, "--db", db])
        #expect(r.status == 0 && r.stderr.contains("Wrote the html report on \(code) to \(html)."))
        #expect(String(decoding: try #require(bytes(html)), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        let bad = try pathway(["report", "--pathway", "NOPE", "--db", db])
        #expect(bad.status == 2 && bad.stderr == "Error: there is no pathway NOPE; `pathway list pathways` shows the codes\n")
    }
}
