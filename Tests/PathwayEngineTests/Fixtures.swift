import PathwayModel
@testable import PathwayEngine

/// Builders for small catalogs. `sound()` is a pathway with nothing to report; each test breaks
/// one thing in it and expects exactly the finding that names that thing.
enum Fx {
    static func k(_ code: String) -> CompetencyKey { CompetencyKey(framework: "F", code: code) }
    static func lv(_ n: Int) -> EQFLevel { EQFLevel(n)! }
    static func at(_ code: String, _ level: Int) -> CompetencyLevel { CompetencyLevel(competency: k(code), level: lv(level)) }

    /// A credential with every Annex I element filled in, 5 ECTS and 140 hours (28 h per credit).
    static func cred(_ code: String, eqf: Int = 5, ects: Double? = 5, hours: Double? = 140,
                     teaches: [(String, Int)] = [], requires: [String] = [],
                     needs: [(String, Int)] = [], after: [String] = []) -> MicroCredential {
        let outcomes = teaches.enumerated().map { i, t in
            LearningOutcome(id: "LO\(i + 1)", statement: "Learners can \(t.0).", mappings: [at(t.0, t.1)])
        }
        return MicroCredential(
            code: code, title: "Credential \(code)", awardingBody: "Uni", issuerCountry: "PT",
            learningOutcomes: outcomes.isEmpty ? [LearningOutcome(id: "LO1", statement: "Learners can x.", mappings: [at("x", min(eqf, 4))])] : outcomes,
            ects: ects, hours: hours, eqfLevel: EQFLevel(eqf), assessment: "Project",
            participation: .online, qualityAssurance: "Internal QA",
            prerequisites: Prerequisites(credentials: requires, competencies: needs.map { at($0.0, $0.1) },
                                         recommendedAfter: after))
    }

    static let competencyCodes = ["a", "b", "c", "d", "x"]

    static func framework() -> (CompetencyFramework, [Competency]) {
        (CompetencyFramework(code: "F", title: "Sector map"),
         competencyCodes.enumerated().map { i, c in Competency(framework: "F", code: c, title: "skill \(c)", position: i) })
    }

    /// Stage 1: A1 (EQF 4, teaches a@4). Stage 2: B1 (requires A1 and a@4, teaches b@5) and a
    /// group "choose 1 of E1, E2" (both teach c@5). Stage 3: C1 (requires B1, teaches d@5).
    /// Target: a@4, b@5, c@5, d@5 at EQF 5, 15–25 ECTS. Every route totals 20 ECTS.
    static func soundCredentials() -> [MicroCredential] {
        [cred("A1", eqf: 4, teaches: [("a", 4)]),
         cred("B1", teaches: [("b", 5)], requires: ["A1"], needs: [("a", 4)]),
         cred("E1", teaches: [("c", 5)]),
         cred("E2", teaches: [("c", 5)]),
         cred("C1", teaches: [("d", 5)], requires: ["B1"], after: ["A1"])]
    }

    static func soundPathway() -> Pathway {
        Pathway(code: "P", title: "Sound pathway",
                target: PathwayTarget(occupation: "Officer", eqfLevel: lv(5), minECTS: 15, maxECTS: 25,
                                      competencies: [at("a", 4), at("b", 5), at("c", 5), at("d", 5)]),
                stages: [Stage(title: "Basics", core: ["A1"]),
                         Stage(title: "Practice", core: ["B1"],
                               electiveGroups: [ElectiveGroup(title: "Focus", choose: 1, options: ["E1", "E2"])]),
                         Stage(title: "Capstone", core: ["C1"])])
    }

    static func catalog(credentials: [MicroCredential] = soundCredentials(), pathways: [Pathway] = [soundPathway()],
                        learners: [Learner] = []) -> Catalog {
        let (f, cs) = framework()
        return Catalog(frameworks: [f], competencies: cs, credentials: credentials, pathways: pathways, learners: learners)
    }

    /// The report for pathway P of a catalog built from these parts.
    static func report(credentials: [MicroCredential] = soundCredentials(), pathway: Pathway = soundPathway(),
                       learner: Learner? = nil, options: EngineOptions = EngineOptions()) -> PathwayReport {
        EngineContext(catalog: catalog(credentials: credentials, pathways: [pathway]), options: options)
            .check(pathway, learner: learner)
    }

    /// Sound credentials with one replaced (or added when new).
    static func replacing(_ c: MicroCredential, in list: [MicroCredential] = soundCredentials()) -> [MicroCredential] {
        var list = list
        if let i = list.firstIndex(where: { $0.code == c.code }) { list[i] = c } else { list.append(c) }
        return list
    }
}

extension PathwayReport {
    func with(_ code: FindingCode) -> [Finding] { findings.filter { $0.code == code } }
    var codes: [FindingCode] { findings.map(\.code) }
}
