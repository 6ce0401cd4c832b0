import Foundation

/// Cell handling for ESCO's big files, where every cell of 160,000 rows passes through it: the
/// common case (nothing to trim, already lower case, one alternative label per line) costs no
/// copy and no Character-by-Character walk; anything else falls back to `TextTools`.
enum ESCOText {
    /// ASCII white space as `Character.isWhitespace` sees it.
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// `TextTools.trim`, returning the cell itself when it starts and ends with a visible ASCII
    /// character (a cluster whose first or last scalar is such a character is never white space).
    static func trim(_ s: String) -> String {
        let utf8 = s.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return s }
        return TextTools.trim(s)
    }

    /// Whether `s` equals `lower` (ASCII, lower case) ignoring case, as `s.lowercased() == lower`.
    static func isCaseInsensitive(_ s: String, _ lower: StaticString) -> Bool {
        if s.utf8.elementsEqual(UnsafeBufferPointer(start: lower.utf8Start, count: lower.utf8CodeUnitCount)) {
            return true
        }
        return s.lowercased() == lower.description
    }

    /// `TextTools.values`: a multi-value cell split on line breaks (and, for collection files,
    /// on " | "), each value trimmed, empty ones dropped.
    static func values(_ cell: String, pipes: Bool) -> [String] {
        if cell.isEmpty { return [] }
        var parts: [String] = []
        for line in cell.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let raw = String(Substring(line))
            if pipes && raw.contains(" | ") {
                parts += raw.components(separatedBy: " | ").map(TextTools.trim).filter { !$0.isEmpty }
            } else {
                let value = trim(raw)
                if !value.isEmpty { parts.append(value) }
            }
        }
        return parts
    }
}
