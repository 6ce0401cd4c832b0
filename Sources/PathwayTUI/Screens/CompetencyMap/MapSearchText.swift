/// What the map's `/` filter searches: each node's title, description and code. Text that is
/// all ASCII (nearly all) is searched where the catalog keeps it, folding case byte by byte as
/// it goes, so the map holds no lower-cased copy of 14,000 descriptions (≈ 3.5 MB at ESCO
/// scale); only nodes with other text keep one (`SearchIndex`, lower-cased as
/// `String.lowercased()` does). A node matches when every word is in its title, description or
/// code: a word holds no space, so that is a match in the three joined by spaces, as before.
struct MapSearchText: Sendable {
    // The catalog's own strings (shared, not copied), one of each per node.
    private var titles: [String] = []
    private var descriptions: [String] = []
    private var codes: [String] = []
    /// For a node with text outside ASCII, its item in `copies`; -1 for the others.
    private var copyIndex: [Int32] = []
    private var copies = SearchIndex()

    init() {}

    init(capacity: Int) {
        titles.reserveCapacity(capacity)
        descriptions.reserveCapacity(capacity)
        codes.reserveCapacity(capacity)
        copyIndex.reserveCapacity(capacity)
    }

    var count: Int { titles.count }

    /// Adds the next node.
    mutating func append(title: String, description: String, code: String) {
        if MapSearchText.isASCII(title) && MapSearchText.isASCII(description) && MapSearchText.isASCII(code) {
            copyIndex.append(-1)
        } else {
            copyIndex.append(Int32(copies.count))
            copies.append([title, description, code])
        }
        titles.append(title)
        descriptions.append(description)
        codes.append(code)
    }

    static func isASCII(_ text: String) -> Bool {
        if let all = text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) { return all }
        return text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Indexes of the nodes containing every one of the (lower-cased, UTF-8) words.
    func matches(_ words: [[UInt8]]) -> [Int] {
        matches(words, among: 0..<count)
    }

    /// Those of `candidates` (indexes, in order) that contain every word.
    func matches(_ words: [[UInt8]], among candidates: some Sequence<Int>) -> [Int] {
        var result: [Int] = []
        for i in candidates where i >= 0 && i < count && matches(words, node: i) { result.append(i) }
        return result
    }

    private func matches(_ words: [[UInt8]], node i: Int) -> Bool {
        let copy = Int(copyIndex[i])
        if copy >= 0 { return !copies.matches(words, among: [copy]).isEmpty }
        for w in words {
            if !(MapSearchText.containsFolding(titles[i], w) || MapSearchText.containsFolding(descriptions[i], w)
                 || MapSearchText.containsFolding(codes[i], w)) {
                return false
            }
        }
        return true
    }

    /// Whether ASCII `text`, with its capital letters made small, contains `needle` (lower-cased
    /// UTF-8; one with bytes outside ASCII is in no ASCII text).
    static func containsFolding(_ text: String, _ needle: [UInt8]) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ SearchIndex.containsFolding($0, needle) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { SearchIndex.containsFolding($0, needle) }
    }
}
