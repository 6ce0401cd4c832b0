import PathwayModel

/// Random edits of any catalog, reproducible from a seed: what designers do in the UI (rename,
/// re-map, add and remove credentials in stages, change prerequisites, delete with the
/// references mended) and what only a broken file or a raw change does (a dangling reference,
/// a removal that leaves references behind, a prerequisite cycle). Used to check that findings
/// kept up to date edit by edit equal a check from scratch, and to time one edit.
public struct RandomEdits: Sendable {
    private var random: SeededGenerator
    private var counter = 0

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// One change set that applies to `catalog` (never empty when the catalog has anything).
    public mutating func next(for catalog: Catalog) -> ChangeSet {
        counter += 1
        for _ in 0..<20 {
            if let set = attempt(catalog), !set.isEmpty { return set }
        }
        return ChangeSet("Add learner", [.putLearner(Learner(name: "Learner \(counter)"))])
    }

    private mutating func attempt(_ catalog: Catalog) -> ChangeSet? {
        switch random.index(16) {
        case 0: return renameCompetency(catalog)
        case 1: return addCompetency(catalog)
        case 2: return pick(Array(catalog.competencies.keys), sorted: true).map { catalog.deletion(ofCompetency: $0) }
        case 3: return pick(Array(catalog.competencies.keys), sorted: true).map { ChangeSet("Remove competency raw", [.removeCompetency($0)]) }
        case 4, 5: return remapCredential(catalog)
        case 6: return changeCredentialFigures(catalog)
        case 7: return changePrerequisites(catalog)
        case 8: return pick(Array(catalog.credentials.keys), sorted: true).map { catalog.deletion(ofCredential: $0) }
        case 9: return pick(Array(catalog.credentials.keys), sorted: true).map { ChangeSet("Remove credential raw", [.removeCredential($0)]) }
        case 10, 11: return editPathway(catalog)
        case 12: return addCredential(catalog)
        case 13: return editTarget(catalog)
        case 14: return otherEdit(catalog)
        default: return frameworkEdit(catalog)
        }
    }

    // MARK: - Competencies

    private mutating func renameCompetency(_ catalog: Catalog) -> ChangeSet? {
        guard var c = pick(Array(catalog.competencies.values), by: \.key) else { return nil }
        c.title = random.chance(0.1) ? "" : "Renamed \(counter)"
        if random.chance(0.2) {
            // A new parent, sometimes one below it (a cycle), sometimes none.
            c.parent = pick(catalog.competencies.keys.filter { $0.framework == c.framework }, sorted: true)?.code
        }
        return ChangeSet("Rename competency", [.putCompetency(c)])
    }

    private mutating func addCompetency(_ catalog: Catalog) -> ChangeSet? {
        let frameworks = catalog.frameworks.keys.sorted()
        let framework = frameworks.isEmpty || random.chance(0.05) ? "NOFW" : frameworks[random.index(frameworks.count)]
        let parent = pick(catalog.competencies.keys.filter { $0.framework == framework }, sorted: true)?.code
        // Sometimes the code of one that was removed, so dangling references come back to life.
        let code = random.chance(0.3) ? "GONE\(random.index(4))" : "NEW\(counter)"
        return ChangeSet("Add competency", [.putCompetency(Competency(framework: framework, code: code, title: "New \(counter)", parent: parent))])
    }

    // MARK: - Credentials

    private mutating func someCompetency(_ catalog: Catalog) -> CompetencyKey {
        if random.chance(0.1) || catalog.competencies.isEmpty {
            return CompetencyKey(framework: catalog.frameworks.keys.sorted().first ?? "NOFW", code: "GONE\(random.index(4))")
        }
        return pick(Array(catalog.competencies.keys), sorted: true)!
    }

    private mutating func level() -> EQFLevel { EQFLevel(random.int(3...7))! }

    private mutating func remapCredential(_ catalog: Catalog) -> ChangeSet? {
        guard var c = pick(Array(catalog.credentials.values), by: \.code) else { return nil }
        if c.learningOutcomes.isEmpty || random.chance(0.2) {
            c.learningOutcomes.append(LearningOutcome(id: "LO\(counter)", statement: "Outcome \(counter)"))
        }
        let i = random.index(c.learningOutcomes.count)
        if !c.learningOutcomes[i].mappings.isEmpty && random.chance(0.4) {
            c.learningOutcomes[i].mappings.remove(at: random.index(c.learningOutcomes[i].mappings.count))
        } else {
            c.learningOutcomes[i].mappings.append(CompetencyLevel(competency: someCompetency(catalog), level: level()))
        }
        return ChangeSet("Map outcome", [.putCredential(c)])
    }

    private mutating func changeCredentialFigures(_ catalog: Catalog) -> ChangeSet? {
        guard var c = pick(Array(catalog.credentials.values), by: \.code) else { return nil }
        switch random.index(4) {
        case 0: c.ects = random.chance(0.2) ? nil : Double(random.int(0...40))
        case 1: c.eqfLevel = random.chance(0.2) ? nil : level()
        case 2: c.hours = random.chance(0.2) ? nil : Double(random.int(-5...400))
        default: c.title = random.chance(0.2) ? "" : "Retitled \(counter)"
        }
        return ChangeSet("Edit credential", [.putCredential(c)])
    }

