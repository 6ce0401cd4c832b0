import PathwayModel
import PathwayTUI

/// A small document with the kinds of text the UI must handle (German, Greek, CJK, an escape
/// sequence), independent of the sample data so screen tests stay stable.
enum Demo {
    static func level(_ n: Int) -> EQFLevel { EQFLevel(n)! }

    static var catalog: Catalog {
        let fw = CompetencyFramework(code: "GREEN", title: "Green procurement skills", sector: "Public sector",
                                     reviewStatus: .inReview)
        let fw2 = CompetencyFramework(code: "中文", title: "数字技能框架", sector: "ICT", language: "zh")
        let comps = [
            Competency(framework: "GREEN", code: "G1", title: "Sustainable purchasing", description: "Buy with life-cycle costs in mind", position: 0),
            Competency(framework: "GREEN", code: "G1.1", title: "Life-cycle costing", parent: "G1", position: 0),
            Competency(framework: "GREEN", code: "G1.2", title: "Umweltzeichen prüfen (Ökolabel)", parent: "G1", position: 1),
            Competency(framework: "GREEN", code: "G2", title: "Κυκλική οικονομία", description: "Circular economy", position: 1),
            Competency(framework: "GREEN", code: "G3", title: "Tender \u{1B}[31mwriting\u{7}", position: 2),
            Competency(framework: "中文", code: "D1", title: "数据分析", position: 0),
        ]
        let k = { (c: String) in CompetencyKey(framework: "GREEN", code: c) }
        let c1 = MicroCredential(code: "PROC-01", title: "Procurement basics", awardingBody: "Uni Porto",
                                 issuerCountry: "PT",
                                 learningOutcomes: [LearningOutcome(id: "LO1", statement: "Learners can cost a life cycle",
                                                                    mappings: [CompetencyLevel(competency: k("G1.1"), level: level(4))])],
                                 ects: 2, hours: 50, eqfLevel: level(4), assessment: "Project", participation: .online,
                                 qualityAssurance: "Internal", status: .active)
        let c2 = MicroCredential(code: "PROC-02", title: "Ökolabel in der Beschaffung", awardingBody: "TU Wien",
                                 issuerCountry: "AT",
                                 learningOutcomes: [LearningOutcome(id: "LO1", statement: "Lernende prüfen Umweltzeichen",
                                                                    mappings: [CompetencyLevel(competency: k("G1.2"), level: level(5))])],
                                 ects: 3, hours: 80, eqfLevel: level(5), assessment: "Exam", participation: .blended,
                                 qualityAssurance: "ISO 9001",
                                 prerequisites: Prerequisites(credentials: ["PROC-01"]))
        let c3 = MicroCredential(code: "CIRC-01", title: "Κυκλική οικονομία στην πράξη", ects: 1.5)
        let p = Pathway(code: "GPP", title: "Green public procurement officer",
                        target: PathwayTarget(occupation: "Procurement officer", eqfLevel: level(5), minECTS: 5, maxECTS: 10,
                                              competencies: [CompetencyLevel(competency: k("G1.1"), level: level(4)),
                                                             CompetencyLevel(competency: k("G1.2"), level: level(5)),
                                                             CompetencyLevel(competency: k("G2"), level: level(4))]),
                        stages: [Stage(title: "Foundations", core: ["PROC-01"]),
                                 Stage(title: "Specialisation", core: ["PROC-02"],
                                       electiveGroups: [ElectiveGroup(title: "Circular", choose: 1, options: ["CIRC-01"])])])
        let learner = Learner(name: "Zoë Müller", completions: [Completion(credential: "PROC-01", date: Day("2025-03-14")!)])
        let comment = ReviewComment(id: 1, author: "Partner A", date: Day("2025-04-01")!, text: "Check the EQF level",
                                    subject: .pathway("GPP"))
        return Catalog(frameworks: [fw, fw2], competencies: comps, credentials: [c1, c2, c3], pathways: [p],
                       learners: [learner], comments: [comment])
    }

    static func app(width: Int = 80, height: Int = 24, readOnly: Bool = false,
                    catalog: Catalog = Demo.catalog) -> (App, MemorySession) {
        let session = MemorySession(displayName: "demo.pathway", readOnly: readOnly)
        return (App(catalog: catalog, session: session, width: width, height: height), session)
    }
}

extension App {
    /// Presses keys written as in keys.conf, separated by spaces ("j j Enter"), or types text.
    mutating func press(_ keys: String) {
        for token in keys.split(separator: " ") {
            for k in Key.parseSequence(String(token)) ?? [] { handle(k) }
        }
    }

    mutating func type(_ text: String) {
        for c in text { handle(.char(c)) }
    }

    var screenText: String { AppView.render(state).text }
}
