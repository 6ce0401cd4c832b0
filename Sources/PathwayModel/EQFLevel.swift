/// A level of the European Qualifications Framework, 1 to 8.
///
/// A type rather than an `Int` so that a level outside 1–8 cannot exist anywhere in the model.
public struct EQFLevel: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let value: Int

    public static let range = 1...8

    public init?(_ value: Int) {
        guard EQFLevel.range.contains(value) else { return nil }
        self.value = value
    }

    /// The Europass / ELM concept URI, e.g. `http://data.europa.eu/snb/eqf/4`.
    public var uri: String { "http://data.europa.eu/snb/eqf/\(value)" }

    public var description: String { "EQF \(value)" }

    public static func < (a: EQFLevel, b: EQFLevel) -> Bool { a.value < b.value }

    public init(from decoder: Decoder) throws {
        let n = try decoder.singleValueContainer().decode(Int.self)
        guard let level = EQFLevel(n) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "EQF level \(n) is out of range; use a whole number from 1 to 8"))
        }
        self = level
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// The QF-EHEA cycle that matches an EQF level for higher-education credentials.
public enum QFEHEACycle: String, Codable, CaseIterable, Sendable {
    case shortCycle = "short"
    case first
    case second
    case third

    /// The EQF level each cycle corresponds to (short ↔ 5, first ↔ 6, second ↔ 7, third ↔ 8).
    public var eqfLevel: EQFLevel {
        switch self {
        case .shortCycle: return EQFLevel(5)!
        case .first: return EQFLevel(6)!
        case .second: return EQFLevel(7)!
        case .third: return EQFLevel(8)!
        }
    }
}

/// ECTS conventions: one credit is 25–30 hours of notional learning.
public enum ECTS {
    public static let hoursPerCredit: ClosedRange<Double> = 25...30
}
