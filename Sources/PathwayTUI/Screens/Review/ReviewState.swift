import PathwayModel

extension Action {
    static let addComment = Action("review.comment")
    static let setReviewStatus = Action("review.set-status")
    static let deleteComment = Action("review.delete-comment")
    static let setAuthor = Action("review.your-name")
    static let onlyCommented = Action("review.only-commented")
}

/// Where partners review: every framework, competency, credential and pathway in one list,
/// and beside the selected one its review status and its comments. Reviewers add comments
/// and set the review status of frameworks and pathways; in read-only mode they only browse.
public struct ReviewScreen: Screen {
    public var id: ScreenID { .review }

    /// One line of the list: a section heading or a thing that can carry comments.
    public struct Row: Hashable, Sendable {
        public var heading: Bool
        public var subject: CommentSubject?
        public var label: String
        /// Tree depth for competencies (0 for everything else).
        public var depth: Int
        /// The framework a competency row belongs to (it shows only while that is expanded).
        public var framework: String?
        /// Whether a competency has children (drawn with an expand mark).
        public var hasChildren: Bool
    }

    /// Which pane has the keys: the list of things, or the comments on the selected one.
    public enum Pane: Hashable, Sendable { case subjects, comments }

    public var rows: [Row] = []
    /// Indexes into `rows` shown now (expansion, "only commented" and the filter applied).
    public var shown: [Int] = []
    public var cursor = ListCursor()
    public var commentCursor = ListCursor()
    public var focus = Pane.subjects
    /// Frameworks whose competencies are listed.
    public var expanded: Set<String> = []
    public var onlyCommented = false
    public var filter = ""
    /// The reviewer's name, asked once and kept while the app runs.
    public var author: String?
    /// Comments per subject, oldest first (from the document, rebuilt on every change).
    public var commentsBySubject: [CommentSubject: [ReviewComment]] = [:]
    /// Comments on the competencies of each framework, for the framework row's count.
    var competencyCommentsByFramework: [String: Int] = [:]
    /// What the open prompt, picker or confirmation is about.
    var pendingSubject: CommentSubject?
    var pendingComment: Int?
    /// The comment just added, to select once the document shows it.
    var commentToSelect: Int?
    /// The search text of each row (lower-cased, in `rows` order), made on the first filter.
    var search: SearchIndex?
    /// The catalog version the rows were built for.
    var rowsVersion = -1
    /// The frameworks whose competencies are in `rows` (nil: every framework's). A framework's
    /// 14,000 competencies are listed when it is first expanded, filtered or searched, not
    /// before: the first visit lists frameworks, credentials and pathways only.
    var listed: Set<String>? = []

    public init(document: Document) { refresh(document) }

    public static let descriptor = ScreenDescriptor(
        id: .review, keys: ["7"], summary: "Go to review: comments and review status of every part",
        bindings: ReviewScreen.bindings, make: { ReviewScreen(document: $0) })

    public var selectedRow: Row? {
        shown.indices.contains(cursor.selected) ? rows[shown[cursor.selected]] : nil
    }

    public var selectedCommentSubject: CommentSubject? { selectedRow?.subject }

    public var selectedSubject: Subject? { selectedCommentSubject.map(Subject.init(comment:)) }

    /// The comments on the selected thing, oldest first.
    public var selectedComments: [ReviewComment] {
        selectedCommentSubject.flatMap { commentsBySubject[$0] } ?? []
    }

    public var selectedComment: ReviewComment? {
        let list = selectedComments
        return list.indices.contains(commentCursor.selected) ? list[commentCursor.selected] : nil
    }

    public var statusText: String {
        let total = commentsBySubject.values.reduce(0) { $0 + $1.count }
        let who = author.map { "commenting as \($0)" } ?? "c comments, s sets a review status"
        return Plural.count(total, "comment", "comments") + " in the document · " + who
    }
}

extension Subject {
    /// The UI subject for what a comment concerns.
    init(comment: CommentSubject) {
        switch comment {
        case .framework(let c): self = .framework(c)
        case .competency(let k): self = .competency(framework: k.framework, code: k.code)
        case .credential(let c): self = .credential(c)
        case .pathway(let c): self = .pathway(c)
        }
    }

    /// What a comment on this subject concerns; nil for learners, who take no comments.
    var commentSubject: CommentSubject? {
        switch self {
        case .framework(let c): return .framework(c)
        case .competency(let f, let c): return .competency(CompetencyKey(framework: f, code: c))
        case .credential(let c): return .credential(c)
        case .pathway(let c): return .pathway(c)
        case .learner: return nil
        }
    }
}
