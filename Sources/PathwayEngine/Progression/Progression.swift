import PathwayModel

/// Where a learner stands on a pathway: what they have done, what they can take now, what
/// waits on what, and where they will end up. Trainers read it to advise the next step.
public struct Progression: Hashable, Sendable {
    public var pathway: String
    public var learner: String
    /// Credentials treated as completed for this answer only (a what-if), not on the record.
    public var assumed: [String]
    /// One entry per credential of the pathway, in stage order (core, then each group's options).
    public var credentials: [CredentialProgress]
    /// ECTS of the pathway's credentials the learner has completed.
    public var earnedECTS: Double
    /// ECTS still needed on the smallest route that builds on what is completed.
    public var remainingECTS: Double
    /// Target competencies held at their required level so far.
    public var coverage: TargetProgress
    /// Credentials available now, the most useful first: those that unblock the most others,
    /// then those that add the most target coverage.
    public var next: [NextStep]
    /// The highest EQF level among the credentials completed in the pathway.
    public var currentEQF: EQFLevel?
    /// The level the learner reaches at least by completing the pathway on any route.
    public var projectedEQF: EQFLevel?
    /// Every core credential completed and every elective group satisfied.
    public var isComplete: Bool

    public func credential(_ code: String) -> CredentialProgress? { credentials.first { $0.code == code } }
}

/// One credential's place in a learner's progression.
public struct CredentialProgress: Hashable, Sendable {
    public var code: String
    public var title: String
    /// 0-based stage index.
    public var stage: Int
    /// The elective group within the stage (0-based); nil for core credentials.
    public var group: Int?
    public var ects: Double?
    public var eqfLevel: EQFLevel?
    public var state: CredentialState
}

/// What a learner can do about a credential right now.
public enum CredentialState: Hashable, Sendable {
    /// Done; `assumed` when only the what-if marks it so.
    case completed(assumed: Bool)
    /// Every prerequisite is met: the learner can enrol now.
    case available
    /// Waiting for the listed credentials or competency levels.
    case blocked(Blockers)
    /// An option of an elective group the learner has already satisfied.
    case notChosen

    /// `completed`, `available`, `blocked` or `not chosen`.
    public var label: String {
        switch self {
        case .completed(let assumed): return assumed ? "completed (what-if)" : "completed"
        case .available: return "available"
        case .blocked: return "blocked"
        case .notChosen: return "not chosen"
        }
    }

    public var isCompleted: Bool { if case .completed = self { return true } else { return false } }
}

/// What keeps a credential blocked.
public struct Blockers: Hashable, Sendable {
    /// Required credentials not completed (nor stood in for by prior learning).
    public var credentials: [String]
    /// Required competency levels not yet held.
    public var competencies: [CompetencyGap]

    public var isEmpty: Bool { credentials.isEmpty && competencies.isEmpty }
}

/// A competency needed at a level the learner does not hold yet.
public struct CompetencyGap: Hashable, Sendable {
    public var competency: CompetencyKey
    public var required: EQFLevel
    /// The level held now, if any.
    public var held: EQFLevel?
}

/// An available credential and what completing it would bring.
public struct NextStep: Hashable, Sendable {
    public var code: String
    /// Blocked credentials of the pathway that completing this one makes available.
    public var unblocks: [String]
    /// Target competencies that completing this one brings to their required level.
    public var coverageGain: [CompetencyKey]
}

/// Target coverage for a learner.
public struct TargetProgress: Hashable, Sendable {
    public var held: Int
    public var required: Int
    /// Target competencies not yet held at their level, in target order.
    public var missing: [CompetencyLevel]
}
