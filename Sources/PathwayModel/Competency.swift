/// Identifies a competency across the whole document: its framework's code and its own code.
///
/// Codes are only unique inside a framework (two Moodle frameworks may both have `level-1`), so
/// every reference from credentials, pathways and learners carries both parts. Its text form is
/// `FRAMEWORK/CODE` (framework codes never contain `/`).
///
/// The key's hash is worked out once, when it is made (or a part is set), and kept beside the
/// codes: documents hold hundreds of thousands of references whose codes are 36-character
/// ESCO UUIDs, and the checks look each of them up in dictionaries again and again. Hashing a
/// key then feeds one integer to the hasher instead of both strings, and keys with different
/// hashes are unequal without comparing their strings.
public struct CompetencyKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var framework: String {
        get { storedFramework }
        set { storedFramework = newValue; digest = CompetencyKey.digest(newValue, storedCode) }
    }

    public var code: String {
        get { storedCode }
        set { storedCode = newValue; digest = CompetencyKey.digest(storedFramework, newValue) }
    }

    private var storedFramework: String
    private var storedCode: String
    /// The hash of both codes (the process's `Hasher`, so equal strings in Swift's sense —
    /// canonically equivalent — give equal digests).
    private var digest: Int

    public init(framework: String, code: String) {
        storedFramework = framework
        storedCode = code
        digest = CompetencyKey.digest(framework, code)
    }

    /// Parses `FRAMEWORK/CODE`, splitting at the first `/`.
    public init?(_ text: String) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let f = String(text[..<slash]), c = String(text[text.index(after: slash)...])
        guard !f.isEmpty, !c.isEmpty else { return nil }
        self.init(framework: f, code: c)
    }

    private static func digest(_ framework: String, _ code: String) -> Int {
        var hasher = Hasher()
        hasher.combine(framework)
        hasher.combine(code)
        return hasher.finalize()
    }

    public var description: String { "\(framework)/\(code)" }

    public static func == (a: CompetencyKey, b: CompetencyKey) -> Bool {
        a.digest == b.digest && a.storedCode == b.storedCode && a.storedFramework == b.storedFramework
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    public static func < (a: CompetencyKey, b: CompetencyKey) -> Bool {
        (a.storedFramework, a.storedCode) < (b.storedFramework, b.storedCode)
    }
}

/// One node of a competency map: a knowledge item, a skill/competence, or a transversal skill.
public struct Competency: Hashable, Sendable {
    public var framework: String
    /// Stable code inside the framework (ESCO: the concept's UUID; CASE: humanCodingScheme or id).
    public var code: String
    /// A globally unique URI; the ESCO concept URI where the competency is an ESCO concept.
    public var uri: String?
    public var title: String
    public var description: String
    public var type: CompetencyType
    /// Code of the parent competency in the same framework; nil at the top of the tree.
    public var parent: String?
    /// Order among siblings, ascending.
    public var position: Int
    public var altLabels: [String]
    public var relations: [CompetencyRelation]

    public init(framework: String, code: String, uri: String? = nil, title: String,
                description: String = "", type: CompetencyType = .skillCompetence,
                parent: String? = nil, position: Int = 0, altLabels: [String] = [],
                relations: [CompetencyRelation] = []) {
        self.framework = framework
        self.code = code
        self.uri = uri
        self.title = title
        self.description = description
        self.type = type
        self.parent = parent
        self.position = position
        self.altLabels = altLabels
        self.relations = relations
    }

    public var key: CompetencyKey { CompetencyKey(framework: framework, code: code) }
    public var parentKey: CompetencyKey? { parent.map { CompetencyKey(framework: framework, code: $0) } }
}

/// ESCO's distinction between kinds of competency.
public enum CompetencyType: String, Codable, CaseIterable, Sendable {
    case knowledge
    case skillCompetence = "skill/competence"
    case transversal
}

/// A link from one competency to another, inside the document or outside it (by URI).
///
/// The tree itself is held by `Competency.parent`; relations carry everything else that ESCO and
/// CASE express (related, exact match, broader, and CASE's other association types).
public struct CompetencyRelation: Hashable, Sendable {
    public var kind: RelationKind
    /// The related competency when it is in this document.
    public var target: CompetencyKey?
    /// The related concept's URI when it is outside this document (or as well, when known).
    public var targetURI: String?

    public init(kind: RelationKind, target: CompetencyKey? = nil, targetURI: String? = nil) {
        self.kind = kind
        self.target = target
        self.targetURI = targetURI
    }
}

/// The kind of a competency relation. Open-ended because CASE allows `ext:` association types.
public struct RelationKind: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let related = RelationKind(rawValue: "related")
    public static let exactMatch = RelationKind(rawValue: "exactMatch")
    public static let broader = RelationKind(rawValue: "broader")
    // CASE association types kept as relations (isChildOf is the tree itself).
    public static let isPeerOf = RelationKind(rawValue: "isPeerOf")
    public static let isPartOf = RelationKind(rawValue: "isPartOf")
    public static let precedes = RelationKind(rawValue: "precedes")
    public static let replacedBy = RelationKind(rawValue: "replacedBy")
    public static let exemplar = RelationKind(rawValue: "exemplar")
    public static let hasSkillLevel = RelationKind(rawValue: "hasSkillLevel")
    public static let isTranslationOf = RelationKind(rawValue: "isTranslationOf")

    public static let known: [RelationKind] = [
        .related, .exactMatch, .broader, .isPeerOf, .isPartOf, .precedes, .replacedBy,
        .exemplar, .hasSkillLevel, .isTranslationOf,
    ]

    /// Known kinds and extension kinds (`ext:…`) are valid.
    public var isValid: Bool { RelationKind.known.contains(self) || rawValue.hasPrefix("ext:") }

    public static func < (a: RelationKind, b: RelationKind) -> Bool { a.rawValue < b.rawValue }
}

/// A competency required or reached at a proficiency level (EQF 1–8).
public struct CompetencyLevel: Hashable, Sendable {
    public var competency: CompetencyKey
    public var level: EQFLevel

    public init(competency: CompetencyKey, level: EQFLevel) {
        self.competency = competency
        self.level = level
    }
}
