import Testing
@testable import PathwayStore

@Suite struct JSONStringsTests {
    @Test(arguments: [[], [""], ["a", "b"], ["quote \" back \\ slash /"], ["NUL\u{0}x", "\u{1}\u{1F}\u{7F}"],
                      ["emoji 🌱 and 𝄞"], ["line\nreturn\rtab\t"]])
    func encodeThenDecodeGivesTheList(_ list: [String]) {
        #expect(JSONStrings.decode(JSONStrings.encode(list)) == list)
    }

    @Test func readsOtherValidJSONArrays() {
        #expect(JSONStrings.decode(" [ \"a\" , \"\\u00e9\\ud83c\\udf31\\/\" ] ") == ["a", "é🌱/"])
    }

    /// Text as it comes from the file: characters outside ASCII written as they are, escapes in
    /// the middle of a string, a high surrogate without its low half.
    @Test func readsRawCharactersAndEscapesAnywhereInAString() {
        #expect(JSONStrings.decode("[\"été 🌱\",\"pt-PT\"]") == ["été 🌱", "pt-PT"])
        #expect(JSONStrings.decode("[\"ab\\\"cd\\\\ef\\u00e9g\"]") == ["ab\"cd\\efég"])
        #expect(JSONStrings.decode("[\"x\\ud83cy\"]") == ["x\u{FFFD}y"])
        #expect(JSONStrings.decode("[\"\\n\",\"\"]") == ["\n", ""])
    }

    @Test(arguments: ["", "[", "[\"a\"", "[\"a\",]", "[1]", "{\"a\":1}", "[\"a\"] x", "[\"\\q\"]",
                      "[\"\\u12G4\"]", "[\"\\u12\"]", "[\"a\\\"]", "[\"\\ud83c\\u0041\"]"])
    func refusesWhatIsNotAListOfStrings(_ text: String) {
        #expect(JSONStrings.decode(text) == nil)
    }
}
