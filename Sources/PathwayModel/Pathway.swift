/// A learning pathway: micro-credentials stacked in ordered stages towards a target role.
public struct Pathway: Hashable, Sendable {
    public var code: String
    public var title: String
    public var description: String
    public var reviewStatus: ReviewStatus
    public var target: PathwayTarget
    public var stages: [Stage]

    public init(code: String, title: String, description: String = "",
                reviewStatus: ReviewStatus = .draft, target: PathwayTarget = PathwayTarget(),
                stages: [Stage] = []) {
        self.code = code
        self.title = title
        self.description = description
        self.reviewStatus = reviewStatus
        self.target = target
        self.stages = stages
    }

    /// Every credential code the pathway names, in stage order (core before electives).
    public var allCredentialCodes: [String] {
        stages.flatMap { $0.core + $0.electiveGroups.flatMap(\.options) }
    }

    /// The index of the first stage that holds the credential, if any.
    public func stageIndex(of credential: String) -> Int? {
        stages.firstIndex { $0.contains(credential) }
    }
}

/// What a pathway leads to: a role, a level, a credit range and a competency profile.
public struct PathwayTarget: Hashable, Sendable {
    /// The occupation or role, in words (e.g. "Sustainable procurement officer").
    public var occupation: String
    /// ESCO occupation URI, where the role is an ESCO occupation.
    public var occupationURI: String?
    public var eqfLevel: EQFLevel?
    public var minECTS: Double?
    public var maxECTS: Double?
    /// Competencies a learner should hold at the end, each at a required level.
    public var competencies: [CompetencyLevel]

    public init(occupation: String = "", occupationURI: String? = nil, eqfLevel: EQFLevel? = nil,
                minECTS: Double? = nil, maxECTS: Double? = nil, competencies: [CompetencyLevel] = []) {
        self.occupation = occupation
        self.occupationURI = occupationURI
        self.eqfLevel = eqfLevel
        self.minECTS = minECTS
        self.maxECTS = maxECTS
        self.competencies = competencies
    }
}

/// One step of a pathway: credentials everyone takes (core) and groups to choose from.
public struct Stage: Hashable, Sendable {
    public var title: String
    public var core: [String]
    public var electiveGroups: [ElectiveGroup]

    public init(title: String, core: [String] = [], electiveGroups: [ElectiveGroup] = []) {
        self.title = title
        self.core = core
        self.electiveGroups = electiveGroups
    }

    public func contains(_ credential: String) -> Bool {
        core.contains(credential) || electiveGroups.contains { $0.options.contains(credential) }
    }

    public var isEmpty: Bool { core.isEmpty && electiveGroups.allSatisfy { $0.options.isEmpty } }
}

/// "Choose N of these" (CTDL's ComponentCondition with requiredNumber).
public struct ElectiveGroup: Hashable, Sendable {
    public var title: String
    public var choose: Int
    public var options: [String]

    public init(title: String, choose: Int, options: [String]) {
        self.title = title
        self.choose = choose
        self.options = options
    }
}
