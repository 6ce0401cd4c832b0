import PathwayEngine
import PathwayModel

/// The findings of a document kept in parts that are checked separately — the model's
/// integrity problems, the engine's findings of each pathway, and the catalog-wide findings
/// (credentials no pathway uses, uncovered maps) — so that an edit re-checks only the parts it
/// can affect, and the first frame need not wait for any of them.
///
/// Put together in order (integrity, pathways by code, catalog-wide, each finding once) the
/// parts are exactly `Finding.check(catalog)`; the tests compare the two after random edits.
struct DocumentChecks: Sendable {
    /// Integrity problems of the whole catalog (empty until first checked).
    private(set) var integrity: [Finding] = []
    /// The integrity problems, kept up to date edit by edit once checked.
    private var ledger: IntegrityLedger?
    /// Each checked pathway's findings, in the engine's order.
    private(set) var pathways: [String: [Finding]] = [:]
    /// Catalog-wide findings not already listed among the integrity problems.
    private(set) var catalogWide: [Finding] = []
    private var catalogWideRaw: [Finding] = []
    /// The map coverage behind the catalog-wide findings, while edits leave it as it was.
    private var mapCoverage: MapCoverage?

    /// What still has to be checked; a part keeps its last findings until it is.
    private var integrityStale = true
    private var catalogWideStale = true
    private var stalePathways = Set<String>()
    /// The stale pathways, in reverse code order (the next one to check is last).
    private var queue: [String] = []
    /// How many parts were stale when the current round of checking began (for the progress).
    private var roundSize = 0

    /// The engine over the current catalog (nil until a check or a screen first needs it),
    /// kept up to date edit by edit: its index is updated for the credentials an edit changes.
    private var engine: EngineContext?

    private(set) var errorCount = 0
    private(set) var warningCount = 0
    private var pathwayErrors = 0
    private var pathwayWarnings = 0

    /// Nothing checked yet: every part is stale.
    init(catalog: Catalog) {
        markAllStale(catalog)
    }

    var isComplete: Bool { !integrityStale && !catalogWideStale && stalePathways.isEmpty }

    /// Share of the current round of checking done, 0...1 (1 when nothing is stale).
    var progress: Double {
        let left = remainingParts
        guard left > 0, roundSize > 0 else { return 1 }
        return Double(roundSize - left) / Double(roundSize)
    }

    private var remainingParts: Int { stalePathways.count + (integrityStale ? 1 : 0) + (catalogWideStale ? 1 : 0) }

    // MARK: - The whole list

    /// Every finding, in the order `Finding.check` gives.
    var all: [Finding] {
        var out = integrity
        out.reserveCapacity(integrity.count + pathways.values.reduce(0) { $0 + $1.count } + catalogWide.count)
        for code in pathways.keys.sorted() { out += pathways[code]! }
        out += catalogWide
        return out
    }

    /// The parts in list order, without copying them into one array.
    func forEachPart(_ body: ([Finding]) -> Void) {
        body(integrity)
        for code in pathways.keys.sorted() { body(pathways[code]!) }
        body(catalogWide)
    }

    // MARK: - Checking

    /// True when the next part is one of the long ones, never split (≈ 7–15 ms at ESCO scale): the
    /// integrity ledger, the engine's index with the first pathway, or the catalog-wide findings.
    /// A slice of work between keys starts such a part only as its first, so no slice runs two.
    var nextPartIsLong: Bool {
        if integrityStale { return true }
        if !queue.isEmpty { return engine == nil }
        return catalogWideStale
    }

    /// Checks one stale part (integrity first, then pathways in code order, then catalog-wide
    /// findings). Returns false when there was nothing left to check.
    mutating func checkNext(_ catalog: Catalog) -> Bool {
        if integrityStale {
            let ledger = IntegrityLedger(catalog)
            self.ledger = ledger
            integrity = ledger.problems.map(Finding.init(integrity:))
            integrityStale = false
            refreshCatalogWide()
            return true
        }
        if let code = queue.popLast() {
            stalePathways.remove(code)
            let context = engineContext(catalog)
            setPathway(code, context.check(pathway: code).map { PathwayFindings.make($0.findings) })
            return true
        }
        if catalogWideStale {
            let context = engineContext(catalog)
            let coverage = mapCoverage ?? context.mapCoverage()
            mapCoverage = coverage
            catalogWideRaw = PathwayFindings.make(context.catalogFindings(mapCoverage: coverage))
            catalogWideStale = false
            refreshCatalogWide()
            return true
        }
        return false
    }

