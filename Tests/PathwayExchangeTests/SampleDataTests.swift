import Foundation
import Testing
import PathwayModel
import PathwayExchange
import PathwaySamples

/// The shipped sample data: three sectors, each a complete, honest example that loads cleanly.
@Suite struct SampleDataTests {
    private let files = SampleData.projectFiles()

    private func sector(_ name: String) throws -> Catalog {
        let url = try #require(files.first { $0.lastPathComponent == name }, "missing sample file \(name)")
        return try ProjectFile.decode(try Data(contentsOf: url), source: name)
    }

    @Test func allFilesLoadTogetherWithoutIntegrityProblems() throws {
        #expect(files.map(\.lastPathComponent) == [
            "digital-sustainable-procurement.json", "solar-pv-installation.json", "transversal-skills-vet.json",
        ])
        let catalog = try ProjectFile.loadAll(files)
        #expect(catalog.integrityProblems().isEmpty)
        #expect(catalog.frameworks.keys.sorted() == ["DSP", "SPV", "TSV"])
        // Comment ids are unique across files, so merging renumbers nothing.
        #expect(catalog.comments.keys.sorted() == [1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24])
    }

    @Test(arguments: ["digital-sustainable-procurement.json", "solar-pv-installation.json", "transversal-skills-vet.json"])
    func eachSectorIsCompleteAndSelfContained(file: String) throws {
        let catalog = try sector(file)
        #expect(catalog.frameworks.count == 1)
        let framework = try #require(catalog.frameworkList.first)
        let tree = CompetencyTree(catalog: catalog, framework: framework.code)
        #expect((25...60).contains(catalog.competencies.count))
        #expect((2...3).contains((tree.depthFirst.map(\.depth).max() ?? 0) + 1))
        #expect(Set(catalog.competencies.values.map(\.type)) == Set(CompetencyType.allCases))
        #expect((6...10).contains(catalog.credentials.count))
        #expect(catalog.pathways.count >= 2)
        #expect((2...4).contains(catalog.learners.count))
        #expect(catalog.learners.values.contains { !$0.priorLearning.isEmpty })
        #expect(catalog.learners.values.contains { !$0.completions.isEmpty })
        #expect(catalog.comments.count >= 3)
        #expect(!catalog.occupations.isEmpty)
        #expect(catalog.pathways.values.contains { $0.reviewStatus == .approved })
    }

    @Test func theFilesAreInTheFormTheAppWrites() throws {
        // Exporting what was imported gives the same bytes, so a team's git diffs stay small.
        for url in files {
            let data = try Data(contentsOf: url)
            let catalog = try ProjectFile.decode(data, source: url.lastPathComponent)
            #expect(ProjectFile.encode(catalog) == data, "\(url.lastPathComponent) is not in canonical form")
        }
    }

    @Test func everyCredentialFillsEveryAnnexIElementWithHonestWorkload() throws {
        let catalog = try ProjectFile.loadAll(files)
        for c in catalog.credentialList {
            #expect(c.missingAnnexIElements.isEmpty, "\(c.code) lacks \(c.missingAnnexIElements.map(\.label))")
            let perCredit = try #require(c.hoursPerCredit, "\(c.code) has no hours")
            #expect(ECTS.hoursPerCredit.contains(perCredit), "\(c.code): \(perCredit) hours per ECTS")
            #expect((1...30).contains(c.ects ?? 0), "\(c.code): \(c.ects ?? 0) ECTS")
            // The optional elements are filled too.
            #expect(c.supervision != nil && !c.gradingScheme.isEmpty && !c.furtherInformation.isEmpty, "\(c.code)")
            #expect(!c.prerequisites.isEmpty && c.stackability.isStackable, "\(c.code)")
            #expect(!c.languages.isEmpty && c.iscedField.count == 4 && !c.summary.isEmpty, "\(c.code)")
            for o in c.learningOutcomes {
                #expect(o.statement.hasPrefix("Learners can "), "\(c.code) \(o.id)")
                #expect(!o.mappings.isEmpty, "\(c.code) \(o.id) maps to nothing")
                for m in o.mappings {
                    #expect(m.level <= c.eqfLevel!, "\(c.code) \(o.id) maps \(m.competency) above the credential's level")
                }
            }
        }
        let levels = Set(catalog.credentials.values.compactMap(\.eqfLevel?.value))
        #expect(levels.isSuperset(of: [2, 3, 4, 5, 6, 7]))
    }

    @Test func theSamplesUseElectivesAndNonASCIIText() throws {
        let catalog = try ProjectFile.loadAll(files)
        let groups = catalog.pathwayList.flatMap { $0.stages.flatMap(\.electiveGroups) }
        #expect(groups.contains { $0.choose == 1 && $0.options.count == 2 })
        #expect(groups.contains { $0.choose == 2 && $0.options.count == 3 })
        let bodies = Set(catalog.credentials.values.map(\.awardingBody))
        #expect(bodies.contains("Universidade do Porto"))
        #expect(bodies.contains("Berufsbildungszentrum Köln"))
        #expect(bodies.contains { $0.unicodeScalars.contains { (0x0370...0x03FF).contains($0.value) } })  // Greek
    }

    /// The planted flaws of DSP-DIGI, as `SampleData/README.md` documents them for the engine's tests.
    @Test func theFlawedPathwayHasExactlyItsPlantedFlawsInTheData() throws {
        let catalog = try sector("digital-sustainable-procurement.json")
        let p = try #require(catalog.pathways["DSP-DIGI"])
        let codes = p.allCredentialCodes
        #expect(codes == ["DSP-01", "DSP-07"])
        // (a) DSP-07 (core, stage 2) requires DSP-04, which is not in the pathway.
        #expect(p.stages[1].core == ["DSP-07"])
        #expect(catalog.credentials["DSP-07"]?.prerequisites.credentials == ["DSP-04"])
        #expect(!codes.contains("DSP-04"))
        // (b) 7 ECTS against a target of 12–18.
        #expect(codes.compactMap { catalog.credentials[$0]?.ects }.reduce(0, +) == 7)
        #expect(p.target.minECTS == 12 && p.target.maxECTS == 18)
        // (c) DSP/S.DATA.2 is a target that no credential of the pathway teaches at any level.
        let sData2 = CompetencyKey(framework: "DSP", code: "S.DATA.2")
        #expect(p.target.competencies.contains(CompetencyLevel(competency: sData2, level: EQFLevel(6)!)))
        #expect(codes.allSatisfy { catalog.credentials[$0]?.taughtCompetencies[sData2] == nil })
    }
}

