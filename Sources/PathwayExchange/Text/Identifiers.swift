/// Identifiers for exported records. Formats such as CASE want a UUID for every record; the
/// model keys things by readable codes. These UUIDs are derived from names, so exporting the
/// same document twice gives the same identifiers (and diffs stay quiet).
public enum Identifiers {
    /// True for the 8-4-4-4-12 hexadecimal form.
    public static func isUUID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 36 else { return false }
        for (i, b) in u.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != UInt8(ascii: "-") { return false }
            } else if !((0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)) {
                return false
            }
        }
        return true
    }

    /// A UUID (RFC 9562 version 8, name-based) made from a name: the same name always gives the
    /// same UUID. Uses two 64-bit FNV-1a hashes; collisions are as unlikely as for random UUIDs
    /// in practice at document scale.
    public static func uuid(named name: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var h = seed
            for b in name.utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
            // Final avalanche so similar names spread out.
            h ^= h >> 33; h = h &* 0xff51afd7ed558ccd; h ^= h >> 33; h = h &* 0xc4ceb9fe1a85ec53; h ^= h >> 33
            return h
        }
        var hi = fnv(0xcbf29ce484222325), lo = fnv(0x84222325cbf29ce4 ^ UInt64(name.utf8.count))
        hi = (hi & ~0xF000) | 0x8000            // version 8
        lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC variant
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, digits - s.count)) + s
        }
        let h = hex(hi, 16), l = hex(lo, 16)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }

    /// The UUID a URI ends with (`…/CFItems/<uuid>`, `urn:uuid:<uuid>`), if it ends with one.
    public static func trailingUUID(of uri: String) -> String? {
        let tail = TextTools.lastSegment(uri)
        if isUUID(tail) { return tail.lowercased() }
        if let colon = tail.lastIndex(of: ":") {
            let t = String(tail[tail.index(after: colon)...])
            if isUUID(t) { return t.lowercased() }
        }
        return nil
    }
}
