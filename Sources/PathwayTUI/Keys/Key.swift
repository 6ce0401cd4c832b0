/// A key press as the UI sees it, independent of ncurses.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    /// Ctrl plus a letter, lower case (`ctrl("r")` is Ctrl-R).
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// The terminal changed size (not a key a person presses, but it arrives the same way).
    case resize

    /// The written form used in key tables and keys.conf: `q`, `Ctrl-R`, `F1`, `PgDn`, `Space`.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        }
    }

    static let named: [String: Key] = [
        "space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape,
        "escape": .escape, "tab": .tab, "s-tab": .backTab, "backtab": .backTab, "shift-tab": .backTab,
        "backspace": .backspace, "del": .delete, "delete": .delete, "ins": .insert, "insert": .insert,
    ]

    /// Parses one key or a sequence of keys: `q`, `Ctrl-R`, `F5`, `PgDn`, `gg` (g then g).
    public static func parseSequence(_ text: String) -> [Key]? {
        let t = String(text.trimmingSpaces)
        if t.isEmpty { return nil }
        if let k = named[t.lowercased()] { return [k] }
        let lower = t.lowercased()
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
            return [.ctrl(c)]
        }
        if lower.count >= 2, lower.first == "f", let n = Int(lower.dropFirst()), (1...12).contains(n) {
            return [.function(n)]
        }
        return t.map { Key.char($0) }
    }

    /// Whether this key types text in a text field.
    public var typedCharacter: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}

/// Keys pressed one after another (`gg`), written with no separator between single characters.
public func describe(_ sequence: [Key]) -> String {
    if sequence.allSatisfy({ if case .char(let c) = $0 { return c != " " } else { return false } }) {
        return sequence.map(\.description).joined()
    }
    return sequence.map(\.description).joined(separator: " ")
}
