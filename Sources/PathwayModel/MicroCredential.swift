/// The design of a micro-credential, with the elements of Annex I of the EU Council
/// Recommendation (2022/C 243/02) that describe a design.
///
/// The two Annex I elements that exist only once a credential is issued to a person (the learner's
/// identity and the date of issuing) live in `IssuedCredential`, not here.
public struct MicroCredential: Hashable, Sendable {
    /// Stable code, unique in the document.
    public var code: String
    // Annex I mandatory elements of a design
    public var title: String
    public var awardingBody: String
    /// Country or region of the issuer (ISO 3166-1 alpha-2 code such as `PT`, or a region name).
    public var issuerCountry: String
    public var learningOutcomes: [LearningOutcome]
    /// Notional workload in ECTS credits (fractional, e.g. 2.5).
    public var ects: Double?
    /// Notional workload in hours.
    public var hours: Double?
    public var eqfLevel: EQFLevel?
    public var qfEheaCycle: QFEHEACycle?
    public var assessment: String
    public var participation: ParticipationForm?
    public var qualityAssurance: String
    // Annex I optional elements
    public var prerequisites: Prerequisites
    public var supervision: Supervision?
    public var gradingScheme: String
    public var stackability: Stackability
    public var furtherInformation: String
    // Further description
    public var summary: String
    /// BCP 47 language tags of instruction and assessment.
    public var languages: [String]
    /// ISCED-F 2013 field code, e.g. `0413` (management and administration).
    public var iscedField: String
    public var status: CredentialStatus

    public init(code: String, title: String, awardingBody: String = "", issuerCountry: String = "",
                learningOutcomes: [LearningOutcome] = [], ects: Double? = nil, hours: Double? = nil,
                eqfLevel: EQFLevel? = nil, qfEheaCycle: QFEHEACycle? = nil, assessment: String = "",
                participation: ParticipationForm? = nil, qualityAssurance: String = "",
                prerequisites: Prerequisites = Prerequisites(), supervision: Supervision? = nil,
                gradingScheme: String = "", stackability: Stackability = .standAlone,
                furtherInformation: String = "", summary: String = "", languages: [String] = [],
                iscedField: String = "", status: CredentialStatus = .draft) {
        self.code = code
        self.title = title
        self.awardingBody = awardingBody
        self.issuerCountry = issuerCountry
        self.learningOutcomes = learningOutcomes
        self.ects = ects
        self.hours = hours
        self.eqfLevel = eqfLevel
        self.qfEheaCycle = qfEheaCycle
        self.assessment = assessment
        self.participation = participation
        self.qualityAssurance = qualityAssurance
        self.prerequisites = prerequisites
        self.supervision = supervision
        self.gradingScheme = gradingScheme
        self.stackability = stackability
        self.furtherInformation = furtherInformation
        self.summary = summary
        self.languages = languages
        self.iscedField = iscedField
        self.status = status
    }

    /// Every competency this credential's outcomes teach, at the highest level taught.
    public var taughtCompetencies: [CompetencyKey: EQFLevel] {
        var result: [CompetencyKey: EQFLevel] = [:]
        for outcome in learningOutcomes {
            for m in outcome.mappings where (result[m.competency].map { $0 < m.level } ?? true) {
                result[m.competency] = m.level
            }
        }
        return result
    }

    /// Hours of notional workload per ECTS credit, when both are given.
    public var hoursPerCredit: Double? {
        guard let e = ects, let h = hours, e > 0 else { return nil }
        return h / e
    }
}

/// Annex I element 10: how learners take part.
public enum ParticipationForm: String, Codable, CaseIterable, Sendable {
    case online, onsite, blended
}

/// Annex I optional element: supervision and identity verification during assessment.
public enum Supervision: String, Codable, CaseIterable, Sendable {
    case unsupervisedNoIdentityCheck = "unsupervised-no-id"
    case supervisedNoIdentityCheck = "supervised-no-id"
    case supervisedWithIdentityCheck = "supervised-with-id"

    public var label: String {
        switch self {
        case .unsupervisedNoIdentityCheck: return "unsupervised, no identity verification"
        case .supervisedNoIdentityCheck: return "supervised, no identity verification"
        case .supervisedWithIdentityCheck: return "supervised online or onsite, with identity verification"
        }
    }
}

/// Annex I optional element: integration and stacking possibilities.
public enum Stackability: Hashable, Sendable {
    case standAlone
    /// Stackable towards larger credentials or qualifications, named in free text or by code.
    case stackable(towards: [String])

    public var isStackable: Bool {
        if case .stackable = self { return true }
        return false
    }
}

/// Where a design is in its life.
public enum CredentialStatus: String, Codable, CaseIterable, Sendable {
    case draft, active, retired
}

/// The Annex I mandatory elements that a design must carry (the other two belong to issuing).
public enum AnnexIElement: String, CaseIterable, Sendable {
    case title, issuerCountry, awardingBody, learningOutcomes, workload, level, assessment,
         participation, qualityAssurance

    public var label: String {
        switch self {
        case .title: return "title"
        case .issuerCountry: return "country/region of the issuer"
        case .awardingBody: return "awarding body"
        case .learningOutcomes: return "learning outcomes"
        case .workload: return "notional workload (ECTS)"
        case .level: return "EQF level"
        case .assessment: return "type of assessment"
        case .participation: return "form of participation"
        case .qualityAssurance: return "type of quality assurance"
        }
    }
}

extension MicroCredential {
    /// The Annex I mandatory design elements this credential does not yet fill in.
    public var missingAnnexIElements: [AnnexIElement] {
        func blank(_ s: String) -> Bool { s.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" } }
        var missing: [AnnexIElement] = []
        if blank(title) { missing.append(.title) }
        if blank(issuerCountry) { missing.append(.issuerCountry) }
        if blank(awardingBody) { missing.append(.awardingBody) }
        if learningOutcomes.isEmpty { missing.append(.learningOutcomes) }
        if (ects ?? 0) <= 0 { missing.append(.workload) }
        if eqfLevel == nil { missing.append(.level) }
        if blank(assessment) { missing.append(.assessment) }
        if participation == nil { missing.append(.participation) }
        if blank(qualityAssurance) { missing.append(.qualityAssurance) }
        return missing
    }
}
