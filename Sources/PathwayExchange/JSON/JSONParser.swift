/// The one strict JSON parser (RFC 8259) of PathwayExchange, over UTF-8 bytes, used by the
/// project-file codec and by the CASE, Open Badges and ELM code.
///
/// - Errors name the line, the column and the JSON path of the value being read, and say what to do.
/// - A key written twice in one object is an error: other parsers silently keep one of the two
///   values, and a person editing the file would not know which.
/// - Nesting is limited to `maxDepth`, so a hostile file fails with a message instead of
///   exhausting the stack.
/// - Numbers keep their source text (no precision is lost, `4` and `4.0` can be told apart);
///   `\u` escapes must pair surrogates; strings must be valid UTF-8; a byte-order mark is skipped.
public struct JSONParser {
    public static let maxDepth = 256

    private let bytes: [UInt8]
    /// Whether to fill the line table (for `parseDocument`); plain `parse` leaves it out for speed.
    private let recordLines: Bool
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// A cheap fingerprint of the last string read (its UTF-8 length and end bytes, escapes
    /// decoded), for the duplicate-key check.
    private var stringSignature = 0
    private var lines: [Int32] = []
    private var ends: [Int32] = []

    private init(_ bytes: [UInt8], recordLines: Bool) {
        self.bytes = bytes
        self.recordLines = recordLines
    }

