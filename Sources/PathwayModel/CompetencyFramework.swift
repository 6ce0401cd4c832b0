/// A sector's competency map: the tree of competencies that credentials and pathways refer to.
public struct CompetencyFramework: Hashable, Sendable {
    /// Stable code, unique in a document. Letters, digits, `-`, `_` and `.`; no `/`.
    public var code: String
    public var title: String
    public var sector: String
    public var description: String
    public var source: FrameworkSource
    public var version: String
    /// BCP 47 language tag of the framework's text, e.g. `en`, `de`, `pt-BR`.
    public var language: String
    public var reviewStatus: ReviewStatus
    /// The framework's own identifier where it came from elsewhere (CASE document URI, ESCO scheme…).
    public var uri: String?
    /// Moodle's proficiency scale (values in order) and scale configuration JSON, kept for round trips.
    public var scale: [String]
    public var scaleConfiguration: String?
    /// Moodle's taxonomy term per tree level (competency, behaviour, indicator, …).
    public var taxonomy: [String]

    public init(code: String, title: String, sector: String = "", description: String = "",
                source: FrameworkSource = .own, version: String = "1.0", language: String = "en",
                reviewStatus: ReviewStatus = .draft, uri: String? = nil, scale: [String] = [],
                scaleConfiguration: String? = nil, taxonomy: [String] = []) {
        self.code = code
        self.title = title
        self.sector = sector
        self.description = description
        self.source = source
        self.version = version
        self.language = language
        self.reviewStatus = reviewStatus
        self.uri = uri
        self.scale = scale
        self.scaleConfiguration = scaleConfiguration
        self.taxonomy = taxonomy
    }
}

/// Where a framework's content comes from.
public enum FrameworkSource: String, Codable, CaseIterable, Sendable {
    case own, esco, `case`, moodle
}

/// The review state partners give a framework or a pathway.
public enum ReviewStatus: String, Codable, CaseIterable, Sendable {
    case draft
    case inReview = "in-review"
    case approved

    public var label: String {
        switch self {
        case .draft: return "draft"
        case .inReview: return "in review"
        case .approved: return "approved"
        }
    }
}
