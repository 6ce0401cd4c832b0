import PathwayModel

/// Makes any text safe to show in a report: control characters become visible Unicode control
/// pictures (ESC → ␛, BEL → ␇, NUL → ␀), bidirectional overrides are shown as `[U+202E]`, and
/// very long text is cut with a note, so imported text can neither hide nor reorder what a
/// partner reads.
enum ReportText {
    static let limit = 20_000

    static func clean(_ s: String) -> String {
        var out = ""
        var count = 0
        for u in s.unicodeScalars {
            count += 1
            if count > limit { out += " … [cut: \(s.unicodeScalars.count - limit) more characters]"; break }
            switch u.value {
            case 0x0A, 0x09: out.unicodeScalars.append(u)
            case 0x00...0x1F: out.unicodeScalars.append(Unicode.Scalar(0x2400 + u.value)!)
            case 0x7F: out += "␡"
            case 0x80...0x9F: out += "[U+\(String(u.value, radix: 16, uppercase: true))]"
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                out += "[U+\(String(u.value, radix: 16, uppercase: true))]"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "?" }
        if d.rounded() == d && abs(d) < 1e15 { return String(Int(d)) }
        return String((d * 100).rounded() / 100)
    }

    static func range(_ lo: Double, _ hi: Double) -> String {
        lo == hi ? number(lo) : "\(number(lo))–\(number(hi))"
    }

    /// "EQF 5", or `missing` when no level is set.
    static func eqf(_ level: EQFLevel?, or missing: String) -> String {
        level.map { "EQF \($0.value)" } ?? missing
    }

    /// A target's ECTS range ("60–90", "60–…"), or "not given" when it has neither end.
    static func ectsRange(min: Double?, max: Double?) -> String {
        if min == nil && max == nil { return "not given" }
        return [min, max].map { $0.map(number) ?? "…" }.joined(separator: "–")
    }
}