    /// Parses a whole file into a tree.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONTree {
        var parser = JSONParser(bytes, recordLines: false)
        do {
            return try parser.document()
        } catch {
            // Errors are rare: read again keeping the lines, which some messages name
            // ("first on line 12"), and report what that reading finds.
            var careful = JSONParser(bytes, recordLines: true)
            _ = try careful.document()
            throw error
        }
    }

    /// Parses an imported file; a syntax error becomes an `ImportError` naming the file.
    public static func parse(_ source: ImportSource) throws(ImportError) -> JSONTree {
        do {
            return try parse(source.bytes)
        } catch {
            throw ImportError(file: source.name, syntax: error)
        }
    }

    /// Parses a whole file into a tree that knows the line of every value.
    static func parseDocument(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes, recordLines: true)
        parser.lines.reserveCapacity(bytes.count / 16)
        parser.ends.reserveCapacity(bytes.count / 16)
        let root = try parser.document()
        return JSONNode(root, index: 0, table: JSONLineTable(lines: parser.lines, ends: parser.ends))
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONTree {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw error("the file is empty; expected a JSON value", cutShort: false) }
        let root = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw error("unexpected text after the end of the JSON value") }
        return root
    }

    // MARK: positions and errors

    /// An error at the current position. The column counts characters, not bytes.
    private func error(_ message: String, cutShort: Bool = true) -> JSONSyntaxError {
        var column = 1
        var k = lineStart
        while k < index && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        let cut = cutShort && index >= bytes.count ? " (the file may be cut short)" : ""
        return JSONSyntaxError(line: line, column: column, message: message + cut)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    // MARK: values

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONTree {
        guard index < bytes.count else { throw error("expected a value") }
        guard recordLines else { return try parseBareValue() }
        let me = lines.count
        lines.append(Int32(truncatingIfNeeded: line))
        ends.append(0)
        let value = try parseBareValue()
        ends[me] = Int32(truncatingIfNeeded: lines.count)
        return value
    }

    private mutating func parseBareValue() throws(JSONSyntaxError) -> JSONTree {
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default:
            throw error("unexpected character \(describe(bytes[index])); expected a value (an object, list, string, number, true, false or null)")
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "(byte \(byte))"
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let start = index
        for b in word.utf8 {
            guard index < bytes.count, bytes[index] == b else {
                index = start
                throw error("unexpected text; expected \(word) (text needs double quotes)")
            }
            index += 1
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("the JSON is nested more than \(JSONParser.maxDepth) levels deep") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONTree {
        try enter()
        index += 1
        let firstChild = lines.count
        var members: [(String, JSONTree)] = []
        var seen = KeysSeen()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(index < bytes.count && bytes[index] == UInt8(ascii: "}")
                    ? "a comma before '}' is not allowed in JSON" : "expected a key in double quotes")
            }
            let keyStart = (index, line, lineStart)
            let key = try parseString()
            if seen.contains(key, signature: stringSignature, in: members) {
                var firstLine = ""
                if recordLines, let first = members.firstIndex(where: { $0.0 == key }) {
                    var child = firstChild
                    for _ in 0..<first { child = Int(ends[child]) }
                    firstLine = " (first on line \(lines[child]))"
                }
                (index, line, lineStart) = keyStart
                throw error("the key \"\(key)\" appears twice in the same object\(firstLine); keep one").inside(.key(key))
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\"").inside(.key(key))
            }
            index += 1
            skipWhitespace()
            let value: JSONTree
            do { value = try parseValue() } catch { throw error.inside(.key(key)) }
            members.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { throw error("an object is never closed with '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; depth -= 1; return .object(members) }
            throw error("expected ',' or '}' after the value of \"\(key)\"")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONTree {
        try enter()
        index += 1
        var items: [JSONTree] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return .array(items) }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw error("a comma before ']' is not allowed in JSON") }
            do { items.append(try parseValue()) } catch { throw error.inside(.index(items.count)) }
            skipWhitespace()
            guard index < bytes.count else { throw error("a list is never closed with ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return .array(items) }
            throw error("expected ',' or ']' after item \(items.count) of a list")
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        let intDigits = skipDigits()
        if intDigits == 0 { throw error("a number needs digits") }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { throw error("numbers must not start with 0") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if skipDigits() == 0 { throw error("a decimal point must be followed by digits") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if skipDigits() == 0 { throw error("an exponent needs digits") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return index - start
    }

    // MARK: strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // the opening quote
        let start = index
        // Most strings have no escapes: find the closing quote and take the bytes as they are.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        guard index < bytes.count else { throw error("a string is never closed with '\"'") }
        if bytes[index] == UInt8(ascii: "\"") {
            guard let text = String(validating: bytes[start..<index], as: UTF8.self) else { throw notUTF8(from: start, to: index) }
            stringSignature = JSONParser.signature(bytes[start..<index])
            index += 1
            return text
        }
        var out = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw error("a string is never closed with '\"'") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { index += 1; break }
            if b < 0x20 {
                throw error(b == 0x0A ? "a line break inside a string must be written \\n"
                                      : "a control character inside a string must be escaped, e.g. \\t or \\u0001")
            }
            if b != UInt8(ascii: "\\") { out.append(b); index += 1; continue }
            index += 1
            guard index < bytes.count else { throw error("a string is never closed with '\"'") }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): appendUTF8(try unicodeEscape(), to: &out)
            default:
                index -= 2
                let shown = e >= 0x20 && e < 0x7F ? String(Character(Unicode.Scalar(e))) : "(byte \(e))"
                throw error("unknown escape \\\(shown) in a string; write a backslash itself as \\\\")
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw notUTF8(from: start, to: index) }
        stringSignature = JSONParser.signature(out[...])
        return text
    }

    private static func signature(_ text: ArraySlice<UInt8>) -> Int {
        guard let first = text.first, let last = text.last else { return 0 }
        return text.count &* 7 &+ Int(first) &+ Int(last) &* 3
    }

    /// Reports invalid UTF-8 at the first bad byte between `start` and `end`.
    private mutating func notUTF8(from start: Int, to end: Int) -> JSONSyntaxError {
        var k = start
        while k < end {
            let width = UTF8.width(of: bytes[k])
            if bytes[k] >= 0x80, String(validating: bytes[k..<min(k + width, end)], as: UTF8.self) == nil { break }
            k += width
        }
        index = min(k, end)
        return error("a string is not valid UTF-8; save the file as UTF-8")
    }

    /// The scalar of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
    private mutating func unicodeEscape() throws(JSONSyntaxError) -> UInt32 {
        let escapeStart = index - 2
        let high = try hex4()
        if (0xDC00...0xDFFF).contains(high) {
            index = escapeStart
            throw error("an unpaired UTF-16 surrogate in a \\u escape (a low half without a high half); write the character itself")
        }
        guard (0xD800...0xDBFF).contains(high) else { return high }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
            index = escapeStart
            throw error("an unpaired UTF-16 surrogate in a \\u escape (a high half without a low half); write the character itself")
        }
        index += 2
        let low = try hex4()
        guard (0xDC00...0xDFFF).contains(low) else {
            index = escapeStart
            throw error("an unpaired UTF-16 surrogate in a \\u escape (the second half is not a low half); write the character itself")
        }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hex digits")
            }
            v = v * 16 + d
            index += 1
        }
        return v
    }

    private func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        // Surrogates never get here, so every value is a valid scalar.
        out.append(contentsOf: (Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
    }
}

/// The keys of one object so far, to refuse a key written twice without slowing down the common
/// case: one bit of 64 per key, picked from its length and end bytes, rules most keys out at once;
/// small objects are then searched, large ones keep a set.
private struct KeysSeen {
    private var signatures: UInt64 = 0
    private var set: Set<String>?

    mutating func contains(_ key: String, signature: Int, in members: [(String, JSONTree)]) -> Bool {
        if set == nil, members.count >= 16 { set = Set(members.map(\.0)) }
        if set != nil { return !set!.insert(key).inserted }
        let bit = UInt64(1) << UInt64(signature & 63)
        defer { signatures |= bit }
        return signatures & bit != 0 && members.contains { $0.0 == key }
    }
}

private extension UTF8 {
    /// How many bytes a sequence starting with this lead byte has (1 for a stray byte).
    static func width(of lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }
}