    mutating func checkAll(_ catalog: Catalog) {
        while checkNext(catalog) {}
    }

    /// The engine over `catalog` (the current one), when one was made already.
    func engine(for catalog: Catalog) -> EngineContext? {
        engine.map { EngineContext(catalog: catalog, reusing: $0) }
    }

    /// Makes the engine now if there is none yet.
    mutating func prepareEngine(_ catalog: Catalog) { _ = engineContext(catalog) }

    private mutating func engineContext(_ catalog: Catalog) -> EngineContext {
        if let e = engine { return e }
        let e = EngineContext(catalog: catalog)
        engine = e
        return e
    }

    /// Lets go of the catalog the engine holds, keeping its index, just before a change set is
    /// applied (`changed` then gives the engine the new catalog): were the old catalog still
    /// held, applying the set would copy the tables it changes rather than change them in place.
    mutating func releaseCatalog() {
        guard let e = engine else { return }
        engine = EngineContext(catalog: Catalog(), applying: ChangeSet("", []), to: e)
    }

    private mutating func setPathway(_ code: String, _ findings: [Finding]?) {
        if let old = pathways[code] {
            pathwayErrors -= old.count { $0.severity == .error }
            pathwayWarnings -= old.count { $0.severity == .warning }
        }
        pathways[code] = findings
        if let new = findings {
            pathwayErrors += new.count { $0.severity == .error }
            pathwayWarnings += new.count { $0.severity == .warning }
        }
        recount()
    }

    /// Catalog-wide findings equal to an integrity problem are listed once, as the problem.
    private mutating func refreshCatalogWide() {
        if integrity.isEmpty {
            catalogWide = catalogWideRaw
        } else {
            let seen = Set(integrity)
            catalogWide = catalogWideRaw.filter { !seen.contains($0) }
        }
        recount()
    }

    private mutating func recount() {
        errorCount = integrity.count + pathwayErrors + catalogWide.count { $0.severity == .error }
        warningCount = pathwayWarnings + catalogWide.count { $0.severity == .warning }
    }

    // MARK: - What an edit makes stale

    mutating func markAllStale(_ catalog: Catalog) {
        engine = nil
        integrityStale = true
        ledger = nil
        mapCoverage = nil
        catalogWideStale = true
        for code in pathways.keys where catalog.pathways[code] == nil { setPathway(code, nil) }
        stalePathways = Set(catalog.pathways.keys)
        queue = stalePathways.sorted(by: >)
        roundSize = remainingParts
    }

