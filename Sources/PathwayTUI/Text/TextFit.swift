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
    /// Explicit line breaks are kept. Never returns an empty array.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [""] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var width = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = String(word)
                var ww = TextWidth.of(w)
                let sep = line.isEmpty ? 0 : 1
                if width + sep + ww <= columns {
                    if sep == 1 { line += " " }
                    line += w
                    width += sep + ww
                    continue
                }
                if !line.isEmpty { lines.append(line); line = ""; width = 0 }
                // A word longer than the line is broken by columns.
                while ww > columns {
                    let head = truncate(w, to: columns, ellipsis: false)
                    lines.append(head)
                    w = String(w.dropFirst(head.count))
                    ww = TextWidth.of(w)
                    if head.isEmpty { w = ""; ww = 0 }
                }
                line = w
                width = ww
            }
            lines.append(line)
        }
        return lines.isEmpty ? [""] : lines
    }
}
