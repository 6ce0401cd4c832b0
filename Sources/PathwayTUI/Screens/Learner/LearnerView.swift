import PathwayEngine
import PathwayModel

extension LearnerScreen {
    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        let catalog = context.catalog
        guard let p = progression, let name = learnerName, let pathway = pathwayCode.flatMap({ catalog.pathways[$0] }) else {
            let inside = buffer.box(area, title: "Learner preview", glyphs: g)
            let message = catalog.learners.isEmpty
                ? "There are no learners in this document yet. Learners come with a project file (pathway import project) and show here with their progress."
                : "There are no pathways yet. Add one on the pathways screen to preview a learner's progress on it."
            buffer.paragraph(message, in: inside, style: Style(.muted))
            return
        }
        let (top, rest) = area.splitTop(3)
        drawSummary(p, name: name, pathway: pathway, into: &buffer, area: top, context)
        let listRect: Rect, stepsRect: Rect
        if rest.width >= 110 {
            (listRect, stepsRect) = rest.splitLeft(rest.width * 3 / 5)
        } else {
            let stepsHeight = min(8, max(4, rest.height / 3))
            (listRect, stepsRect) = rest.splitTop(rest.height - stepsHeight)
        }
        drawProgression(p, into: &buffer, area: listRect, context)
        drawNextSteps(p, into: &buffer, area: stepsRect, context)
    }

    /// Who, on what; credits, coverage and levels; and the what-if banner.
    func drawSummary(_ p: Progression, name: String, pathway: Pathway, into buffer: inout ScreenBuffer,
                     area: Rect, _ context: DrawContext) {
        let keys = context.keys
        let hint = "\(keys.keyText(for: .pickLearner, on: .learners)) learner · \(keys.keyText(for: .pickLearnerPathway, on: .learners)) pathway "
        let hintWidth = area.width >= 90 ? TextWidth.of(hint) : 0
        buffer.writeRow(" \(name) on \(pathway.title) (\(pathway.code))", in: Rect(x: area.x, y: area.y, width: area.width - hintWidth, height: 1),
                        style: Style(.title, bold: true))
        if hintWidth > 0 {
            buffer.writeRow(hint, in: Rect(x: area.maxX - hintWidth, y: area.y, width: hintWidth, height: 1), style: Style(.muted), alignRight: true)
        }
        var x = area.x
        let y = area.y + 1
        func part(_ text: String, _ role: Role, bold: Bool = false) {
            guard x < area.maxX else { return }
            x = buffer.write(text, x: x, y: y, style: Style(role, bold: bold), maxWidth: area.maxX - x)
        }
        part(" \(ECTSFormat.text(p.earnedECTS)) ECTS", .text, bold: true)
        part(" earned, \(ECTSFormat.text(p.remainingECTS)) to go", .muted)
        part(" · ", .muted)
        part("target \(p.coverage.held)/\(p.coverage.required)", p.coverage.held == p.coverage.required ? .ok : .text, bold: true)
        part(" held", .muted)
        part(" · ", .muted)
        let now = p.currentEQF.map { "EQF \($0.value)" } ?? "no EQF yet"
        let end = p.projectedEQF.map { "EQF \($0.value)" } ?? "?"
        part("\(now) \(context.glyphs.arrow) \(end)", .text, bold: true)
        if let t = pathway.target.eqfLevel { part(" (target \(t.value))", .muted) }

        let row = Rect(x: area.x, y: area.y + 2, width: area.width, height: 1)
        if isWhatIf {
            let reset = keys.keyText(for: .resetWhatIf, on: .learners)
            buffer.writeRow(" WHAT-IF, NOT SAVED: assuming \(whatIf.joined(separator: ", ")) completed · \(reset) resets",
                            in: row, style: Style(.warning, bold: true))
        } else if p.isComplete {
            buffer.writeRow(" \(context.glyphs.check) Pathway complete on the learner's record.", in: row, style: Style(.ok, bold: true))
        } else {
            let done = p.credentials.filter { $0.state.isCompleted }.count
            buffer.writeRow(" Real record: \(done) of \(p.credentials.count) credentials completed. Space tries a what-if (never saved).",
                            in: row, style: Style(.muted))
        }
    }

    func drawProgression(_ p: Progression, into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        let title = isWhatIf ? "Progression · what-if, not saved" : "Progression"
        let inside = buffer.box(area, title: title, glyphs: g, style: Style(isWhatIf ? .warning : .border))
        if rows.isEmpty {
            buffer.paragraph("This pathway has no credentials yet.", in: inside, style: Style(.muted))
            return
        }
        let codeWidth = min(14, (p.credentials.map { TextWidth.of($0.code) }.max() ?? 6) + 1)
        let visible = cursor.visible(height: inside.height)
        // One width for the state column over the rows in view, so the columns line up.
        let widest = visible.compactMap { rows[$0].credential }
            .map { TextWidth.of(describe(p.credentials[$0].state, code: p.credentials[$0].code, context).1) }.max() ?? 0
        let stateWidth = min(max(10, inside.width * 2 / 5), widest + 1)
        for (line, i) in visible.enumerated() {
            let r = rows[i]
            let rect = inside.row(line)
            switch r.kind {
            case .stage:
                buffer.writeRow(r.text, in: rect, style: Style(.header))
            case .group:
                buffer.writeRow("   " + r.text, in: rect, style: Style(.muted))
            case .credential:
                let c = p.credentials[r.credential!]
                let selected = i == cursor.selected
                let (mark, state, role) = describe(c.state, code: c.code, context)
                let ectsWidth = rect.width >= 60 ? 8 : 0
                let leftWidth = rect.width - stateWidth - ectsWidth
                let indent = c.group == nil ? " " : "   "
                let left = indent + mark + " " + TextFit.pad(c.code, to: codeWidth) + c.title + " "
                buffer.writeRow(left, in: Rect(x: rect.x, y: rect.y, width: leftWidth, height: 1),
                                style: Style(selected ? .selection : .text))
                if ectsWidth > 0 {
                    let ects = c.ects.map { "\(ECTSFormat.text($0)) ECTS " } ?? "– "
                    buffer.writeRow(ects, in: Rect(x: rect.x + leftWidth, y: rect.y, width: ectsWidth, height: 1),
                                    style: Style(selected ? .selection : .muted), alignRight: true)
                }
                buffer.writeRow(state, in: Rect(x: rect.maxX - stateWidth, y: rect.y, width: stateWidth, height: 1),
                                style: selected ? Style(.selection, bold: true) : Style(role, bold: role == .warning && isAssumed(c.state)))
            }
        }
    }

    func isAssumed(_ s: CredentialState) -> Bool {
        if case .completed(assumed: true) = s { return true }
        return false
    }

    /// A mark, a few words and a role per state, so the list reads without colour.
    func describe(_ state: CredentialState, code: String, _ context: DrawContext) -> (String, String, Role) {
        let g = context.glyphs
        switch state {
        case .completed(assumed: true): return (g.check, "done (what-if)", .warning)
        case .completed:
            return (g.check, "done" + (completedOn[code].map { " \($0)" } ?? ""), .ok)
        case .available: return (g.arrow, "available now", .accent)
        case .notChosen: return (g.leaf, "not chosen", .muted)
        case .blocked(let b):
            var needs = b.credentials
            needs += b.competencies.map { gap in
                let title = context.catalog.competencies[gap.competency]?.title ?? gap.competency.description
                return "\(title) at EQF \(gap.required.value)"
            }
            return (g.cross, "needs " + needs.joined(separator: ", "), .warning)
        }
    }

    func drawNextSteps(_ p: Progression, into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let inside = buffer.box(area, title: "Next best steps", glyphs: context.glyphs)
        var y = inside.y
        func line(_ text: String, _ style: Style) {
            guard y < inside.maxY else { return }
            buffer.writeRow(text, in: Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style)
            y += 1
        }
        if p.isComplete {
            line("Nothing left: every core credential and elective group is done.", Style(.ok))
        } else if p.next.isEmpty {
            line("Nothing can be taken now: the list shows what each credential waits for.", Style(.muted))
        }
        for (n, step) in p.next.enumerated() {
            let title = context.catalog.credentials[step.code]?.title ?? step.code
            line("\(n + 1). \(step.code) \(title)", Style(.text, bold: n == 0))
            var gains: [String] = []
            if !step.unblocks.isEmpty { gains.append("opens " + step.unblocks.joined(separator: ", ")) }
            if !step.coverageGain.isEmpty { gains.append("+" + Plural.count(step.coverageGain.count, "target competency", "target competencies")) }
            if !gains.isEmpty { line("   " + gains.joined(separator: " · "), Style(.muted)) }
        }
        guard !p.coverage.missing.isEmpty, y + 1 < inside.maxY else { return }
        line("", .text)
        line("Still missing (\(p.coverage.missing.count) of \(p.coverage.required) target competencies)", Style(.header))
        for m in p.coverage.missing {
            let title = context.catalog.competencies[m.competency]?.title ?? m.competency.description
            line(" \(context.glyphs.bullet) \(title) at EQF \(m.level.value)", Style(.muted))
        }
    }
}
