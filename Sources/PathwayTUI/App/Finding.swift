import PathwayEngine
import PathwayModel

/// A problem in the design as the UI lists it: how serious, what it concerns, what to do.
///
/// Built from the model's integrity problems and the engine's findings (`EngineContext.checkAll`),
/// so screens list both the same way.
public struct Finding: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, info
        var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// Where, in words ("credential PROC-01, outcome LO2").
    public var location: String
    public var message: String
    /// What to open when the finding is chosen.
    public var subject: Subject?
    /// The pathway the finding belongs to, when it is about one.
    public var pathway: String?

    public init(severity: Severity, location: String, message: String, subject: Subject? = nil, pathway: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.subject = subject
        self.pathway = pathway
    }

    /// Every finding for the catalog, computed from scratch: integrity problems first, then each
    /// pathway's findings in code order, then the catalog-wide ones, each listed once.
    /// `Document` keeps the same list up to date part by part (see `DocumentChecks`).
    public static func check(_ catalog: Catalog) -> [Finding] {
        var result = catalog.integrityProblems().map(Finding.init(integrity:))
        var seen = Set(result)
        for f in EngineContext(catalog: catalog).checkAll().allFindings {
            let finding = Finding(engine: f)
            if seen.insert(finding).inserted { result.append(finding) }
        }
        return result
    }

    /// An integrity problem of the model, as an error.
    init(integrity problem: IntegrityProblem) {
        self.init(severity: .error, location: problem.location, message: problem.message,
                  subject: Finding.subject(from: problem.location))
    }

    /// One of the engine's findings, located at the first thing it concerns that is not a pathway.
    init(engine f: PathwayEngine.Finding) {
        let severity: Severity = f.severity == .error ? .error : f.severity == .warning ? .warning : .info
        let entity = f.entities.first { if case .pathway = $0 { return false } else { return true } }
        let subject = entity.flatMap(Finding.subject(of:)) ?? f.pathway.map(Subject.pathway)
        let location = entity?.description ?? f.pathway.map { "pathway \($0)" } ?? "document"
        self.init(severity: severity, location: location, message: f.message, subject: subject, pathway: f.pathway)
    }

    /// The screen-level subject of an engine entity.
    static func subject(of entity: EntityRef) -> Subject? {
        switch entity {
        case .pathway(let p), .stage(let p, _), .electiveGroup(let p, _, _): return .pathway(p)
        case .credential(let c), .outcome(let c, _): return .credential(c)
        case .competency(let k): return .competency(framework: k.framework, code: k.code)
        case .framework(let f): return .framework(f)
        case .learner(let l): return .learner(l)
        }
    }

    /// Reads "credential X…", "pathway X…", "framework X…" locations back into a subject.
    static func subject(from location: String) -> Subject? {
        let words = location.split(separator: " ", maxSplits: 1)
        guard words.count == 2 else { return nil }
        var code = String(words[1])
        if let comma = code.firstIndex(of: ",") { code = String(code[..<comma]) }
        code = code.trimmingCharacters(in: "'")
        switch words[0] {
        case "credential": return .credential(code)
        case "pathway": return .pathway(code)
        case "framework": return .framework(code)
        case "learner": return .learner(code)
        case "competency":
            guard let key = CompetencyKey(code) else { return nil }
            return .competency(framework: key.framework, code: key.code)
        default: return nil
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
