import Testing
@testable import PathwayExchange

/// The one JSON parser: where an error is (line, column in characters, JSON path), duplicate
/// keys, hostile nesting, numbers beyond Double, \u escapes and invalid UTF-8.
@Suite struct JSONParserTests {
    private func syntaxError(_ text: String) -> JSONSyntaxError? { syntaxError(Array(text.utf8)) }

    private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func parsed(_ text: String) throws -> JSONTree { try JSONParser.parse(Array(text.utf8)) }

    @Test func errorsNameLineColumnAndPath() throws {
        let e = try #require(syntaxError("{\n  \"a\": [1, 2,\n    {\"b\": tru}]\n}"))
        #expect(e.line == 3 && e.column == 11)
        #expect(e.path.description == "$.a[2].b")
        #expect(e.message == "unexpected text; expected true (text needs double quotes)")
        let imported = ImportError(file: "pkg.json", syntax: e)
        #expect(imported.description == "pkg.json, line 3, column 11 ($.a[2].b): unexpected text; expected true (text needs double quotes)")
    }

    @Test func anErrorAtTheTopHasNoPath() throws {
        let e = try #require(syntaxError("{} x"))
        #expect(e.path == .root && e.location == "line 1, column 4")
        #expect(e.message == "unexpected text after the end of the JSON value")
    }

    @Test func columnsCountCharactersAndKeysThatAreNotNamesAreQuoted() throws {
        let e = try #require(syntaxError("{\"ä€😀\": x}"))
        #expect(e.line == 1 && e.column == 9)
        #expect(e.path.description == "$[\"ä€😀\"]")
        #expect(e.message.hasPrefix("unexpected character 'x'; expected a value"))
    }

    @Test func aFileCutShortSaysSo() throws {
        let e = try #require(syntaxError("{\"items\": [{\"title\": \"Wel"))
        #expect(e.message == "a string is never closed with '\"' (the file may be cut short)")
        #expect(e.path.description == "$.items[0].title")
        let list = try #require(syntaxError("[1, 2"))
        #expect(list.message == "a list is never closed with ']' (the file may be cut short)")
    }

    @Test func aDuplicateKeyIsRefusedWhereTheSecondOneIs() throws {
        let e = try #require(syntaxError("{\"a\": 1,\n \"b\": {\"c\": 1,\n   \"c\": 2}}"))
        #expect(e.line == 3 && e.column == 4)
        #expect(e.path.description == "$.b.c")
        #expect(e.message == "the key \"c\" appears twice in the same object (first on line 2); keep one")
        // Large objects keep a set of their keys; the message is the same.
        let members = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n")
        let big = try #require(syntaxError("{\n\(members),\n\"k3\": true}"))
        #expect(big.line == 42 && big.path.description == "$.k3")
        #expect(big.message == "the key \"k3\" appears twice in the same object (first on line 5); keep one")
        // Equal keys in different objects are fine, and so are keys that differ only inside.
        #expect(syntaxError("[{\"a\": 1}, {\"a\": 2}]") == nil)
        #expect(try parsed("{\"aXb\": 1, \"aYb\": 2}").members?.map(\.0) == ["aXb", "aYb"])
        // The same key spelt with an escape is still the same key.
        #expect(syntaxError("{\"aXb\": 1, \"a\\u0058b\": 2}")?.message.contains("the key \"aXb\" appears twice") == true)
    }

    @Test func deepNestingStopsWithAMessageNotACrash() throws {
        let deep = try #require(syntaxError(String(repeating: "[", count: 100_000)))
        #expect(deep.line == 1 && deep.column == 257)
        #expect(deep.message == "the JSON is nested more than 256 levels deep")
        #expect(deep.path.description == "$[0][0][0][0][0][0]…[0][0][0][0][0][0]")
        let objects = try #require(syntaxError(String(repeating: "{\"a\":", count: 300)))
        #expect(objects.message.contains("nested more than 256 levels"))
        let limit = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(syntaxError(limit) == nil)
    }

    @Test func numbersKeepTheirTextEvenBeyondDouble() throws {
        let text = "[123456789012345678901234567890, -0.0, 1e400, 2.50, 4, 1E-7]"
        let tree = try parsed(text)
        let items = try #require(tree.array)
        #expect(items == ["123456789012345678901234567890", "-0.0", "1e400", "2.50", "4", "1E-7"].map { JSONTree.number($0) })
        #expect(items[0].int == nil && items[4].int == 4 && items[3].double == 2.5)
        #expect(try parsed(JSONWriter.text(tree)) == tree)
        #expect(syntaxError("[01]")?.message == "numbers must not start with 0")
        #expect(syntaxError("[1.]")?.message == "a decimal point must be followed by digits")
        #expect(syntaxError("[-]")?.message == "a number needs digits")
        #expect(syntaxError("[1e+]")?.message == "an exponent needs digits")
    }

