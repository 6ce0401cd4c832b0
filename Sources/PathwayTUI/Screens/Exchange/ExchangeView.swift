/// Draws the import and export form, the progress box, the import summary and the backup list.
enum ExchangeView {
    static func draw(_ overlay: ExchangeOverlay, _ state: AppState, into buffer: inout ScreenBuffer) {
        switch overlay {
        case .form(let form): drawForm(form, state, &buffer)
        case .progress(let p): drawProgress(p, state, &buffer)
        case .summary(let r): drawSummary(r, state, &buffer)
        case .backups(let c): drawBackups(c, state, &buffer)
        }
    }

    // MARK: Form

    static let labelWidth = 13

    static func drawForm(_ form: ExchangeForm, _ state: AppState, _ buffer: inout ScreenBuffer) {
        let r = AppView.overlayRect(state)
        buffer.fill(r)
        let inside = buffer.box(r, title: form.title, glyphs: state.glyphs)
        var y = 0
        func label(_ text: String, _ field: ExchangeForm.Field) {
            let focused = form.focus == field
            buffer.writeRow(TextFit.pad((focused ? "▸ " : "  ").replacingArrow(state.glyphs) + text, to: labelWidth),
                            in: Rect(x: inside.x, y: inside.y + y, width: labelWidth, height: 1),
                            style: Style(focused ? .accent : .muted, bold: focused))
        }
        let valueX = inside.x + labelWidth
        let valueWidth = max(1, inside.width - labelWidth)
        func valueRow(_ dy: Int) -> Rect { Rect(x: valueX, y: inside.y + dy, width: valueWidth, height: 1) }

        // Format
        label("Format", .format)
        let formatTitle = form.mode == .importing ? form.importFormat.title : form.exportFormat.title
        let arrows = state.glyphs == .ascii ? ("< ", " >") : ("◂ ", " ▸")
        buffer.writeRow(arrows.0 + formatTitle + arrows.1 + "  (\(form.formatIndex + 1) of \(form.formatCount))",
                        in: valueRow(y), style: Style(form.focus == .format ? .input : .text))
        y += 2

        // What to export
        if form.mode == .exporting {
            let noun = ExchangeText.article(form.exportFormat.subject).split(separator: " ").last.map(String.init) ?? ""
            label(noun.prefix(1).uppercased() + noun.dropFirst(), .subject)
            if form.subjects.isEmpty {
                buffer.writeRow("The document has no \(noun)s yet.", in: valueRow(y), style: Style(.warning))
                y += 2
            } else if form.focus == .subject {
                let count = "\(form.subjectMatches.count) of \(form.subjects.count)"
                let fieldWidth = max(1, valueWidth - TextWidth.of(count) - 2)
                drawField(form.subjectQuery, placeholder: "type to search", focused: true,
                          in: Rect(x: valueX, y: inside.y + y, width: fieldWidth, height: 1), &buffer)
                buffer.writeRow(count, in: Rect(x: inside.maxX - TextWidth.of(count), y: inside.y + y, width: TextWidth.of(count), height: 1),
                                style: Style(.muted))
                y += 1
                let rows = 4
                var list = ListCursor(count: form.subjectMatches.count)
                list.select(form.subjectCursor)
                if form.subjectMatches.isEmpty {
                    buffer.writeRow("Nothing matches.", in: valueRow(y), style: Style(.muted))
                }
                for (row, i) in list.visible(height: rows).enumerated() {
                    let item = form.subjects[form.subjectMatches[i]]
                    let selected = i == form.subjectCursor
                    buffer.writeRow(" \(item.label)  \(item.detail)", in: valueRow(y + row), style: Style(selected ? .selection : .text))
                }
                y += rows + 1
            } else {
                let item = form.selectedSubject
                buffer.writeRow(item.map { "\($0.label)  \($0.detail)" } ?? "(nothing matches \"\(form.subjectQuery.text)\")",
                                in: valueRow(y), style: Style(.text))
                y += 2
            }
        }

        // File
        label("File", .path)
        drawField(form.path, placeholder: form.mode == .importing ? "path of the file to read" : "path of the file to write",
                  focused: form.focus == .path, in: valueRow(y), &buffer)
        y += 1
        if let note = form.pathNote {
            buffer.writeRow(note, in: valueRow(y), style: Style(note.hasPrefix("This file exists") ? .warning : .muted))
        }
        y += 1

        // Code
        if form.mode == .importing {
            label("Code", .code)
            drawField(form.code, placeholder: "blank: from the file, or the framework it updates",
                      focused: form.focus == .code, in: valueRow(y), &buffer)
            y += 2
        }

        // Problem, completions, keys
        let keysRow = inside.height - 1
        if let problem = form.problem {
            let lines = TextFit.wrap(problem, to: max(1, inside.width - 1), maxLines: max(1, keysRow - y - 1))
            for line in lines where y < keysRow - 1 {
                buffer.writeRow(" " + line, in: inside.row(y), style: Style(.error, bold: true))
                y += 1
            }
            y += 1
        }
        if !form.completions.isEmpty, y < keysRow - 1 {
            let names = form.completions.map(ExchangeText.fileName)
            let lines = TextFit.wrap(names.joined(separator: " · "), to: max(1, inside.width - 1), maxLines: max(1, keysRow - y - 1))
            for line in lines where y < keysRow {
                buffer.writeRow(" " + line, in: inside.row(y), style: Style(.muted))
                y += 1
            }
        }
        let verb = form.mode == .importing ? "imports" : "writes"
        let what = form.focus == .subject ? "←→ choose · type to search" : form.focus == .format ? "←→ format" : "Tab completes"
        buffer.writeRow("↑↓ field · \(what) · Enter \(verb) · Esc cancels".replacingArrows(state.glyphs),
                        in: inside.row(keysRow), style: Style(.hintKey))
    }

