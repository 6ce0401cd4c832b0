import PathwayModel

/// One run of the checks over one pathway. Built per check and thrown away; everything it
/// computes is proportional to the pathway's size.
struct PathwayChecker {
    let context: EngineContext
    let pathway: Pathway
    let learner: LearnerRecord?
    let routes: RouteModel
    /// Credentials of the pathway that exist, each once, in stage order.
    let members: [MicroCredential]
    /// Per competency taught by the pathway's credentials: who teaches it and at what level.
    let teachers: [CompetencyKey: [(code: String, level: EQFLevel)]]
    var findings: [Finding] = []

    init(context: EngineContext, pathway: Pathway, learner: LearnerRecord?) {
        self.context = context
        self.pathway = pathway
        self.learner = learner
        self.routes = RouteModel(pathway)
        var seen = Set<String>(), members: [MicroCredential] = []
        var teachers: [CompetencyKey: [(code: String, level: EQFLevel)]] = [:]
        for code in pathway.allCredentialCodes where seen.insert(code).inserted {
            guard let c = context.credential(code) else { continue }
            members.append(c)
            for (k, l) in context.taughtCompetencies(of: code) { teachers[k, default: []].append((code, l)) }
        }
        self.members = members
        self.teachers = teachers
    }

    mutating func run() -> PathwayReport {
        checkStructure()
        checkElectiveGroups()
        checkPrerequisites()
        checkCycles()
        let ects = checkECTS()
        let eqf = checkEQF()
        checkCoverage()
        checkOverlap()
        for c in members {
            let slot = routes.firstSlot[c.code]
            let extra: [EntityRef] = slot.map { [.stage(pathway: pathway.code, index: $0.stage)] } ?? []
            findings += CredentialChecks.findings(for: c, context: context, pathway: pathway.code, extra: extra)
        }
        let stages = stageFigures()
        return PathwayReport(pathway: pathway.code, findings: Finding.ordered(findings), ects: ects, eqf: eqf,
                             stages: stages,
                             coverage: stages.last?.cumulativeCoverage
                                ?? CoverageCount(everyRoute: 0, someRoute: 0, required: requiredTargets.count))
    }

    // MARK: - Helpers

    mutating func add(_ code: FindingCode, _ message: String, fix: String? = nil, _ entities: [EntityRef]) {
        findings.append(Finding(code, message, fix: fix, pathway: pathway.code, entities: entities))
    }

    var p: EntityRef { .pathway(pathway.code) }

    func stageRef(_ s: Int) -> EntityRef { .stage(pathway: pathway.code, index: s) }

    func groupRef(_ s: Int, _ g: Int) -> EntityRef { .electiveGroup(pathway: pathway.code, stage: s, group: g) }

    /// "stage 2 (Practice)", or "stage 2" when untitled.
    func stageName(_ s: Int) -> String {
        let title = s < pathway.stages.count ? pathway.stages[s].title : ""
        return title.isEmpty ? "stage \(s + 1)" : "stage \(s + 1) (\(title))"
    }

    /// Target competencies that exist, each once, in the order the target lists them.
    var requiredTargets: [CompetencyLevel] {
        var seen = Set<CompetencyKey>()
        return pathway.target.competencies.filter {
            context.catalog.competencies[$0.competency] != nil && seen.insert($0.competency).inserted
        }
    }

    func level(of code: String, teaching key: CompetencyKey) -> EQFLevel? {
        context.taughtCompetencies(of: code)[key]
    }

    func ects(_ code: String) -> Double { context.credential(code)?.ects ?? 0 }

    func eqf(_ code: String) -> Int { context.credential(code)?.eqfLevel?.value ?? 0 }
}

/// "A", "A and B", "A, B and C" (or "A, B or C").
func listed(_ items: [String], or: Bool = false) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
    }
}

/// ECTS as people write them: 5, 2.5, 0.25.
func credits(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    let r = (x * 100).rounded() / 100
    return String(r)
}
