import Foundation

/// A hash table from byte strings to their numbers in order of insertion, looked up with the
/// bytes of a cell: an ESCO import finds 160,000 URIs this way without making a `String` for
/// any of them.
///
/// Keys live one after another in one array; each slot keeps part of its key's hash, so a
/// lookup compares bytes only with a key that is very likely the one. Hashing is the standard
/// library's seeded `Hasher`, so no file can be made to collide on purpose.
struct ByteKeyTable {
    private var keys: [UInt8] = []
    /// Key `k` is `keys[offsets[k]..<offsets[k + 1]]`.
    private var offsets: [Int] = [0]
    private var hashes: [UInt32] = []
    /// 0 when empty; otherwise the key's hash in the high half and its number + 1 in the low.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(key))
        return hasher.finalize()
    }

    /// The number of `key`, or nil when it was never inserted.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(key)
        return probe(key, h).found
    }

    /// The number of `key`, inserting it as the next number when new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        let h = Self.hash(key)
        let (found, slot) = probe(key, h)
        if let found { return (found, false) }
        let number = hashes.count
        keys.append(contentsOf: key)
        offsets.append(keys.count)
        hashes.append(UInt32(truncatingIfNeeded: h))
        slots[slot] = UInt64(UInt32(truncatingIfNeeded: h)) << 32 | UInt64(number + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Where `key` is, or the empty slot where it would go.
    private func probe(_ key: UnsafeBufferPointer<UInt8>, _ h: Int) -> (found: Int?, slot: Int) {
        let tag = UInt64(UInt32(truncatingIfNeeded: h))
        var i = h & mask
        return keys.withUnsafeBufferPointer { all in
            while true {
                let s = slots[i]
                if s == 0 { return (nil, i) }
                if s >> 32 == tag {
                    let k = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                    let lo = offsets[k], hi = offsets[k + 1]
                    if hi - lo == key.count && (key.isEmpty || memcmp(all.baseAddress! + lo, key.baseAddress!, key.count) == 0) {
                        return (k, i)
                    }
                }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for (k, h) in hashes.enumerated() {
            var i = Int(h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt64(h) << 32 | UInt64(k + 1)
        }
    }
}
