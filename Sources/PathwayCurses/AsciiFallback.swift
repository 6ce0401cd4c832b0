import Foundation

/// What to draw for a character the terminal cannot show because the locale is not UTF-8
/// (`LANG=C`): ncurses would drop it or print bytes the terminal shows as mojibake, and every
/// column after it on the row would shift. Each character becomes exactly as many ASCII
/// characters as the columns it takes: accents are dropped (é → e), typographic marks get their
/// ASCII look-alikes (… → ., – → -), lines become + - |, anything else a `?` per column.
struct AsciiFallback {
    private var cache: [Character: [Character]] = [:]

    /// `width` ASCII characters for `character` (which is returned as is when it is ASCII).
    mutating func characters(for character: Character, width: Int) -> [Character] {
        let columns = max(1, width)
        if character.isASCII { return [character] + Array(repeating: " ", count: columns - 1) }
        if let known = cache[character], known.count == columns { return known }
        var text = Self.lookAlike(character)
        if text.count < columns { text += String(repeating: text.isEmpty ? "?" : " ", count: columns - text.count) }
        let result = Array(text.prefix(columns))
        if cache.count > 4_096 { cache.removeAll() }
        cache[character] = result
        return result
    }

    static func lookAlike(_ c: Character) -> String {
        guard let scalar = c.unicodeScalars.first else { return "?" }
        switch scalar.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: return "|"
        case 0x250C...0x254B, 0x2552...0x256C: return "+"
        case 0x256D...0x2570: return "+"
        case 0x2580...0x259F, 0x25A0, 0x25AA, 0x25FC: return "#"
        case 0x2026: return "."
        case 0x2010...0x2015, 0x2212: return "-"
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: return "\""
        case 0x2022, 0x00B7, 0x2219, 0x25CF, 0x25E6: return "*"
        case 0x2190, 0x27F5, 0x25C2, 0x25C0, 0x2039, 0x00AB, 0x27EA: return "<"
        case 0x2192, 0x27F6, 0x25B8, 0x25B6, 0x203A, 0x00BB, 0x27EB: return ">"
        case 0x2191, 0x25B4, 0x25B2: return "^"
        case 0x2193, 0x25BE, 0x25BC: return "v"
        case 0x2713, 0x2714, 0x00D7: return "x"   // as Glyphs.ascii: check x, cross !
        case 0x2717, 0x2718: return "!"
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x3000: return " "
        case 0x00DF: return "ss"
        case 0x00C6: return "AE"
        case 0x00E6: return "ae"
        case 0x0152: return "OE"
        case 0x0153: return "oe"
        case 0x00D8: return "O"
        case 0x00F8: return "o"
        case 0x0141: return "L"
        case 0x0142: return "l"
        case 0x20AC: return "E"
        default: break
        }
        // A letter with accents: its base letter (é → e, Ł is above).
        let ascii = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)
        return ascii.isEmpty ? "?" : String(String.UnicodeScalarView(ascii))
    }
}
