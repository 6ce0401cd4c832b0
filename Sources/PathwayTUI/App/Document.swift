import PathwayModel

/// The catalog plus what the UI derives from it once per change (findings, counts), with a
/// version number so screens know when to rebuild their own caches.
public struct Document: Sendable {
    public private(set) var catalog: Catalog
    /// Grows by one with every change; screens compare it with the version they last saw.
    public private(set) var version: Int
    public private(set) var findings: [Finding] { didSet { countFindings() } }
    /// Counted once per change, not per frame: the status line shows them on every frame.
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    /// What was changed lately, newest first (the Overview's "recent items").
    public private(set) var recent: [Subject] = []

    public init(catalog: Catalog) {
        self.catalog = catalog
        version = 0
        findings = Finding.check(catalog)
        countFindings()
    }

    private mutating func countFindings() {
        errorCount = findings.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) }
        warningCount = findings.reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) }
    }

    /// Applies a change set and returns its inverse (the undo).
    @discardableResult
    public mutating func apply(_ set: ChangeSet) -> ChangeSet {
        let inverse = catalog.apply(set)
        version += 1
        findings = Finding.check(catalog)
        // The set's first subjects go in front, in order. Only the first few are looked at, so a
        // 14,000-change import costs what a small edit costs (it was quadratic).
        var fresh: [Subject] = []
        for subject in set.changes.lazy.compactMap(Document.subject(of:)) where !fresh.contains(subject) {
            fresh.append(subject)
            if fresh.count == 12 { break }
        }
        recent = fresh + recent.filter { !fresh.contains($0) }
        recent = recent.filter(exists)
        if recent.count > 12 { recent.removeLast(recent.count - 12) }
        return inverse
    }

    static func subject(of change: Change) -> Subject? {
        switch change {
        case .putFramework(let f): return .framework(f.code)
        case .putCompetency(let c): return .competency(framework: c.framework, code: c.code)
        case .putCredential(let c): return .credential(c.code)
        case .putPathway(let p): return .pathway(p.code)
        case .putLearner(let l): return .learner(l.name)
        default: return nil
        }
    }

    /// Whether the subject is still in the document.
    public func exists(_ subject: Subject) -> Bool {
        switch subject {
        case .framework(let c): return catalog.frameworks[c] != nil
        case .competency(let f, let c): return catalog.competencies[CompetencyKey(framework: f, code: c)] != nil
        case .credential(let c): return catalog.credentials[c] != nil
        case .pathway(let c): return catalog.pathways[c] != nil
        case .learner(let n): return catalog.learners[n] != nil
        }
    }

    /// A short human name for a subject ("Procurement basics (PROC-01)").
    public func label(of subject: Subject) -> String {
        switch subject {
        case .framework(let c): return catalog.frameworks[c].map { "\($0.title) (\(c))" } ?? c
        case .competency(let f, let c): return catalog.competencies[CompetencyKey(framework: f, code: c)]?.title ?? "\(f)/\(c)"
        case .credential(let c): return catalog.credentials[c].map { "\($0.title) (\(c))" } ?? c
        case .pathway(let c): return catalog.pathways[c].map { "\($0.title) (\(c))" } ?? c
        case .learner(let n): return n
        }
    }

}