    static func drawField(_ field: TextField, placeholder: String, focused: Bool, in r: Rect, _ buffer: inout ScreenBuffer) {
        if field.text.isEmpty && !focused {
            buffer.writeRow(placeholder, in: r, style: Style(.muted))
            return
        }
        let (text, cursor) = field.visible(width: r.width - 1)
        buffer.write(TextFit.pad(text, to: r.width), x: r.x, y: r.y, style: Style(focused ? .input : .text))
        if field.text.isEmpty {
            buffer.write(TextFit.truncate(placeholder, to: r.width - 1), x: r.x + 1, y: r.y, style: Style(.muted))
        }
        if focused {
            buffer.write(AppView.cursorGlyph(text, cursor), x: r.x + cursor, y: r.y, style: Style(.selection))
        }
    }

    // MARK: Progress

    static func drawProgress(_ p: JobProgress, _ state: AppState, _ buffer: inout ScreenBuffer) {
        let w = min(state.width - 4, 70)
        let r = Rect(x: (state.width - w) / 2, y: max(1, state.height / 2 - 4), width: w, height: 7)
        buffer.fill(r)
        let inside = buffer.box(r, title: p.title, glyphs: state.glyphs)
        buffer.writeRow(" " + p.progress.phase, in: inside.row(0), style: Style(.text, bold: true))
        guard p.showsBar else {
            buffer.writeRow(" The screen comes back as soon as it is saved.", in: inside.row(2), style: Style(.muted))
            drawClock(p, inside, &buffer)
            return
        }
        let percent = Int((p.fraction * 100).rounded(.down))
        let label = " \(percent)%"
        let barWidth = max(1, inside.width - 2 - TextWidth.of(label))
        let filled = Int((Double(barWidth) * p.fraction).rounded(.down))
        let empty = state.glyphs == .ascii ? "-" : "░"
        buffer.write(String(repeating: state.glyphs.block, count: filled), x: inside.x + 1, y: inside.y + 1, style: Style(.accent))
        buffer.write(String(repeating: empty, count: barWidth - filled), x: inside.x + 1 + filled, y: inside.y + 1, style: Style(.muted))
        buffer.write(label, x: inside.x + 1 + barWidth, y: inside.y + 1, style: Style(.text, bold: true))
        buffer.writeRow(" " + p.progress.detail, in: inside.row(2), style: Style(.muted))
        drawClock(p, inside, &buffer)
    }

