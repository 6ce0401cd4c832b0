/// One run of `Catalog.integrityProblems()`.
///
/// Each kind of entity is checked in storage order (no sorting of 14,000 competencies or 3,000
/// occupations); the problems found are put in the documented order afterwards, which costs
/// nothing when there are none. A location ("credential X, outcome LO2") is built only when
/// there is a problem to report, and existence is asked with `index(forKey:)`, which copies
/// nothing out of the catalog.
struct IntegrityCheck {
    let catalog: Catalog
    private var problems: [IntegrityProblem] = []

    init(_ catalog: Catalog) {
        self.catalog = catalog
    }

    mutating func run() -> [IntegrityProblem] {
        for f in catalog.frameworkList {
            if let p = Codes.problem(with: f.code) { add("framework '\(f.code)'", p) }
        }
        let links = checkCompetencies()
        if links.hasCycle {
            problems.append(contentsOf: catalog.parentCycles().map {
                IntegrityProblem(location: "framework \($0.framework)",
                                 message: "parent cycle: " + $0.codes.joined(separator: " → "))
            })
        }
        checkCredentials()
        checkPathways()
        checkLearners()
        checkOccupations()
        checkComments()
        return problems
    }

    // MARK: - Helpers

    private mutating func add(_ location: String, _ message: String) {
        problems.append(IntegrityProblem(location: location, message: message))
    }

    private mutating func checkRef(_ key: CompetencyKey, _ location: @autoclosure () -> String) {
        if catalog.competencies.index(forKey: key) == nil {
            add(location(), "refers to competency \(key), which does not exist")
        }
    }

    private mutating func checkCredential(_ code: String, _ location: @autoclosure () -> String) {
        if catalog.credentials.index(forKey: code) == nil {
            add(location(), "refers to credential \(code), which does not exist")
        }
    }

    /// Runs `body` for each entity in storage order, then puts the problems it added in order
    /// of `key` (an entity's own problems keep their order).
    private mutating func inOrder<C: Collection, Key: Comparable>(
        _ entities: C, key: (C.Element) -> Key, _ body: (inout IntegrityCheck, C.Element) -> Void
    ) {
        var found: [(key: Key, problem: IntegrityProblem)] = []
        for e in entities {
            let before = problems.count
            body(&self, e)
            if problems.count > before {
                let k = key(e)
                found += problems[before...].map { (k, $0) }
                problems.removeSubrange(before...)
            }
        }
        guard !found.isEmpty else { return }
        let ordered = found.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
        problems += ordered.map(\.element.problem)
    }

    // MARK: - Entities

    /// Competencies, and the parent links found on the way (for the cycle check).
    private mutating func checkCompetencies() -> ParentLinks {
        let competencies = catalog.competencies
        var links = ParentLinks(count: competencies.count)
        var found: [(key: CompetencyKey, problem: IntegrityProblem)] = []
        var position = 0
        for i in competencies.indices {
            defer { position += 1 }
            let before = problems.count
            let key = competencies.keys[i]
            let framework = competencies.values[i].framework
            let here = { "competency \(framework)/\(competencies.values[i].code)" }
            if catalog.frameworks.index(forKey: framework) == nil {
                add(here(), "belongs to framework \(framework), which does not exist")
            }
            if competencies.values[i].code.isEmpty { add(here(), "the code is empty") }
            if let parent = competencies.values[i].parent {
                // The tree follows the stored key's framework; the rule, the competency's own.
                let parentIndex = competencies.index(forKey: CompetencyKey(framework: key.framework, code: parent))
                if let parentIndex { links.link(position, to: parentIndex, in: competencies) }
                let exists = framework == key.framework ? parentIndex != nil
                    : competencies.index(forKey: CompetencyKey(framework: framework, code: parent)) != nil
                if !exists { add(here(), "has parent \(parent), which is not in the framework") }
            }
            for r in competencies.values[i].relations {
                if !r.kind.isValid { add(here(), "has a relation of unknown kind '\(r.kind.rawValue)'") }
                if let t = r.target { checkRef(t, here()) }
                if r.target == nil && (r.targetURI ?? "").isEmpty { add(here(), "has a relation with no target") }
            }
            if problems.count > before {
                let k = CompetencyKey(framework: framework, code: competencies.values[i].code)
                found += problems[before...].map { (k, $0) }
                problems.removeSubrange(before...)
            }
        }
        if !found.isEmpty {
            let ordered = found.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
            problems += ordered.map(\.element.problem)
        }
        return links
    }

