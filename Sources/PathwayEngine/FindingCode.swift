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

    /// Each code's place when codes are ordered by their text (as `<` orders them), by the
    /// code's place in `allCases`.
    static let textOrder: [Int] = {
        let sorted = allCases.sorted()
        return allCases.map { sorted.firstIndex(of: $0)! }
    }()

    /// The code's place when codes are ordered by their text: read from an array by the case's
    /// number (ordering a pathway's findings asks it of every finding, and a table lookup
    /// hashes the code first).
    var textRank: Int { FindingCode.textOrder[ordinal] }

    /// The case's place in `allCases`: a case without a payload is stored as its number in
    /// declaration order, which is also the order of `allCases` (the tests check both).
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
