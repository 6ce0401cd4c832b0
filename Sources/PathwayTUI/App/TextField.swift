/// A one-line text editor for prompts and filters: typing, cursor keys, Backspace, Del,
/// Home/End, Ctrl-U (clear), Ctrl-W (delete word).
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"):
            characters.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("w"):
            var i = cursor
            while i > 0 && characters[i - 1] == " " { i -= 1 }
            while i > 0 && characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i..<cursor); cursor = i
        default:
            return false
        }
        return true
    }

    /// The text and the column of the cursor, scrolled to fit `width` columns.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        func columns(_ from: Int, _ to: Int) -> Int { characters[from..<to].reduce(0) { $0 + TextWidth.of($1) } }
        while columns(start, cursor) > width - 1 { start += 1 }
        var end = start, used = 0
        while end < characters.count, used + TextWidth.of(characters[end]) <= width {
            used += TextWidth.of(characters[end]); end += 1
        }
        return (String(characters[start..<end]), columns(start, cursor))
    }
}
