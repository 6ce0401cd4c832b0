/// Word-at-a-time byte searches for the CSV reader: most of an ESCO file is long runs of plain
/// text between separators, and looking at eight bytes per step instead of one makes reading it
/// several times faster.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `word` equals the byte repeated in `pattern`.
    @inline(__always)
    private static func has(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- ones) & ~x & highs
    }

    /// The index of the first byte at or after `start` that is `a`, `b` or `c`; `buffer.count`
    /// when there is none.
    static func next(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let n = buffer.count
        var i = start
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            let pa = ones &* UInt64(a), pb = ones &* UInt64(b), pc = ones &* UInt64(c)
            while i &+ 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if has(word, pa) | has(word, pb) | has(word, pc) != 0 { break }
                i &+= 8
            }
        }
        while i < n {
            let x = buffer[i]
            if x == a || x == b || x == c { return i }
            i += 1
        }
        return n
    }
}

/// UTF-8 validation with an ASCII fast path: the standard library's checked initialiser costs
/// about a thousand instructions per cell, most of a big import's reading time.
enum UTF8Check {
    static func isValid(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalid(in: p, from: 0) == nil
    }

    /// The offset of the first byte at or after `start` that does not begin a valid UTF-8
    /// sequence (overlong forms, surrogates and values beyond U+10FFFF are invalid); nil when
    /// the rest is valid.
    static func firstInvalid(in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = p.count
        guard let base = p.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i < n {
            while i &+ 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
            }
            guard i < n else { return nil }
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            func continuation(_ k: Int) -> UInt8? {
                guard i + k < n else { return nil }
                let b = p[i + k]
                return b & 0xC0 == 0x80 ? b : nil
            }
            if b0 < 0xC2 { return i }                           // stray continuation or overlong
            if b0 < 0xE0 {
                guard continuation(1) != nil else { return i }
                i += 2
            } else if b0 < 0xF0 {
                guard let b1 = continuation(1), continuation(2) != nil else { return i }
                if b0 == 0xE0 && b1 < 0xA0 { return i }         // overlong
                if b0 == 0xED && b1 >= 0xA0 { return i }        // UTF-16 surrogate
                i += 3
            } else if b0 < 0xF5 {
                guard let b1 = continuation(1), continuation(2) != nil, continuation(3) != nil else { return i }
                if b0 == 0xF0 && b1 < 0x90 { return i }         // overlong
                if b0 == 0xF4 && b1 >= 0x90 { return i }        // beyond U+10FFFF
                i += 4
            } else {
                return i
            }
        }
        return nil
    }
}
