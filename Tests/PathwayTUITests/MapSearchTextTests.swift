@testable import PathwayTUI
import Testing

/// The map's filter searches ASCII text where the catalog keeps it, folding case as it goes, and
/// keeps lower-cased copies only of other text: it must find what matching every word in the
/// lower-cased title, description and code joined by spaces found.
@Suite struct MapSearchTextTests {
    static let nodes: [(title: String, description: String, code: String)] = [
        ("Manage PROCUREMENT", "Plans tenders; APPLIES rules.", "G1.1"),
        ("Café management", "Runs a CAFÉ", "C-2"),
        ("Umweltzeichen PRÜFEN", "", "de.3"),
        ("Plain", "nothing [special] here", "ABC-def"),
        ("", "", "EMPTY"),
        ("Tab\tand\nnewline", "x", "T1"),
        ("ΚΥΚΛΙΚΉ οικονομία", "Greek", "GR"),
        ("İstanbul", "KELVIN \u{212A}", "TR"),
        ("Managed", "procurement of goods", "Z9"),
    ]

    static let queries = ["manage", "MANAGE proc", "proc manage", "café", "CAFÉ", "prüfen", "g1.1", "g1", "abc-DEF",
                          "[special]", "special] here", "plain here", "empty", "xyz", "κυκλική", "istanbul", "i̇stanbul",
                          "kelvin k", "\u{212A}", "tab", "and", "nd\nne", "applies rules.", "s r", "managed goods", "e"]

    @Test func findsWhatLowerCasedJoinedTextFinds() {
        var text = MapSearchText(capacity: Self.nodes.count)
        for n in Self.nodes { text.append(title: n.title, description: n.description, code: n.code) }
        #expect(text.count == Self.nodes.count)
        for q in Self.queries {
            let words = q.lowercased().split(separator: " ").map { Array($0.utf8) }
            let expected = Self.nodes.indices.filter { i in
                let hay = (Self.nodes[i].title + " " + Self.nodes[i].description + " " + Self.nodes[i].code).lowercased()
                return q.lowercased().split(separator: " ").allSatisfy { hay.contains($0) }
            }
            #expect(text.matches(words) == expected, "\"\(q)\"")
            #expect(text.matches(words, among: [8, 0, 3]) == [8, 0, 3].filter(expected.contains), "\"\(q)\" among some")
        }
    }

    @Test func foldsOnlyCapitalLetters() {
        for b in UInt8(0)...UInt8(127) {
            let expected = Array(String(UnicodeScalar(b)).lowercased().utf8)
            #expect([SearchIndex.fold(b)] == expected, "\(b)")
        }
        #expect(MapSearchText.containsFolding("ABC", Array("abc".utf8)))
        #expect(!MapSearchText.containsFolding("ABC", Array("abd".utf8)))
        #expect(!MapSearchText.containsFolding("A", Array("é".utf8)))
        #expect(MapSearchText.containsFolding("", []))
    }
}
