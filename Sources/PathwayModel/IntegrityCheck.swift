/// What the integrity check looks at, one entity at a time. Each entity's problems depend only
/// on the entity itself and on which codes exist elsewhere, so after an edit only the entities
/// edited, and those naming something that appeared or went away, are checked again
/// (`IntegrityLedger`).
enum IntegritySubject: Hashable, Sendable {
    case framework(String)
    /// A competency by the key it is stored under.
    case competency(CompetencyKey)
    case credential(String)
    case pathway(String)
    case learner(String)
    case occupation(String)
    case comment(Int)
}

/// Something a reference names: what must exist for the reference to hold.
enum IntegrityTarget: Hashable, Sendable {
    case framework(String)
    case competency(CompetencyKey)
    case credential(String)
    case pathway(String)
}

/// The rules of `Catalog.integrityProblems()` for one entity at a time.
///
/// A location ("credential X, outcome LO2") is built only when there is a problem to report,
/// and existence is asked with `index(forKey:)`, which copies nothing out of the catalog. Each
/// "does not exist" problem also notes its target in `missing`, so that the entity is checked
/// again when the target appears.
struct IntegrityRules {
    let catalog: Catalog
    /// Problems found, in the order of the rules.
    var problems: [IntegrityProblem] = []
    /// Targets named by the problems found.
    var missing: [IntegrityTarget] = []
    /// The last framework asked about and whether it exists: a map's competencies all name
    /// the same one or few, and asking the table hashes the code each time.
    private var lastFramework: (code: String, exists: Bool)?

    init(_ catalog: Catalog) {
        self.catalog = catalog
    }

    /// Forgets what was found (keeping the capacity).
    mutating func reset() {
        problems.removeAll(keepingCapacity: true)
        missing.removeAll(keepingCapacity: true)
    }

    // MARK: - Helpers

    private mutating func add(_ location: String, _ message: String) {
        problems.append(IntegrityProblem(location: location, message: message))
    }

    private mutating func checkRef(_ key: CompetencyKey, _ location: @autoclosure () -> String) {
        if catalog.competencies.index(forKey: key) == nil {
            add(location(), "refers to competency \(key), which does not exist")
            missing.append(.competency(key))
        }
    }

    private mutating func checkCredential(_ code: String, _ location: @autoclosure () -> String) {
        if catalog.credentials.index(forKey: code) == nil {
            add(location(), "refers to credential \(code), which does not exist")
            missing.append(.credential(code))
        }
    }

    // MARK: - Entities

    mutating func framework(_ f: CompetencyFramework) {
        if let p = Codes.problem(with: f.code) { add("framework '\(f.code)'", p) }
    }

    /// Checks a competency stored under `key`; returns where its parent is stored, following
    /// the stored key's framework (the tree's rule, for the cycle check).
    @discardableResult
    mutating func competency(_ c: Competency, storedAt key: CompetencyKey) -> Dictionary<CompetencyKey, Competency>.Index? {
        let framework = c.framework
        let here = { "competency \(framework)/\(c.code)" }
        if !frameworkExists(framework) {
            add(here(), "belongs to framework \(framework), which does not exist")
            missing.append(.framework(framework))
        }
        if c.code.isEmpty { add(here(), "the code is empty") }
        var parentIndex: Dictionary<CompetencyKey, Competency>.Index?
        if let parent = c.parent {
            // The tree follows the stored key's framework; the rule, the competency's own.
            // One key made for both when the frameworks agree (as they do unless the stored
            // key and the competency disagree), since making a key hashes both codes.
            let stored = CompetencyKey(framework: key.framework, code: parent)
            parentIndex = catalog.competencies.index(forKey: stored)
            let sameFramework = framework == key.framework
            let own = sameFramework ? stored : CompetencyKey(framework: framework, code: parent)
            let exists = sameFramework ? parentIndex != nil : catalog.competencies.index(forKey: own) != nil
            if !exists {
                add(here(), "has parent \(parent), which is not in the framework")
                missing.append(.competency(own))
            }
        }
        for r in c.relations {
            if !r.kind.isValid { add(here(), "has a relation of unknown kind '\(r.kind.rawValue)'") }
            if let t = r.target { checkRef(t, here()) }
            if r.target == nil && (r.targetURI ?? "").isEmpty { add(here(), "has a relation with no target") }
        }
        return parentIndex
    }

    private mutating func frameworkExists(_ code: String) -> Bool {
        if let last = lastFramework, last.code == code { return last.exists }
        let exists = catalog.frameworks.index(forKey: code) != nil
        lastFramework = (code, exists)
        return exists
    }

