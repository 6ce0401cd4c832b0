import Dispatch

/// A document's integrity problems kept up to date edit by edit.
///
/// Made once from a catalog (one pass over it, as `Catalog.integrityProblems()`), then told of
/// each change set: it checks again only the entities the changes put, and the entities whose
/// references name something that appeared or went away — so an edit costs time in proportion
/// to the edit, not to the 130,000 references of an ESCO-sized document. `problems` is always
/// exactly what `integrityProblems()` gives for the current catalog (the tests compare the two
/// after random edits).
public struct IntegrityLedger: Sendable {
    /// Each entity's problems (only entities that have some), per kind.
    private var frameworks: [String: [IntegrityProblem]] = [:]
    /// Per stored key: the key the problems are ordered by (the competency's own) and its problems.
    private var competencies: [CompetencyKey: (order: CompetencyKey, problems: [IntegrityProblem])] = [:]
    private var cycles: [IntegrityProblem] = []
    private var credentials: [String: [IntegrityProblem]] = [:]
    private var pathways: [String: [IntegrityProblem]] = [:]
    private var learners: [String: [IntegrityProblem]] = [:]
    private var occupations: [String: [IntegrityProblem]] = [:]
    private var comments: [Int: [IntegrityProblem]] = [:]
    /// Per target that does not exist: the entities with a problem naming it.
    private var missing: [IntegrityTarget: Set<IntegritySubject>] = [:]
    /// Per entity with such problems: the targets they name.
    private var misses: [IntegritySubject: [IntegrityTarget]] = [:]

    /// Every problem, in the order `Catalog.integrityProblems()` gives.
    public private(set) var problems: [IntegrityProblem] = []

    /// Checks the whole catalog; a large one on two threads (see `init(_:parallel:)`).
    public init(_ catalog: Catalog) {
        self.init(catalog, parallel: catalog.occupations.count + catalog.credentials.count >= 1_000)
    }

