/// Lower-cased texts stored back to back in one byte array, for filtering tens of thousands of
/// items per keystroke without touching a `String`.
public struct SearchIndex: Sendable {
    private var bytes: [UInt8] = []
    /// Start of each item's bytes; the last entry is the end.
    private var starts: [Int] = [0]

    public init() {}

    public init(_ texts: [String]) {
        bytes.reserveCapacity(texts.count * 48)
        starts.reserveCapacity(texts.count + 1)
        for t in texts {
            bytes.append(contentsOf: t.lowercased().utf8)
            starts.append(bytes.count)
        }
    }

    public var count: Int { starts.count - 1 }

    /// Indexes of the items that contain every one of the (lower-cased, UTF-8) words.
    public func matches(_ words: [[UInt8]]) -> [Int] {
        if words.isEmpty { return Array(0..<count) }
        var result: [Int] = []
        bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { st in
                for i in 0..<(st.count - 1) {
                    let item = UnsafeBufferPointer(rebasing: all[st[i]..<st[i + 1]])
                    var ok = true
                    for w in words where !SearchIndex.contains(item, w) { ok = false; break }
                    if ok { result.append(i) }
                }
            }
        }
        return result
    }

    /// Those of `candidates` (indexes, in order) that contain every word.
    public func matches(_ words: [[UInt8]], among candidates: [Int]) -> [Int] {
        if words.isEmpty { return candidates }
        var result: [Int] = []
        bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { st in
                for i in candidates where i >= 0 && i < st.count - 1 {
                    let item = UnsafeBufferPointer(rebasing: all[st[i]..<st[i + 1]])
                    var ok = true
                    for w in words where !SearchIndex.contains(item, w) { ok = false; break }
                    if ok { result.append(i) }
                }
            }
        }
        return result
    }

    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = hay.count
        if n == 0 { return true }
        if n > h { return false }
        return needle.withUnsafeBufferPointer { np in
            let first = np[0]
            var i = 0
            while i <= h - n {
                if hay[i] == first {
                    var j = 1
                    while j < n && hay[i + j] == np[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
