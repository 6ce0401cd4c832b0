/// How big a workload is. `esco` is the full size of the goals (the ESCO v1.2 pillar and
/// a national catalogue of micro-credentials); `scaled(_:)` shrinks every count for quick runs
/// and for the guard test, keeping the shape (tree depth, links per occupation, outcomes per
/// credential, credentials per pathway).
public struct WorkloadSize: Hashable, Sendable, CustomStringConvertible {
    /// Competencies in the map: skill groups plus skills.
    public var competencies: Int
    /// Skill groups per level of the pillar below the four level-0 pillars.
    public var groupsPerLevel: [Int]
    public var occupations: Int
    public var occupationSkillLinks: Int
    public var credentials: Int
    public var learningOutcomes: Int
    public var pathways: Int
    public var learners: Int
    public var comments: Int
    public var scale: Double

    public static let esco = WorkloadSize(
        competencies: 14_000, groupsPerLevel: [28, 156, 452], occupations: 3_000,
        occupationSkillLinks: 130_000, credentials: 2_000, learningOutcomes: 10_000, pathways: 500,
        learners: 200, comments: 300, scale: 1)

    /// Every count times `factor` (at least enough for a well-formed map and one of everything).
    public static func scaled(_ factor: Double) -> WorkloadSize {
        func times(_ n: Int, min low: Int) -> Int { max(low, Int(Double(n) * factor + 0.5)) }
        let full = WorkloadSize.esco
        var levels: [Int] = []
        var previous = 4
        for n in full.groupsPerLevel {
            let count = max(previous, times(n, min: 4))
            levels.append(count)
            previous = count
        }
        let groups = 4 + levels.reduce(0, +)
        let credentials = times(full.credentials, min: 10)
        return WorkloadSize(
            competencies: max(groups + 40, times(full.competencies, min: 0)), groupsPerLevel: levels,
            occupations: times(full.occupations, min: 5),
            occupationSkillLinks: times(full.occupationSkillLinks, min: 100),
            credentials: credentials, learningOutcomes: max(credentials * 2, times(full.learningOutcomes, min: 0)),
            pathways: times(full.pathways, min: 3), learners: times(full.learners, min: 2),
            comments: times(full.comments, min: 2), scale: factor)
    }

    public var skillGroups: Int { 4 + groupsPerLevel.reduce(0, +) }
    public var skills: Int { competencies - skillGroups }

    public var description: String {
        "\(competencies) competencies (\(skillGroups) groups, \(skills) skills), \(occupations) occupations with "
            + "\(occupationSkillLinks) skill links, \(credentials) micro-credentials with \(learningOutcomes) learning "
            + "outcomes, \(pathways) pathways, \(learners) learners, \(comments) comments"
    }
}
