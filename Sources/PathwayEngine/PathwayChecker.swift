import PathwayModel

/// One run of the checks over one pathway. Built per check and thrown away; everything it
/// computes is proportional to the pathway's size.
struct PathwayChecker {
    let context: EngineContext
    let index: CatalogIndex
    let pathway: Pathway
    let learner: LearnerRecord?
    let routes: RouteModel
    /// Per local credential id (see `RouteModel.ids`): its number in the catalog index, nil when
    /// the credential does not exist.
    let global: [Int?]
    /// Per local id: ECTS (0 when unknown), EQF level (0 when none).
    let ectsOf: [Double]
    let eqfOf: [Int]
    /// Local ids of the credentials that exist, in stage order.
    let members: [Int]
    /// Per competency (catalog index number) taught by the pathway's credentials: who teaches it
    /// (local id) and at what level.
    let teachers: [Int: [(id: Int, level: EQFLevel)]]
    /// Target competencies that exist, each once, in the order the target lists them.
    let requiredTargets: [CompetencyLevel]
    var findings: [Finding] = []

    init(context: EngineContext, pathway: Pathway, learner: LearnerRecord?) {
        self.context = context
        let index = context.index
        self.index = index
        self.pathway = pathway
        self.learner = learner
        let routes = RouteModel(pathway)
        self.routes = routes
        let global = routes.codes.map { index.ids[$0] }
        self.global = global
        ectsOf = global.map { $0.map { index.ects[$0] } ?? 0 }
        eqfOf = global.map { $0.map { index.eqf[$0] } ?? 0 }
        members = global.indices.filter { global[$0] != nil }
        var teachers: [Int: [(id: Int, level: EQFLevel)]] = [:]
        for (local, g) in global.enumerated() {
            guard let g else { continue }
            for t in index.taught[g] { teachers[t.competency, default: []].append((local, t.level)) }
        }
        self.teachers = teachers
        var seen = Set<CompetencyKey>()
        requiredTargets = pathway.target.competencies.filter {
            context.catalog.competencies.index(forKey: $0.competency) != nil && seen.insert($0.competency).inserted
        }
    }

    /// The credential with this local id (which must exist).
    func credential(_ local: Int) -> MicroCredential { index.credentials[global[local]!] }

    /// The level at which the credential with this local id teaches the competency, if it does.
    func level(_ local: Int, teaching key: CompetencyKey) -> EQFLevel? {
        guard let g = global[local], let cid = index.competencyIDs[key] else { return nil }
        return index.level(g, teaching: cid)
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
        for i in members {
            let extra: [EntityRef] = [.stage(pathway: pathway.code, index: routes.firstSlot[i].stage)]
            findings += CredentialChecks.findings(for: credential(i), context: context, pathway: pathway.code, extra: extra)
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

    /// Per id: does the credential teach the competency at this level or above?
    func teaches(_ key: CompetencyKey, atLeast level: EQFLevel) -> [Bool] {
        var mask = [Bool](repeating: false, count: routes.codes.count)
        guard let cid = index.competencyIDs[key] else { return mask }
        for t in teachers[cid] ?? [] where t.level >= level { mask[t.id] = true }
        return mask
    }

    func code(_ id: Int) -> String { routes.codes[id] }
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