    private mutating func changePrerequisites(_ catalog: Catalog) -> ChangeSet? {
        guard var c = pick(Array(catalog.credentials.values), by: \.code) else { return nil }
        switch random.index(4) {
        case 0: c.prerequisites.credentials.append(random.chance(0.1) ? "NOPE\(random.index(3))" : pick(Array(catalog.credentials.keys), sorted: true)!)
        case 1: if !c.prerequisites.credentials.isEmpty { c.prerequisites.credentials.removeFirst() }
        case 2: c.prerequisites.competencies.append(CompetencyLevel(competency: someCompetency(catalog), level: level()))
        default: c.prerequisites.recommendedAfter.append(pick(Array(catalog.credentials.keys), sorted: true)!)
        }
        return ChangeSet("Edit prerequisites", [.putCredential(c)])
    }

    private mutating func addCredential(_ catalog: Catalog) -> ChangeSet? {
        let code = random.chance(0.3) ? "NOPE\(random.index(3))" : "NEWC\(counter)"
        var c = MicroCredential(code: code, title: "New credential \(counter)")
        c.ects = Double(random.int(1...10))
        c.eqfLevel = level()
        c.learningOutcomes = [LearningOutcome(id: "LO1", statement: "Outcome", mappings: [CompetencyLevel(competency: someCompetency(catalog), level: level())])]
        return ChangeSet("Add credential", [.putCredential(c)])
    }

    // MARK: - Pathways

    private mutating func editPathway(_ catalog: Catalog) -> ChangeSet? {
        guard var p = pick(Array(catalog.pathways.values), by: \.code) else { return nil }
        if p.stages.isEmpty || random.chance(0.1) { p.stages.append(Stage(title: "Stage \(counter)")) }
        let s = random.index(p.stages.count)
        switch random.index(5) {
        case 0, 1:
            let code = random.chance(0.1) ? "NOPE\(random.index(3))" : pick(Array(catalog.credentials.keys), sorted: true) ?? "NOPE0"
            p.stages[s].core.append(code)
        case 2:
            if !p.stages[s].core.isEmpty { p.stages[s].core.remove(at: random.index(p.stages[s].core.count)) }
        case 3:
            let options = (0..<random.int(1...3)).compactMap { _ in pick(Array(catalog.credentials.keys), sorted: true) }
            p.stages[s].electiveGroups.append(ElectiveGroup(title: "Group \(counter)", choose: random.int(0...2), options: options))
        default:
            if random.chance(0.5) { return ChangeSet("Remove pathway", [.removePathway(p.code)]) }
            p.code = "NEWP\(counter)"
        }
        return ChangeSet("Edit pathway", [.putPathway(p)])
    }

    private mutating func editTarget(_ catalog: Catalog) -> ChangeSet? {
        guard var p = pick(Array(catalog.pathways.values), by: \.code) else { return nil }
        if !p.target.competencies.isEmpty && random.chance(0.4) {
            p.target.competencies.remove(at: random.index(p.target.competencies.count))
        } else {
            p.target.competencies.append(CompetencyLevel(competency: someCompetency(catalog), level: level()))
        }
        if random.chance(0.1) { p.target.minECTS = 50; p.target.maxECTS = 10 }
        return ChangeSet("Edit target", [.putPathway(p)])
    }

    // MARK: - The rest

    private mutating func otherEdit(_ catalog: Catalog) -> ChangeSet? {
        switch random.index(4) {
        case 0:
            let completions = pick(Array(catalog.credentials.keys), sorted: true).map { [Completion(credential: random.chance(0.2) ? "NOPE1" : $0, date: Day("2025-01-01")!)] } ?? []
            return ChangeSet("Learner", [.putLearner(Learner(name: "L\(random.index(5))", completions: completions, priorLearning: [CompetencyLevel(competency: someCompetency(catalog), level: level())]))])
        case 1:
            return pick(Array(catalog.learners.keys), sorted: true).map { ChangeSet("Remove learner", [.removeLearner($0)]) }
        case 2:
            let subject: CommentSubject = random.chance(0.5) ? .competency(someCompetency(catalog)) : .credential(pick(Array(catalog.credentials.keys), sorted: true) ?? "NOPE2")
            return ChangeSet("Comment", [.putComment(ReviewComment(id: catalog.nextCommentID, author: "R", date: Day("2025-01-02")!, text: "Note", subject: subject))])
        default:
            guard var o = pick(Array(catalog.occupations.values), by: \.code) else { return nil }
            o.essentialSkills.append(someCompetency(catalog))
            return ChangeSet("Occupation", [.putOccupation(o)])
        }
    }

    private mutating func frameworkEdit(_ catalog: Catalog) -> ChangeSet? {
        if random.chance(0.7), var f = pick(Array(catalog.frameworks.values), by: \.code) {
            f.title = "Map \(counter)"
            return ChangeSet("Rename framework", [.putFramework(f)])
        }
        if random.chance(0.5) {
            return ChangeSet("Add framework", [.putFramework(CompetencyFramework(code: random.chance(0.5) ? "NOFW" : "FW\(counter)", title: "Framework \(counter)"))])
        }
        return pick(Array(catalog.frameworks.keys), sorted: true).map { ChangeSet("Remove framework", [.removeFramework($0)]) }
    }

    // MARK: - Picking

    private mutating func pick<T: Comparable>(_ items: [T], sorted: Bool) -> T? {
        guard !items.isEmpty else { return nil }
        // Dictionary order differs between runs: sort so the seed alone decides.
        let list = sorted ? items.sorted() : items
        return list[random.index(list.count)]
    }

    private mutating func pick<T, K: Comparable>(_ items: [T], by key: (T) -> K) -> T? {
        guard !items.isEmpty else { return nil }
        let i = random.index(items.count)
        return items.sorted { key($0) < key($1) }[i]
    }
}
