/// Cutting and padding text to a number of columns without ever splitting a wide character.
public enum TextFit {
    /// The longest prefix that fits in `columns`, with `…` at the end when something was cut.
    /// A wide character that would straddle the edge is dropped (and padded with a space by `pad`).
    public static func truncate(_ text: String, to columns: Int, ellipsis: Bool = true) -> String {
        if columns <= 0 { return "" }
        var used = 0
        var end = text.startIndex
        var cut = false
        for i in text.indices {
            let w = TextWidth.of(text[i])
            if used + w > columns { cut = true; break }
            used += w
            end = text.index(after: i)
        }
        if !cut { return text }
        guard ellipsis else { return String(text[..<end]) }
        // Make room for the ellipsis (one column).
        var kept = String(text[..<end])
        var width = used
        while width > columns - 1, let last = kept.last {
            width -= TextWidth.of(last)
            kept.removeLast()
        }
        return kept + "…"
    }

    /// The text cut to `columns` and padded with spaces to exactly that many columns.
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false, ellipsis: Bool = true) -> String {
        let t = truncate(text, to: columns, ellipsis: ellipsis)
        let gap = max(0, columns - TextWidth.of(t))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + t : t + spaces
    }

    /// Splits text into lines of at most `columns`, breaking at spaces where possible.
    /// Explicit line breaks are kept. Linear in the text, and stops after `maxLines` lines, so a
    /// 100 KB field costs no more than what is shown. Never returns an empty array.
    public static func wrap(_ text: String, to columns: Int, maxLines: Int = 500) -> [String] {
        guard columns > 0 else { return [""] }
        var lines: [String] = []
        var line = ""          // the current line, up to the last break opportunity
        var width = 0
        var word = ""          // characters since the last space
        var wordWidth = 0
        func flushLine() { lines.append(line); line = ""; width = 0 }
        func placeWord() {
            if word.isEmpty { return }
            let sep = line.isEmpty ? 0 : 1
            if width + sep + wordWidth <= columns {
                if sep == 1 { line.append(" ") }
                line += word
                width += sep + wordWidth
            } else {
                if !line.isEmpty { flushLine() }
                line = word
                width = wordWidth
            }
            word = ""
            wordWidth = 0
        }
        for c in text {
            if lines.count >= maxLines { return lines }
            if c == "\n" || c == "\r\n" {
                placeWord()
                flushLine()
                continue
            }
            if c == " " {
                placeWord()
                if line.isEmpty && word.isEmpty && width == 0 { continue }
                continue
            }
            let w = TextWidth.of(c)
            if wordWidth + w > columns {
                // A word longer than a line is broken by columns.
                if !line.isEmpty { flushLine() }
                lines.append(word)
                word = ""
                wordWidth = 0
            }
            word.append(c)
            wordWidth += w
        }
        placeWord()
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return Array(lines.prefix(maxLines))
    }
}
