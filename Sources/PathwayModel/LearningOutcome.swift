/// A statement of what a learner can do after a micro-credential ("Learners can …"), mapped to
/// the competencies it develops, each at a proficiency level.
public struct LearningOutcome: Hashable, Sendable {
    /// Stable identifier inside its credential, e.g. `LO1`.
    public var id: String
    public var statement: String
    public var mappings: [CompetencyLevel]

    public init(id: String, statement: String, mappings: [CompetencyLevel] = []) {
        self.id = id
        self.statement = statement
        self.mappings = mappings
    }
}

/// What a micro-credential asks of a learner before enrolment.
///
/// Following CTDL, what is *required* (`credentials`, `competencies`) is kept apart from the
/// *recommended order* (`recommendedAfter`, CTDL's `precedes` seen from the other side).
public struct Prerequisites: Hashable, Sendable {
    /// Codes of micro-credentials that must be completed first.
    public var credentials: [String]
    /// Competencies that must be held at a level first (from any credential or prior learning).
    public var competencies: [CompetencyLevel]
    /// Codes of micro-credentials best taken before this one; advice, not a requirement.
    public var recommendedAfter: [String]
    /// Entry requirements in free text (Annex I "prerequisites needed to enrol").
    public var note: String

    public init(credentials: [String] = [], competencies: [CompetencyLevel] = [],
                recommendedAfter: [String] = [], note: String = "") {
        self.credentials = credentials
        self.competencies = competencies
        self.recommendedAfter = recommendedAfter
        self.note = note
    }

    public var isEmpty: Bool {
        credentials.isEmpty && competencies.isEmpty && recommendedAfter.isEmpty && note.isEmpty
    }
}
