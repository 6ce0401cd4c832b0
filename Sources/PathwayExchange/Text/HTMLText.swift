/// Turns HTML (Moodle's descriptions) into readable plain text, and escapes text for HTML.
///
/// Rendering rules, as a browser would: runs of white space become one space; `<br>` is a line
/// break; paragraphs, headings, list items and table rows start new lines (paragraphs with a
/// blank line between); list items get a bullet; tags are dropped and entities decoded; script
/// and style content is dropped.
public enum HTMLText {
    public static func toText(_ html: String) -> String {
        // Quick path: no markup at all.
        if !html.contains("<") && !html.contains("&") {
            return collapse(html)
        }
        var out = ""
        var pendingSpace = false
        var pendingBreaks = 0
        func emit(_ s: String) {
            if pendingBreaks > 0 {
                if !out.isEmpty { out += String(repeating: "\n", count: pendingBreaks) }
                pendingBreaks = 0
                pendingSpace = false
            } else if pendingSpace {
                if !out.isEmpty && out.last != "\n" { out += " " }
                pendingSpace = false
            }
            out += s
        }
        func lineBreak(_ n: Int) { pendingBreaks = max(pendingBreaks, n); pendingSpace = false }

        let chars = Array(html.unicodeScalars)
        var i = 0
        var skipUntil: String?
        while i < chars.count {
            let c = chars[i]
            if c == "<", i + 1 < chars.count,
               chars[i + 1].properties.isAlphabetic || chars[i + 1] == "/" || chars[i + 1] == "!" {
                // Read the tag up to '>' (or the end).
                var j = i + 1
                while j < chars.count && chars[j] != ">" { j += 1 }
                var tag = String(String.UnicodeScalarView(chars[(i + 1)..<min(j, chars.count)])).lowercased()
                i = min(j + 1, chars.count)
                if tag.hasPrefix("!--") { continue }
                let closing = tag.hasPrefix("/")
                if closing { tag.removeFirst() }
                let name = String(tag.prefix { $0.isLetter || $0.isNumber })
                if let s = skipUntil {
                    if closing && name == s { skipUntil = nil }
                    continue
                }
                switch name {
                case "script", "style": if !closing { skipUntil = name }
                case "br": lineBreak(max(1, pendingBreaks))
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre":
                    lineBreak(2)
                case "li":
                    if !closing { lineBreak(1); emit("• ") }
                case "tr": lineBreak(1)
                case "td", "th": if !closing { pendingSpace = true }
                default: break
                }
                continue
            }
            if skipUntil != nil { i += 1; continue }
            if c == "&" {
                var j = i + 1
                while j < chars.count && j - i <= 10 && chars[j] != ";" && chars[j] != "&" && chars[j] != "<" { j += 1 }
                if j < chars.count && chars[j] == ";" {
                    let entity = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                    if let decoded = decode(entity) {
                        if decoded == " " { pendingSpace = true } else { emit(decoded) }
                        i = j + 1
                        continue
                    }
                }
                emit("&")
                i += 1
                continue
            }
            if c == " " || c == "\n" || c == "\r" || c == "\t" || c == "\u{0C}" {
                pendingSpace = true
            } else {
                emit(String(c))
            }
            i += 1
        }
        return out
    }

    private static func collapse(_ s: String) -> String {
        var out = ""
        var space = false
        for u in s.unicodeScalars {
            if u == " " || u == "\n" || u == "\r" || u == "\t" { space = true; continue }
            if space && !out.isEmpty { out += " " }
            space = false
            out.unicodeScalars.append(u)
        }
        return out
    }

    private static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case "ndash": return "–"
        case "mdash": return "—"
        case "bull": return "•"
        case "rsquo": return "’"
        case "lsquo": return "‘"
        case "rdquo": return "”"
        case "ldquo": return "“"
        case "hellip": return "…"
        case "eacute": return "é"
        case "copy": return "©"
        default: break
        }
        var number: UInt32?
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") { number = UInt32(entity.dropFirst(2), radix: 16) }
        else if entity.hasPrefix("#") { number = UInt32(entity.dropFirst(), radix: 10) }
        guard let n = number, n != 0, let scalar = Unicode.Scalar(n) else { return nil }
        return String(Character(scalar))
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