    private mutating func checkCredentials() {
        inOrder(catalog.credentials.values, key: \.code) { check, c in
            let here = { "credential \(c.code)" }
            if let p = Codes.problem(with: c.code) { check.add(here(), p) }
            if let e = c.ects, !(e >= 0) || !e.isFinite { check.add(here(), "ECTS must be zero or more") }
            if let h = c.hours, !(h >= 0) || !h.isFinite { check.add(here(), "hours must be zero or more") }
            let outcomes = c.learningOutcomes
            // Outcome ids seen so far: a scan for the few outcomes a credential has, a set beyond.
            var seen = outcomes.count > 16 ? Set<String>(minimumCapacity: outcomes.count) : nil
            for (n, o) in outcomes.enumerated() {
                let repeated = seen != nil ? !seen!.insert(o.id).inserted : outcomes[..<n].contains { $0.id == o.id }
                if repeated { check.add("\(here()), outcome \(o.id)", "the outcome id is used twice") }
                for m in o.mappings { check.checkRef(m.competency, "\(here()), outcome \(o.id)") }
            }
            for p in c.prerequisites.credentials { check.checkCredential(p, "\(here()), prerequisites") }
            for p in c.prerequisites.recommendedAfter { check.checkCredential(p, "\(here()), recommended order") }
            for p in c.prerequisites.competencies { check.checkRef(p.competency, "\(here()), prerequisites") }
        }
    }

    private mutating func checkPathways() {
        inOrder(catalog.pathways.values, key: \.code) { check, p in
            let here = { "pathway \(p.code)" }
            if let problem = Codes.problem(with: p.code) { check.add(here(), problem) }
            for t in p.target.competencies { check.checkRef(t.competency, "\(here()), target") }
            if let lo = p.target.minECTS, let hi = p.target.maxECTS, lo > hi {
                check.add("\(here()), target", "the ECTS range \(lo)–\(hi) is reversed")
            }
            for (i, s) in p.stages.enumerated() {
                let stage = { "\(here()), stage \(i + 1)" }
                for c in s.core { check.checkCredential(c, stage()) }
                for g in s.electiveGroups {
                    if g.choose < 1 { check.add("\(stage()), group '\(g.title)'", "must ask for at least one choice") }
                    for c in g.options { check.checkCredential(c, "\(stage()), group '\(g.title)'") }
                }
            }
        }
    }

    private mutating func checkLearners() {
        inOrder(catalog.learners.values, key: \.name) { check, l in
            let here = { "learner \(l.name)" }
            if l.name.isEmpty { check.add(here(), "the name is empty") }
            for c in l.completions { check.checkCredential(c.credential, "\(here()), completions") }
            for r in l.priorLearning { check.checkRef(r.competency, "\(here()), prior learning") }
        }
    }

    private mutating func checkOccupations() {
        let occupations = catalog.occupations
        inOrder(occupations.indices, key: { occupations.values[$0].code }) { check, i in
            let code = occupations.values[i].code
            if let p = Codes.problem(with: code) { check.add("occupation \(code)", p) }
            for k in occupations.values[i].essentialSkills { check.checkRef(k, "occupation \(code)") }
            for k in occupations.values[i].optionalSkills { check.checkRef(k, "occupation \(code)") }
        }
    }

    private mutating func checkComments() {
        let catalog = self.catalog
        inOrder(catalog.comments.values, key: \.id) { check, c in
            let here = "comment \(c.id)"
            switch c.subject {
            case .framework(let f):
                if catalog.frameworks.index(forKey: f) == nil { check.add(here, "is on framework \(f), which does not exist") }
            case .competency(let k): check.checkRef(k, here)
            case .credential(let k): check.checkCredential(k, here)
            case .pathway(let p):
                if catalog.pathways.index(forKey: p) == nil { check.add(here, "is on pathway \(p), which does not exist") }
            }
        }
    }
}

/// Each competency's parent as a position in the catalog's storage order, so that loops in the
/// tree are found over integers: one hash lookup per competency, none per step up the tree.
struct ParentLinks {
    /// Per competency (storage order): its parent's position, or -1.
    private var parent: [Int32]
    private var indices: [Dictionary<CompetencyKey, Competency>.Index] = []

    init(count: Int) {
        parent = [Int32](repeating: -1, count: count)
    }

    /// The links of a whole map, following each stored key's framework.
    init(_ competencies: [CompetencyKey: Competency]) {
        self.init(count: competencies.count)
        for (position, i) in competencies.indices.enumerated() {
            guard let code = competencies.values[i].parent else { continue }
            let framework = competencies.keys[i].framework
            if let p = competencies.index(forKey: CompetencyKey(framework: framework, code: code)) {
                link(position, to: p, in: competencies)
            }
        }
    }

    /// Records that the competency at `position` has the one at dictionary index `p` as parent.
    mutating func link(_ position: Int, to p: Dictionary<CompetencyKey, Competency>.Index,
                       in competencies: [CompetencyKey: Competency]) {
        // Storage order is index order, so a binary search turns an index into its position.
        if indices.isEmpty { indices = Array(competencies.indices) }
        var lo = 0, hi = indices.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if indices[mid] < p { lo = mid + 1 } else { hi = mid }
        }
        parent[position] = Int32(lo)
    }

    /// Whether following parents from some competency comes back to it.
    var hasCycle: Bool {
        // 0: not seen, 1: on the path being followed, 2: leads to a root.
        var state = [UInt8](repeating: 0, count: parent.count)
        var path: [Int] = []
        for start in parent.indices where state[start] == 0 {
            var current = start
            while current >= 0 {
                if state[current] == 1 { return true }
                if state[current] == 2 { break }
                state[current] = 1
                path.append(current)
                current = Int(parent[current])
            }
            for p in path { state[p] = 2 }
            path.removeAll(keepingCapacity: true)
        }
        return false
    }
}
