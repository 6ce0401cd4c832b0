import PathwayModel

extension CoverageScreen {
    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        guard let m = matrix, let pathway = context.catalog.pathways[m.pathway] else {
            let inside = buffer.box(area, title: "Coverage matrix", glyphs: g)
            buffer.paragraph("There are no pathways yet. Add one on the pathways screen; its target competencies and credentials then show here as a heat map.",
                             in: inside, style: Style(.muted))
            return
        }
        drawSummary(m, pathway, into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: 2), context)
        let boxRect = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        let layout = CoverageLayout(width: area.width, columns: m.columns)
        let offset = columnCursor.scrolledOffset(height: layout.visibleColumns)
        let visible = offset..<min(m.columns.count, offset + layout.visibleColumns)
        var title = "Coverage matrix"
        if m.columns.count > visible.count { title += " · credentials \(visible.lowerBound + 1)–\(visible.upperBound) of \(m.columns.count)" }
        if !filter.isEmpty { title += " · matching \"\(filter)\"" }
        let inside = buffer.box(boxRect, title: Sanitizer.clean(title), glyphs: g)
        guard inside.height >= 4 else { return }
        drawHeader(m, layout, visible, into: &buffer, inside: inside, context)
        let body = Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: inside.height - 3)
        drawLegend(into: &buffer, row: inside.row(inside.height - 1), context)
        if shown.isEmpty {
            let message = m.rows.isEmpty
                ? "The target of this pathway lists no competencies yet. Set them on the pathways screen, or press a to see what the credentials teach."
                : "No target competency matches \"\(filter)\". Esc clears the filter."
            buffer.paragraph(message, in: body, style: Style(.muted))
            return
        }
        if m.columns.isEmpty {
            let x = inside.x + layout.titleWidth + layout.requiredWidth + layout.statusWidth
            buffer.paragraph("No credentials in this pathway yet.", in: Rect(x: x, y: body.y, width: inside.maxX - x, height: 2),
                             style: Style(.muted))
        }
        for (line, i) in rowCursor.visible(height: body.height).enumerated() {
            drawRow(m.rows[shown[i]], selected: i == rowCursor.selected, layout, visible,
                    into: &buffer, y: body.y + line, x: inside.x, context)
        }
    }

    /// Two lines over the matrix: the pathway and its totals, the gaps and overlaps counted.
    func drawSummary(_ m: CoverageMatrix, _ p: Pathway, into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        var first = "\(p.title) (\(p.code))"
        if !p.target.occupation.isEmpty { first += " → \(p.target.occupation)" }
        if let l = p.target.eqfLevel { first += " · target EQF \(l.value)" }
        first += " · \(ECTSFormat.text(m.ects.min))"
        if m.ects.max != m.ects.min { first += "–\(ECTSFormat.text(m.ects.max))" }
        first += " ECTS"
        if m.ects.targetMin != nil || m.ects.targetMax != nil {
            first += " (target \(m.ects.targetMin.map(ECTSFormat.text) ?? "…")–\(m.ects.targetMax.map(ECTSFormat.text) ?? "…"))"
        }
        let keyText = context.keys.keyText(for: .pickCoveragePathway, on: .coverage)
        let hint = "  \(keyText) other pathway"
        let hintWidth = area.width - TextWidth.of(first) > TextWidth.of(hint) + 2 || area.width >= 100 ? TextWidth.of(hint) + 1 : 0
        buffer.writeRow(" " + first, in: Rect(x: area.x, y: area.y, width: area.width - hintWidth, height: 1),
                        style: Style(.title, bold: true))
        buffer.writeRow(hint + " ", in: Rect(x: area.maxX - hintWidth, y: area.y, width: hintWidth, height: 1),
                        style: Style(.muted), alignRight: true)

        var x = area.x
        let y = area.y + 1
        let end = area.maxX
        func part(_ text: String, _ role: Role, bold: Bool = false) {
            guard x < end else { return }
            x = buffer.write(text, x: x, y: y, style: Style(role, bold: bold), maxWidth: end - x)
        }
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1))
        part(" Covered \(m.coverage) at the target level", m.coverage.everyRoute == m.coverage.required ? .ok : .text, bold: true)
        let counts: [(Int, String, Role)] = [
            (m.notCovered, "not covered", .gap),
            (m.belowLevel, "below level", .gap),
            (m.someRoutes, "only with some electives", .warning),
            (m.overlapping, "taught twice", .overlap),
        ]
        for (n, label, role) in counts where n > 0 {
            part(" · ", .muted)
            part("\(n) \(label)", role)
        }
        if counts.allSatisfy({ $0.0 == 0 }) && !m.rows.isEmpty { part(" · no gaps, no overlaps", .ok) }
    }

    func drawHeader(_ m: CoverageMatrix, _ layout: CoverageLayout, _ visible: Range<Int>,
                    into buffer: inout ScreenBuffer, inside: Rect, _ context: DrawContext) {
        let y0 = inside.y, y1 = inside.y + 1
        buffer.writeRow(" Target competency", in: Rect(x: inside.x, y: y1, width: layout.titleWidth, height: 1), style: Style(.header))
        buffer.writeRow("EQF", in: Rect(x: inside.x + layout.titleWidth, y: y1, width: layout.requiredWidth, height: 1), style: Style(.header))
        buffer.writeRow("Status", in: Rect(x: inside.x + layout.titleWidth + layout.requiredWidth, y: y1,
                                           width: layout.statusWidth, height: 1), style: Style(.header))
        var x = inside.x + layout.titleWidth + layout.requiredWidth + layout.statusWidth
        for c in visible {
            let col = m.columns[c]
            let width = min(layout.columnWidth, inside.maxX - x)
            guard width > 0 else { break }
            let stage = "S\(col.stage + 1)" + (col.elective ? " opt" : "")
            buffer.writeRow(stage, in: Rect(x: x, y: y0, width: width - 1, height: 1), style: Style(.muted))
            let selected = c == columnCursor.selected
            buffer.writeRow(col.code, in: Rect(x: x, y: y1, width: width - 1, height: 1),
                            style: Style(col.exists ? (selected ? .accent : .header) : .error, bold: selected, underline: selected))
            x += layout.columnWidth
        }
    }

    func drawRow(_ row: CoverageMatrix.Row, selected: Bool, _ layout: CoverageLayout, _ visible: Range<Int>,
                 into buffer: inout ScreenBuffer, y: Int, x x0: Int, _ context: DrawContext) {
        let g = context.glyphs
        var x = x0
        let titleRole: Role = selected ? .selectionInactive : row.status.isGap ? .gap : row.status == .extra ? .muted : .text
        buffer.writeRow(" " + row.title + " ", in: Rect(x: x, y: y, width: layout.titleWidth, height: 1), style: Style(titleRole))
        x += layout.titleWidth
        buffer.writeRow(row.required.map { " \($0.value)" } ?? " –", in: Rect(x: x, y: y, width: layout.requiredWidth, height: 1),
                        style: Style(row.required == nil ? .muted : .text))
        x += layout.requiredWidth
        let (status, role) = statusText(row, g)
        buffer.writeRow(status, in: Rect(x: x, y: y, width: layout.statusWidth, height: 1), style: Style(role))
        x += layout.statusWidth
        let showGlyph = !(g.heat.last?.first?.isNumber ?? false)
        for c in visible {
            let width = layout.columnWidth - 1
            let level = row.levels[c]
            var text: String
            var style: Style
            if let level {
                let step = CoverageMatrix.heatStep(level)
                text = (showGlyph ? g.heat[step] : "") + "\(level.value)"
                if row.overlaps.contains(c) {
                    text += "="
                    style = Style(.overlap, bold: true)
                } else if let r = row.required, level < r {
                    text += "-"
                    style = Style(.gap)
                } else {
                    text += " "
                    style = Style(Role.heat(step))
                }
            } else {
                text = g.heat[0] + " "
                style = Style(row.status.isGap ? .gap : .muted)
            }
            if selected && c == columnCursor.selected { style = Style(.selection, bold: true) }
            let pad = max(0, (width - TextWidth.of(text)) / 2)
            let cell = String(repeating: " ", count: pad) + text
            buffer.writeRow(cell, in: Rect(x: x, y: y, width: width, height: 1), style: style)
            x += layout.columnWidth
        }
    }

    /// The status column: a mark and a word, so it reads without colour.
    func statusText(_ row: CoverageMatrix.Row, _ g: Glyphs) -> (String, Role) {
        switch row.status {
        case .covered:
            return row.overlaps.isEmpty ? ("\(g.check) covered", .ok) : ("= twice", .overlap)
        case .someRoutes: return ("? electives", .warning)
        case .belowLevel(let best): return ("\(g.cross) only \(best.value)", .gap)
        case .notCovered: return ("\(g.cross) gap", .gap)
        case .unknown: return ("\(g.cross) unknown", .error)
        case .extra: return ("not target", .muted)
        }
    }

    func drawLegend(into buffer: inout ScreenBuffer, row: Rect, _ context: DrawContext) {
        let g = context.glyphs
        let showGlyph = !(g.heat.last?.first?.isNumber ?? false)
        var x = row.x
        func part(_ text: String, _ role: Role) {
            guard x < row.maxX else { return }
            x = buffer.write(text, x: x, y: row.y, style: Style(role), maxWidth: row.maxX - x)
        }
        part(" EQF ", .muted)
        for step in 1...4 {
            let label = showGlyph ? "\(g.heat[step])\(step * 2 - 1)–\(step * 2)" : "\(step * 2 - 1)–\(step * 2)"
            part(label, Role.heat(step))
            part(" ", .muted)
        }
        part("· ", .muted)
        part("4-", .gap)
        part(" below target · ", .muted)
        part("5=", .overlap)
        part(" taught twice · \(g.heat[0]) not taught", .muted)
    }
}
