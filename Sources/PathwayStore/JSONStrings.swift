/// Lists of plain strings (languages, scale values, …) are stored as JSON arrays in one column.
/// This writes and reads them without Foundation, which matters when thousands of rows are
/// written or loaded at once, and (unlike SQLite's `json_each`) keeps a NUL inside a string.
enum JSONStrings {
    static func encode(_ values: [String]) -> String {
        if values.isEmpty { return "[]" }
        var out = "["
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// Reads an array of strings written by `encode` (any valid JSON array of strings); nil when
    /// the text is not one.
    static func decode(_ text: String) -> [String]? {
        var scalars = Array(text.unicodeScalars)[...]
        func skipSpace() { while let c = scalars.first, c == " " || c == "\n" || c == "\r" || c == "\t" { scalars.removeFirst() } }
        func hex4() -> UInt32? {
            guard scalars.count >= 4 else { return nil }
            let digits = String(String.UnicodeScalarView(scalars.prefix(4)))
            scalars.removeFirst(4)
            return UInt32(digits, radix: 16)
        }
        skipSpace()
        guard scalars.popFirst() == "[" else { return nil }
        var result: [String] = []
        skipSpace()
        if scalars.first == "]" { scalars.removeFirst(); skipSpace(); return scalars.isEmpty ? [] : nil }
        while true {
            skipSpace()
            guard scalars.popFirst() == "\"" else { return nil }
            var value = String.UnicodeScalarView()
            while true {
                guard let c = scalars.popFirst() else { return nil }
                if c == "\"" { break }
                if c != "\\" { value.append(c); continue }
                guard let e = scalars.popFirst() else { return nil }
                switch e {
                case "\"", "\\", "/": value.append(e)
                case "b": value.append("\u{8}")
                case "f": value.append("\u{C}")
                case "n": value.append("\n")
                case "r": value.append("\r")
                case "t": value.append("\t")
                case "u":
                    guard var code = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(code), scalars.starts(with: ["\\", "u"]) {
                        scalars.removeFirst(2)
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    value.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: return nil
                }
            }
            result.append(String(value))
            skipSpace()
            switch scalars.popFirst() {
            case ",": continue
            case "]": skipSpace(); return scalars.isEmpty ? result : nil
            default: return nil
            }
        }
    }
}
