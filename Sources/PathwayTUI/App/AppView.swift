/// Draws the whole app state into a screen buffer: the screen tabs, the current screen, the hint
/// bar, the status line, the F-key bar and any overlay. Pure, so tests snapshot it as text.
public enum AppView {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        draw(state, into: &buffer)
        return buffer
    }

    public static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        buffer.fill(buffer.bounds)
        if state.isTooSmall { drawTooSmall(state, into: &buffer); return }
        let context = DrawContext(document: state.document, glyphs: state.glyphs, isReadOnly: state.isReadOnly, keys: state.keys)
        drawTabs(state, into: &buffer)
        state.screen.draw(into: &buffer, area: state.contentArea, context)
        drawHints(state, into: &buffer, row: state.height - 3)
        drawStatus(state, into: &buffer, row: state.height - 2)
        drawFunctionKeys(state, into: &buffer, row: state.height - 1)
        if let overlay = state.overlay { drawOverlay(overlay, state, into: &buffer) }
    }

    static func drawTooSmall(_ state: AppState, into buffer: inout ScreenBuffer) {
        let need = "\(AppState.minimumWidth)×\(AppState.minimumHeight)"
        let text = "Terminal too small (need \(need), have \(state.width)×\(state.height)). Enlarge the window, or press q to quit."
        let lines = TextFit.wrap(text, to: max(1, state.width))
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < state.height {
            buffer.writeRow(line, in: Rect(x: 0, y: top + i, width: state.width, height: 1), style: Style(.warning, bold: true))
        }
    }

    static func drawTabs(_ state: AppState, into buffer: inout ScreenBuffer) {
        let row = Rect(x: 0, y: 0, width: state.width, height: 1)
        buffer.fill(row, style: Style(.status))
        func label(_ d: ScreenDescriptor, compact: Bool) -> String {
            let key = state.keys.binding(for: d.openAction).flatMap { $0.keys.first.map(describe) } ?? ""
            return compact && d.id != state.current ? " \(key) " : " \(key) \(d.id.title) "
        }
        // Full titles when they fit beside the document name; else only the current one's.
        let full = state.descriptors.reduce(0) { $0 + TextWidth.of(label($1, compact: false)) }
        let compact = full + TextWidth.of(state.documentName) + 16 > state.width
        var x = 0
        for d in state.descriptors {
            let text = label(d, compact: compact)
            if x + TextWidth.of(text) > state.width { break }
            let style = d.id == state.current ? Style(.selection, bold: true) : Style(.status)
            x = buffer.write(text, x: x, y: 0, style: style)
        }
        var name = state.documentName
        if state.isReadOnly { name = "[read-only] " + name }
        let room = state.width - x - 2
        if room >= 8 {
            let shown = TextFit.truncate(name, to: room)
            buffer.write(shown, x: state.width - TextWidth.of(shown) - 1, y: 0,
                         style: Style(state.isReadOnly ? .warning : .status))
        }
    }

    static func drawHints(_ state: AppState, into buffer: inout ScreenBuffer, row: Int) {
        var x = 1
        let own = state.keys.bindings.filter { $0.scope == .screen(state.current) && $0.hint }
        let global = state.keys.bindings.filter { $0.scope == .global && $0.hint }
        for b in own + global {
            guard let first = b.keys.first else { continue }
            let key = describe(first), text = b.short
            let dimmed = b.edits && state.isReadOnly
            if x + TextWidth.of(key) + TextWidth.of(text) + 3 > state.width { break }
            x = buffer.write(key, x: x, y: row, style: Style(dimmed ? .muted : .hintKey))
            x = buffer.write(" " + text + "  ", x: x, y: row, style: Style(dimmed ? .muted : .hintText))
        }
    }

    static func drawStatus(_ state: AppState, into buffer: inout ScreenBuffer, row: Int) {
        let r = Rect(x: 0, y: row, width: state.width, height: 1)
        buffer.fill(r, style: Style(.status))
        // Right side: the findings totals, always visible.
        let e = state.document.errorCount, w = state.document.warningCount
        let checking = !state.document.isChecked
        let totals = checking ? " checking… \(Int(state.document.checkProgress * 100))% "
            : " \(e) error\(e == 1 ? "" : "s")  \(w) warning\(w == 1 ? "" : "s") "
        let totalsX = state.width - TextWidth.of(totals)
        buffer.write(totals, x: totalsX, y: row, style: Style(checking ? .status : e > 0 ? .error : w > 0 ? .warning : .ok))
        let room = Rect(x: 0, y: row, width: max(0, totalsX - 1), height: 1)
        if case .filter(let field) = state.overlay {
            let label = " / "
            buffer.write(label, x: 0, y: row, style: Style(.hintKey))
            let (text, cursor) = field.visible(width: room.width - 3)
            buffer.write(TextFit.pad(text, to: room.width - 3), x: 3, y: row, style: Style(.input))
            buffer.write(cursorGlyph(text, cursor), x: 3 + cursor, y: row, style: Style(.selection))
            return
        }
        var text = state.status.text
        if text.isEmpty { text = state.screen.statusText }
        if let f = state.filters[state.current], !text.contains("\"") , state.overlay == nil, state.status.kind != .error {
            text = "filter \"\(f)\" · " + text
        }
        let style: Style
        switch state.status.kind {
        case .info: style = Style(.status)
        case .saved: style = Style(.ok)
        case .error: style = Style(.error)
        }
        buffer.writeRow(" " + text, in: room, style: style)
    }

    static func cursorGlyph(_ text: String, _ column: Int) -> String {
        var col = 0
        for c in text {
            if col == column { return String(c) }
            col += TextWidth.of(c)
        }
        return " "
    }

    static func drawFunctionKeys(_ state: AppState, into buffer: inout ScreenBuffer, row: Int) {
        let bindings = state.keys.active(on: state.current).compactMap { b in b.functionKey.map { ($0, b) } }
        var byKey: [Int: Binding] = [:]
        for (n, b) in bindings where byKey[n] == nil { byKey[n] = b }
        var x = 0
        for n in byKey.keys.sorted() {
            let b = byKey[n]!
            let label = b.short.prefix(1).uppercased() + b.short.dropFirst()
            if x + 3 + TextWidth.of(label) + 1 > state.width { break }
            x = buffer.write("F\(n)", x: x, y: row, style: Style(.hintKey))
            x = buffer.write(label + " ", x: x, y: row, style: Style(.status))
        }
        buffer.fill(Rect(x: x, y: row, width: state.width - x, height: 1), style: Style(.status))
    }

    // MARK: Overlays

    /// Where boxes over the screen go: centred, most of the content area.
    public static func overlayRect(_ state: AppState) -> Rect {
        let area = state.contentArea
        let w = area.width >= 110 ? area.width * 3 / 4 : area.width - 4
        let h = min(area.height - 2, max(10, area.height * 3 / 4))
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    static func drawOverlay(_ overlay: Overlay, _ state: AppState, into buffer: inout ScreenBuffer) {
        let g = state.glyphs
        switch overlay {
        case .filter: return
        case .help(let help):
            let r = overlayRect(state)
            buffer.fill(r)
            let inside = buffer.box(r, title: "Keys: \(state.current.title) (type to filter, Esc closes)", glyphs: g)
            drawQuery(help.query, label: "Filter: ", in: inside.row(0), &buffer)
            let list = Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: inside.height - 2)
            let keyWidth = min(18, inside.width / 3)
            if help.rows.isEmpty { buffer.writeRow("No key matches.", in: list.row(0), style: Style(.muted)) }
            for (row, i) in help.cursor.visible(height: list.height).enumerated() {
                let b = help.rows[i]
                let y = list.y + row
                let selected = i == help.cursor.selected
                let style = Style(selected ? .selection : .text)
                buffer.writeRow(TextFit.pad(b.keyText, to: keyWidth), in: Rect(x: list.x, y: y, width: keyWidth, height: 1),
                                style: selected ? style : Style(.hintKey))
                var long = b.long
                if b.edits && state.isReadOnly { long += " (not in read-only mode)" }
                if b.scope == .global, help.query.text.isEmpty == false { long += " [everywhere]" }
                buffer.writeRow(" " + long, in: Rect(x: list.x + keyWidth, y: y, width: list.width - keyWidth, height: 1), style: style)
            }
        case .palette(let palette):
            let r = overlayRect(state)
            buffer.fill(r)
            let inside = buffer.box(r, title: "Commands (type to search, Enter runs, Esc closes)", glyphs: g)
            drawQuery(palette.query, label: ": ", in: inside.row(0), &buffer)
            let list = Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: inside.height - 2)
            if palette.matches.isEmpty { buffer.writeRow("No command matches.", in: list.row(0), style: Style(.muted)) }
            for (row, i) in palette.cursor.visible(height: list.height).enumerated() {
                let c = palette.commands[palette.matches[i]]
                let selected = i == palette.cursor.selected
                let keys = TextFit.truncate(c.keys, to: 14)
                let keyWidth = TextWidth.of(keys) + 2
                let y = list.y + row
                buffer.writeRow(" " + c.title, in: Rect(x: list.x, y: y, width: list.width - keyWidth, height: 1),
                                style: Style(selected ? .selection : .text))
                buffer.writeRow(keys + " ", in: Rect(x: list.maxX - keyWidth, y: y, width: keyWidth, height: 1),
                                style: Style(selected ? .selection : .hintKey), alignRight: true)
            }
        case .picker(let p):
            let r = overlayRect(state)
            buffer.fill(r)
            let inside = buffer.box(r, title: "\(p.picker.title) (type to search, Enter chooses, Esc cancels)", glyphs: g)
            drawQuery(p.query, label: "Search: ", in: inside.row(0), &buffer)
            buffer.writeRow("\(p.matches.count) of \(p.picker.items.count)", in: Rect(x: inside.maxX - 20, y: inside.y + 1, width: 20, height: 1),
                            style: Style(.muted), alignRight: true)
            let list = Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: inside.height - 2)
            if p.matches.isEmpty { buffer.writeRow("Nothing matches.", in: list.row(0), style: Style(.muted)) }
            for (row, i) in p.cursor.visible(height: list.height).enumerated() {
                let item = p.picker.items[p.matches[i]]
                let selected = i == p.cursor.selected
                let text = item.detail.isEmpty ? item.label : "\(item.label)  \(item.detail)"
                buffer.writeRow(" " + text, in: list.row(row), style: Style(selected ? .selection : .text))
            }
        case .prompt(let p):
            let w = min(state.width - 4, max(50, state.width * 2 / 3))
            let r = Rect(x: (state.width - w) / 2, y: max(1, state.height / 2 - 3), width: w, height: 6)
            buffer.fill(r)
            let inside = buffer.box(r, title: p.prompt.title, glyphs: g)
            let (text, cursor) = p.field.visible(width: inside.width - 1)
            buffer.write(TextFit.pad(text, to: inside.width), x: inside.x, y: inside.y, style: Style(.input))
            buffer.write(cursorGlyph(text, cursor), x: inside.x + cursor, y: inside.y, style: Style(.selection))
            if let problem = p.prompt.validate?(p.field.text) {
                buffer.writeRow(problem, in: inside.row(1), style: Style(.error))
            } else if let hint = p.prompt.hint?(p.field.text) {
                buffer.writeRow(hint, in: inside.row(1), style: Style(.ok))
            }
            buffer.writeRow("Enter saves · Esc cancels", in: inside.row(inside.height - 1), style: Style(.muted))
        case .confirm(let c):
            let w = min(state.width - 4, max(40, TextWidth.of(c.question) + 6))
            let lines = TextFit.wrap(c.question, to: w - 4)
            let r = Rect(x: (state.width - w) / 2, y: max(1, state.height / 2 - 3), width: w, height: lines.count + 4)
            buffer.fill(r)
            let inside = buffer.box(r, title: "Confirm", glyphs: g, style: Style(.warning))
            for (i, l) in lines.enumerated() { buffer.writeRow(" " + l, in: inside.row(i), style: Style(.text, bold: true)) }
            buffer.writeRow(" y yes · n no", in: inside.row(inside.height - 1), style: Style(.hintKey))
        case .exchange(let o):
            ExchangeView.draw(o, state, into: &buffer)
        }
    }

    static func drawQuery(_ field: TextField, label: String, in r: Rect, _ buffer: inout ScreenBuffer) {
        let x = buffer.write(label, x: r.x, y: r.y, style: Style(.muted))
        let width = r.maxX - x
        let (text, cursor) = field.visible(width: width - 1)
        buffer.write(TextFit.pad(text, to: width), x: x, y: r.y, style: Style(.input))
        buffer.write(cursorGlyph(text, cursor), x: x + cursor, y: r.y, style: Style(.selection))
    }
}
