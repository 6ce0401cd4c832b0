import PathwayModel

extension CompetencyMapScreen {
    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        guard let fw = framework, let f = context.catalog.frameworks[fw] else {
            let inside = buffer.box(area, title: "Competency map", glyphs: g)
            buffer.paragraph("There is no framework yet. Press F to create one, or import one with `pathway import`.",
                             in: inside, style: Style(.muted))
            return
        }
        let side = area.width >= 70
        let treeRect: Rect, detailRect: Rect
        if side {
            (treeRect, detailRect) = area.splitLeft(area.width * 58 / 100)
        } else {
            (treeRect, detailRect) = area.splitTop(max(5, area.height - 8))
        }
        var title = "\(f.title) (\(f.code))"
        if !filter.isEmpty { title += " · filter \"\(filter)\": \(matchCount) found" }
        let inside = buffer.box(treeRect, title: title, glyphs: g)
        if rows.isEmpty {
            let message = filter.isEmpty ? "This framework is empty. Press a to add its first competency."
                                         : "Nothing matches \"\(filter)\". Esc clears the filter."
            buffer.paragraph(message, in: inside, style: Style(.muted))
        }
        for (row, i) in cursor.visible(height: inside.height).enumerated() {
            let n = rows[i]
            let code = outline.codes[n]
            let mark = outline.hasChildren(n) ? (expanded.contains(code) || !filter.isEmpty ? g.expanded : g.collapsed) : g.leaf
            let indent = String(repeating: "  ", count: min(Int(outline.depths[n]), 12))
            let coveredBy = outline.coveringCount(n)
            let covered = coveredBy > 0 ? " [\(coveredBy)]" : ""
            let selected = i == cursor.selected
            let isMatch = isMatch(row: i)
            let style: Style = selected ? Style(.selection) : isMatch ? Style(.accent, bold: true)
                : (!filter.isEmpty ? Style(.muted) : Style(.text))
            let line = inside.row(row)
            buffer.writeRow("\(indent)\(mark) \(outline.title(n, framework: fw, in: context.catalog))", in: Rect(x: line.x, y: line.y, width: line.width - TextWidth.of(covered), height: 1), style: style)
            if !covered.isEmpty {
                buffer.writeRow(covered, in: Rect(x: line.maxX - TextWidth.of(covered), y: line.y, width: TextWidth.of(covered), height: 1),
                                style: selected ? Style(.selection) : Style(.ok))
            }
        }
        drawDetail(into: &buffer, area: detailRect, context)
    }

    func drawDetail(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        let inside = buffer.box(area, title: "Details", glyphs: g)
        guard let n = selectedIndex, let c = selectedCompetency(in: context.catalog) else { return }
        var lines: [(String, Style)] = []
        lines.append((c.title, Style(.header)))
        lines.append(("\(c.code) · \(c.type.rawValue)", Style(.muted)))
        let path = outline.ancestry(of: n).dropLast().map { outline.title($0, framework: framework ?? "", in: context.catalog) }
        if !path.isEmpty { lines.append(("in " + path.joined(separator: " \(g.arrow) "), Style(.muted))) }
        if let uri = c.uri { lines.append((uri, Style(.muted))) }
        lines.append(("", .text))
        if !c.description.isEmpty {
            for l in TextFit.wrap(Sanitizer.clean(c.description), to: inside.width) { lines.append((l, .text)) }
            lines.append(("", .text))
        }
        if !c.altLabels.isEmpty {
            lines.append(("Also called: " + c.altLabels.joined(separator: ", "), Style(.muted)))
        }
        let covering = outline.covering(n)
        if !outline.hasCoverage {
            lines.append(("Looking up the credentials that cover it…", Style(.muted)))
        } else if covering.isEmpty {
            lines.append(("No credential covers it yet.", Style(.warning)))
        } else {
            lines.append(("Covered by:", Style(.header)))
            for (code, level) in covering {
                let title = context.catalog.credentials[code]?.title ?? code
                lines.append(("\(g.check) \(title) (\(code)), EQF \(level.value)", Style(.ok)))
            }
        }
        let comments = context.catalog.comments(on: .competency(c.key))
        if !comments.isEmpty {
            lines.append(("", .text))
            lines.append(("Comments (\(comments.count)):", Style(.header)))
            for cm in comments { lines.append(("\(cm.author), \(cm.date): \(cm.text)", .text)) }
        }
        var y = inside.y
        for (text, style) in lines {
            for l in TextFit.wrap(text, to: inside.width) where y < inside.maxY {
                buffer.writeRow(l, in: Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style)
                y += 1
            }
        }
    }
}
