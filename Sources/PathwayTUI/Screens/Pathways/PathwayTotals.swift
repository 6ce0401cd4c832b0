import PathwayModel

/// The figures of the totals bar: ECTS range over the routes a learner can take, EQF by stage,
/// and how many target competencies the pathway covers at the required level.
public struct PathwayTotals: Hashable, Sendable {
    public var ectsMin: Double
    public var ectsMax: Double
    public var stageLevels: [EQFLevel?]
    public var covered: Int
    public var required: Int
    /// Credentials without ECTS (the range leaves them out).
    public var unknownWorkload: Int

    public init(_ p: Pathway, _ catalog: Catalog) {
        var lo = 0.0, hi = 0.0, unknown = 0
        func ects(_ code: String) -> Double {
            if let e = catalog.credentials[code]?.ects { return e }
            unknown += 1
            return 0
        }
        var levels: [EQFLevel?] = []
        var taught: [CompetencyKey: EQFLevel] = [:]
        for s in p.stages {
            for c in s.core { let e = ects(c); lo += e; hi += e }
            for g in s.electiveGroups {
                let values = g.options.map(ects).sorted()
                let n = max(0, min(g.choose, values.count))
                lo += values.prefix(n).reduce(0, +)
                hi += values.suffix(n).reduce(0, +)
            }
            let codes = s.core + s.electiveGroups.flatMap(\.options)
            levels.append(codes.compactMap { catalog.credentials[$0]?.eqfLevel }.max())
            for code in codes {
                for (k, l) in catalog.credentials[code]?.taughtCompetencies ?? [:] where taught[k].map({ $0 < l }) ?? true { taught[k] = l }
            }
        }
        ectsMin = lo
        ectsMax = hi
        stageLevels = levels
        required = p.target.competencies.count
        covered = p.target.competencies.filter { t in taught[t.competency].map { $0 >= t.level } ?? false }.count
        unknownWorkload = unknown
    }

    /// Findings of the design that concern this pathway or the credentials in it.
    public static func findings(for p: Pathway, in document: Document) -> [Finding] {
        document.findings(about: p)
    }
}
