import PathwayModel

/// The engine's view of one catalog: indexes built once, then any number of pathway checks and
/// progressions, each costing time in proportion to the pathway, never to the whole map.
///
/// Build a context when the catalog changes. Building from scratch is linear in the number of
/// credentials; `init(catalog:reusing:)` keeps the previous context's index and re-derives only
/// the credentials that changed, so an edit costs time in proportion to the edit. To check a
/// pathway that is being edited but not yet in the catalog, pass the edited `Pathway` value to
/// `check(_:learner:)`. See docs/engine.md.
public struct EngineContext: Sendable {
    public let catalog: Catalog
    public let options: EngineOptions
    let index: CatalogIndex

    public init(catalog: Catalog, options: EngineOptions = EngineOptions()) {
        self.catalog = catalog
        self.options = options
        self.index = CatalogIndex(catalog: catalog, options: options)
    }

    /// A context for a changed catalog that keeps the previous context's index: as it is when
    /// the credentials did not change (editing a pathway, a learner or a map does not re-index;
    /// comparing credentials that share storage is immediate), updated for the few credentials
    /// that did change, and rebuilt only when many changed or the options differ.
    public init(catalog: Catalog, options: EngineOptions = EngineOptions(), reusing previous: EngineContext?) {
        self.catalog = catalog
        self.options = options
        guard let previous, previous.options == options else {
            self.index = CatalogIndex(catalog: catalog, options: options)
            return
        }
        if previous.catalog.credentials == catalog.credentials {
            self.index = previous.index
        } else if let changed = EngineContext.changedCredentials(from: previous.catalog.credentials,
                                                                 to: catalog.credentials, limit: 64) {
            self.index = previous.index.updating(changed, in: catalog)
        } else {
            self.index = CatalogIndex(catalog: catalog, options: options)
        }
    }

    /// A context for the catalog after `changes`, updating the previous context's index for
    /// the credentials the changes put or remove and for nothing else (no comparison of the
    /// catalogs). `catalog` must be the previous context's catalog with `changes` applied.
    public init(catalog: Catalog, applying changes: ChangeSet, to previous: EngineContext) {
        self.catalog = catalog
        self.options = previous.options
        let codes = changes.changes.compactMap { change -> String? in
            switch change {
            case .putCredential(let c): return c.code
            case .removeCredential(let code): return code
            default: return nil
            }
        }
        self.index = codes.isEmpty ? previous.index : previous.index.updating(codes, in: catalog)
    }

    /// Codes of the credentials that differ between two versions of a catalog (put, changed or
    /// removed); nil when more than `limit` differ (rebuilding is then as cheap).
    static func changedCredentials(from old: [String: MicroCredential], to new: [String: MicroCredential],
                                   limit: Int) -> [String]? {
        var changed: [String] = [], matched = 0
        for i in new.indices {
            let code = new.keys[i]
            if let j = old.index(forKey: code) {
                matched += 1
                if old.values[j] == new.values[i] { continue }
            }
            changed.append(code)
            if changed.count > limit { return nil }
        }
        if matched < old.count {
            for code in old.keys where new.index(forKey: code) == nil {
                changed.append(code)
                if changed.count > limit { return nil }
            }
        }
        return changed
    }

    var cycles: PrerequisiteCycles { index.cycles }
    var cyclesByCredential: [String: [Int]] { index.cyclesByCredential }

    /// The competencies a credential teaches, each at the highest level its outcomes reach.
    public func taughtCompetencies(of credential: String) -> [CompetencyKey: EQFLevel] {
        guard let entry = index.ids[credential].flatMap({ index.entries[$0] }) else { return [:] }
        var out: [CompetencyKey: EQFLevel] = [:]
        for t in entry.taught { out[index.competencyKeys[t.competency]] = t.level }
        return out
    }

    /// Every prerequisite cycle in the catalog, each as its credential codes in "requires"
    /// order, starting at the smallest code (`[A, B, C]` reads A → B → C → A).
    public var prerequisiteCycles: [[String]] { cycles.cycles }