    /// Checks the whole catalog on one thread or two, with the same problems either way (the
    /// tests compare both): the map (frameworks, competencies and their parent loops, comments)
    /// on one, the entities holding most references (credentials, pathways, learners and the
    /// occupations' skill links) on the other. Each entity's problems depend only on the
    /// catalog, so the two passes share nothing until their findings are filed.
    init(_ catalog: Catalog, parallel: Bool) {
        var map = Filings(), rest = Filings()
        if parallel {
            let parts = FilingParts()
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                var filings = Filings()
                if part == 0 { filings.checkMap(catalog) } else { filings.checkReferences(catalog) }
                parts.set(part, filings)
            }
            map = parts.map!
            rest = parts.rest!
        } else {
            map.checkMap(catalog)
            rest.checkReferences(catalog)
        }
        if map.parentsLoop { cycles = catalog.parentCycleProblems() }
        for f in map.found { file(f.subject, f.problems, missing: f.missing, in: catalog) }
        for f in rest.found { file(f.subject, f.problems, missing: f.missing, in: catalog) }
        problems = assembled()
    }

    /// Brings the problems up to date after `changes` took the catalog from `before` to `after`.
    public mutating func update(_ changes: ChangeSet, from before: Catalog, to after: Catalog) {
        var touched = Set<IntegritySubject>()
        var touchedCompetency = false
        for change in changes.changes {
            switch change {
            case .putFramework(let f): touched.insert(.framework(f.code))
            case .removeFramework(let code):
                touched.insert(.framework(code))
                // The framework's competencies go with it (as `Catalog.apply` removes them).
                for (key, c) in before.competencies where c.framework == code || key.framework == code {
                    touched.insert(.competency(key))
                    touched.insert(.competency(c.key))
                }
            case .putCompetency(let c): touched.insert(.competency(c.key))
            case .removeCompetency(let key): touched.insert(.competency(key))
            case .putCredential(let c): touched.insert(.credential(c.code))
            case .removeCredential(let code): touched.insert(.credential(code))
            case .putPathway(let p): touched.insert(.pathway(p.code))
            case .removePathway(let code): touched.insert(.pathway(code))
            case .putLearner(let l): touched.insert(.learner(l.name))
            case .removeLearner(let name): touched.insert(.learner(name))
            case .putComment(let c): touched.insert(.comment(c.id))
            case .removeComment(let id): touched.insert(.comment(id))
            case .putOccupation(let o): touched.insert(.occupation(o.code))
            case .removeOccupation(let code): touched.insert(.occupation(code))
            }
        }
        // What appeared (entities naming it may lose a problem) and what went away (entities
        // naming it gain one).
        var recheck = touched
        var gone = GoneTargets()
        for subject in touched {
            guard let target = subject.target else { continue }
            if case .competency = subject { touchedCompetency = true }
            let was = before.has(target), now = after.has(target)
            if !was && now, let namers = missing[target] { recheck.formUnion(namers) }
            if was && !now { gone.insert(target) }
        }
        if !gone.isEmpty { recheck.formUnion(gone.namers(in: after)) }
        var rules = IntegrityRules(after)
        for subject in recheck {
            forget(subject)
            rules.reset()
            if rules.check(subject) { take(&rules, subject) }
        }
        if touchedCompetency {
            // A loop can appear only through a competency that was put; a known loop may have
            // been broken, and the first one found from elsewhere decides how it is listed.
            let loops = !cycles.isEmpty || touched.contains { subject in
                if case .competency(let key) = subject { return after.parentChainLoops(from: key) }
                return false
            }
            cycles = loops && after.hasParentCycle() ? after.parentCycleProblems() : []
        }
        problems = assembled()
    }

    // MARK: - Keeping the parts

    /// Files what the rules found for `subject` and starts them afresh.
    private mutating func take(_ rules: inout IntegrityRules, _ subject: IntegritySubject) {
        guard !rules.problems.isEmpty else { return }
        file(subject, rules.problems, missing: rules.missing, in: rules.catalog)
        rules.reset()
    }

    /// Files the problems found for `subject` (and the targets they name as missing).
    private mutating func file(_ subject: IntegritySubject, _ found: [IntegrityProblem],
                               missing targets: [IntegrityTarget], in catalog: Catalog) {
        switch subject {
        case .framework(let code): frameworks[code] = found
        case .competency(let key):
            let c = catalog.competencies[key]
            competencies[key] = (CompetencyKey(framework: c?.framework ?? key.framework, code: c?.code ?? key.code), found)
        case .credential(let code): credentials[code] = found
        case .pathway(let code): pathways[code] = found
        case .learner(let name): learners[name] = found
        case .occupation(let code): occupations[code] = found
        case .comment(let id): comments[id] = found
        }
        if !targets.isEmpty {
            misses[subject] = targets
            for target in targets { missing[target, default: []].insert(subject) }
        }
    }

    /// Drops what is known of `subject`'s problems.
    private mutating func forget(_ subject: IntegritySubject) {
        switch subject {
        case .framework(let code): frameworks[code] = nil
        case .competency(let key): competencies[key] = nil
        case .credential(let code): credentials[code] = nil
        case .pathway(let code): pathways[code] = nil
        case .learner(let name): learners[name] = nil
        case .occupation(let code): occupations[code] = nil
        case .comment(let id): comments[id] = nil
        }
        guard let targets = misses.removeValue(forKey: subject) else { return }
        for target in targets {
            missing[target]?.remove(subject)
            if missing[target]?.isEmpty == true { missing[target] = nil }
        }
    }

    /// The problems in the documented order: frameworks, competencies, parent cycles,
    /// credentials, pathways, learners, occupations, comments; each kind by code.
    private func assembled() -> [IntegrityProblem] {
        var out: [IntegrityProblem] = []
        for code in frameworks.keys.sorted() { out += frameworks[code]! }
        for entry in competencies.sorted(by: { ($0.value.order, $0.key) < ($1.value.order, $1.key) }) {
            out += entry.value.problems
        }
        out += cycles
        for code in credentials.keys.sorted() { out += credentials[code]! }
        for code in pathways.keys.sorted() { out += pathways[code]! }
        for name in learners.keys.sorted() { out += learners[name]! }
        for code in occupations.keys.sorted() { out += occupations[code]! }
        for id in comments.keys.sorted() { out += comments[id]! }
        return out
    }
}

extension IntegritySubject {
    /// What references to this entity name (learners, occupations and comments are named by none).
    var target: IntegrityTarget? {
        switch self {
        case .framework(let code): return .framework(code)
        case .competency(let key): return .competency(key)
        case .credential(let code): return .credential(code)
        case .pathway(let code): return .pathway(code)
        case .learner, .occupation, .comment: return nil
        }
    }
}

extension Catalog {
    func has(_ target: IntegrityTarget) -> Bool {
        switch target {
        case .framework(let code): return frameworks.index(forKey: code) != nil
        case .competency(let key): return competencies.index(forKey: key) != nil
        case .credential(let code): return credentials.index(forKey: code) != nil
        case .pathway(let code): return pathways.index(forKey: code) != nil
        }
    }
}

/// Targets that went away in an edit, and the search for the entities that name them.
private struct GoneTargets {
    var frameworks = Set<String>()
    var competencies = Set<CompetencyKey>()
    var credentials = Set<String>()
    var pathways = Set<String>()

    var isEmpty: Bool { frameworks.isEmpty && competencies.isEmpty && credentials.isEmpty && pathways.isEmpty }

    mutating func insert(_ target: IntegrityTarget) {
        switch target {
        case .framework(let code): frameworks.insert(code)
        case .competency(let key): competencies.insert(key)
        case .credential(let code): credentials.insert(code)
        case .pathway(let code): pathways.insert(code)
        }
    }

