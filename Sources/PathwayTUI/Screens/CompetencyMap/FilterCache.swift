/// The matches of the last few filter queries over the map's search text. Typing a letter only
/// narrows the previous matches (every item matching "manage p" is among those matching
/// "manage"), so each keystroke scans what matched before, not all 14,000 competencies; and
/// Backspace finds the shorter query's matches still here.
struct FilterCache: Sendable {
    /// Matches as 32-bit numbers: half the memory of `Int`s (the first letters of a query
    /// match most of 14,000 competencies).
    private var entries: [(words: [[UInt8]], hits: [Int32])] = []
    static let kept = 24

    /// Indexes of the items containing every word, using the cached matches where it can.
    mutating func matches(_ words: [[UInt8]], in index: MapSearchText) -> [Int] {
        if let i = entries.lastIndex(where: { $0.words == words }) {
            let hit = entries.remove(at: i)
            entries.append(hit)
            return hit.hits.map(Int.init)
        }
        let hits: [Int]
        if let wider = entries.last(where: { FilterCache.narrows($0.words, to: words) }) {
            hits = index.matches(words, among: wider.hits.lazy.map(Int.init))
        } else {
            hits = index.matches(words)
        }
        entries.append((words, hits.map(Int32.init)))
        if entries.count > FilterCache.kept { entries.removeFirst() }
        return hits
    }

    /// True when every item matching `new` also matches `old`: each old word is part of some
    /// new word.
    static func narrows(_ old: [[UInt8]], to new: [[UInt8]]) -> Bool {
        old.allSatisfy { w in new.contains { contains($0, w) } }
    }

    private static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { SearchIndex.contains($0, needle) }
    }
}
