import Foundation
import PathwayModel

/// A catalog that uses every field and every enum case of the model, so that a round trip
/// through the project file proves nothing is lost.
func everyFieldCatalog() -> Catalog {
    let k = { (f: String, c: String) in CompetencyKey(framework: f, code: c) }
    let l = { (n: Int) in EQFLevel(n)! }
    let frameworks = [
        CompetencyFramework(code: "PROC", title: "Procurement", sector: "Public procurement",
                            description: "Line one\nline \"two\" with a tab\t.", source: .own, version: "2.1",
                            language: "pt-PT", reviewStatus: .inReview, uri: "https://example.org/proc",
                            scale: ["not yet", "competent"], scaleConfiguration: "[{\"scaleid\":\"3\"}]",
                            taxonomy: ["competency", "behaviour"]),
        CompetencyFramework(code: "ESCO-T", title: "Transversal", source: .esco, reviewStatus: .approved),
        CompetencyFramework(code: "CASE-X", title: "From CASE", source: .case, version: "", language: "en"),
        CompetencyFramework(code: "MDL", title: "Moodle", source: .moodle, reviewStatus: .draft),
    ]
    let competencies = [
        Competency(framework: "PROC", code: "K", title: "Knowledge", type: .knowledge, position: 0),
        Competency(framework: "PROC", code: "K1", uri: "https://example.org/proc/K1", title: "Law of public contracts",
                   description: "EU directives 2014/24 and 2014/25.", type: .knowledge, parent: "K", position: 0,
                   altLabels: ["procurement law", "Vergaberecht"],
                   relations: [CompetencyRelation(kind: .related, target: k("ESCO-T", "T1")),
                               CompetencyRelation(kind: .exactMatch, targetURI: "http://data.europa.eu/esco/skill/x"),
                               CompetencyRelation(kind: .broader, target: k("PROC", "K"), targetURI: "https://example.org/proc/K"),
                               CompetencyRelation(kind: RelationKind(rawValue: "ext:alignsWith"), targetURI: "urn:x")]),
        // Positions that are not 0, 1, 2 … must survive too.
        Competency(framework: "PROC", code: "K2", title: "Green criteria", type: .knowledge, parent: "K", position: 7),
        Competency(framework: "PROC", code: "K3", title: "Life-cycle costing", type: .knowledge, parent: "K", position: 7),
        Competency(framework: "PROC", code: "S", title: "Skills", type: .skillCompetence, position: 1),
        Competency(framework: "PROC", code: "S1", title: "Draft tender documents", parent: "S", position: 0),
        Competency(framework: "PROC", code: "S1a", title: "Write award criteria", parent: "S1", position: 0),
        Competency(framework: "ESCO-T", code: "T1", uri: "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f",
                   title: "show initiative", type: .transversal,
                   relations: [CompetencyRelation(kind: .isPeerOf, target: k("ESCO-T", "T2"))]),
        Competency(framework: "ESCO-T", code: "T2", title: "cooperate", type: .transversal, position: 1),
        Competency(framework: "CASE-X", code: "a/b", title: "Slash in a code", position: -3),
        Competency(framework: "MDL", code: "level-1", title: "Level 1", position: 2),
    ]
    let full = MicroCredential(
        code: "PROC-01", title: "Green public procurement", awardingBody: "Universidade do Porto",
        issuerCountry: "PT",
        learningOutcomes: [
            LearningOutcome(id: "LO1", statement: "Learners can apply EU green criteria.",
                            mappings: [CompetencyLevel(competency: k("PROC", "K2"), level: l(6)),
                                       CompetencyLevel(competency: k("ESCO-T", "T1"), level: l(5))]),
            LearningOutcome(id: "LO2", statement: "Learners can cost a life cycle.", mappings: []),
        ],
        ects: 2.5, hours: 68.75, eqfLevel: l(6), qfEheaCycle: .first, assessment: "Project and oral defence",
        participation: .blended, qualityAssurance: "A3ES accredited", prerequisites: Prerequisites(
            credentials: ["PROC-00"], competencies: [CompetencyLevel(competency: k("PROC", "K1"), level: l(5))],
            recommendedAfter: ["PROC-00"], note: "A first degree or two years of practice."),
        supervision: .supervisedWithIdentityCheck, gradingScheme: "0–20", stackability: .stackable(towards: ["MSc Procurement", "PG-CERT"]),
        furtherInformation: "https://example.org/proc-01", summary: "Short summary.", languages: ["pt", "en"],
        iscedField: "0413", status: .active)
    let credentials = [
        full,
        MicroCredential(code: "PROC-00", title: "Basics", ects: 1, hours: 25, eqfLevel: l(5), qfEheaCycle: .shortCycle,
                        participation: .online, supervision: .unsupervisedNoIdentityCheck, stackability: .stackable(towards: []),
                        status: .retired),
        MicroCredential(code: "PROC-02", title: "Second cycle", eqfLevel: l(7), qfEheaCycle: .second, participation: .onsite,
                        supervision: .supervisedNoIdentityCheck),
        MicroCredential(code: "PROC-03", title: "Third cycle", ects: 0.1, hours: 3, eqfLevel: l(8), qfEheaCycle: .third),
        MicroCredential(code: "EMPTY", title: ""),
    ]
    let pathways = [
        Pathway(code: "PW1", title: "Officer", description: "For buyers.", reviewStatus: .approved,
                target: PathwayTarget(occupation: "Procurement officer", occupationURI: "http://data.europa.eu/esco/occupation/y",
                                      eqfLevel: l(6), minECTS: 3.5, maxECTS: 12,
                                      competencies: [CompetencyLevel(competency: k("PROC", "K2"), level: l(6))]),
                stages: [Stage(title: "Start", core: ["PROC-00"]),
                         Stage(title: "", core: ["PROC-01"], electiveGroups: [
                            ElectiveGroup(title: "Pick one", choose: 1, options: ["PROC-02", "PROC-03"]),
                            ElectiveGroup(title: "", choose: 2, options: [])])]),
        Pathway(code: "PW2", title: "Bare", reviewStatus: .inReview),
        Pathway(code: "PW3", title: "Draft", target: PathwayTarget(minECTS: 0)),
    ]
    let learners = [
        Learner(name: "Ana Sousa", note: "Works at a municipality.",
                completions: [Completion(credential: "PROC-00", date: Day("2024-02-29")!)],
                priorLearning: [CompetencyLevel(competency: k("PROC", "K1"), level: l(4))]),
        Learner(name: "Ξένια"),
    ]
    let comments = [
        ReviewComment(id: 1, author: "Berufsbildungszentrum Köln", date: Day("2025-01-02")!, text: "Framework ok.", subject: .framework("PROC")),
        ReviewComment(id: 2, author: "Rev", date: Day("2025-01-03")!, text: "Split this?", subject: .competency(k("PROC", "S1a"))),
        ReviewComment(id: 5, author: "Rev", date: Day("2025-01-04")!, text: "Too big.\nShorten.", subject: .credential("PROC-01")),
        ReviewComment(id: 9, author: "Rev", date: Day("2025-01-05")!, text: "Approved.", subject: .pathway("PW1")),
    ]
    let occupations = [
        Occupation(code: "OCC-1", uri: "http://data.europa.eu/esco/occupation/z", title: "Buyer", description: "Buys things.",
                   iscoGroup: "3323", essentialSkills: [k("PROC", "K1"), k("PROC", "S1")], optionalSkills: [k("ESCO-T", "T1")]),
        Occupation(code: "OCC-2", title: "Own role"),
    ]
    return Catalog(frameworks: frameworks, competencies: competencies, credentials: credentials, pathways: pathways,
                   learners: learners, comments: comments, occupations: occupations)
}

/// A small valid project file as text; error tests change one part of it.
let baseProjectJSON = """
{
  "format": "pathway-designer-project",
  "version": 1,
  "frameworks": [
    {
      "code": "F",
      "title": "Framework",
      "competencies": [
        {"code": "a", "title": "A"},
        {"code": "b", "title": "B", "parent": "a"}
      ]
    }
  ],
  "credentials": [
    {
      "code": "C1",
      "title": "One",
      "eqfLevel": 4,
      "ects": 2,
      "learningOutcomes": [
        {"id": "LO1", "statement": "Learners can a.", "mappings": [{"competency": "F/a", "level": 3}, {"competency": "F/b", "level": 4}]}
      ],
      "participation": "online"
    },
    {"code": "C2", "title": "Two"}
  ],
  "pathways": [
    {"code": "P", "title": "Path", "stages": [{"title": "S1", "core": ["C1", "C2"]}]}
  ],
  "learners": [
    {"name": "Ana", "completions": [{"credential": "C1", "date": "2025-01-31"}]}
  ],
  "comments": [
    {"author": "Rev", "date": "2025-02-01", "subject": {"kind": "credential", "code": "C1"}, "text": "Fine."}
  ]
}
"""
