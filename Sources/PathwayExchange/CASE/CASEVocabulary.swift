import PathwayModel

/// How CASE association types map to the model's relation kinds. `isChildOf` is the tree and has
/// no relation kind; ESCO's `broader` travels as `ext:broader`.
enum CASEVocabulary {
    static let associationTypes = [
        "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy",
        "exemplar", "hasSkillLevel", "isTranslationOf",
    ]

    static func kind(forAssociation type: String) -> RelationKind {
        switch type {
        case "exactMatchOf": return .exactMatch
        case "isRelatedTo": return .related
        case "ext:broader": return .broader
        default: return RelationKind(rawValue: type)
        }
    }

    static func association(for kind: RelationKind) -> String {
        switch kind {
        case .exactMatch: return "exactMatchOf"
        case .related: return "isRelatedTo"
        case .broader: return "ext:broader"
        default:
            if associationTypes.contains(kind.rawValue) || kind.rawValue.hasPrefix("ext:") { return kind.rawValue }
            return "ext:" + String(kind.rawValue.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        }
    }

    /// CFItemType for a competency type; skills/competences are the default and get none.
    static func itemType(for type: CompetencyType) -> String? {
        switch type {
        case .knowledge: return "Knowledge"
        case .transversal: return "Transversal skill"
        case .skillCompetence: return nil
        }
    }

    static func type(forItemType text: String?) -> CompetencyType {
        let t = (text ?? "").lowercased()
        if t.contains("transversal") { return .transversal }
        if t.contains("knowledge") { return .knowledge }
        return .skillCompetence
    }

    static func adoptionStatus(for status: ReviewStatus) -> String {
        switch status {
        case .draft: return "Draft"
        case .inReview: return "In review"
        case .approved: return "Adopted"
        }
    }

    static func reviewStatus(forAdoption text: String?) -> ReviewStatus {
        switch (text ?? "").lowercased() {
        case "adopted", "approved", "published": return .approved
        case "in review", "in-review", "review": return .inReview
        default: return .draft
        }
    }
}
