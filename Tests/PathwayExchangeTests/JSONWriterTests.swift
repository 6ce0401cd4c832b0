import Testing
@testable import PathwayExchange

/// The one JSON writer: escaping, the two layouts, the same bytes every time, and that what it
/// writes reads back as the same tree.
@Suite struct JSONWriterTests {
    @Test func escapesControlCharactersAndLineSeparators() {
        let text = JSONWriter.text(.string("\u{0}\u{1}\u{8}\t\n\u{C}\r\u{1F} \"q\" \\ / \u{7F}\u{2028}\u{2029} é€😀 \u{2027}"))
        #expect(text == "\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f \\\"q\\\" \\\\ / \\u007f\\u2028\\u2029 é€😀 \u{2027}\"\n")
    }

    @Test func keysAreEscapedToo() {
        #expect(JSONWriter.text(.object([("a\"b\u{2028}", .null)])) == "{\n  \"a\\\"b\\u2028\": null\n}\n")
    }

    static let sample: JSONTree = .object([
        ("zeta", .string("first")),
        ("alpha", .array([.number("1"), .number("2.5")])),
        ("mapping", .object([("competency", .string("PROC/K1")), ("level", .number("4"))])),
        ("empty", .array([])),
        ("none", .object([])),
        ("nested", .array([.object([("b", .bool(true))]), .null])),
    ])

    @Test func expandedPutsEveryMemberOnItsOwnLineInTheOrderGiven() {
        #expect(JSONWriter.text(Self.sample) == """
            {
              "zeta": "first",
              "alpha": [
                1,
                2.5
              ],
              "mapping": {
                "competency": "PROC/K1",
                "level": 4
              },
              "empty": [],
              "none": {},
              "nested": [
                {
                  "b": true
                },
                null
              ]
            }

            """)
    }

    @Test func compactKeepsShortPlainThingsOnOneLine() {
        #expect(JSONWriter.text(Self.sample, layout: .compact(lineWidth: 100)) == """
            {
              "zeta": "first",
              "alpha": [1, 2.5],
              "mapping": {"competency": "PROC/K1", "level": 4},
              "empty": [],
              "none": {},
              "nested": [
                {"b": true},
                null
              ]
            }

            """)
        // Too wide for the line, or an object of four members: one member per line.
        let wide = JSONTree.object([("list", .array((0..<40).map { .number(String($0 * 1000)) })),
                                    ("four", .object((0..<4).map { ("k\($0)", .number("1")) }))])
        let lines = JSONWriter.text(wide, layout: .compact(lineWidth: 100)).split(separator: "\n")
        #expect(lines.count == 1 + 42 + 6 + 1)
        #expect(lines.allSatisfy { $0.count <= 100 })
    }

    @Test func theSameTreeGivesTheSameBytes() {
        #expect(JSONWriter.bytes(Self.sample) == JSONWriter.bytes(Self.sample))
        #expect(JSONWriter.bytes(Self.sample, layout: .compact(lineWidth: 100)) == JSONWriter.bytes(Self.sample, layout: .compact(lineWidth: 100)))
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        var random = JSONTreeGenerator(seed: 20261123)
        for _ in 0..<300 {
            let tree = random.tree(depth: 0)
            for layout in [JSONWriter.Layout.expanded, .compact(lineWidth: 100), .compact(lineWidth: 10)] {
                let bytes = JSONWriter.bytes(tree, layout: layout)
                #expect(try JSONParser.parse(bytes) == tree)
                #expect(bytes.last == 0x0A)
            }
        }
    }
}

/// A small deterministic generator of JSON trees with awkward text.
private struct JSONTreeGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    static let pieces = ["a", "Köln", "\"", "\\", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "😀", "e\u{301}", "/", " ", "中文", "\u{FEFF}"]

    mutating func text() -> String { (0..<below(6)).map { _ in Self.pieces[below(Self.pieces.count)] }.joined() }

    mutating func tree(depth: Int) -> JSONTree {
        switch below(depth > 4 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(below(2) == 0)
        case 2: return .number(["0", "-1", "2.5", "1e400", "123456789012345678901234567890", "-0.0"][below(6)])
        case 3, 4: return .string(text())
        case 5: return .array((0..<below(5)).map { _ in tree(depth: depth + 1) })
        default:
            var keys = Set<String>()
            var members: [(String, JSONTree)] = []
            for _ in 0..<below(5) {
                let key = text()
                if keys.insert(key).inserted { members.append((key, tree(depth: depth + 1))) }
            }
            return .object(members)
        }
    }
}
