/// Makes any text safe to draw: nothing from a document (imported or typed) reaches the terminal
/// as a control character, an escape sequence, a bell or a bidi override.
///
/// Each unsafe scalar becomes a visible placeholder, so a reviewer can see that the text holds
/// something odd instead of having it silently removed: `ESC` → `␛`, `BEL` → `␇`, `NUL` → `␀`,
/// other C0 controls → their Control Pictures symbol, `DEL` → `␡`, C1 controls (8-bit CSI, OSC …)
/// and bidi controls → `⟪U+202E⟫`. A tab becomes a space; a line break `␤` (multi-line views
/// split lines before drawing).
public enum Sanitizer {
    /// The text with every unsafe scalar replaced by its placeholder.
    public static func clean(_ text: String) -> String {
        // Fast path: printable ASCII needs nothing.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        if !text.unicodeScalars.contains(where: isUnsafe) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isUnsafe(s) { out.append(contentsOf: placeholder(for: s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// Whether a scalar may never be written raw to the terminal.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The visible stand-in for an unsafe scalar.
    public static func placeholder(for s: Unicode.Scalar) -> String {
        let v = s.value
        switch v {
        case 0x09: return " "
        case 0x0A: return "␤"
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return "␡"
        default:
            var hex = String(v, radix: 16, uppercase: true)
            while hex.count < 4 { hex = "0" + hex }
            return "⟪U+\(hex)⟫"
        }
    }
}
