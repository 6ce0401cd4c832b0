/// Turns what a user typed into an FTS5 query that can never be a syntax error or an operator.
///
/// The text is cut into words at anything that is not a letter or digit (as FTS5's unicode61
/// tokenizer does), and every word becomes a quoted prefix term, all of which must match:
/// `sustain proc` → `"sustain"* "proc"*`.
enum SearchQuery {
    static let maxTerms = 16

    static func fts5(from text: String) -> String? {
        var terms: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty, terms.count < maxTerms { terms.append("\"\(word)\"*") }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark {
                word.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}
