/// Lists of plain strings (languages, scale values, …) are stored as JSON arrays in one column;
/// SQLite's `json_each` reads them back. This writes the array without Foundation's encoder,
/// which matters when thousands of rows are written at once.
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
}