    /// Marks stale every part a change set can affect (`impact` was read from the catalog
    /// before the change; `before` holds at least what the set names as it was, see
    /// `Catalog.named(by:)`; `after` is the result). Integrity problems are brought up to date
    /// at once, for the entities the change can affect.
    mutating func changed(_ impact: ChangeImpact, _ set: ChangeSet, before: Catalog, after: Catalog) {
        let wasComplete = isComplete
        // The index is updated for the credentials the set puts or removes (nothing else in it
        // depends on the catalog); the previous one still answers for the old cycles below.
        let previous = engine
        if let e = previous { engine = EngineContext(catalog: after, applying: set, to: e) }
        if !integrityStale, ledger != nil {
            ledger!.update(set, from: before, to: after)
            integrity = ledger!.problems.map(Finding.init(integrity:))
            refreshCatalogWide()
        }
        if impact.affectsCatalogWide {
            catalogWideStale = true
            if mapCoverage != nil && !MapCoverage.isUnchanged(by: set, from: before, to: after) { mapCoverage = nil }
        }
        var affected = impact.pathways
        if !impact.credentials.isEmpty || !impact.competencies.isEmpty {
            affected.formUnion(impact.pathwaysUsing(in: after, engineContext(after)))
        }
        if !impact.credentials.isEmpty {
            // Prerequisite cycles may appear or go: pathways holding a credential of a cycle that
            // changed are affected wherever that credential is.
            let old = previous?.prerequisiteCycles ?? []
            let new = engineContext(after).prerequisiteCycles
            if old != new {
                let changedCycles = Set(old).symmetricDifference(Set(new))
                let codes = Set(changedCycles.flatMap { $0 })
                for (code, p) in after.pathways where p.allCredentialCodes.contains(where: codes.contains) {
                    affected.insert(code)
                }
            }
        }
        for code in affected {
            if after.pathways[code] == nil {
                setPathway(code, nil)
                if stalePathways.remove(code) != nil { queue.removeAll { $0 == code } }
            } else if stalePathways.insert(code).inserted {
                queue.append(code)
            }
        }
        queue.sort(by: >)
        if wasComplete || roundSize == 0 { roundSize = remainingParts } else { roundSize = max(roundSize, remainingParts) }
    }
}

/// Engine findings as the UI lists them, each once.
enum PathwayFindings {
    static func make(_ engine: [PathwayEngine.Finding]) -> [Finding] {
        var seen = Set<Finding>()
        var out: [Finding] = []
        out.reserveCapacity(engine.count)
        for f in engine {
            let finding = Finding(engine: f)
            if seen.insert(finding).inserted { out.append(finding) }
        }
        return out
    }
}

/// What a change set touches, as far as the engine's findings are concerned: which pathways,
/// credentials and competencies changed (removed ones included), and whether the catalog-wide
/// findings can change. Learners, comments and occupations change no finding of the engine.
struct ChangeImpact {
    var pathways = Set<String>()
    var credentials = Set<String>()
    var competencies = Set<CompetencyKey>()
    var affectsCatalogWide = false

    /// Read from the catalog the change set is about to be applied to.
    init(_ set: ChangeSet, before: Catalog) {
        for change in set.changes {
            switch change {
            case .putFramework:
                affectsCatalogWide = true
            case .removeFramework(let code):
                affectsCatalogWide = true
                for key in before.competencies.keys where key.framework == code { competencies.insert(key) }
            case .putCompetency(let c): competencies.insert(c.key)
            case .removeCompetency(let key): competencies.insert(key)
            case .putCredential(let c): credentials.insert(c.code)
            case .removeCredential(let code): credentials.insert(code)
            case .putPathway(let p):
                pathways.insert(p.code)
                // The credentials no pathway uses are listed catalog-wide.
                if Set(before.pathways[p.code]?.allCredentialCodes ?? []) != Set(p.allCredentialCodes) {
                    affectsCatalogWide = true
                }
            case .removePathway(let code):
                pathways.insert(code)
                affectsCatalogWide = true
            case .putLearner, .removeLearner, .putComment, .removeComment, .putOccupation, .removeOccupation:
                break
            }
        }
        if !credentials.isEmpty || !competencies.isEmpty { affectsCatalogWide = true }
    }

    /// Pathways whose check reads a changed credential or competency: those holding a changed
    /// credential, one requiring it, or one teaching or requiring a changed competency, and
    /// those whose target names a changed competency. `context` is the engine's for `catalog`.
    func pathwaysUsing(in catalog: Catalog, _ context: EngineContext) -> Set<String> {
        var credentialsRead = credentials
        credentialsRead.formUnion(context.credentials(reading: competencies, requiring: credentials))
        func reads(_ codes: [String]) -> Bool { codes.contains(where: credentialsRead.contains) }
        var out = Set<String>()
        for (code, p) in catalog.pathways {
            if p.stages.contains(where: { reads($0.core) || $0.electiveGroups.contains { reads($0.options) } })
                || (!competencies.isEmpty && p.target.competencies.contains { competencies.contains($0.competency) }) {
                out.insert(code)
            }
        }
        return out
    }
}
