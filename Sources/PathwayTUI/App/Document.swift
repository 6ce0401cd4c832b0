import PathwayEngine
import PathwayModel

/// The catalog plus what the UI derives from it (findings, counts), with a version number so
/// screens know when to rebuild their own caches.
///
/// Findings are kept in parts (`DocumentChecks`): an edit re-checks only the pathways,
/// integrity problems and catalog-wide findings it can affect. A document opened with
/// `checked: false` has none checked yet; `checkSome` checks them a part at a time (the
/// terminal loop calls it between keys, so the first frame does not wait for them).
public struct Document: Sendable {
    public private(set) var catalog: Catalog
    /// Grows by one with every change, and when checking finishes; screens compare it with the
    /// version they last saw.
    public private(set) var version: Int
    /// Grows by one with every change of the catalog only (screens that show no findings
    /// rebuild on this one).
    public private(set) var catalogVersion: Int = 0
    private var checks: DocumentChecks
    /// What was changed lately, newest first (the Overview's "recent items").
    public private(set) var recent: [Subject] = []
    /// The last few change sets applied, oldest first, with what they replaced.
    public private(set) var recentChanges: [AppliedChange] = []
    static let changesKept = 16

    /// A change set as applied, for screens that bring what they derived up to date for small
    /// edits instead of deriving it again (the competency map keeps its outline when only
    /// titles change).
    public struct AppliedChange: Sendable {
        /// The catalog version it produced.
        public let catalogVersion: Int
        public let changes: ChangeSet
        /// Its inverse (what `Catalog.apply` returned): the entities it named as they were.
        public let inverse: ChangeSet
    }

    /// The change sets that took the catalog from `version` to now, oldest first (empty when
    /// nothing changed); nil when they are not all kept any more.
    public func changes(since version: Int) -> [AppliedChange]? {
        guard version < catalogVersion else { return version == catalogVersion ? [] : nil }
        guard let first = recentChanges.first, first.catalogVersion <= version + 1 else { return nil }
        return recentChanges.filter { $0.catalogVersion > version }
    }

    /// With `checked` (the default) every finding is computed before this returns.
    public init(catalog: Catalog, checked: Bool = true) {
        self.catalog = catalog
        version = 0
        checks = DocumentChecks(catalog: catalog)
        if checked { checks.checkAll(catalog) }
    }

    /// Puts in the whole catalog of a document whose first frame was drawn from part of it (the
    /// store reads the occupations meanwhile: `App.catalogLoaded`). Findings are checked afresh,
    /// and the versions grow so that screens built from the part rebuild.
    public mutating func replaceCatalog(_ whole: Catalog) {
        let wasChecked = checks.isComplete
        checks = DocumentChecks(catalog: whole)
        catalog = whole
        version += 1
        catalogVersion += 1
        recentChanges = []
        if wasChecked { checks.checkAll(catalog) }
    }

    /// Every finding: integrity problems, then each pathway's in code order, then catalog-wide
    /// ones (equal to `Finding.check(catalog)` once `isChecked`). Builds the list: screens that
    /// draw findings on every frame should ask for what they show (`mostSerious`, `findings(about:)`).
    public var findings: [Finding] { checks.all }
    /// Counted once per change, not per frame: the status line shows them on every frame.
    public var errorCount: Int { checks.errorCount }
    public var warningCount: Int { checks.warningCount }
    /// False while some part of the document is still to be checked (counts are then partial).
    public var isChecked: Bool { checks.isComplete }
    /// How far checking has got, 0...1.
    public var checkProgress: Double { checks.progress }

    /// Checks parts of the document while `keepGoing` says so (at least one part; a long part,
    /// one that is never split, only as the first, so a key waits for at most one of them).
    /// Returns true when the last part was checked by this call (the version then grows, so
    /// screens showing findings refresh).
    @discardableResult
    public mutating func checkSome(while keepGoing: () -> Bool) -> Bool {
        guard !checks.isComplete else { return false }
        repeat {
            guard checks.checkNext(catalog) else { break }
        } while !checks.isComplete && !checks.nextPartIsLong && keepGoing()
        if checks.isComplete { version += 1; return true }
        return false
    }

    /// The engine over the catalog as it is now, reusing the index the checks built (so the
    /// learner preview and the coverage matrix build none of their own once checking started,
    /// or once `prepareEngine` made one). Ask for it when needed rather than keeping it: a
    /// context kept holds the catalog of its time, and the next edit would then copy the
    /// catalog's tables instead of changing them in place.
    public func engineContext() -> EngineContext { checks.engine(for: catalog) ?? EngineContext(catalog: catalog) }

    /// Builds the engine's index now, if no check has yet, and keeps it for the checks and for
    /// `engineContext()` (the app calls this before showing a screen that asks the engine, so
    /// the index is built once, not once per screen and again for the checks).
    public mutating func prepareEngine() { checks.prepareEngine(catalog) }

    /// Checks whatever is left.
    public mutating func checkAll() {
        guard !checks.isComplete else { return }
        checks.checkAll(catalog)
        if checks.isComplete { version += 1 }
    }

    /// The first `limit` findings, errors first, then warnings, then the rest, each group in
    /// list order (what sorting `findings` by severity gives), without building the whole list.
    public func mostSerious(limit: Int) -> [Finding] {
        var out: [Finding] = []
        for severity in [Finding.Severity.error, .warning, .info] {
            checks.forEachPart { part in
                for f in part where f.severity == severity {
                    guard out.count < limit else { return }
                    out.append(f)
                }
            }
        }
        return out
    }

    /// Findings that concern a pathway or the credentials in it, errors first: the pathway's
    /// own, and integrity problems and catalog-wide findings about it or its credentials.
    public func findings(about p: Pathway) -> [Finding] {
        let codes = Set(p.allCredentialCodes)
        func concerns(_ f: Finding) -> Bool {
            if let owner = f.pathway { return owner == p.code }
            switch f.subject {
            case .pathway(let c)?: return c == p.code
            case .credential(let c)?: return codes.contains(c)
            default: return false
            }
        }
        let own = checks.pathways[p.code] ?? []
        let list = checks.integrity.filter(concerns) + own + checks.catalogWide.filter(concerns)
        return list.sorted { $0.severity < $1.severity }
    }

    /// Applies a change set and returns its inverse (the undo). Re-checks what the change can
    /// affect; when the document was fully checked it is again on return.
    @discardableResult
    public mutating func apply(_ set: ChangeSet) -> ChangeSet {
        let wasChecked = checks.isComplete
        let impact = ChangeImpact(set, before: catalog)
        // Only what the change set names, as it is now: holding the whole catalog (or letting
        // the engine hold it) while the set is applied would copy each table the set changes
        // (14,000 competencies for a rename) instead of changing it in place.
        let before = catalog.named(by: set)
        checks.releaseCatalog()
        let inverse = catalog.apply(set)
        version += 1
        catalogVersion += 1
        recentChanges.append(AppliedChange(catalogVersion: catalogVersion, changes: set, inverse: inverse))
        if recentChanges.count > Document.changesKept { recentChanges.removeFirst() }
        checks.changed(impact, set, before: before, after: catalog)
        if wasChecked { checks.checkAll(catalog) }
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
