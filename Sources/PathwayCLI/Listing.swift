/// A table of values to print: as aligned text columns, or as a JSON array of objects.
///
/// Each row is an ordered list of fields, so JSON keys keep a readable order and text columns
/// come out the same way every time.
struct Listing {
    enum Value {
        case text(String)
        case integer(Int)
        case number(Double)
        case none

        var plain: String {
            switch self {
            case .text(let s): return s
            case .integer(let n): return String(n)
            case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
            case .none: return ""
            }
        }
    }

    /// Field names shown as text columns, with their headings; the others appear only in JSON.
    var columns: [(field: String, heading: String)]
    var rows: [[(String, Value)]] = []
    /// Fields that only help the text layout (such as an indented title), left out of JSON.
    var jsonExcluded: Set<String> = []

    /// Aligned columns under a heading line; terminal control characters made visible.
    func text() -> String {
        let cells: [[String]] = rows.map { row in
            columns.map { column in
                TerminalText.visible(row.first { $0.0 == column.field }?.1.plain ?? "")
            }
        }
        let headings = columns.map(\.heading)
        var widths = headings.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ values: [String]) -> String {
            var out = ""
            for (i, value) in values.enumerated() {
                if i == values.count - 1 {
                    out += value
                } else {
                    out += value + String(repeating: " ", count: widths[i] - value.count + 2)
                }
            }
            return out + "\n"
        }
        if rows.isEmpty { return "" }
        return line(headings) + cells.map(line).joined()
    }

    /// A JSON array of objects, one per row, keys in field order.
    func json() -> String {
        var out = "[\n"
        for (r, row) in rows.enumerated() {
            out += "  {"
            for (i, (key, value)) in row.filter({ !jsonExcluded.contains($0.0) }).enumerated() {
                out += (i == 0 ? "" : ", ") + JSONText.string(key) + ": "
                switch value {
                case .text(let s): out += JSONText.string(s)
                case .integer(let n): out += String(n)
                case .number(let d): out += d.isFinite ? Listing.Value.number(d).plain : "null"
                case .none: out += "null"
                }
            }
            out += r == rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }
}

/// JSON string literals, escaped by hand so output stays fast and key order stays ours.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || TerminalText.isBidiControl(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Text from the document made safe to print on a terminal: control characters and escape
/// sequences (ESC, BEL, NUL, C1 codes, bidirectional overrides) become visible symbols instead of
/// acting on the terminal.
enum TerminalText {
    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
            || s.value == 0x200E || s.value == 0x200F || s.value == 0x061C
    }

    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value >= 0x7F && ($0.value <= 0x9F || isBidiControl($0)) })
        else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 {
                out.append(Unicode.Scalar(0x2400 + scalar.value)!)   // ␀ … ␟, e.g. ␛ for ESC
            } else if scalar.value == 0x7F {
                out.append("\u{2421}")                               // ␡
            } else if (0x80...0x9F).contains(scalar.value) || isBidiControl(scalar) {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
