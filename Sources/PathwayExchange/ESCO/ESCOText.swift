import Foundation

/// Multi-value cells of ESCO's collection files, where values are split on line breaks and on
/// " | ". (Skills files without pipes are split straight from the cell's bytes by
/// `ESCOImporter.lines`.)
enum ESCOText {
    /// `TextTools.trim`, returning the cell itself when it starts and ends with a visible ASCII
    /// character (a cluster whose first or last scalar is such a character is never white space).
    static func trim(_ s: String) -> String {
        let utf8 = s.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if first < 0x80, last < 0x80, !CSVText.isSpace(first), !CSVText.isSpace(last) { return s }
        return TextTools.trim(s)
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
