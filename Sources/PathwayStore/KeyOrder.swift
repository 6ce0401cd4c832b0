import Foundation
import PathwayModel

extension Competency {
    /// Key order (`CompetencyKey`'s `<`) without making keys: sorting 14,000 competencies
    /// compares a few hundred thousand pairs, and a key works out its hash when it is made.
    static func inKeyOrder(_ a: Competency, _ b: Competency) -> Bool {
        a.framework == b.framework ? a.code < b.code : a.framework < b.framework
    }
}

extension Competency {
    /// `list` in the order of the bytes of their keys (framework, then code): the order of the
    /// competency table's unique index (SQLite's `BINARY` collation), so the bulk writer appends
    /// to it. The codes' UTF-8 is copied into one buffer and compared there with `memcmp`:
    /// sorting 14,000 competencies with `inKeyOrder` (through `String`s) took a fifth of the
    /// whole write.
    static func sortedByKeyBytes(_ list: [Competency]) -> [Competency] {
        var frameworks: [String: Int] = [:]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(list.count * 40)
        var entries: [(framework: Int, start: Int, count: Int)] = []
        entries.reserveCapacity(list.count)
        for c in list {
            let key = c.key
            let framework: Int
            if let known = frameworks[key.framework] { framework = known } else {
                framework = frameworks.count
                frameworks[key.framework] = framework
            }
            let start = bytes.count
            bytes.append(contentsOf: key.code.utf8)
            entries.append((framework, start, bytes.count - start))
        }
        // Frameworks ranked by their bytes (there are few).
        var rank = [Int](repeating: 0, count: frameworks.count)
        for (r, name) in frameworks.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            rank[frameworks[name]!] = r
        }
        bytes.append(0)   // never empty, so it has an address
        var order = Array(list.indices)
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            order.sort { i, j in
                let x = entries[i], y = entries[j]
                if x.framework != y.framework { return rank[x.framework] < rank[y.framework] }
                let c = memcmp(base + x.start, base + y.start, min(x.count, y.count))
                return c != 0 ? c < 0 : x.count < y.count
            }
        }
        return order.map { list[$0] }
    }
}
