import PathwayModel

/// Thresholds a consortium may want to set differently from the defaults.
public struct EngineOptions: Hashable, Sendable {
    /// A micro-credential outside this size (in ECTS) is reported as `ects.credential-size`.
    public var credentialECTS: ClosedRange<Double>
    /// Hours per ECTS credit outside this range are reported as `ects.hours-per-credit`.
    public var hoursPerCredit: ClosedRange<Double>
    /// How many uncovered competencies `coverage.map-uncovered` names before saying "and N more".
    public var uncoveredExamples: Int

    public init(credentialECTS: ClosedRange<Double> = 1...30,
                hoursPerCredit: ClosedRange<Double> = ECTS.hoursPerCredit,
                uncoveredExamples: Int = 5) {
        self.credentialECTS = credentialECTS
        self.hoursPerCredit = hoursPerCredit
        self.uncoveredExamples = uncoveredExamples
    }
}
