extension ScreenBuffer {
    /// Draws a frame around `r` with an optional title in its top edge; returns the inside.
    @discardableResult
    public mutating func box(_ r: Rect, title: String = "", glyphs: Glyphs, style: Style = Style(.border),
                             titleStyle: Style = Style(.title)) -> Rect {
        guard r.width >= 2, r.height >= 2 else { return Rect(x: r.x, y: r.y, width: 0, height: 0) }
        let h = String(glyphs.horizontal)
        let line = String(repeating: h, count: r.width - 2)
        write(String(glyphs.topLeft) + line + String(glyphs.topRight), x: r.x, y: r.y, style: style)
        for y in (r.y + 1)..<(r.maxY - 1) {
            write(String(glyphs.vertical), x: r.x, y: y, style: style)
            write(String(glyphs.vertical), x: r.maxX - 1, y: y, style: style)
        }
        write(String(glyphs.bottomLeft) + line + String(glyphs.bottomRight), x: r.x, y: r.maxY - 1, style: style)
        if !title.isEmpty, r.width > 6 {
            write(" " + TextFit.truncate(title, to: r.width - 6) + " ", x: r.x + 2, y: r.y, style: titleStyle)
        }
        return r.inset(1)
    }

    /// Writes text cut and padded to exactly the rectangle's width on its first row.
    public mutating func writeRow(_ text: String, in r: Rect, style: Style = .text, alignRight: Bool = false) {
        guard r.width > 0, r.height > 0 else { return }
        write(TextFit.pad(Sanitizer.clean(text), to: r.width, alignRight: alignRight), x: r.x, y: r.y, style: style, maxWidth: r.width)
    }

    /// A horizontal rule.
    public mutating func rule(_ r: Rect, glyphs: Glyphs, style: Style = Style(.border)) {
        write(String(repeating: String(glyphs.horizontal), count: max(0, r.width)), x: r.x, y: r.y, style: style)
    }

    /// Writes wrapped text into the rectangle; returns the number of rows used.
    @discardableResult
    public mutating func paragraph(_ text: String, in r: Rect, style: Style = .text) -> Int {
        var y = r.y
        for line in TextFit.wrap(text, to: r.width) {
            if y >= r.maxY { break }
            writeRow(line, in: Rect(x: r.x, y: y, width: r.width, height: 1), style: style)
            y += 1
        }
        return y - r.y
    }
}
