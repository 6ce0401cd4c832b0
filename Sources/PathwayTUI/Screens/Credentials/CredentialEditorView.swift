import PathwayModel

extension CredentialEditorScreen {
    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        let catalog = context.catalog
        let listWidth = max(22, min(40, area.width * 36 / 100))
        let (listRect, formRect) = area.splitLeft(listWidth)
        let listTitle = filter.isEmpty ? "Micro-credentials (\(allCodes.count))" : "Matching \"\(filter)\" (\(codes.count))"
        let list = buffer.box(listRect, title: listTitle, glyphs: g, style: Style(focus == .list ? .accent : .border))
        if codes.isEmpty {
            buffer.paragraph(filter.isEmpty ? "None yet. Press a to add one." : "Nothing matches. Esc clears the filter.",
                             in: list, style: Style(.muted))
        }
        for (row, i) in listCursor.visible(height: list.height).enumerated() {
            guard let c = catalog.credentials[codes[i]] else { continue }
            let missing = c.missingAnnexIElements.count
            let mark = missing == 0 ? g.check : "\(AnnexIElement.allCases.count - missing)/\(AnnexIElement.allCases.count)"
            let selected = i == listCursor.selected
            let style = selected ? Style(focus == .list ? .selection : .selectionInactive) : Style(.text)
            let line = list.row(row)
            let markWidth = TextWidth.of(mark) + 1
            buffer.writeRow("\(c.code) \(c.title)", in: Rect(x: line.x, y: line.y, width: line.width - markWidth, height: 1), style: style)
            buffer.writeRow(mark, in: Rect(x: line.maxX - markWidth, y: line.y, width: markWidth, height: 1),
                            style: selected ? style : Style(missing == 0 ? .ok : .warning), alignRight: true)
        }
        guard let code = selectedCode, let c = catalog.credentials[code] else {
            let form = buffer.box(formRect, title: "Design", glyphs: g)
            buffer.paragraph("Select a micro-credential on the left, or press a to add one.", in: form, style: Style(.muted))
            return
        }
        let form = buffer.box(formRect, title: "\(c.code): \(c.title)", glyphs: g, style: Style(focus == .form ? .accent : .border))
        // Completeness of the EU mandatory elements, always on top.
        let missing = c.missingAnnexIElements
        let total = AnnexIElement.allCases.count
        let gaugeWidth = min(10, max(0, form.width - 30))
        let filled = gaugeWidth * (total - missing.count) / total
        let gauge = String(repeating: g.block, count: filled) + String(repeating: g.heat[0], count: gaugeWidth - filled)
        let summary = missing.isEmpty ? "EU mandatory elements: all \(total) \(g.check)"
                                      : "EU mandatory elements: \(total - missing.count) of \(total) "
        var x = buffer.write(summary, x: form.x, y: form.y, style: Style(missing.isEmpty ? .ok : .warning, bold: true), maxWidth: form.width)
        if !missing.isEmpty { x = buffer.write(gauge, x: x, y: form.y, style: Style(.warning), maxWidth: form.maxX - x) }
        var top = form.y + 1
        if !missing.isEmpty {
            buffer.writeRow("missing: " + missing.map(\.label).joined(separator: ", "), in: Rect(x: form.x, y: top, width: form.width, height: 1), style: Style(.muted))
            top += 1
        }
        let rowsRect = Rect(x: form.x, y: top, width: form.width, height: form.maxY - top)
        let labelWidth = min(20, rowsRect.width / 3)
        for (row, i) in formCursor.visible(height: rowsRect.height).enumerated() {
            let line = rowsRect.row(row)
            let selected = focus == .form && i == formCursor.selected
            let (label, value, role) = describe(formRows[i], of: c, catalog, g)
            let (left, right) = line.splitLeft(labelWidth)
            let isHeading = formRows[i] == .outcomesHeading || formRows[i] == .prerequisitesHeading
            buffer.writeRow(TextFit.pad(label, to: max(0, left.width - 1)) + " ", in: left, style: selected ? Style(.selection) : Style(isHeading ? .header : .muted))
            buffer.writeRow(value, in: right, style: selected ? Style(.selection) : Style(role))
        }
    }

    func describe(_ row: Row, of c: MicroCredential, _ catalog: Catalog, _ g: Glyphs) -> (String, String, Role) {
        switch row {
        case .field(let f):
            let value = f.value(of: c)
            let label = f.label + (f.isMandatory ? " *" : "")
            if value.isEmpty { return (label, f.isMandatory ? "(required)" : "—", f.isMandatory ? .warning : .muted) }
            if f == .hours, let per = c.hoursPerCredit {
                let ok = ECTS.hoursPerCredit.contains(per)
                return (label, "\(value)  (\(ECTSFormat.text((per * 10).rounded() / 10)) h per ECTS)", ok ? .text : .warning)
            }
            return (label, value, .text)
        case .outcomesHeading:
            return ("Learning outcomes *", c.learningOutcomes.isEmpty ? "none yet: o adds one" : "\(c.learningOutcomes.count)", c.learningOutcomes.isEmpty ? .warning : .muted)
        case .outcome(let i):
            let o = c.learningOutcomes[i]
            return ("  " + o.id, o.statement + (o.mappings.isEmpty ? "  (not mapped: m)" : ""), o.mappings.isEmpty ? .warning : .text)
        case .mapping(let i, let j):
            let m = c.learningOutcomes[i].mappings[j]
            let title = catalog.competencies[m.competency]?.title ?? "\(m.competency) (missing)"
            return ("", "\(g.arrow) \(title), EQF \(m.level.value)", catalog.competencies[m.competency] == nil ? .error : .accent)
        case .prerequisitesHeading:
            return ("Prerequisites", c.prerequisites.credentials.isEmpty ? "none: p adds one" : "\(c.prerequisites.credentials.count)", .muted)
        case .prerequisite(let i):
            let code = c.prerequisites.credentials[i]
            let title = catalog.credentials[code]?.title ?? "(missing)"
            return ("", "\(code) \(title)", catalog.credentials[code] == nil ? .error : .text)
        }
    }
}
