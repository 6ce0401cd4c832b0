import PathwayEngine
import PathwayModel

/// The numbers behind the coverage heat map of one pathway: which credential teaches which
/// target competency at which level, and where the target is not met or taught twice.
///
/// Built once per change from the catalog and the engine's report, so the gap and overlap
/// marks agree with the findings the pathway designer shows (electives included).
public struct CoverageMatrix: Hashable, Sendable {
    /// A credential of the pathway, in stage order.
    public struct Column: Hashable, Sendable {
        public var code: String
        public var title: String
        /// 0-based stage index.
        public var stage: Int
        /// True for an option of an elective group.
        public var elective: Bool
        public var exists: Bool
    }

    /// How a target competency fares over the whole pathway.
    public enum Status: Hashable, Sendable {
        /// Reached at the required level whatever the learner chooses.
        case covered
        /// Reached only when the learner picks certain electives.
        case someRoutes
        /// Taught, but only below the required level (the best level reached).
        case belowLevel(EQFLevel)
        case notCovered
        /// Taught by the pathway but not part of the target (shown on request).
        case extra
        /// The target names a competency that is not in the document.
        case unknown

        public var isGap: Bool {
            switch self {
            case .belowLevel, .notCovered, .unknown: return true
            default: return false
            }
        }
    }

    public struct Row: Hashable, Sendable {
        public var key: CompetencyKey
        public var title: String
        /// The level the target requires; nil for competencies outside the target.
        public var required: EQFLevel?
        /// The level each column's credential teaches it at (nil: not taught).
        public var levels: [EQFLevel?]
        public var status: Status
        /// Columns whose credentials teach it at the same level as another a learner may also take.
        public var overlaps: Set<Int>
        let search: [UInt8]

        /// The highest level any credential of the pathway teaches.
        public var best: EQFLevel? { levels.compactMap { $0 }.max() }
    }

    public var pathway: String
    public var columns: [Column]
    /// Target competencies in target order, then (when asked for) the others taught.
    public var rows: [Row]
    /// The engine's totals for the pathway (coverage over routes, ECTS range, EQF levels).
    public var coverage: CoverageCount
    public var ects: ECTSFigures
    public var eqf: EQFFigures

    /// `engine`: one over the same catalog to reuse (the document's), else one is built.
    public init(pathway: Pathway, catalog: Catalog, includeExtra: Bool, engine: EngineContext? = nil) {
        let engine = engine ?? EngineContext(catalog: catalog)
        let report = engine.check(pathway)
        self.pathway = pathway.code
        coverage = report.coverage
        ects = report.ects
        eqf = report.eqf

        var columns: [Column] = []
        var seen = Set<String>()
        for (s, stage) in pathway.stages.enumerated() {
            let slots = stage.core.map { ($0, false) } + stage.electiveGroups.flatMap { $0.options.map { ($0, true) } }
            for (code, elective) in slots where seen.insert(code).inserted {
                let c = catalog.credentials[code]
                columns.append(Column(code: code, title: c?.title ?? "(no such credential)", stage: s,
                                      elective: elective, exists: c != nil))
            }
        }
        self.columns = columns
        let taught = columns.map { engine.taughtCompetencies(of: $0.code) }

        // What the engine found per competency: gaps of each kind, and overlapping credentials.
        var found: [CompetencyKey: Status] = [:]
        var overlapping: [CompetencyKey: Set<String>] = [:]
        for f in report.findings {
            guard let k = f.competencies.first else { continue }
            switch f.code {
            case .coverageNotCovered: found[k] = .notCovered
            case .coverageSomeRoutes: found[k] = .someRoutes
            case .coverageOverlap: overlapping[k, default: []].formUnion(f.credentials)
            default: break
            }
        }

        func row(_ key: CompetencyKey, required: EQFLevel?) -> Row {
            let levels = taught.map { $0[key] }
            let title = catalog.competencies[key]?.title ?? key.description
            let status: Status
            if catalog.competencies[key] == nil {
                status = .unknown
            } else if let required {
                let best = levels.compactMap { $0 }.max()
                if let s = found[key] {
                    status = s
                } else if let best, best < required {
                    status = .belowLevel(best)
                } else if best == nil {
                    status = .notCovered
                } else {
                    status = .covered
                }
            } else {
                status = .extra
            }
            let names = overlapping[key] ?? []
            let overlaps = Set(columns.indices.filter { names.contains(columns[$0].code) })
            return Row(key: key, title: title, required: required, levels: levels, status: status,
                       overlaps: overlaps, search: TextSearch.key(title + " " + key.description))
        }

        var rows: [Row] = []
        var inTarget = Set<CompetencyKey>()
        for t in pathway.target.competencies where inTarget.insert(t.competency).inserted {
            rows.append(row(t.competency, required: t.level))
        }
        if includeExtra {
            var others = Set<CompetencyKey>()
            for t in taught { for k in t.keys where !inTarget.contains(k) { others.insert(k) } }
            for k in others.sorted() { rows.append(row(k, required: nil)) }
        }
        self.rows = rows
    }

    /// Counts for the summary line.
    public var gaps: Int { rows.filter { $0.status.isGap }.count }
    public var belowLevel: Int { rows.filter { if case .belowLevel = $0.status { return true } else { return false } }.count }
    public var notCovered: Int { rows.filter { $0.status == .notCovered || $0.status == .unknown }.count }
    public var someRoutes: Int { rows.filter { $0.status == .someRoutes }.count }
    public var overlapping: Int { rows.filter { !$0.overlaps.isEmpty }.count }

    /// The heat-map step (1–4) of an EQF level; 0 for none.
    public static func heatStep(_ level: EQFLevel?) -> Int {
        guard let l = level else { return 0 }
        return (l.value + 1) / 2
    }
}