    mutating func credential(_ c: MicroCredential) {
        let here = { "credential \(c.code)" }
        if let p = Codes.problem(with: c.code) { add(here(), p) }
        if let e = c.ects, !(e >= 0) || !e.isFinite { add(here(), "ECTS must be zero or more") }
        if let h = c.hours, !(h >= 0) || !h.isFinite { add(here(), "hours must be zero or more") }
        let outcomes = c.learningOutcomes
        // Outcome ids seen so far: a scan for the few outcomes a credential has, a set beyond.
        var seen = outcomes.count > 16 ? Set<String>(minimumCapacity: outcomes.count) : nil
        for (n, o) in outcomes.enumerated() {
            let repeated = seen != nil ? !seen!.insert(o.id).inserted : outcomes[..<n].contains { $0.id == o.id }
            if repeated { add("\(here()), outcome \(o.id)", "the outcome id is used twice") }
            for m in o.mappings { checkRef(m.competency, "\(here()), outcome \(o.id)") }
        }
        for p in c.prerequisites.credentials { checkCredential(p, "\(here()), prerequisites") }
        for p in c.prerequisites.recommendedAfter { checkCredential(p, "\(here()), recommended order") }
        for p in c.prerequisites.competencies { checkRef(p.competency, "\(here()), prerequisites") }
    }

    mutating func pathway(_ p: Pathway) {
        let here = { "pathway \(p.code)" }
        if let problem = Codes.problem(with: p.code) { add(here(), problem) }
        for t in p.target.competencies { checkRef(t.competency, "\(here()), target") }
        if let lo = p.target.minECTS, let hi = p.target.maxECTS, lo > hi {
            add("\(here()), target", "the ECTS range \(lo)–\(hi) is reversed")
        }
        for (i, s) in p.stages.enumerated() {
            let stage = { "\(here()), stage \(i + 1)" }
            for c in s.core { checkCredential(c, stage()) }
            for g in s.electiveGroups {
                if g.choose < 1 { add("\(stage()), group '\(g.title)'", "must ask for at least one choice") }
                for c in g.options { checkCredential(c, "\(stage()), group '\(g.title)'") }
            }
        }
    }

    mutating func learner(_ l: Learner) {
        let here = { "learner \(l.name)" }
        if l.name.isEmpty { add(here(), "the name is empty") }
        for c in l.completions { checkCredential(c.credential, "\(here()), completions") }
        for r in l.priorLearning { checkRef(r.competency, "\(here()), prior learning") }
    }

    mutating func occupation(_ o: Occupation) {
        occupation(code: o.code, essential: o.essentialSkills, optional: o.optionalSkills)
    }

    /// An occupation by the parts the rules read (its title and description, cold in memory,
    /// are never touched). The skills are read in place: at ESCO scale these are 130,000
    /// references, and copying a key out of its list retains its box, one more write to
    /// memory the cache has usually not seen.
    mutating func occupation(code: String, essential: [CompetencyKey], optional: [CompetencyKey]) {
        if let p = Codes.problem(with: code) { add("occupation \(code)", p) }
        checkRefs(essential, code)
        checkRefs(optional, code)
    }

    private mutating func checkRefs(_ keys: [CompetencyKey], _ occupation: String) {
        let competencies = catalog.competencies
        keys.withUnsafeBufferPointer { keys in
            for i in keys.indices where competencies.index(forKey: keys[i]) == nil {
                add("occupation \(occupation)", "refers to competency \(keys[i]), which does not exist")
                missing.append(.competency(keys[i]))
            }
        }
    }

    mutating func comment(_ c: ReviewComment) {
        let here = "comment \(c.id)"
        switch c.subject {
        case .framework(let f):
            if catalog.frameworks.index(forKey: f) == nil {
                add(here, "is on framework \(f), which does not exist")
                missing.append(.framework(f))
            }
        case .competency(let k): checkRef(k, here)
        case .credential(let k): checkCredential(k, here)
        case .pathway(let p):
            if catalog.pathways.index(forKey: p) == nil {
                add(here, "is on pathway \(p), which does not exist")
                missing.append(.pathway(p))
            }
        }
    }

    /// Checks the subject as it is in the catalog; false when it is not there.
    mutating func check(_ subject: IntegritySubject) -> Bool {
        switch subject {
        case .framework(let code):
            guard let f = catalog.frameworks[code] else { return false }
            framework(f)
        case .competency(let key):
            guard let c = catalog.competencies[key] else { return false }
            competency(c, storedAt: key)
        case .credential(let code):
            guard let c = catalog.credentials[code] else { return false }
            credential(c)
        case .pathway(let code):
            guard let p = catalog.pathways[code] else { return false }
            pathway(p)
        case .learner(let name):
            guard let l = catalog.learners[name] else { return false }
            learner(l)
        case .occupation(let code):
            guard let o = catalog.occupations[code] else { return false }
            occupation(o)
        case .comment(let id):
            guard let c = catalog.comments[id] else { return false }
            comment(c)
        }
        return true
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

extension Catalog {
    /// Whether following parents (in the stored key's framework) from `key` comes back to it:
    /// a loop made by that competency's own link, found in steps proportional to its depth.
    func parentChainLoops(from key: CompetencyKey) -> Bool {
        var current = key, steps = 0
        while let code = competencies[current]?.parent, steps <= competencies.count {
            let next = CompetencyKey(framework: current.framework, code: code)
            if next == key { return true }
            current = next
            steps += 1
        }
        return false
    }

    /// The integrity problems of the parent cycles, as `integrityProblems()` lists them.
    func parentCycleProblems() -> [IntegrityProblem] {
        parentCycles().map {
            IntegrityProblem(location: "framework \($0.framework)",
                             message: "parent cycle: " + $0.codes.joined(separator: " → "))
        }
    }
}
