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
    ///
    /// Works on the UTF-8 bytes: the characters that structure JSON are all ASCII, and bytes of
    /// a multi-byte character are never ASCII, so a string without escapes is one slice of the
    /// text (loading reads two such lists for each of thousands of credentials).
    static func decode(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { decode(bytes: $0) }
    }

    private static func decode(bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var i = 0
        func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        skipSpace()
        guard take(UInt8(ascii: "[")) else { return nil }
        var result: [String] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { skipSpace(); return i == bytes.count ? [] : nil }
        while true {
            skipSpace()
            guard take(quote) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != quote, bytes[i] != backslash { i += 1 }
            guard i < bytes.count else { return nil }
            if bytes[i] == quote {
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                i += 1
            } else {
                var value = Array(bytes[start..<i])
                guard unescape(bytes, from: &i, into: &value) else { return nil }
                result.append(String(decoding: value, as: UTF8.self))
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "]")) else { return nil }
            skipSpace()
            return i == bytes.count ? result : nil
        }
    }

    /// Reads the rest of a string holding escapes, from `i` to just past its closing quote.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, from i: inout Int, into value: inout [UInt8]) -> Bool {
        func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var code: UInt32 = 0
            for byte in bytes[i..<i + 4] {
                guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
                code = code << 4 | UInt32(digit)
            }
            i += 4
            return code
        }
        func append(_ scalar: Unicode.Scalar) { value.append(contentsOf: Array(String(scalar).utf8)) }
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == UInt8(ascii: "\"") { return true }
            if byte != UInt8(ascii: "\\") { value.append(byte); continue }
            guard i < bytes.count else { return false }
            let escape = bytes[i]
            i += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): value.append(escape)
            case UInt8(ascii: "b"): value.append(0x08)
            case UInt8(ascii: "f"): value.append(0x0C)
            case UInt8(ascii: "n"): value.append(0x0A)
            case UInt8(ascii: "r"): value.append(0x0D)
            case UInt8(ascii: "t"): value.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4() else { return false }
                if (0xD800...0xDBFF).contains(code), i + 1 < bytes.count,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return false }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: return false
            }
        }
        return false
    }
}
