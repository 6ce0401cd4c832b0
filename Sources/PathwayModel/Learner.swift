/// A learner as a trainer previews them: what they have completed and what prior learning counts.
public struct Learner: Hashable, Sendable {
    /// Name or alias; unique in the document and used to pick the learner (`--learner NAME`).
    public var name: String
    public var note: String
    public var completions: [Completion]
    /// Recognised prior learning, as competencies held at levels.
    public var priorLearning: [CompetencyLevel]

    public init(name: String, note: String = "", completions: [Completion] = [],
                priorLearning: [CompetencyLevel] = []) {
        self.name = name
        self.note = note
        self.completions = completions
        self.priorLearning = priorLearning
    }

    public var completedCodes: Set<String> { Set(completions.map(\.credential)) }
}

/// A micro-credential a learner has completed, and when.
public struct Completion: Hashable, Sendable {
    public var credential: String
    public var date: Day

    public init(credential: String, date: Day) {
        self.credential = credential
        self.date = date
    }
}

/// A micro-credential awarded to one learner: the design plus the two Annex I elements that only
/// exist on issuing (identification of the learner, date of issuing).
public struct IssuedCredential: Hashable, Sendable {
    public var credential: MicroCredential
    public var learner: String
    public var issued: Day
    /// Grade achieved (Annex I optional element), if graded.
    public var grade: String?

    public init(credential: MicroCredential, learner: String, issued: Day, grade: String? = nil) {
        self.credential = credential
        self.learner = learner
        self.issued = issued
        self.grade = grade
    }
}

/// A remark by a reviewer (often a project partner) on part of the document.
public struct ReviewComment: Hashable, Sendable {
    /// Unique in the document; assigned by `Catalog.nextCommentID`.
    public var id: Int
    public var author: String
    public var date: Day
    public var text: String
    public var subject: CommentSubject

    public init(id: Int, author: String, date: Day, text: String, subject: CommentSubject) {
        self.id = id
        self.author = author
        self.date = date
        self.text = text
        self.subject = subject
    }
}

/// What a review comment is attached to.
public enum CommentSubject: Hashable, Sendable, CustomStringConvertible {
    case framework(String)
    case competency(CompetencyKey)
    case credential(String)
    case pathway(String)

    /// `framework`, `competency`, `credential` or `pathway`.
    public var kind: String {
        switch self {
        case .framework: return "framework"
        case .competency: return "competency"
        case .credential: return "credential"
        case .pathway: return "pathway"
        }
    }

    /// The subject's code (`FRAMEWORK/CODE` for a competency).
    public var code: String {
        switch self {
        case .framework(let c), .credential(let c), .pathway(let c): return c
        case .competency(let k): return k.description
        }
    }

    public init?(kind: String, code: String) {
        switch kind {
        case "framework": self = .framework(code)
        case "competency": guard let k = CompetencyKey(code) else { return nil }; self = .competency(k)
        case "credential": self = .credential(code)
        case "pathway": self = .pathway(code)
        default: return nil
        }
    }

    public var description: String { "\(kind) \(code)" }
}
