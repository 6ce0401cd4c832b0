import PathwayModel

extension ReviewScreen {
    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let listRect: Rect, detailRect: Rect
        if area.width >= 70 {
            (listRect, detailRect) = area.splitLeft(max(30, area.width * 2 / 5))
        } else {
            (listRect, detailRect) = area.splitTop(max(5, area.height / 2))
        }
        drawList(into: &buffer, area: listRect, context)
        drawDetail(into: &buffer, area: detailRect, context)
    }

    // MARK: - The list of things

    func drawList(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        var title = onlyCommented ? "Items with comments" : "Review"
        if !filter.isEmpty { title += " matching \"\(filter)\"" }
        let inside = buffer.box(area, title: Sanitizer.clean(title), glyphs: g,
                                style: Style(focus == .subjects ? .accent : .border))
        if shown.isEmpty {
            let message = rows.allSatisfy(\.heading)
                ? "Nothing to review yet: the document is empty."
                : onlyCommented && filter.isEmpty ? "No comments yet. o shows everything; c adds a comment."
                : "Nothing matches \"\(filter)\". Esc clears the filter."
            buffer.paragraph(message, in: inside, style: Style(.muted))
            return
        }
        for (row, i) in cursor.visible(height: inside.height).enumerated() {
            let r = rows[shown[i]]
            let line = inside.row(row)
            if r.heading {
                buffer.writeRow(r.label, in: line, style: Style(.header))
                continue
            }
            let selected = i == cursor.selected
            let style = Style(selected ? (focus == .subjects ? .selection : .selectionInactive) : .text)
            let detail = detailText(r, context)
            let detailWidth = min(TextWidth.of(detail), max(0, line.width / 2))
            let (left, right) = line.splitLeft(line.width - detailWidth)
            var mark = " "
            if case .framework(let f)? = r.subject, r.hasChildren {
                mark = expanded.contains(f) || !filter.isEmpty ? String(g.expanded) : String(g.collapsed)
            }
            let indent = String(repeating: "  ", count: min(r.depth, 12))
            buffer.writeRow(" " + indent + mark + " " + r.label + " ", in: left, style: style)
            buffer.writeRow(detail, in: right, style: selected ? style : Style(detailRole(r, context)), alignRight: true)
        }
    }

    /// The review status (frameworks and pathways) and the number of comments, for the list.
    func detailText(_ r: Row, _ context: DrawContext) -> String {
        var parts: [String] = []
        if let status = reviewStatus(of: r.subject, context.catalog) { parts.append(status.label) }
        let n = r.subject.flatMap { commentsBySubject[$0]?.count } ?? 0
        if n > 0 { parts.append("\(context.glyphs.bullet)\(n)") }
        return parts.isEmpty ? "" : " " + parts.joined(separator: " ") + " "
    }

    func detailRole(_ r: Row, _ context: DrawContext) -> Role {
        switch reviewStatus(of: r.subject, context.catalog) {
        case .approved?: return .ok
        case .inReview?: return .warning
        default: return .muted
        }
    }

    func reviewStatus(of subject: CommentSubject?, _ catalog: Catalog) -> ReviewStatus? {
        switch subject {
        case .framework(let f)?: return catalog.frameworks[f]?.reviewStatus
        case .pathway(let p)?: return catalog.pathways[p]?.reviewStatus
        default: return nil
        }
    }

    // MARK: - The selected thing and its comments

    func drawDetail(into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        let g = context.glyphs
        guard let subject = selectedCommentSubject else {
            let inside = buffer.box(area, title: "Comments", glyphs: g)
            buffer.paragraph("Choose a framework, competency, credential or pathway to see its comments.",
                             in: inside, style: Style(.muted))
            return
        }
        let comments = selectedComments
        let title = "\(subject.kind.capitalisedFirst) \(subject.code) · " + Plural.count(comments.count, "comment", "comments")
        let inside = buffer.box(area, title: Sanitizer.clean(title), glyphs: g,
                                style: Style(focus == .comments ? .accent : .border))
        var y = inside.y
        func line(_ text: String, _ style: Style) {
            guard y < inside.maxY else { return }
            buffer.writeRow(text, in: Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style)
            y += 1
        }
        let about = summary(of: subject, context.catalog)
        line(about.title, Style(.title, bold: true))
        if let status = reviewStatus(of: subject, context.catalog) {
            let x = buffer.write("Review status: ", x: inside.x, y: y, style: Style(.muted), maxWidth: inside.width)
            buffer.writeRow(status.label, in: Rect(x: x, y: y, width: inside.maxX - x, height: 1),
                            style: Style(status == .approved ? .ok : status == .inReview ? .warning : .text, bold: true))
            y += 1
        }
        for text in about.lines { line(text, Style(.muted)) }
        guard y < inside.maxY else { return }
        buffer.rule(Rect(x: inside.x, y: y, width: inside.width, height: 1), glyphs: g)
        y += 1
        let room = Rect(x: inside.x, y: y, width: inside.width, height: inside.maxY - y)
        if comments.isEmpty {
            let hint = context.isReadOnly ? "No comments on this item."
                : "No comments on this item yet. Press \(context.keys.keyText(for: .addComment, on: .review)) to add one."
            buffer.paragraph(hint, in: room, style: Style(.muted))
            return
        }
        drawComments(comments, into: &buffer, area: room, context)
    }

    /// The thread: a header per comment (number, author, date), its text wrapped below. Scrolled
    /// so the selected comment shows; only the rows in view are written.
    func drawComments(_ comments: [ReviewComment], into buffer: inout ScreenBuffer, area: Rect, _ context: DrawContext) {
        guard area.height > 0, area.width > 2 else { return }
        var lines: [(text: String, style: Style)] = []
        var start = 0, end = 0
        for (i, c) in comments.enumerated() {
            let selected = i == commentCursor.selected
            if i == commentCursor.selected { start = lines.count }
            let headStyle = selected ? Style(focus == .comments ? .selection : .selectionInactive) : Style(.accent, bold: true)
            lines.append(("#\(c.id)  \(c.author) · \(c.date)", headStyle))
            for l in ReviewScreen.wrapComment(c.text, width: area.width - 2) { lines.append(("  " + l, Style(.text))) }
            if i == commentCursor.selected { end = lines.count }
            if i < comments.count - 1 { lines.append(("", Style(.text))) }
        }
        var offset = 0
        if end > area.height { offset = min(start, end - area.height) }
        for row in 0..<area.height where offset + row < lines.count {
            let l = lines[offset + row]
            buffer.writeRow(l.text, in: area.row(row), style: l.style)
        }
    }

    /// A comment's text as display lines: line breaks kept, control characters shown as
    /// placeholders before wrapping (so widths are right), very long texts cut.
    static func wrapComment(_ text: String, width: Int) -> [String] {
        let limit = 3000
        var body = text.count > limit ? String(text.prefix(limit)) + "…" : text
        body = body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitizer.clean(String($0)) }.joined(separator: "\n")
        return TextFit.wrap(body, to: max(1, width))
    }

    /// The title and a few lines that say what the thing is.
    func summary(of subject: CommentSubject, _ catalog: Catalog) -> (title: String, lines: [String]) {
        switch subject {
        case .framework(let code):
            guard let f = catalog.frameworks[code] else { return (code, ["This framework no longer exists."]) }
            var lines = ["Framework · \(f.sector.isEmpty ? "no sector" : f.sector) · version \(f.version) · \(f.language)"]
            let onCompetencies = competencyCommentsByFramework[code] ?? 0
            if onCompetencies > 0 { lines.append(Plural.count(onCompetencies, "comment", "comments") + " on its competencies") }
            return (f.title, lines)
        case .competency(let key):
            guard let c = catalog.competencies[key] else { return (key.description, ["This competency no longer exists."]) }
            let fw = catalog.frameworks[key.framework]?.title ?? key.framework
            var lines = ["Competency \(key) in \(fw)"]
            if !c.description.isEmpty { lines.append(Sanitizer.clean(c.description)) }
            return (c.title, lines)
        case .credential(let code):
            guard let c = catalog.credentials[code] else { return (code, ["This credential no longer exists."]) }
            let ects = c.ects.map { "\(ECTSFormat.text($0)) ECTS" } ?? "no ECTS"
            let eqf = c.eqfLevel.map { "EQF \($0.value)" } ?? "no EQF level"
            var lines = ["Micro-credential · \(ects) · \(eqf) · \(c.status.rawValue)"]
            if !c.awardingBody.isEmpty { lines.append("Awarded by \(c.awardingBody)") }
            return (c.title, lines)
        case .pathway(let code):
            guard let p = catalog.pathways[code] else { return (code, ["This pathway no longer exists."]) }
            var lines = ["Pathway · " + Plural.count(p.stages.count, "stage", "stages") + " · "
                         + Plural.count(p.allCredentialCodes.count, "credential", "credentials")]
            if !p.target.occupation.isEmpty { lines.append("Target: \(p.target.occupation)") }
            return (p.title, lines)
        }
    }
}

extension String {
    /// The text with its first letter in upper case ("framework" → "Framework").
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
