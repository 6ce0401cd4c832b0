/// Small text helpers shared by the importers and exporters.
enum TextTools {
    /// Trims spaces, tabs and line breaks at both ends.
    static func trim(_ s: String) -> String {
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return String(s[first...last])
    }

    /// Splits a multi-value cell on line breaks and, for ESCO collection files, on " | ".
    static func values(_ cell: String, pipes: Bool) -> [String] {
        var parts = cell.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        if pipes { parts = parts.flatMap { $0.components(separatedBy: " | ") } }
        return parts.map(trim).filter { !$0.isEmpty }
    }

    /// The last path segment of a URI (`…/skill/<uuid>` → `<uuid>`).
    static func lastSegment(_ uri: String) -> String {
        let trimmed = uri.hasSuffix("/") ? String(uri.dropLast()) : uri
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return trimmed
    }

    /// Compares "S1.10" after "S1.2": digit runs by value, the rest by character.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        var x = i.next(), y = j.next()
        while let p = x, let q = y {
            if isDigit(p) && isDigit(q) {
                var n1 = 0, n2 = 0
                while let d = x, isDigit(d) { n1 = min(n1 &* 10 &+ Int(d.value - 48), Int.max / 20); x = i.next() }
                while let d = y, isDigit(d) { n2 = min(n2 &* 10 &+ Int(d.value - 48), Int.max / 20); y = j.next() }
                if n1 != n2 { return n1 < n2 }
                continue
            }
            if p != q { return p.value < q.value }
            x = i.next(); y = j.next()
        }
        return x == nil && y != nil
    }

    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }

    /// A framework code made from a title: letters and digits kept, other runs become '-'.
    static func code(from title: String, fallback: String) -> String {
        var out = ""
        var dash = false
        for ch in title.unicodeScalars {
            if ch.isASCII && (ch.properties.isAlphabetic || isDigit(ch)) {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(ch)
            } else {
                dash = true
            }
            if out.count >= 40 { break }
        }
        return out.isEmpty ? fallback : out
    }
}
