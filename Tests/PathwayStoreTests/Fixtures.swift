import Foundation
import PathwayModel
@testable import PathwayStore

/// A catalog that sets every field of every entity, with text that tests escaping.
enum Fixtures {
    static let day = Day("2025-03-14")!
    static func lvl(_ n: Int) -> EQFLevel { EQFLevel(n)! }
    static func key(_ f: String, _ c: String) -> CompetencyKey { CompetencyKey(framework: f, code: c) }

    static func fullCatalog() -> Catalog {
        let green = CompetencyFramework(
            code: "GREEN", title: "Green procurement", sector: "Public procurement",
            description: "Competences for \"green\" buying,\nwith a second line.", source: .case,
            version: "2.1", language: "pt-BR", reviewStatus: .inReview, uri: "https://example.org/case/GREEN",
            scale: ["not yet", "competent", "proficient \\ expert"], scaleConfiguration: "{\"min\":1}",
            taxonomy: ["competency", "behaviour", "indicator"])
        let soft = CompetencyFramework(code: "SOFT", title: "Soft skills")
        let competencies = [
            Competency(framework: "GREEN", code: "G1", uri: "http://data.europa.eu/esco/skill/abc",
                       title: "Sustainable procurement", description: "Apply life-cycle costing to tenders.",
                       type: .skillCompetence, parent: nil, position: 0,
                       altLabels: ["green purchasing", "eco-procurement"],
                       relations: [CompetencyRelation(kind: .exactMatch, target: key("SOFT", "S1"),
                                                      targetURI: "http://data.europa.eu/esco/skill/xyz"),
                                   CompetencyRelation(kind: RelationKind(rawValue: "ext:inspires"),
                                                      targetURI: "https://elsewhere.example/c/9")]),
            Competency(framework: "GREEN", code: "G1.1", title: "Life-cycle costing",
                       description: "Knowledge of whole-life cost models.", type: .knowledge,
                       parent: "G1", position: 1),
            Competency(framework: "GREEN", code: "G1.2", title: "Circular criteria", type: .knowledge,
                       parent: "G1", position: 0, relations: [CompetencyRelation(kind: .broader, target: key("GREEN", "G1"))]),
            Competency(framework: "SOFT", code: "S1", title: "Teamwork ünïcödé 🌱", description: "",
                       type: .transversal, altLabels: ["collaboration"]),
        ]
        let base = MicroCredential(
            code: "BASE", title: "Procurement basics", awardingBody: "Uni A", issuerCountry: "PT",
            learningOutcomes: [LearningOutcome(id: "LO1", statement: "Learners can describe a tender.",
                                               mappings: [CompetencyLevel(competency: key("GREEN", "G1.1"), level: lvl(4))])],
            ects: 1, hours: 25, eqfLevel: lvl(4), assessment: "quiz", participation: .online,
            qualityAssurance: "internal", status: .active)
        let full = MicroCredential(
            code: "PROC-01", title: "Green tendering", awardingBody: "University of Minho",
            issuerCountry: "PT",
            learningOutcomes: [
                LearningOutcome(id: "LO1", statement: "Learners can write award criteria.",
                                mappings: [CompetencyLevel(competency: key("GREEN", "G1"), level: lvl(6)),
                                           CompetencyLevel(competency: key("SOFT", "S1"), level: lvl(5))]),
                LearningOutcome(id: "LO2", statement: "Learners can cost a product's life cycle.",
                                mappings: [CompetencyLevel(competency: key("GREEN", "G1.1"), level: lvl(6))]),
                LearningOutcome(id: "LO3", statement: "Learners can reflect.", mappings: []),
            ],
            ects: 2.5, hours: 62.5, eqfLevel: lvl(6), qfEheaCycle: .first,
            assessment: "Written assignment", participation: .blended,
            qualityAssurance: "ISO 9001 and accreditation by A3ES",
            prerequisites: Prerequisites(credentials: ["BASE"],
                                         competencies: [CompetencyLevel(competency: key("SOFT", "S1"), level: lvl(3))],
                                         recommendedAfter: ["BASE"], note: "Basic \"tender\" knowledge"),
            supervision: .supervisedWithIdentityCheck, gradingScheme: "0–20",
            stackability: .stackable(towards: ["Postgraduate diploma", "PROC-PATH"]),
            furtherInformation: "https://example.org/proc-01", summary: "A short course.",
            languages: ["pt", "en"], iscedField: "0413", status: .draft)
        let stackableEmpty = MicroCredential(code: "EMPTY", title: "Nothing else", stackability: .stackable(towards: []))
        let pathway = Pathway(
            code: "PATH-1", title: "Green buyer", description: "From basics to practice.",
            reviewStatus: .approved,
            target: PathwayTarget(occupation: "Sustainable procurement officer",
                                  occupationURI: "http://data.europa.eu/esco/occupation/123",
                                  eqfLevel: lvl(6), minECTS: 5, maxECTS: 7.5,
                                  competencies: [CompetencyLevel(competency: key("GREEN", "G1"), level: lvl(6))]),
            stages: [
                Stage(title: "Foundations", core: ["BASE"]),
                Stage(title: "Practice", core: ["PROC-01"],
                      electiveGroups: [ElectiveGroup(title: "Choose one", choose: 1, options: ["EMPTY", "BASE"]),
                                       ElectiveGroup(title: "Optional", choose: 2, options: [])]),
                Stage(title: "Empty stage"),
            ])
        let bare = Pathway(code: "PATH-2", title: "Bare")
        let learner = Learner(name: "Ana (alias)", note: "Rural youth group",
                              completions: [Completion(credential: "BASE", date: day)],
                              priorLearning: [CompetencyLevel(competency: key("SOFT", "S1"), level: lvl(4))])
        let comments = [
            ReviewComment(id: 1, author: "Partner B", date: day, text: "Check the ECTS.", subject: .credential("PROC-01")),
            ReviewComment(id: 2, author: "Partner C", date: day, text: "OK", subject: .framework("GREEN")),
            ReviewComment(id: 5, author: "Partner C", date: day, text: "Rename?", subject: .competency(key("GREEN", "G1.1"))),
            ReviewComment(id: 7, author: "Lead", date: day, text: "Approved.", subject: .pathway("PATH-1")),
        ]
        let occupation = Occupation(code: "OCC-1", uri: "http://data.europa.eu/esco/occupation/123",
                                    title: "Procurement officer", description: "Buys things.", iscoGroup: "3323",
                                    essentialSkills: [key("GREEN", "G1"), key("GREEN", "G1.1")],
                                    optionalSkills: [key("SOFT", "S1")])
        return Catalog(frameworks: [green, soft], competencies: competencies,
                       credentials: [base, full, stackableEmpty], pathways: [pathway, bare],
                       learners: [learner, Learner(name: "Bo")], comments: comments, occupations: [occupation])
    }
}

/// A fresh folder per test, removed afterwards.
final class TempFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pathway-store-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}
