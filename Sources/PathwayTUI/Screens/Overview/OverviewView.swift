extension OverviewScreen {
    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        let catalog = context.catalog
        // Summary on the left when there is room, above the list otherwise.
        let wide = area.width >= 90
        let summaryRect: Rect, listRect: Rect
        if wide {
            (summaryRect, listRect) = area.splitLeft(32)
        } else {
            (summaryRect, listRect) = area.splitTop(5)
        }
        var summaryBox = summaryRect
        if wide { summaryBox.height = min(summaryRect.height, 10) }
        let inside = buffer.box(summaryBox, title: "Document", glyphs: g)
        if wide && summaryRect.height > 14 {
            let problems = Rect(x: summaryRect.x, y: summaryRect.y + 10, width: summaryRect.width, height: summaryRect.height - 10)
            drawProblems(into: &buffer, area: problems, context)
        }
        let doc = context.document
        let counts: [(String, Int, Role)] = [
            ("Frameworks", catalog.frameworks.count, .text),
            ("Competencies", catalog.competencies.count, .text),
            ("Micro-credentials", catalog.credentials.count, .text),
            ("Pathways", catalog.pathways.count, .text),
            ("Learners", catalog.learners.count, .text),
            ("Review comments", catalog.comments.count, .text),
            ("Errors", doc.errorCount, doc.errorCount > 0 ? .error : .ok),
            ("Warnings", doc.warningCount, doc.warningCount > 0 ? .warning : .ok),
        ]
        // Until every part is checked the totals are partial: say so instead.
        func figure(_ i: Int, _ n: Int) -> String { i >= 6 && !doc.isChecked ? "…" : String(n) }
        if wide {
            for (i, (label, n, role)) in counts.enumerated() where i < inside.height {
                buffer.writeRow(TextFit.pad(label, to: inside.width - 8) + TextFit.pad(figure(i, n), to: 8, alignRight: true),
                                in: inside.row(i), style: Style(i >= 6 && !doc.isChecked ? .muted : role))
            }
        } else {
            // Three columns of counts in three rows.
            let col = max(1, inside.width / 3)
            for (i, (label, n, role)) in counts.enumerated() {
                let r = Rect(x: inside.x + (i / 3) * col, y: inside.y + i % 3, width: col - 1, height: 1)
                guard r.maxY <= inside.maxY, r.x + r.width <= inside.maxX + 1 else { continue }
                buffer.writeRow(TextFit.pad(label, to: max(0, r.width - 7)) + TextFit.pad(figure(i, n), to: 6, alignRight: true),
                                in: r, style: Style(i >= 6 && !doc.isChecked ? .muted : role))
            }
        }
        let list = buffer.box(listRect, title: filter.isEmpty ? "Contents" : "Contents matching \"\(filter)\"", glyphs: g)
        if shown.isEmpty {
            let message = rows.allSatisfy(\.heading) && filter.isEmpty
                ? "The document is empty. Press : and import a framework, or 2 to start a competency map."
                : "Nothing matches \"\(filter)\". Esc clears the filter."
            buffer.paragraph(message, in: list, style: Style(.muted))
            return
        }
        let detailWidth = min(33, list.width / 2)
        for (row, i) in cursor.visible(height: list.height).enumerated() {
            let r = rows[shown[i]]
            let line = list.row(row)
            if r.heading {
                buffer.writeRow(r.label, in: line, style: Style(.header))
                continue
            }
            let selected = i == cursor.selected
            let (left, right) = line.splitLeft(min(line.width - detailWidth, 64))
            buffer.writeRow("  " + r.label + " ", in: left, style: Style(selected ? .selection : .text))
            buffer.writeRow(r.detail, in: right, style: Style(selected ? .selection : .muted))
        }
    }

    /// The first findings, most serious first, beside the summary on wide terminals.
    func drawProblems(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let inside = buffer.box(area, title: "Problems", glyphs: context.glyphs)
        let findings = problems
        if !context.document.isChecked {
            buffer.writeRow("Checking… \(Int(context.document.checkProgress * 100))%", in: inside.row(0), style: Style(.muted))
            return
        }
        if findings.isEmpty {
            buffer.writeRow("No problems found.", in: inside.row(0), style: Style(.ok))
            return
        }
        var y = inside.y
        for f in findings {
            let lines = TextFit.wrap("\(f.severity.rawValue): \(f.location): \(f.message)", to: inside.width)
            if y + lines.count > inside.maxY { break }
            for l in lines {
                buffer.writeRow(l, in: Rect(x: inside.x, y: y, width: inside.width, height: 1),
                                style: Style(f.severity == .error ? .error : f.severity == .warning ? .warning : .muted))
                y += 1
            }
        }
    }
}
