import PathwayModel

/// Everything the engine says about one pathway: its findings and the figures a designer reads
/// beside them.
public struct PathwayReport: Sendable {
    public var pathway: String
    /// In a stable order: errors, warnings, info; pathway-wide before stage by stage.
    public var findings: [Finding]
    public var ects: ECTSFigures
    public var eqf: EQFFigures
    /// One entry per stage, in order.
    public var stages: [StageFigures]
    /// The target's coverage by the whole pathway (the last stage's cumulative figure).
    public var coverage: CoverageCount

    public func count(_ severity: Severity) -> Int { findings.lazy.filter { $0.severity == severity }.count }
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
    public func findings(_ severity: Severity) -> [Finding] { findings.filter { $0.severity == severity } }
}

/// Credit totals over elective choices.
public struct ECTSFigures: Hashable, Sendable {
    /// The smallest and largest total any valid route reaches.
    public var min: Double
    public var max: Double
    public var targetMin: Double?
    public var targetMax: Double?
    /// Credentials of the pathway with no ECTS value (counted as 0 in the totals).
    public var unknownWorkload: [String]

    /// True when every route's total lies in the target range (no range set counts as in range).
    public var everyRouteInRange: Bool {
        (targetMin.map { min >= $0 } ?? true) && (targetMax.map { max <= $0 } ?? true)
    }

    /// False when no route can land in the range because all totals are below or above it.
    public var someRouteMayBeInRange: Bool {
        (targetMin.map { max >= $0 } ?? true) && (targetMax.map { min <= $0 } ?? true)
    }
}

/// Levels reached, as the EQF checks define them.
public struct EQFFigures: Hashable, Sendable {
    /// The highest level every route reaches: the level the pathway can promise.
    public var guaranteed: EQFLevel?
    /// The highest level some route reaches.
    public var highest: EQFLevel?
    public var target: EQFLevel?
}

/// How many target competencies are covered at their required level.
public struct CoverageCount: Hashable, Sendable, CustomStringConvertible {
    /// Covered whatever the learner chooses.
    public var everyRoute: Int
    /// Covered by at least one choice.
    public var someRoute: Int
    /// Competencies the target requires.
    public var required: Int

    public init(everyRoute: Int, someRoute: Int, required: Int) {
        self.everyRoute = everyRoute
        self.someRoute = someRoute
        self.required = required
    }

    public var description: String {
        everyRoute == someRoute ? "\(everyRoute)/\(required)" : "\(everyRoute)–\(someRoute)/\(required)"
    }
}

/// Figures for one stage.
public struct StageFigures: Hashable, Sendable {
    public var index: Int
    public var title: String
    /// The stage's level: the highest EQF level of any credential in it (core or option).
    public var eqfLevel: EQFLevel?
    public var ectsMin: Double
    public var ectsMax: Double
    /// Target competencies this stage's credentials cover at their required level.
    public var coverage: CoverageCount
    /// Target competencies covered by this stage and all before it.
    public var cumulativeCoverage: CoverageCount
}
