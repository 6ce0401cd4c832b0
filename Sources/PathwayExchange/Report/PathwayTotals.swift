import PathwayModel

/// What a pathway asks of a learner at least: every core credential plus, in each elective
/// group, the smallest choice that satisfies it (by ECTS).
public struct PathwayTotals: Hashable, Sendable {
    public var minimumECTS: Double
    public var minimumHours: Double
    public var credentialCount: Int

    public init(_ p: Pathway, in catalog: Catalog) {
        var ects = 0.0, hours = 0.0, count = 0
        var counted = Set<String>()
        for stage in p.stages {
            for code in stage.core where counted.insert(code).inserted {
                ects += catalog.credentials[code]?.ects ?? 0
                hours += catalog.credentials[code]?.hours ?? 0
                count += 1
            }
            for g in stage.electiveGroups {
                let options = g.options.compactMap { catalog.credentials[$0] }
                    .sorted { ($0.ects ?? 0, $0.code) < ($1.ects ?? 0, $1.code) }
                for c in options.prefix(max(0, g.choose)) {
                    ects += c.ects ?? 0
                    hours += c.hours ?? 0
                    count += 1
                }
            }
        }
        minimumECTS = ects
        minimumHours = hours
        credentialCount = count
    }
}