/// ESCO concepts used in the samples exist in ESCO v1.2.0 with the same preferred label.
@Suite struct SampleDataESCOTests {
    static let escoFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/esco")

    static var fixturesPresent: Bool {
        FileManager.default.fileExists(atPath: escoFolder.appendingPathComponent("transversalSkillsCollection_en.csv").path)
    }

    @Test(.enabled(if: fixturesPresent, "ESCO fixtures not found at <package root>/../shared/fixtures/esco; the ESCO URI check is skipped"))
    func escoURIsAndLabelsMatchTheFixtures() throws {
        var labels: [String: String] = [:]
        for name in ["transversalSkillsCollection_en.csv", "digCompSkillsCollection_en.csv"] {
            let rows = CSVRows.parse(try String(contentsOf: Self.escoFolder.appendingPathComponent(name), encoding: .utf8))
            let header = try #require(rows.first)
            let uri = try #require(header.firstIndex(of: "conceptUri"))
            let label = try #require(header.firstIndex(of: "preferredLabel"))
            for row in rows.dropFirst() where row.count > max(uri, label) { labels[row[uri]] = row[label] }
        }
        #expect(labels.count > 100)
        let catalog = try ProjectFile.loadAll(SampleData.projectFiles())
        let esco = catalog.competencies.values.filter { $0.uri?.hasPrefix("http://data.europa.eu/esco/") ?? false }
        #expect(esco.count >= 30)
        for c in esco {
            let known = labels[c.uri!]
            #expect(known != nil, "\(c.key): \(c.uri!) is not in the ESCO fixtures")
            if let known { #expect(known.trimmingCharacters(in: .whitespaces) == c.title, "\(c.key)") }
        }
    }
}

/// Just enough RFC 4180 to read the ESCO collection files (quoted cells with commas and line breaks).
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(cell); cell = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                row.append(cell); cell = ""
                rows.append(row); row = []
            } else { cell.unicodeScalars.append(c) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
