/// The whole document in memory: every framework, competency, credential, pathway, learner and
/// review comment. The engine checks it, the UI draws it, the store loads and saves it.
///
/// Entities are keyed by their codes. Ordered views (`frameworkList`, `children(of:)`, …) are
/// computed from those keys, so the catalog has one source of truth for each fact.
public struct Catalog: Hashable, Sendable {
    public var frameworks: [String: CompetencyFramework]
    public var competencies: [CompetencyKey: Competency]
    public var credentials: [String: MicroCredential]
    public var pathways: [String: Pathway]
    public var learners: [String: Learner]
    public var comments: [Int: ReviewComment]
    public var occupations: [String: Occupation]

    public init(frameworks: [CompetencyFramework] = [], competencies: [Competency] = [],
                credentials: [MicroCredential] = [], pathways: [Pathway] = [],
                learners: [Learner] = [], comments: [ReviewComment] = [],
                occupations: [Occupation] = []) {
        self.frameworks = Dictionary(frameworks.map { ($0.code, $0) }, uniquingKeysWith: { _, b in b })
        self.competencies = Dictionary(competencies.map { ($0.key, $0) }, uniquingKeysWith: { _, b in b })
        self.credentials = Dictionary(credentials.map { ($0.code, $0) }, uniquingKeysWith: { _, b in b })
        self.pathways = Dictionary(pathways.map { ($0.code, $0) }, uniquingKeysWith: { _, b in b })
        self.learners = Dictionary(learners.map { ($0.name, $0) }, uniquingKeysWith: { _, b in b })
        self.comments = Dictionary(comments.map { ($0.id, $0) }, uniquingKeysWith: { _, b in b })
        self.occupations = Dictionary(occupations.map { ($0.code, $0) }, uniquingKeysWith: { _, b in b })
    }

    public var frameworkList: [CompetencyFramework] { frameworks.values.sorted { $0.code < $1.code } }
    public var credentialList: [MicroCredential] { credentials.values.sorted { $0.code < $1.code } }
    public var pathwayList: [Pathway] { pathways.values.sorted { $0.code < $1.code } }
    public var learnerList: [Learner] { learners.values.sorted { $0.name < $1.name } }
    public var commentList: [ReviewComment] { comments.values.sorted { $0.id < $1.id } }
    public var occupationList: [Occupation] { occupations.values.sorted { $0.code < $1.code } }

    /// The competencies of one framework, in tree order (depth first, siblings by position).
    public func competencies(in framework: String) -> [Competency] {
        CompetencyTree(catalog: self, framework: framework).depthFirst.map(\.competency)
    }

    /// Direct children of a competency (or the roots, with `parent` nil), by position then code.
    public func children(of parent: String?, in framework: String) -> [Competency] {
        competencies.values
            .filter { $0.framework == framework && $0.parent == parent }
            .sorted { ($0.position, $0.code) < ($1.position, $1.code) }
    }

    public func comments(on subject: CommentSubject) -> [ReviewComment] {
        commentList.filter { $0.subject == subject }
    }

    public var nextCommentID: Int { (comments.keys.max() ?? 0) + 1 }

    public func competency(_ key: CompetencyKey) -> Competency? { competencies[key] }

    /// Credentials whose learning outcomes map to the competency, with the highest level taught.
    public func credentialsCovering(_ key: CompetencyKey) -> [(credential: MicroCredential, level: EQFLevel)] {
        credentialList.compactMap { c in c.taughtCompetencies[key].map { (c, $0) } }
    }

    public var isEmpty: Bool {
        frameworks.isEmpty && competencies.isEmpty && credentials.isEmpty && pathways.isEmpty
            && learners.isEmpty && comments.isEmpty && occupations.isEmpty
    }
}