    /// Every entity of `catalog` with a reference to one of the targets: one pass over the
    /// kinds of entity that can name them (removals are rarer than other edits).
    func namers(in catalog: Catalog) -> Set<IntegritySubject> {
        var out = Set<IntegritySubject>()
        let comps = competencies, creds = credentials
        func named(_ key: CompetencyKey) -> Bool { !comps.isEmpty && comps.contains(key) }
        func named(_ code: String) -> Bool { !creds.isEmpty && creds.contains(code) }
        if !frameworks.isEmpty || !comps.isEmpty {
            for (key, c) in catalog.competencies {
                if frameworks.contains(c.framework)
                    || (c.parent.map { named(CompetencyKey(framework: c.framework, code: $0)) } ?? false)
                    || c.relations.contains(where: { $0.target.map(named) ?? false }) {
                    out.insert(.competency(key))
                }
            }
        }
        if !comps.isEmpty || !creds.isEmpty {
            for c in catalog.credentials.values {
                if c.learningOutcomes.contains(where: { $0.mappings.contains { named($0.competency) } })
                    || c.prerequisites.competencies.contains(where: { named($0.competency) })
                    || c.prerequisites.credentials.contains(where: named)
                    || c.prerequisites.recommendedAfter.contains(where: named) {
                    out.insert(.credential(c.code))
                }
            }
            for p in catalog.pathways.values {
                if p.target.competencies.contains(where: { named($0.competency) })
                    || p.stages.contains(where: { $0.core.contains(where: named)
                        || $0.electiveGroups.contains { $0.options.contains(where: named) } }) {
                    out.insert(.pathway(p.code))
                }
            }
            for l in catalog.learners.values {
                if l.completions.contains(where: { named($0.credential) })
                    || l.priorLearning.contains(where: { named($0.competency) }) {
                    out.insert(.learner(l.name))
                }
            }
        }
        if !comps.isEmpty {
            for o in catalog.occupations.values {
                if o.essentialSkills.contains(where: named) || o.optionalSkills.contains(where: named) {
                    out.insert(.occupation(o.code))
                }
            }
        }
        for c in catalog.comments.values {
            let names: Bool
            switch c.subject {
            case .framework(let f): names = frameworks.contains(f)
            case .competency(let k): names = named(k)
            case .credential(let code): names = named(code)
            case .pathway(let p): names = pathways.contains(p)
            }
            if names { out.insert(.comment(c.id)) }
        }
        return out
    }
}

/// The problems one pass over part of a catalog finds, entity by entity (only entities that
/// have some), before a ledger files them.
private struct Filings {
    var found: [(subject: IntegritySubject, problems: [IntegrityProblem], missing: [IntegrityTarget])] = []
    /// Whether some competency's parents lead back to it (known after `checkMap`).
    var parentsLoop = false

    private mutating func keep(_ rules: inout IntegrityRules, _ subject: IntegritySubject) {
        guard !rules.problems.isEmpty else { return }
        found.append((subject, rules.problems, rules.missing))
        rules.reset()
    }

    /// Frameworks, competencies (and whether their parents loop) and comments.
    mutating func checkMap(_ catalog: Catalog) {
        var rules = IntegrityRules(catalog)
        for f in catalog.frameworks.values {
            rules.framework(f)
            keep(&rules, .framework(f.code))
        }
        let competencies = catalog.competencies
        var links = ParentLinks(count: competencies.count)
        var position = 0
        for i in competencies.indices {
            let key = competencies.keys[i]
            if let parent = rules.competency(competencies.values[i], storedAt: key) {
                links.link(position, to: parent, in: competencies)
            }
            keep(&rules, .competency(key))
            position += 1
        }
        parentsLoop = links.hasCycle
        for c in catalog.comments.values {
            rules.comment(c)
            keep(&rules, .comment(c.id))
        }
    }

    /// Credentials, pathways, learners and occupations: most of the references.
    mutating func checkReferences(_ catalog: Catalog) {
        var rules = IntegrityRules(catalog)
        for c in catalog.credentials.values {
            rules.credential(c)
            keep(&rules, .credential(c.code))
        }
        for p in catalog.pathways.values {
            rules.pathway(p)
            keep(&rules, .pathway(p.code))
        }
        for l in catalog.learners.values {
            rules.learner(l)
            keep(&rules, .learner(l.name))
        }
        let occupations = catalog.occupations
        for i in occupations.indices {
            let code = occupations.values[i].code
            rules.occupation(code: code, essential: occupations.values[i].essentialSkills,
                             optional: occupations.values[i].optionalSkills)
            keep(&rules, .occupation(code))
        }
    }
}

/// Where the two threads of `IntegrityLedger.init(_:parallel:)` put their findings: each
/// writes only its own property, read after both have finished (`concurrentPerform` returns
/// only then).
private final class FilingParts: @unchecked Sendable {
    var map: Filings?
    var rest: Filings?

    func set(_ part: Int, _ filings: Filings) {
        if part == 0 { map = filings } else { rest = filings }
    }
}
