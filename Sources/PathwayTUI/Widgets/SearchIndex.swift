/// Lower-cased texts stored back to back in one byte array, for filtering tens of thousands of
/// items per keystroke without touching a `String`.
public struct SearchIndex: Sendable {
    private var bytes: [UInt8] = []
    /// Start of each item's bytes; the last entry is the end.
    private var starts: [Int] = [0]

    public init() {}

    public init(_ texts: [String]) {
        self.init(capacity: texts.count)
        for t in texts { append([t]) }
    }

    /// An empty index with room for `items` items.
    public init(capacity items: Int) {
        bytes.reserveCapacity(items * 48)
        starts.reserveCapacity(items + 1)
    }

    /// Adds one item: its parts lower-cased and joined by spaces. ASCII text (nearly all of it)
    /// is lower-cased byte by byte in place, without making a lower-cased `String` first.
    public mutating func append(_ parts: [String]) {
        for (k, part) in parts.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: " ")) }
            SearchIndex.appendLowercased(part, to: &bytes)
        }
        starts.append(bytes.count)
    }

    /// Appends the lower-cased UTF-8 of `text` (what `text.lowercased().utf8` gives, which maps
    /// scalar by scalar): runs of ASCII are copied and folded in place, and only the scalars
    /// outside ASCII go through Unicode's lower-case mapping.
    static func appendLowercased(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            let n = utf8.count
            var i = 0
            while i < n {
                var j = i
                while j < n && utf8[j] < 0x80 { j += 1 }
                if j > i {
                    let start = bytes.count
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<j]))
                    bytes.withUnsafeMutableBufferPointer { all in
                        for k in start..<all.count where all[k] &- 65 < 26 { all[k] |= 0x20 }
                    }
                }
                guard j < n else { break }
                let lead = utf8[j]
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                var k = j + 1
                while k < min(n, j + length) { value = value << 6 | UInt32(utf8[k] & 0x3F); k += 1 }
                if let scalar = Unicode.Scalar(value) {
                    bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
                i = k
            }
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
        find(needle, in: hay) { $0 }
    }

    /// Whether ASCII `hay`, with its capital letters made small as it is read, contains `needle`.
    static func containsFolding(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        find(needle, in: hay, reading: fold)
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    /// The one substring search both use: each byte of `hay` as `reading` gives it.
    @inline(__always)
    private static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, reading: (UInt8) -> UInt8) -> Bool {
        let n = needle.count, h = hay.count
        if n == 0 { return true }
        if n > h { return false }
        return needle.withUnsafeBufferPointer { np in
            let first = np[0]
            var i = 0
            while i <= h - n {
                if reading(hay[i]) == first {
                    var j = 1
                    while j < n && reading(hay[i + j]) == np[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
