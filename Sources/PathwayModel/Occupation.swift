/// An occupation or role a pathway can aim at (ESCO occupations, or a consortium's own roles).
///
/// Its essential skills are the competency profile a pathway's target starts from; choosing an
/// occupation as a target copies them into `PathwayTarget.competencies`, where designers then set
/// the levels they require.
public struct Occupation: Hashable, Sendable {
    /// Stable code, unique in the document (ESCO: the concept's UUID; own roles: any code).
    public var code: String
    /// ESCO occupation URI where the role is an ESCO occupation.
    public var uri: String?
    public var title: String
    public var description: String
    /// ISCO-08 unit group code, e.g. `2421`.
    public var iscoGroup: String
    public var essentialSkills: [CompetencyKey]
    public var optionalSkills: [CompetencyKey]

    public init(code: String, uri: String? = nil, title: String, description: String = "",
                iscoGroup: String = "", essentialSkills: [CompetencyKey] = [],
                optionalSkills: [CompetencyKey] = []) {
        self.code = code
        self.uri = uri
        self.title = title
        self.description = description
        self.iscoGroup = iscoGroup
        self.essentialSkills = essentialSkills
        self.optionalSkills = optionalSkills
    }

    /// A target profile from the essential skills, each at the given level.
    public func targetProfile(at level: EQFLevel) -> [CompetencyLevel] {
        essentialSkills.map { CompetencyLevel(competency: $0, level: level) }
    }
}
