import Foundation
import Testing
import PathwayModel
import PathwayStore
import PathwayTestSupport

/// `pathway list` on a database with known contents.
@Suite struct ListCommandTests {
    static func key(_ f: String, _ c: String) -> CompetencyKey { CompetencyKey(framework: f, code: c) }

    static let catalog = Catalog(
        frameworks: [CompetencyFramework(code: "PROC", title: "Procurement"),
                     CompetencyFramework(code: "SOFT", title: "Soft skills")],
        competencies: [
            Competency(framework: "PROC", code: "P1", title: "Tendering"),
            Competency(framework: "PROC", code: "P1.1", title: "Award criteria", parent: "P1"),
            Competency(framework: "SOFT", code: "S1", title: "Teamwork \u{1B}[31mred\u{7}", type: .transversal),
        ],
        credentials: [MicroCredential(code: "MC-1", title: "Green tendering", ects: 2.5, eqfLevel: EQFLevel(6))],
        pathways: [Pathway(code: "PW-1", title: "Buyer", stages: [Stage(title: "One", core: ["MC-1"])])],
        learners: [Learner(name: "Ana", completions: [Completion(credential: "MC-1", date: Day("2025-01-02")!)])],
        occupations: [Occupation(code: "OC-1", title: "Buyer", essentialSkills: [key("PROC", "P1")])])

    static func database(_ folder: TempFolder) throws -> String {
        let path = folder.path("list.sqlite")
        _ = try DocumentStore.create(at: path, seed: catalog)
        return path
    }

    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]])
    }

    @Test(arguments: [
        ("frameworks", ["PROC", "SOFT"]),
        ("competencies", ["P1", "P1.1", "S1"]),
        ("credentials", ["MC-1"]),
        ("pathways", ["PW-1"]),
        ("learners", ["Ana"]),
        ("occupations", ["OC-1"]),
    ])
    func jsonHasCodesAndTitles(kind: String, codes: [String]) throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", kind, "--format", "json", "--db", try Self.database(folder)])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let rows = try Self.jsonArray(result.stdout)
        #expect(rows.compactMap { $0["code"] as? String } == codes)
        #expect(rows.allSatisfy { ($0["title"] as? String)?.isEmpty == false })
    }

    @Test func competenciesOfOneFrameworkInTreeOrder() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "competencies", "--framework", "PROC", "--format", "json",
                                            "--db", try Self.database(folder)])
        let rows = try Self.jsonArray(result.stdout)
        #expect(rows.map { $0["code"] as? String } == ["P1", "P1.1"])
        #expect(rows.map { $0["depth"] as? Int } == [0, 1])
        #expect(rows.last?["parent"] as? String == "P1")
    }

    @Test func unknownFrameworkIsAnError() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "competencies", "--framework", "NOPE", "--db", try Self.database(folder)])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no framework with code 'NOPE'"))
        #expect(result.stderr.contains("PROC, SOFT"))
    }

    @Test func textIsAlignedColumnsWithControlCharactersMadeVisible() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "competencies", "--db", try Self.database(folder)])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("FRAMEWORK"))
        // Every row's code starts in the same column as the heading CODE.
        let column = try #require(lines[0].range(of: "CODE")).lowerBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst() {
            #expect(line.dropFirst(column).first != " ")
            #expect(line.prefix(column).last == " ")
        }
        #expect(lines[2].contains("  Award criteria"))
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{7}"))
        #expect(result.stdout.contains("␛[31mred␇"))
    }

    @Test func jsonEscapesControlCharacters() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "competencies", "--format", "json", "--db", try Self.database(folder)])
        #expect(!result.stdout.contains("\u{1B}"))
        let rows = try Self.jsonArray(result.stdout)
        #expect(rows.last?["title"] as? String == "Teamwork \u{1B}[31mred\u{7}")
    }

    @Test func pathwayWithNoSubcommandListsThePathways() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["--db", try Self.database(folder)])
        #expect(result.status == 0)
        #expect(result.stdout.contains("PW-1"))
        #expect(result.stdout.contains("Buyer"))
    }

    @Test func readOnlyListingLeavesTheFileAlone() throws {
        let folder = TempFolder()
        let path = try Self.database(folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try PathwayBinary.run(["list", "pathways", "--read-only", "--db", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("PW-1"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func dbOptionBeforeTheSubcommandIsUsed() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["--db", try Self.database(folder), "list", "credentials"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("MC-1"))
    }
}
