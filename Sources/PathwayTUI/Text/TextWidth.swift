/// Column widths of text as a terminal draws it, in pure Swift so the UI can lay out text
/// without ncurses (and so tests agree with the terminal).
///
/// Follows `wcwidth` under a UTF-8 locale: East Asian wide and fullwidth characters and emoji
/// with emoji presentation take two columns, combining marks and format characters none,
/// everything else one. A grapheme cluster (e + U+0301, a flag, a ZWJ family) is as wide as its
/// first scalar, because terminals place it in the cells of its base character.
public enum TextWidth {
    /// Columns taken by one character (grapheme cluster): 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        if c.asciiValue != nil { return 1 }
        guard let first = c.unicodeScalars.first else { return 0 }
        let w = of(first)
        if w == 0, c.unicodeScalars.count > 1 {
            // A cluster that starts with a zero-width scalar takes the width of what follows.
            return c.unicodeScalars.dropFirst().map(of).max() ?? 0
        }
        return w
    }

    /// Columns taken by one scalar on its own: 0, 1 or 2.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        if isWide(v) { return 2 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul medial vowels and final consonants
        if s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns taken by a string.
    public static func of(_ text: String) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges outside the emoji blocks (Unicode 15).
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF,
             0x1B000...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
             0x1F250...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
