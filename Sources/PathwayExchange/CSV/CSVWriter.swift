/// Writes CSV that spreadsheet programs and Moodle read back: cells quoted only when they hold a
/// separator, a quote, a line break or edge spaces; quotes doubled.
public enum CSVWriter {
    public static func cell(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// The rows as one file, each ending in `lineEnding`.
    public static func document(_ rows: [[String]], lineEnding: String = "\n") -> String {
        rows.map { row($0) + lineEnding }.joined()
    }
}
