import PathwayEngine
import PathwayModel

extension Action {
    static let pickLearner = Action("learner.pick-learner")
    static let pickLearnerPathway = Action("learner.pick-pathway")
    static let toggleWhatIf = Action("learner.what-if")
    static let resetWhatIf = Action("learner.reset-what-if")
}

/// The learner preview: one learner on one pathway as a trainer sees it — what is done, what
/// can be taken now, what waits on what, and the best next steps. Credentials can be marked
/// completed "what-if" to see the effect; that is never saved.
public struct LearnerScreen: Screen {
    public var id: ScreenID { .learners }

    /// One line of the progression: a stage or elective-group heading, or a credential.
    public struct Row: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case stage, group, credential }
        public var kind: Kind
        public var text: String
        /// Index into `progression.credentials` for credential rows.
        public var credential: Int?
    }

    public var learnerName: String?
    public var pathwayCode: String?
    /// Credentials treated as completed for this preview only, in the order they were marked.
    public var whatIf: [String] = []
    public var progression: Progression?
    public var rows: [Row] = []
    public var cursor = ListCursor()
    /// The learner's completion dates by credential (for "done 2025-03-14").
    var completedOn: [String: Day] = [:]

    public init(document: Document) { refresh(document) }

    public static let descriptor = ScreenDescriptor(
        id: .learners, keys: ["6"], summary: "Go to the learner preview: a learner's progress on a pathway, with what-if",
        bindings: LearnerScreen.bindings, usesEngine: true, make: { LearnerScreen(document: $0) })

    public var isWhatIf: Bool { !whatIf.isEmpty }

    public var selectedCredential: CredentialProgress? {
        guard let p = progression, rows.indices.contains(cursor.selected),
              let i = rows[cursor.selected].credential else { return nil }
        return p.credentials[i]
    }

    public var selectedSubject: Subject? {
        if let c = selectedCredential { return .credential(c.code) }
        return learnerName.map(Subject.learner)
    }

    public var statusText: String {
        guard let c = selectedCredential else { return "" }
        let space = "Space"
        switch c.state {
        case .completed(let assumed):
            return assumed ? "\(c.code) is completed in the what-if only; \(space) takes it back."
                : "\(c.code) is on the learner's record."
        case .available, .blocked, .notChosen:
            return "\(space) marks \(c.code) completed as a what-if (not saved)."
        }
    }
}
