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

    @Test(arguments: ["", "[", "[\"a\"", "[\"a\",]", "[1]", "{\"a\":1}", "[\"a\"] x", "[\"\\q\"]"])
    func refusesWhatIsNotAListOfStrings(_ text: String) {
        #expect(JSONStrings.decode(text) == nil)
    }
}