    // MARK: - Checks

    /// Checks the stored pathway with this code; nil when there is none.
    public func check(pathway code: String, learner: Learner? = nil) -> PathwayReport? {
        catalog.pathways[code].map { check($0, learner: learner) }
    }

    /// Checks a pathway value (stored or being edited) against this catalog. With a learner,
    /// what they completed and their recognised prior learning count as already held.
    public func check(_ pathway: Pathway, learner: Learner? = nil) -> PathwayReport {
        let record = learner.map { LearnerRecord(learner: $0, whatIf: [], context: self) }
        var checker = PathwayChecker(context: self, pathway: pathway, learner: record)
        return checker.run()
    }

    /// Every pathway in code order, plus the catalog-level findings.
    public func checkAll(learner: Learner? = nil) -> CatalogReport {
        checkAll(learner: learner, parallel: catalog.pathways.count >= ParallelCheck.minimumPathways)
    }

    /// `checkAll`, on one thread or spread over the machine's cores (same result either way;
    /// tests compare both).
    func checkAll(learner: Learner?, parallel: Bool) -> CatalogReport {
        let pathways = catalog.pathwayList
        guard parallel else {
            return CatalogReport(pathways: pathways.map { check($0, learner: learner) },
                                 catalogFindings: catalogFindings())
        }
        return ParallelCheck.run(self, pathways: pathways, learner: learner)
    }

    // MARK: - Progression

    /// A learner's state on a stored pathway; nil when there is no such pathway. `whatIf` codes
    /// count as completed for this answer only; the learner is not changed.
    public func progression(pathway code: String, learner: Learner, whatIf: [String] = []) -> Progression? {
        catalog.pathways[code].map { progression($0, learner: learner, whatIf: whatIf) }
    }

    public func progression(_ pathway: Pathway, learner: Learner, whatIf: [String] = []) -> Progression {
        let record = LearnerRecord(learner: learner, whatIf: whatIf, context: self)
        return ProgressionBuilder(context: self, pathway: pathway, record: record).build()
    }

    // MARK: - Helpers shared by checks

    func credential(_ code: String) -> MicroCredential? { catalog.credentials[code] }

    func exists(_ credential: String) -> Bool { index.ids[credential] != nil }

    /// How sentences name a competency: ‘title’, or its key when it has no title or does not
    /// exist. Only the title is read (never a copy of the whole competency), and a sentence
    /// interpolating the name writes it straight into its own text.
    func competencyName(_ key: CompetencyKey) -> CompetencyName {
        CompetencyName(title: catalog.competencies[key]?.title ?? "", key: key)
    }
}

/// A competency's name in a sentence (see `EngineContext.competencyName`).
struct CompetencyName: CustomStringConvertible {
    let title: String
    let key: CompetencyKey

    var description: String { title.isEmpty ? key.description : "‘" + title + "’" }
}

extension DefaultStringInterpolation {
    /// Writes the name into the sentence being made, without making it a string first.
    mutating func appendInterpolation(_ name: CompetencyName) {
        if name.title.isEmpty {
            appendLiteral(name.key.description)
        } else {
            appendLiteral("‘")
            appendLiteral(name.title)
            appendLiteral("’")
        }
    }
}

/// The result of checking a whole catalog.
public struct CatalogReport: Sendable {
    /// One report per pathway, in pathway code order.
    public var pathways: [PathwayReport]
    /// Findings that belong to no single pathway (uncovered map competencies, problems of
    /// credentials used by no pathway, prerequisite cycles among them).
    public var catalogFindings: [Finding]

    public var allFindings: [Finding] { pathways.flatMap(\.findings) + catalogFindings }

    public func count(_ severity: Severity) -> Int { allFindings.lazy.filter { $0.severity == severity }.count }
    public var hasErrors: Bool { allFindings.contains { $0.severity == .error } }
}