    static func drawClock(_ p: JobProgress, _ inside: Rect, _ buffer: inout ScreenBuffer) {
        let hint = p.cancelRequested ? "cancelling… " : p.job.isCancellable ? "Esc cancels " : "please wait "
        let hintWidth = TextWidth.of(hint)
        buffer.writeRow(" " + ExchangeText.seconds(p.elapsed), in: Rect(x: inside.x, y: inside.y + 4, width: inside.width - hintWidth, height: 1),
                        style: Style(.muted))
        buffer.writeRow(hint, in: Rect(x: inside.maxX - hintWidth, y: inside.y + 4, width: hintWidth, height: 1), style: Style(.hintKey))
    }

    // MARK: Summary

    static func summaryLines(_ report: ImportReport, glyphs: Glyphs) -> [(String, Role)] {
        let s = report.summary
        var lines: [(String, Role)] = []
        let verb = !report.changed ? "Already up to date:" : s.frameworkIsNew ? "Created" : "Updated"
        lines.append(("\(verb) framework \(s.framework) (\(s.frameworkTitle))", .title))
        lines.append(("\(ExchangeText.count(s.competencyCount, "competency")): \(ExchangeText.grouped(s.added)) added · "
                      + "\(ExchangeText.grouped(s.changed)) changed · \(ExchangeText.grouped(s.removed)) removed · "
                      + "\(ExchangeText.grouped(s.unchanged)) unchanged", .text))
        if s.occupationsAdded + s.occupationsChanged > 0 {
            lines.append(("Occupations: \(ExchangeText.grouped(s.occupationsAdded)) added · \(ExchangeText.grouped(s.occupationsChanged)) changed", .text))
        }
        if s.referencesMended > 0 {
            lines.append(("\(ExchangeText.count(s.referencesMended, "item")) that referred to removed competencies were updated", .warning))
        }
        func delta(_ before: Int, _ after: Int) -> String {
            after == before ? "\(after)" : "\(before) \(glyphs.arrow) \(after) (\(after > before ? "+" : "")\(after - before))"
        }
        let findings = "Findings: errors \(delta(report.errorsBefore, report.errorsAfter)) · warnings \(delta(report.warningsBefore, report.warningsAfter))"
        let worse = report.errorsAfter > report.errorsBefore
        lines.append((findings, worse ? .error : report.warningsAfter > report.warningsBefore ? .warning : .ok))
        for note in s.notes { lines.append(("Note: " + note, .muted)) }
        let files = report.files.map(ExchangeText.fileName).joined(separator: ", ")
        lines.append(("From \(files) in \(ExchangeText.seconds(report.seconds))", .muted))
        return lines
    }

    static func drawSummary(_ report: ImportReport, _ state: AppState, _ buffer: inout ScreenBuffer) {
        let w = min(state.width - 4, 76)
        let text = summaryLines(report, glyphs: state.glyphs).flatMap { line in TextFit.wrap(line.0, to: w - 4).map { ($0, line.1) } }
        let h = min(state.height - 2, text.count + 5)
        let r = Rect(x: (state.width - w) / 2, y: max(1, (state.height - h) / 2), width: w, height: h)
        buffer.fill(r)
        let title = report.changed ? "Import finished" : "Nothing to import"
        let inside = buffer.box(r, title: title, glyphs: state.glyphs, style: Style(report.changed ? .ok : .border))
        for (i, line) in text.enumerated() where i < inside.height - 2 {
            buffer.writeRow(" " + line.0, in: inside.row(i), style: Style(line.1, bold: line.1 == .title))
        }
        let undo = state.keys.keyText(for: .undo)
        let keys = report.changed ? "\(undo) undoes the whole import · Enter opens it in the map · Esc closes" : "Esc closes"
        buffer.writeRow(" " + keys, in: inside.row(inside.height - 1), style: Style(.hintKey))
    }

