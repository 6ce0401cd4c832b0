/// The one JSON writer of PathwayExchange: the same tree always gives the same bytes, so project
/// files kept in git and exported files show small, readable diffs.
///
/// Members are written in the order given (each caller fixes one order), with two-space
/// indentation and a final newline. Text is UTF-8; `"`, `\` and control characters are escaped,
/// and so are DEL and U+2028/U+2029 (line separators that break JavaScript readers and some
/// editors).
public struct JSONWriter {
    public enum Layout: Sendable {
        /// Every item of a list and every member of an object on its own line (the exports).
        case expanded
        /// As `expanded`, but a list of plain values, or a nested object of at most three plain
        /// members (such as a competency mapping), stays on one line when its indentation plus
        /// its text fit in `lineWidth` columns (project files).
        case compact(lineWidth: Int)
    }

    private let layout: Layout
    private var out: [UInt8] = []

    private init(layout: Layout) { self.layout = layout }

    public static func bytes(_ value: JSONTree, layout: Layout = .expanded) -> [UInt8] {
        var writer = JSONWriter(layout: layout)
        writer.out.reserveCapacity(1 << 16)
        writer.emit(value, indent: 0)
        writer.out.append(0x0A)
        return writer.out
    }

    public static func text(_ value: JSONTree, layout: Layout = .expanded) -> String {
        String(decoding: bytes(value, layout: layout), as: UTF8.self)
    }

    private mutating func emit(_ value: JSONTree, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .number(let n): append(n)
        case .string(let s): appendString(s)
        case .array(let items):
            if items.isEmpty { append("[]"); return }
            if case .compact(let width) = layout, let flat = JSONWriter.flat(value), indent + flat.count <= width {
                out.append(contentsOf: flat)
                return
            }
            append("[\n")
            for (i, item) in items.enumerated() {
                pad(indent + 2)
                emit(item, indent: indent + 2)
                append(i + 1 < items.count ? ",\n" : "\n")
            }
            pad(indent)
            append("]")
        case .object(let members):
            if members.isEmpty { append("{}"); return }
            if case .compact(let width) = layout, indent > 0, members.count <= 3,
               let flat = JSONWriter.flat(value), indent + flat.count <= width {
                out.append(contentsOf: flat)
                return
            }
            append("{\n")
            for (i, (key, member)) in members.enumerated() {
                pad(indent + 2)
                appendString(key)
                append(": ")
                emit(member, indent: indent + 2)
                append(i + 1 < members.count ? ",\n" : "\n")
            }
            pad(indent)
            append("}")
        }
    }

    /// The one-line form of a list or object whose members are all plain values; nil otherwise.
    private static func flat(_ value: JSONTree) -> [UInt8]? {
        var w = JSONWriter(layout: .expanded)
        switch value {
        case .array(let items):
            guard items.allSatisfy(\.isScalar) else { return nil }
            w.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { w.append(", ") }
                w.emit(item, indent: 0)
            }
            w.append("]")
        case .object(let members):
            guard members.allSatisfy({ $0.1.isScalar }) else { return nil }
            w.append("{")
            for (i, (key, member)) in members.enumerated() {
                if i > 0 { w.append(", ") }
                w.appendString(key)
                w.append(": ")
                w.emit(member, indent: 0)
            }
            w.append("}")
        default:
            return nil
        }
        return w.out
    }

    private mutating func pad(_ n: Int) { out.append(contentsOf: repeatElement(0x20, count: n)) }

    private mutating func append(_ s: String) { out.append(contentsOf: s.utf8) }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ s: String) { JSONWriter.appendString(s, to: &out) }

    private static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            var run = 0, i = 0
            while i < b.count {
                let c = b[i]
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                let separator = c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9)
                guard c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F || separator else { i += 1; continue }
                out.append(contentsOf: b[run..<i])
                switch c {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0xE2: unicodeEscape(b[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out); i += 2
                default: unicodeEscape(UInt16(c), to: &out)
                }
                i += 1
                run = i
            }
            out.append(contentsOf: b[run..<b.count])
        }
        out.append(0x22)
    }

    private static func unicodeEscape(_ unit: UInt16, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift: UInt16 in [12, 8, 4, 0] { out.append(hex[Int((unit >> shift) & 15)]) }
    }
}
