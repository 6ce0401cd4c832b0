import PathwayModel

/// A small document with everything the exporters and reports read: an ESCO-linked framework,
/// three credentials (one with every Annex I element), a pathway with an elective group, a
/// learner and review comments. `hostile` puts terminal escapes and markup into its text.
enum TestCatalog {
    static let esco = "http://data.europa.eu/esco/skill/"

    static func make(hostile: Bool = false) -> Catalog {
        let evil = hostile ? "<script>alert('x')</script>\u{1B}[31m\u{07}&amp;\u{202E}" : ""
        let framework = CompetencyFramework(code: "GP", title: "Green procurement\(evil)", sector: "Public sector")
        let comps = [
            Competency(framework: "GP", code: "PLAN", title: "Plan purchases", position: 0),
            Competency(framework: "GP", code: "NEG", uri: esco + "11111111-1111-4111-8111-111111111111",
                       title: "negotiate supplier contracts\(evil)", description: "Agree terms with suppliers.", parent: "PLAN", position: 0),
            Competency(framework: "GP", code: "LAW", uri: esco + "33333333-3333-4333-8333-333333333333",
                       title: "public procurement law", type: .knowledge, parent: "PLAN", position: 1),
            Competency(framework: "GP", code: "GREEN", title: "Draft green criteria", position: 1),
        ]
        func key(_ c: String) -> CompetencyKey { CompetencyKey(framework: "GP", code: c) }
        let l = { (n: Int) in EQFLevel(n)! }
        let full = MicroCredential(
            code: "GP-01", title: "Foundations of green procurement\(evil)", awardingBody: "Universidade do Porto",
            issuerCountry: "PT",
            learningOutcomes: [
                LearningOutcome(id: "LO1", statement: "Learners can explain the procurement directives.\(evil)",
                                mappings: [CompetencyLevel(competency: key("LAW"), level: l(6))]),
                LearningOutcome(id: "LO2", statement: "Learners can negotiate a supplier contract.",
                                mappings: [CompetencyLevel(competency: key("NEG"), level: l(5))]),
            ],
            ects: 2.5, hours: 67.5, eqfLevel: l(6), qfEheaCycle: .first, assessment: "Written case analysis",
            participation: .blended, qualityAssurance: "Internal QA of the awarding university",
            prerequisites: Prerequisites(note: "A bachelor's degree or work experience"),
            supervision: .supervisedWithIdentityCheck, gradingScheme: "Pass/fail",
            stackability: .stackable(towards: ["GP-PW"]), furtherInformation: "https://example.org/gp-01",
            summary: "Public buyers learn the law and practice of green procurement.", languages: ["en", "pt-PT"],
            iscedField: "0413", status: .active)
        let second = MicroCredential(
            code: "GP-02", title: "Green tender criteria", awardingBody: "Universidade do Porto", issuerCountry: "PT",
            learningOutcomes: [LearningOutcome(id: "LO1", statement: "Learners can draft green award criteria.",
                                               mappings: [CompetencyLevel(competency: key("GREEN"), level: l(6))])],
            ects: 3, hours: 81, eqfLevel: l(6), assessment: "Project", participation: .online,
            qualityAssurance: "Accredited", languages: ["en"])
        let third = MicroCredential(code: "GP-03", title: "Supplier dialogue",
                                    learningOutcomes: [LearningOutcome(id: "LO1", statement: "Learners can run a market dialogue.",
                                                                       mappings: [CompetencyLevel(competency: key("NEG"), level: l(6))])],
                                    ects: 2)
        let pathway = Pathway(
            code: "GP-PW", title: "Green public buyer\(evil)", description: "From the law to green tenders.",
            reviewStatus: .inReview,
            target: PathwayTarget(occupation: "procurement officer", occupationURI: "http://data.europa.eu/esco/occupation/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
                                  eqfLevel: l(6), minECTS: 5, maxECTS: 10,
                                  competencies: [CompetencyLevel(competency: key("LAW"), level: l(6)),
                                                 CompetencyLevel(competency: key("NEG"), level: l(6)),
                                                 CompetencyLevel(competency: key("GREEN"), level: l(6))]),
            stages: [Stage(title: "Foundations", core: ["GP-01"]),
                     Stage(title: "Practice", electiveGroups: [ElectiveGroup(title: "Specialism", choose: 1, options: ["GP-02", "GP-03"])])])
        let learner = Learner(name: "Marta", completions: [Completion(credential: "GP-01", date: Day("2025-03-14")!)])
        let comments = [
            ReviewComment(id: 1, author: "Ana (partner)", date: Day("2025-02-01")!, text: "Add an ESCO link for green criteria.\(evil)", subject: .pathway("GP-PW")),
            ReviewComment(id: 2, author: "Jo", date: Day("2025-02-02")!, text: "Looks right.", subject: .credential("GP-01")),
        ]
        return Catalog(frameworks: [framework], competencies: comps, credentials: [full, second, third],
                       pathways: [pathway], learners: [learner], comments: comments)
    }
}
