/// One node of a competency map: a knowledge item, a skill/competence, or a transversal skill.
///
/// A map at ESCO scale holds 14,000 of them, in a dictionary that is copied whenever an older
/// catalog is still shared. The fields therefore live in one reference-counted box, copied only
/// when a shared competency is changed (copy on write): the dictionary holds 8 bytes per entry,
/// copying a competency to read its title costs one retain, and `key` is the key it was made
/// with (not a new one per call). Alternative labels are kept as one string where they can be
/// (see `LabelList`). To the outside it is a plain value, equal when every field is equal.
public struct Competency: Hashable, Sendable {
    private var storage: CompetencyStorage

    /// The framework's code and the competency's own code, as one key (made once, shared).
    public var key: CompetencyKey {
        get { storage.key }
        set { mutable.key = newValue }
    }
    public var framework: String {
        get { storage.key.framework }
        set { mutable.key.framework = newValue }
    }
    /// Stable code inside the framework (ESCO: the concept's UUID; CASE: humanCodingScheme or id).
    public var code: String {
        get { storage.key.code }
        set { mutable.key.code = newValue }
    }
    /// A globally unique URI; the ESCO concept URI where the competency is an ESCO concept.
    public var uri: String? {
        get { storage.uri }
        set { mutable.uri = newValue }
    }
    public var title: String {
        get { storage.title }
        set { mutable.title = newValue }
    }
    public var description: String {
        get { storage.description }
        set { mutable.description = newValue }
    }
    public var type: CompetencyType {
        get { storage.type }
        set { mutable.type = newValue }
    }
    /// Code of the parent competency in the same framework; nil at the top of the tree.
    public var parent: String? {
        get { storage.parent }
        set { mutable.parent = newValue }
    }
    /// Order among siblings, ascending.
    public var position: Int {
        get { storage.position }
        set { mutable.position = newValue }
    }
    public var altLabels: [String] {
        get { storage.labels.strings }
        set { mutable.labels = LabelList(newValue) }
    }
    /// How many alternative labels there are, without making their strings.
    public var altLabelCount: Int { storage.labels.count }
    /// The alternative labels joined by newlines, as the competency keeps them (empty when there
    /// are none), without a string per label; nil when a label holds a newline of its own (then
    /// read `altLabels`). For writers that store the labels one by one or all together.
    public var altLabelsJoinedByNewlines: String? { storage.labels.joined }

    /// Sets the alternative labels from one string holding them joined by newlines: a reader
    /// that meets them one after another (the store) builds that one string rather than a
    /// string per label. Only for labels without a newline of their own (others go through
    /// `altLabels`); equal to setting `altLabels` to the lines of `text`.
    public mutating func setAltLabels(joinedByNewlines text: String) {
        mutable.labels = LabelList(joinedByNewlines: text)
    }
    public var relations: [CompetencyRelation] {
        get { storage.relations }
        set { mutable.relations = newValue }
    }

    public init(framework: String, code: String, uri: String? = nil, title: String,
                description: String = "", type: CompetencyType = .skillCompetence,
                parent: String? = nil, position: Int = 0, altLabels: [String] = [],
                relations: [CompetencyRelation] = []) {
        self.init(key: CompetencyKey(framework: framework, code: code), uri: uri, title: title,
                  description: description, type: type, parent: parent, position: position,
                  altLabels: altLabels, relations: relations)
    }

    /// A competency under an existing key (a reader that already holds the key shares it).
    public init(key: CompetencyKey, uri: String? = nil, title: String,
                description: String = "", type: CompetencyType = .skillCompetence,
                parent: String? = nil, position: Int = 0, altLabels: [String] = [],
                relations: [CompetencyRelation] = []) {
        storage = CompetencyStorage(key: key, uri: uri, title: title, description: description, type: type,
                                    parent: parent, position: position, labels: LabelList(altLabels),
                                    relations: relations)
    }

    public var parentKey: CompetencyKey? { parent.map { CompetencyKey(framework: framework, code: $0) } }

    /// The box, after making sure no other competency shares it.
    private var mutable: CompetencyStorage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public static func == (a: Competency, b: Competency) -> Bool {
        a.storage === b.storage || a.storage.hasSameFields(as: b.storage)
    }

    public func hash(into hasher: inout Hasher) {
        storage.hashFields(into: &hasher)
    }
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
