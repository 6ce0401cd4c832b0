import PathwayModel

extension PathwayDesignerScreen {
    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        let catalog = context.catalog
        guard let code = pathway, let p = catalog.pathways[code] else {
            let inside = buffer.box(area, title: "Pathway designer", glyphs: g)
            buffer.paragraph("There is no pathway yet. Press P to create one.", in: inside, style: Style(.muted))
            return
        }
        var titleText = "\(p.title) (\(p.code)) · \(p.reviewStatus.label)"
        if !p.target.occupation.isEmpty { titleText += " · for \(p.target.occupation)" }
        buffer.writeRow(" " + titleText, in: area.row(0), style: Style(.title))
        drawTotals(p, into: &buffer, row: area.row(1), g)
        let findingsHeight = min(max(3, findings.count + 2), max(3, area.height / 4))
        let stagesRect = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2 - findingsHeight)
        let findingsRect = Rect(x: area.x, y: stagesRect.maxY, width: area.width, height: findingsHeight)
        if p.stages.isEmpty {
            let inside = buffer.box(stagesRect, title: "Stages", glyphs: g)
            buffer.paragraph("No stages yet. Press S to add the first one.", in: inside, style: Style(.muted))
        } else if stagesRect.width / p.stages.count >= 22 {
            drawSideBySide(p, into: &buffer, area: stagesRect, context)
        } else {
            drawStacked(p, into: &buffer, area: stagesRect, context)
        }
        drawFindings(into: &buffer, area: findingsRect, g)
    }

    func drawTotals(_ p: Pathway, into buffer: inout ScreenBuffer, row: Rect, _ g: Glyphs) {
        guard let t = totals else { return }
        buffer.fill(row, style: Style(.status))
        var x = row.x + 1
        let range = t.ectsMin == t.ectsMax ? ECTSFormat.text(t.ectsMin) : "\(ECTSFormat.text(t.ectsMin))–\(ECTSFormat.text(t.ectsMax))"
        var ectsRole = Role.ok
        var ectsText = "ECTS \(range)"
        if p.target.minECTS != nil || p.target.maxECTS != nil {
            let lo = p.target.minECTS.map(ECTSFormat.text) ?? "0", hi = p.target.maxECTS.map(ECTSFormat.text) ?? "…"
            ectsText += " (target \(lo)–\(hi))"
            if let min = p.target.minECTS, t.ectsMin < min { ectsRole = .warning }
            if let max = p.target.maxECTS, t.ectsMax > max { ectsRole = .warning }
        }
        if t.unknownWorkload > 0 { ectsText += " +\(t.unknownWorkload) without ECTS"; ectsRole = .warning }
        x = buffer.write(ectsText, x: x, y: row.y, style: Style(ectsRole), maxWidth: row.maxX - x)
        let levels = t.stageLevels.map { $0.map { String($0.value) } ?? "?" }.joined(separator: " \(g.arrow) ")
        let rising = zip(t.stageLevels, t.stageLevels.dropFirst()).allSatisfy { a, b in
            guard let a, let b else { return true }
            return a <= b
        }
        var eqf = "  EQF \(levels.isEmpty ? "–" : levels)"
        if let target = p.target.eqfLevel { eqf += " (target \(target.value))" }
        x = buffer.write(eqf, x: x, y: row.y, style: Style(rising ? .ok : .warning), maxWidth: row.maxX - x)
        let cov = "  coverage \(t.covered)/\(t.required)"
        buffer.write(cov, x: x, y: row.y, style: Style(t.covered == t.required ? .ok : .warning), maxWidth: row.maxX - x)
    }

    func line(for item: Item, stage s: Stage, _ catalog: Catalog, _ g: Glyphs) -> (String, Role) {
        switch item {
        case .core(let c):
            guard let cred = catalog.credentials[c] else { return ("\(c) (missing)", .error) }
            let meta = [cred.ects.map { "\(ECTSFormat.text($0)) ECTS" }, cred.eqfLevel.map { "EQF \($0.value)" }].compactMap { $0 }.joined(separator: ", ")
            return ("\(cred.title) [\(meta.isEmpty ? c : meta)]", cred.missingAnnexIElements.isEmpty ? .text : .warning)
        case .group(let gi):
            let group = s.electiveGroups[gi]
            return ("\(group.title): choose \(group.choose) of \(group.options.count)", group.options.count < group.choose ? .warning : .header)
        case .option(_, let c):
            guard let cred = catalog.credentials[c] else { return ("  \(g.bullet) \(c) (missing)", .error) }
            let meta = cred.ects.map { " [\(ECTSFormat.text($0)) ECTS]" } ?? ""
            return ("  \(g.bullet) \(cred.title)\(meta)", cred.missingAnnexIElements.isEmpty ? .text : .warning)
        }
    }

    func drawSideBySide(_ p: Pathway, into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let n = p.stages.count
        let width = area.width / n
        for (si, s) in p.stages.enumerated() {
            let w = si == n - 1 ? area.width - width * (n - 1) : width
            let r = Rect(x: area.x + si * width, y: area.y, width: w, height: area.height)
            let current = si == stage && focus == .stages
            let level = totals?.stageLevels[si].map { " · EQF \($0.value)" } ?? ""
            let inside = buffer.box(r, title: "\(si + 1) \(s.title)\(level)", glyphs: context.glyphs,
                                    style: Style(current ? .accent : .border))
            let list = items.indices.contains(si) ? items[si] : []
            if list.isEmpty {
                buffer.paragraph("empty: a adds a credential", in: inside, style: Style(.muted))
                continue
            }
            var c = ListCursor(count: list.count)
            c.select(itemIndex.indices.contains(si) ? itemIndex[si] : 0)
            for (row, i) in c.visible(height: inside.height).enumerated() {
                let (text, role) = line(for: list[i], stage: s, context.catalog, context.glyphs)
                let selected = si == stage && i == itemIndex[si]
                buffer.writeRow(text, in: inside.row(row), style: selected ? Style(focus == .stages ? .selection : .selectionInactive) : Style(role))
            }
        }
    }

    func drawStacked(_ p: Pathway, into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let inside = buffer.box(area, title: "Stages", glyphs: context.glyphs)
        var lines: [(String, Style)] = []
        var selectedLine = 0
        for (si, s) in p.stages.enumerated() {
            let level = totals?.stageLevels[si].map { " · EQF \($0.value)" } ?? ""
            lines.append(("\(si + 1) \(s.title)\(level)", Style(si == stage ? .accent : .header, bold: true)))
            let list = items.indices.contains(si) ? items[si] : []
            if list.isEmpty { lines.append(("   empty: a adds a credential", Style(.muted))) }
            for (i, item) in list.enumerated() {
                let (text, role) = line(for: item, stage: s, context.catalog, context.glyphs)
                let selected = si == stage && i == itemIndex[si]
                if selected { selectedLine = lines.count }
                lines.append(("   " + text, selected ? Style(focus == .stages ? .selection : .selectionInactive) : Style(role)))
            }
        }
        var c = ListCursor(count: lines.count)
        c.select(selectedLine)
        for (row, i) in c.visible(height: inside.height).enumerated() {
            buffer.writeRow(lines[i].0, in: inside.row(row), style: lines[i].1)
        }
    }

    func drawFindings(into buffer: inout ScreenBuffer, area: Rect, _ g: Glyphs) {
        let e = findings.filter { $0.severity == .error }.count, w = findings.filter { $0.severity == .warning }.count
        let title = findings.isEmpty ? "Findings: none" : "Findings: \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s") (Tab to select)"
        let inside = buffer.box(area, title: title, glyphs: g, style: Style(focus == .findings ? .accent : .border))
        if findings.isEmpty {
            buffer.writeRow("\(g.check) No problems found in this pathway.", in: inside.row(0), style: Style(.ok))
            return
        }
        for (row, i) in findingsCursor.visible(height: inside.height).enumerated() {
            let f = findings[i]
            let selected = focus == .findings && i == findingsCursor.selected
            let role: Role = f.severity == .error ? .error : f.severity == .warning ? .warning : .muted
            buffer.writeRow("\(f.severity.rawValue): \(f.location): \(f.message)", in: inside.row(row), style: selected ? Style(.selection) : Style(role))
        }
    }
}