    // MARK: Backups

    static func drawBackups(_ chooser: BackupChooser, _ state: AppState, _ buffer: inout ScreenBuffer) {
        let r = AppView.overlayRect(state)
        buffer.fill(r)
        let inside = buffer.box(r, title: "Restore \(chooser.database) from a backup (newest first)", glyphs: state.glyphs)
        let list = Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 2)
        let dateWidth = 19
        if chooser.entries.isEmpty {
            buffer.writeRow(" No backups beside \(chooser.database) yet.", in: list.row(0), style: Style(.muted))
        }
        let offset = chooser.entries.isEmpty ? 1 : 0
        for (row, i) in chooser.cursor.visible(height: max(1, (list.height - 3) / 2)).enumerated() {
            let selected = i == chooser.cursor.selected
            let y = list.y + offset + row * 2
            guard chooser.entries.indices.contains(i) else {
                buffer.writeRow(" Another file… (type the path of a backup kept elsewhere)",
                                in: Rect(x: list.x, y: y, width: list.width, height: 1), style: Style(selected ? .selection : .text, bold: selected))
                continue
            }
            let e = chooser.entries[i]
            buffer.writeRow(" " + TextFit.pad(e.date, to: dateWidth) + " " + e.name,
                            in: Rect(x: list.x, y: y, width: list.width, height: 1), style: Style(selected ? .selection : .text, bold: selected))
            buffer.writeRow(String(repeating: " ", count: dateWidth + 2) + e.counts,
                            in: Rect(x: list.x, y: y + 1, width: list.width, height: 1), style: Style(selected ? .selection : .muted))
        }
        if let field = chooser.typing {
            buffer.writeRow(" File:", in: inside.row(inside.height - 3), style: Style(.accent, bold: true))
            drawField(field, placeholder: "path of the backup file", focused: true,
                      in: Rect(x: inside.x + 7, y: inside.y + inside.height - 3, width: inside.width - 8, height: 1), &buffer)
            if let note = chooser.typingNote {
                buffer.writeRow(" " + note, in: inside.row(inside.height - 2), style: Style(.muted))
            }
            buffer.writeRow(" Tab completes · Enter chooses (asks first) · Esc back to the list",
                            in: inside.row(inside.height - 1), style: Style(.hintKey))
        } else {
            buffer.writeRow(" ↑↓ choose · Enter restores (asks first) · Esc closes".replacingArrows(state.glyphs),
                            in: inside.row(inside.height - 1), style: Style(.hintKey))
        }
        guard let entry = chooser.confirming else { return }
        let question = "Replace everything in \(chooser.database) with the backup of \(entry.date) (\(entry.name): \(entry.counts))? "
            + "The current content is first kept beside it as a safety backup; undo history is cleared."
        let w = min(state.width - 4, 72)
        let lines = TextFit.wrap(question, to: w - 4)
        let box = Rect(x: (state.width - w) / 2, y: max(1, state.height / 2 - 3), width: w, height: lines.count + 4)
        buffer.fill(box)
        let confirm = buffer.box(box, title: "Restore from backup?", glyphs: state.glyphs, style: Style(.warning))
        for (i, l) in lines.enumerated() { buffer.writeRow(" " + l, in: confirm.row(i), style: Style(.text, bold: true)) }
        buffer.writeRow(" y restore · n back to the list", in: confirm.row(confirm.height - 1), style: Style(.hintKey))
    }
}

private extension String {
    /// ASCII arrows under `--ascii`.
    func replacingArrows(_ glyphs: Glyphs) -> String {
        guard glyphs == .ascii else { return self }
        return replacing("↑↓", with: "Up/Down").replacing("←→", with: "Left/Right")
    }

    func replacingArrow(_ glyphs: Glyphs) -> String {
        glyphs == .ascii ? replacing("▸", with: ">") : self
    }
}
