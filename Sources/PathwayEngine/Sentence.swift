import PathwayModel

/// The text of a finding (its message or fix), written as an ordinary string literal with
/// interpolations but made in one buffer sized for it up front.
///
/// A full check writes about 20,000 such sentences; a plain `String` interpolation starts
/// small and grows once a competency's title is put in, and naming a competency first as a
/// string of its own costs another. Here names, levels and numbers are written straight into
/// the one buffer.
struct Sentence: ExpressibleByStringInterpolation {
    var text: String

    init(_ text: String) { self.text = text }
    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 40 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) { text.append(literal) }

        mutating func appendInterpolation(_ value: String) { text.append(value) }

        mutating func appendInterpolation(_ name: CompetencyName) {
            if name.title.isEmpty {
                text.append(name.key.framework)
                text.append("/")
                text.append(name.key.code)
            } else {
                text.append("‘")
                text.append(name.title)
                text.append("’")
            }
        }

        /// "EQF 5", as `EQFLevel.description` writes it.
        mutating func appendInterpolation(_ level: EQFLevel) {
            text.append("EQF ")
            text.append(String(level.value))
        }

        mutating func appendInterpolation(_ value: Int) { text.append(String(value)) }

        mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) { text.append(value.description) }
    }
}
