/// The stable identifier of a kind of finding. Codes never change meaning once released, so
/// scripts and reviewers can filter on them; each is documented in docs/findings.md.
///
/// A code always has the same severity, so a designer learns once what each one means.
public enum FindingCode: String, CaseIterable, Sendable, Codable, Comparable {
    // Structure
    case unknownCredential = "structure.unknown-credential"
    case duplicateCredential = "structure.duplicate-credential"
    case emptyPathway = "structure.empty-pathway"
    case emptyStage = "structure.empty-stage"
    case emptyTarget = "structure.empty-target"
    case unknownTargetCompetency = "structure.unknown-competency"
    // Elective groups
    case electiveOverAsking = "elective.over-asking"
    case electiveChooseNone = "elective.choose-none"
    case electiveAllRequired = "elective.all-required"
    // Prerequisites
    case prerequisiteMissing = "prerequisite.missing"
    case prerequisiteUnknown = "prerequisite.unknown-credential"
    case prerequisiteOrder = "prerequisite.order"
    case prerequisiteElectiveOnly = "prerequisite.elective-only"
    case prerequisiteCompetencyUnmet = "prerequisite.competency-unmet"
    case prerequisiteCompetencySomeRoutes = "prerequisite.competency-some-routes"
    case prerequisiteCycle = "prerequisite.cycle"
    case recommendedOrder = "prerequisite.recommended-order"
    // ECTS
    case ectsBelowTarget = "ects.below-target"
    case ectsAboveTarget = "ects.above-target"
    case ectsSomeRoutesBelowTarget = "ects.some-routes-below-target"
    case ectsSomeRoutesAboveTarget = "ects.some-routes-above-target"
    case hoursPerCredit = "ects.hours-per-credit"
    case credentialSize = "ects.credential-size"
    // EQF
    case eqfStageDrop = "eqf.stage-drop"
    case eqfBelowTarget = "eqf.below-target"
    case eqfSomeRoutesBelowTarget = "eqf.some-routes-below-target"
    case eqfOutcomeAboveCredential = "eqf.outcome-above-credential"
    // Coverage
    case coverageNotCovered = "coverage.not-covered"
    case coverageBelowLevel = "coverage.below-level"
    case coverageSomeRoutes = "coverage.some-routes"
    case unmappedOutcome = "coverage.unmapped-outcome"
    case coverageOverlap = "coverage.overlap"
    case mapUncovered = "coverage.map-uncovered"
    // Completeness
    case annexIIncomplete = "completeness.annex-i"

    public var severity: Severity {
        switch self {
        case .unknownCredential, .duplicateCredential, .unknownTargetCompetency,
             .electiveOverAsking,
             .prerequisiteMissing, .prerequisiteUnknown, .prerequisiteOrder,
             .prerequisiteCompetencyUnmet, .prerequisiteCycle,
             .ectsBelowTarget, .ectsAboveTarget,
             .eqfBelowTarget,
             .coverageNotCovered, .coverageBelowLevel:
            return .error
        case .emptyPathway, .emptyStage, .emptyTarget, .electiveChooseNone,
             .prerequisiteElectiveOnly, .prerequisiteCompetencySomeRoutes, .recommendedOrder,
             .ectsSomeRoutesBelowTarget, .ectsSomeRoutesAboveTarget, .hoursPerCredit, .credentialSize,
             .eqfStageDrop, .eqfSomeRoutesBelowTarget, .eqfOutcomeAboveCredential,
             .coverageSomeRoutes, .annexIIncomplete:
            return .warning
        case .electiveAllRequired, .unmappedOutcome, .coverageOverlap, .mapUncovered:
            return .info
        }
    }

    /// The check family: the part of the code before the dot (`prerequisite`, `ects`, …).
    public var family: String { String(rawValue.prefix { $0 != "." }) }

    public static func < (a: FindingCode, b: FindingCode) -> Bool { a.rawValue < b.rawValue }

    /// Each code's place when codes are ordered by their text (as `<` orders them).
    static let textOrder: [FindingCode: Int] = Dictionary(
        uniqueKeysWithValues: allCases.sorted().enumerated().map { ($1, $0) })
}