    @Test func unicodeEscapesIncludingSurrogatePairs() throws {
        #expect(try parsed("\"\\u00e9\\u20AC\\ud83d\\ude00 \\\"\\\\\\/\\b\\f\\n\\r\\t\"") == .string("é€😀 \"\\/\u{8}\u{C}\n\r\t"))
        #expect(try parsed("\"\\u0000\"") == .string("\u{0}"))
        let high = try #require(syntaxError("[\"ok\", \"a\\ud800\"]"))
        #expect(high.column == 10 && high.path.description == "$[1]")
        #expect(high.message.hasPrefix("an unpaired UTF-16 surrogate in a \\u escape (a high half without a low half)"))
        #expect(syntaxError("\"\\udc00\"")?.message.contains("a low half without a high half") == true)
        #expect(syntaxError("\"\\ud800\\u0041\"")?.message.contains("the second half is not a low half") == true)
        #expect(syntaxError("\"\\u12g4\"")?.message == "a \\u escape needs four hex digits")
        let unknown = try #require(syntaxError("\"ab\\q\""))
        #expect(unknown.column == 4 && unknown.message.hasPrefix("unknown escape \\q in a string"))
    }

    @Test func invalidUTF8IsFoundAtItsByte() throws {
        // A lone continuation byte, an overlong form and a cut-off sequence, with and without escapes.
        for bad: [UInt8] in [[0x80], [0xC0, 0x80], [0xE2, 0x82]] {
            let plain = try #require(syntaxError(Array("{\"k\": \"ab".utf8) + bad + Array("\"}".utf8)))
            #expect(plain.message == "a string is not valid UTF-8; save the file as UTF-8")
            #expect(plain.column == 10 && plain.path.description == "$.k")
            let escaped = try #require(syntaxError(Array("[\"\\n".utf8) + bad + Array("\"]".utf8)))
            #expect(escaped.message.contains("not valid UTF-8") && escaped.column == 5)
        }
        let outside = try #require(syntaxError([0x5B, 0xFF, 0x5D]))
        #expect(outside.message.hasPrefix("unexpected character (byte 255)"))
    }

    @Test func rawControlCharactersInStrings() throws {
        let newline = try #require(syntaxError("{\n\"a\": \"x\ny\"}"))
        #expect(newline.line == 2 && newline.column == 8 && newline.message.contains("line break inside a string must be written \\n"))
        #expect(syntaxError("\"a\tb\"")?.message.contains("control character inside a string must be escaped") == true)
    }

    @Test func commasAndQuotesPeopleGetWrong() throws {
        #expect(syntaxError("{\"a\": 1,}")?.message == "a comma before '}' is not allowed in JSON")
        #expect(syntaxError("[1,]")?.message == "a comma before ']' is not allowed in JSON")
        #expect(syntaxError("{'a': 1}")?.message == "expected a key in double quotes")
        #expect(syntaxError("{\"a\" 1}")?.message == "expected ':' after the key \"a\"")
        #expect(syntaxError("{\"a\": 1 \"b\": 2}")?.message == "expected ',' or '}' after the value of \"a\"")
        #expect(syntaxError("")?.message == "the file is empty; expected a JSON value")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": []}".utf8)) == .object([("a", .array([]))]))
        let e = try #require(syntaxError([0xEF, 0xBB, 0xBF] + Array("[x]".utf8)))
        #expect(e.line == 1 && e.column == 2)
    }

    @Test func everyValueKnowsItsLine() throws {
        let text = """
            {
              "a": [
                {"x": [1,
                   2]},
                "two"
              ],
              "b":
                null,
              "c": {"d": {"e": true}}
            }
            """
        let root = try JSONParser.parseDocument(Array(text.utf8))
        let members = try #require(root.members)
        #expect(members.map(\.key) == ["a", "b", "c"])
        #expect(members.map(\.value.line) == [2, 8, 9])
        let items = try #require(members[0].value.items)
        #expect(items.map(\.line) == [3, 5])
        let x = try #require(items[0].members?.first?.value.items)
        #expect(x.map(\.line) == [3, 4])
        #expect(members[2].value.members?.first?.value.members?.first?.value.line == 9)
        #expect(root.items == nil && items[1].members == nil)
    }

    @Test func importedFilesNameTheFile() throws {
        let e = #expect(throws: ImportError.self) {
            try JSONParser.parse(ImportSource(name: "framework.json", text: "{\"CFItems\": [{\"identifier\": 5,}]}"))
        }
        #expect(e?.description == "framework.json, line 1, column 31 ($.CFItems[0]): a comma before '}' is not allowed in JSON")
    }
}
