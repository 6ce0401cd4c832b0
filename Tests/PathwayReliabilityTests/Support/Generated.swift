import Foundation
import PathwayExchange
import PathwayModel

/// Large, valid documents made up for the tests: one framework with a competency tree, credentials
/// that map onto it, a pathway and a learner. `variant` changes every title, so two documents made
/// with different variants differ everywhere.
enum Generated {
    static func catalog(competencies count: Int, variant: String) -> Catalog {
        var frameworks = [CompetencyFramework(code: "BIG", title: "Generated framework \(variant)",
                                              sector: "Testing", description: "Made by the reliability tests.")]
        frameworks.append(CompetencyFramework(code: "SMALL-\(variant)", title: "Only in \(variant)"))
        var competencies: [Competency] = []
        for i in 0..<count {
            // Ten roots; every other competency hangs under an earlier one.
            let parent = i < 10 ? nil : code(i / 10)
            competencies.append(Competency(framework: "BIG", code: code(i), title: "Competency \(i) of \(variant)",
                                           description: "Description \(i) (\(variant)).",
                                           type: i % 3 == 0 ? .knowledge : .skillCompetence, parent: parent, position: i))
        }
        competencies.append(Competency(framework: "SMALL-\(variant)", code: "S1", title: "Small \(variant)"))
        let key = { (i: Int) in CompetencyKey(framework: "BIG", code: code(i)) }
        var credentials: [MicroCredential] = []
        for n in 0..<5 {
            let outcome = LearningOutcome(id: "LO1", statement: "Learners can do \(n) (\(variant)).",
                                          mappings: [CompetencyLevel(competency: key((n * 37) % max(1, count)), level: EQFLevel(5)!)])
            credentials.append(MicroCredential(code: "MC-\(n)", title: "Credential \(n) \(variant)", awardingBody: "Test body",
                                               learningOutcomes: count > 0 ? [outcome] : [], ects: 2, hours: 50,
                                               eqfLevel: EQFLevel(5)!, status: .active))
        }
        let pathway = Pathway(code: "PW-\(variant)", title: "Pathway \(variant)",
                              stages: [Stage(title: "One", core: ["MC-0", "MC-1"]), Stage(title: "Two", core: ["MC-2"])])
        let learner = Learner(name: "Learner \(variant)", completions: [Completion(credential: "MC-0", date: Day("2025-01-02")!)])
        return Catalog(frameworks: frameworks, competencies: competencies, credentials: credentials,
                       pathways: [pathway], learners: [learner])
    }

    static func code(_ i: Int) -> String { "C" + String(format: "%05d", i) }

    /// Writes `catalog` as a project file and returns its path.
    @discardableResult
    static func projectFile(_ catalog: Catalog, at path: String) throws -> String {
        try ProjectFile.encode(catalog).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Everything in a folder, byte for byte: to show that a failed command left the files as they were.
struct FolderSnapshot: Equatable {
    var files: [String: Data]

    init(_ folder: String, matching prefix: String) {
        files = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            files[name] = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
        }
    }

    var names: [String] { files.keys.sorted() }
}
