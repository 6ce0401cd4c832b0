/// A break in the document's referential integrity: something refers to what does not exist,
/// or a value breaks a rule of the model. Importers refuse documents that have any; the engine's
/// findings are about design quality and come on top of these.
public struct IntegrityProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where, in words a user can follow: "credential PROC-01, outcome LO2".
    public var location: String
    /// What is wrong and what to do.
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Rules for codes typed by users or read from files.
public enum Codes {
    /// Non-empty, at most 200 characters, no `/`, no control characters, no spaces at either end.
    public static func problem(with code: String) -> String? {
        if code.isEmpty { return "the code is empty" }
        if code.count > 200 { return "the code is longer than 200 characters" }
        if code.contains("/") { return "the code contains '/', which is reserved" }
        if code.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "the code contains a control character"
        }
        if code.first == " " || code.last == " " { return "the code starts or ends with a space" }
        return nil
    }
}

extension Catalog {
    /// Every integrity problem, in a stable order (frameworks, competencies, credentials,
    /// pathways, learners, comments).
    public func integrityProblems() -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        func add(_ location: String, _ message: String) {
            problems.append(IntegrityProblem(location: location, message: message))
        }
        // Locations are built only when there is a problem to report, and existence is asked with
        // `index(forKey:)`, which does not copy the value out: a sound document of ESCO's size
        // is checked without a string or a struct copy per reference.
        func checkRef(_ key: CompetencyKey, _ location: @autoclosure () -> String) {
            if competencies.index(forKey: key) == nil { add(location(), "refers to competency \(key), which does not exist") }
        }
        func checkCredential(_ code: String, _ location: @autoclosure () -> String) {
            if credentials.index(forKey: code) == nil { add(location(), "refers to credential \(code), which does not exist") }
        }
        for f in frameworkList {
            if let p = Codes.problem(with: f.code) { add("framework '\(f.code)'", p) }
        }
        // Competencies are checked in any order and their problems put in key order afterwards,
        // so the 14,000 competencies of an ESCO map need no sorting when they are sound.
        var competencyProblems: [(key: CompetencyKey, problem: IntegrityProblem)] = []
        for c in competencies.values {
            let before = problems.count
            let here = { "competency \(c.key)" }
            if frameworks.index(forKey: c.framework) == nil { add(here(), "belongs to framework \(c.framework), which does not exist") }
            if c.code.isEmpty { add(here(), "the code is empty") }
            if let parent = c.parentKey {
                if competencies.index(forKey: parent) == nil { add(here(), "has parent \(parent.code), which is not in the framework") }
            }
            for r in c.relations {
                if !r.kind.isValid { add(here(), "has a relation of unknown kind '\(r.kind.rawValue)'") }
                if let t = r.target { checkRef(t, here()) }
                if r.target == nil && (r.targetURI ?? "").isEmpty { add(here(), "has a relation with no target") }
            }
            if problems.count > before {
                competencyProblems += problems[before...].map { (c.key, $0) }
                problems.removeSubrange(before...)
            }
        }
        let ordered = competencyProblems.enumerated().sorted {
            ($0.element.key, $0.offset) < ($1.element.key, $1.offset)
        }
        problems += ordered.map(\.element.problem)
        problems.append(contentsOf: parentCycles().map {
            IntegrityProblem(location: "framework \($0.framework)",
                             message: "parent cycle: " + $0.codes.joined(separator: " → "))
        })
        for c in credentialList {
            let here = "credential \(c.code)"
            if let p = Codes.problem(with: c.code) { add(here, p) }
            if let e = c.ects, !(e >= 0) || !e.isFinite { add(here, "ECTS must be zero or more") }
            if let h = c.hours, !(h >= 0) || !h.isFinite { add(here, "hours must be zero or more") }
            var ids = Set<String>()
            for o in c.learningOutcomes {
                if !ids.insert(o.id).inserted { add("\(here), outcome \(o.id)", "the outcome id is used twice") }
                for m in o.mappings { checkRef(m.competency, "\(here), outcome \(o.id)") }
            }
            for p in c.prerequisites.credentials { checkCredential(p, "\(here), prerequisites") }
            for p in c.prerequisites.recommendedAfter { checkCredential(p, "\(here), recommended order") }
            for p in c.prerequisites.competencies { checkRef(p.competency, "\(here), prerequisites") }
        }
        for p in pathwayList {
            let here = "pathway \(p.code)"
            if let problem = Codes.problem(with: p.code) { add(here, problem) }
            for t in p.target.competencies { checkRef(t.competency, "\(here), target") }
            if let lo = p.target.minECTS, let hi = p.target.maxECTS, lo > hi {
                add("\(here), target", "the ECTS range \(lo)–\(hi) is reversed")
            }
            for (i, s) in p.stages.enumerated() {
                let stage = "\(here), stage \(i + 1)"
                for c in s.core { checkCredential(c, stage) }
                for g in s.electiveGroups {
                    if g.choose < 1 { add("\(stage), group '\(g.title)'", "must ask for at least one choice") }
                    for c in g.options { checkCredential(c, "\(stage), group '\(g.title)'") }
                }
            }
        }
        for l in learnerList {
            let here = "learner \(l.name)"
            if l.name.isEmpty { add(here, "the name is empty") }
            for c in l.completions { checkCredential(c.credential, "\(here), completions") }
            for r in l.priorLearning { checkRef(r.competency, "\(here), prior learning") }
        }
        for o in occupationList {
            let here = "occupation \(o.code)"
            if let p = Codes.problem(with: o.code) { add(here, p) }
            for k in o.essentialSkills + o.optionalSkills { checkRef(k, here) }
        }
        for c in commentList {
            let here = "comment \(c.id)"
            switch c.subject {
            case .framework(let f): if frameworks.index(forKey: f) == nil { add(here, "is on framework \(f), which does not exist") }
            case .competency(let k): checkRef(k, here)
            case .credential(let k): checkCredential(k, here)
            case .pathway(let p): if pathways.index(forKey: p) == nil { add(here, "is on pathway \(p), which does not exist") }
            }
        }
        return problems
    }

    /// Parent cycles in competency trees, each as the codes around the loop (first repeated last).
    public func parentCycles() -> [(framework: String, codes: [String])] {
        // Most documents have none: find that out in one pass without sorting the keys.
        guard hasParentCycle() else { return [] }
        var cycles: [(String, [String])] = []
        var done = Set<CompetencyKey>()
        for start in competencies.keys.sorted() where !done.contains(start) {
            var path: [CompetencyKey] = []
            var onPath: [CompetencyKey: Int] = [:]
            var current: CompetencyKey? = start
            while let key = current, !done.contains(key) {
                if let i = onPath[key] {
                    cycles.append((key.framework, path[i...].map(\.code) + [key.code]))
                    break
                }
                onPath[key] = path.count
                path.append(key)
                current = competencies[key]?.parentKey
            }
            done.formUnion(path)
        }
        return cycles
    }

    /// Whether any parent chain loops, in time linear in the number of competencies.
    private func hasParentCycle() -> Bool {
        var state: [CompetencyKey: Bool] = [:]   // false: on the current path, true: done
        state.reserveCapacity(competencies.count)
        for start in competencies.keys where state[start] == nil {
            var path: [CompetencyKey] = []
            var current: CompetencyKey? = start
            while let key = current {
                if let finished = state[key] {
                    if !finished { return true }
                    break
                }
                state[key] = false
                path.append(key)
                current = competencies[key]?.parent.map { CompetencyKey(framework: key.framework, code: $0) }
            }
            for key in path { state[key] = true }
        }
        return false
    }
}
