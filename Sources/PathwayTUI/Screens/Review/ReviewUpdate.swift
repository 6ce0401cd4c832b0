import PathwayModel

extension ReviewScreen {
    static let bindings: [Binding] = [
        Binding(["c"], .addComment, "comment", "Add a comment on the selected item, signed with your name and dated today",
                scope: .screen(.review), hint: true, edits: true),
        Binding(["s"], .setReviewStatus, "status", "Set the review status of the selected framework or pathway (draft, in review, approved)",
                scope: .screen(.review), hint: true, edits: true),
        Binding(["d"], .deleteComment, "delete comment", "Delete the selected comment (asks first)",
                scope: .screen(.review), edits: true),
        Binding(["o"], .onlyCommented, "commented", "Show only the items that have comments, or everything again",
                scope: .screen(.review), hint: true),
        Binding(["A"], .setAuthor, "your name", "Set the name your comments are signed with while the app runs",
                scope: .screen(.review)),
        Binding(["Enter"], .open, "open", "Open the selected item on its own screen",
                scope: .screen(.review), inPalette: false),
    ]

    public mutating func refresh(_ document: Document) {
        let keep = selectedCommentSubject
        let keepComment = commentToSelect ?? selectedComment?.id
        commentToSelect = nil
        (commentsBySubject, competencyCommentsByFramework) = ReviewScreen.comments(in: document.catalog)
        updateShown(document)
        if let s = keep, !select(s) { skipHeading(forward: true) }
        if keep == nil { skipHeading(forward: true) }
        syncCommentCursor(keeping: keepComment)
    }

    public mutating func handle(_ event: ScreenEvent, _ context: inout ScreenContext) {
        switch event {
        case .action(.addComment): startComment(&context)
        case .action(.setReviewStatus): startStatus(&context)
        case .action(.deleteComment): startDelete(&context)
        case .action(.setAuthor):
            pendingSubject = nil
            context.prompt(authorPrompt)
        case .action(.onlyCommented):
            onlyCommented.toggle()
            reshow(context.document)
            context.status(onlyCommented ? "Showing only items with comments; o shows everything again."
                                         : "Showing everything.")
        case .action(.open):
            guard let s = selectedSubject else { return }
            context.open(s.screen, s)
        case .action(.nextFocus), .action(.previousFocus):
            if focus == .comments { focus = .subjects; break }
            guard !selectedComments.isEmpty else { context.status("No comments on this item yet; c adds one."); break }
            focus = .comments
        case .action(.right): expandOrEnter(&context)
        case .action(.left): collapseOrLeave(context.document)
        case .action(.findNext), .action(.findPrevious):
            guard !filter.isEmpty, !shown.isEmpty else { context.status("No filter: press / to type one."); return }
            let step = event == .action(.findNext) ? 1 : -1
            var i = cursor.selected
            for _ in 0..<shown.count {
                i = (i + step + shown.count) % shown.count
                if !rows[shown[i]].heading { cursor.select(i); break }
            }
            focus = .subjects
            syncCommentCursor(keeping: nil)
        case .action(let a):
            if focus == .comments {
                commentCursor.move(a, pageSize: context.pageSize)
            } else if cursor.move(a, pageSize: context.pageSize) {
                skipHeading(forward: a != .up && a != .pageUp)
                syncCommentCursor(keeping: nil)
            }
        case .filter(let text):
            filter = text
            reshow(context.document)
        case .submitted(tag: "author", let text):
            author = String(text.trimmingSpaces)
            if pendingSubject != nil { context.prompt(commentPrompt(context)) }
            else { context.status("Your comments are signed \(author ?? "").") }
        case .submitted(tag: "comment", let text):
            addComment(text, &context)
        case .picked(tag: "status", let id):
            setStatus(id, &context)
        case .confirmed(tag: "delete-comment"):
            guard let id = pendingComment, context.mayEdit() else { return }
            pendingComment = nil
            context.commit(ChangeSet("Delete comment #\(id)", [.removeComment(id)]))
        case .focus(let subject):
            guard let s = subject.commentSubject else { return }
            if case .competency(let k) = s { expanded.insert(k.framework) }
            updateShown(context.document)
            if !select(s) {
                onlyCommented = false
                updateShown(context.document)
                if !select(s) { context.status("\(s) is hidden by the filter; Esc clears it.") }
            }
            focus = .subjects
            syncCommentCursor(keeping: nil)
        default: break
        }
        cursor.keepVisible(height: context.pageSize)
    }

    // MARK: - Comments

    var authorPrompt: Prompt {
        Prompt(tag: "author", title: "Your name, to sign your comments (kept while the app runs)", text: author ?? "",
               validate: { $0.trimmingSpaces.isEmpty ? "Type your name or your organisation's, or Esc to cancel." : nil })
    }

    func commentPrompt(_ context: ScreenContext) -> Prompt {
        let about = pendingSubject.map { context.document.label(of: Subject(comment: $0)) } ?? ""
        return Prompt(tag: "comment", title: "Comment on \(about) as \(author ?? "")",
                      validate: { text in
                          if text.trimmingSpaces.isEmpty { return "Type the comment, or Esc to cancel." }
                          if text.count > ReviewScreen.maxCommentLength {
                              return "Keep a comment under \(ReviewScreen.maxCommentLength) characters."
                          }
                          return nil
                      })
    }

    static let maxCommentLength = 4000

    mutating func startComment(_ context: inout ScreenContext) {
        guard context.mayEdit() else { return }
        guard let subject = selectedCommentSubject else { context.status("Choose an item to comment on first."); return }
        guard context.today != nil else {
            context.status("Cannot date the comment: today's date is unknown here, so nothing was added.", .error)
            return
        }
        pendingSubject = subject
        context.prompt(author == nil ? authorPrompt : commentPrompt(context))
    }

    mutating func addComment(_ text: String, _ context: inout ScreenContext) {
        guard context.mayEdit(), let subject = pendingSubject, let author, let today = context.today else { return }
        pendingSubject = nil
        let comment = ReviewComment(id: context.catalog.nextCommentID, author: author, date: today,
                                    text: String(text.trimmingSpaces), subject: subject)
        commentToSelect = comment.id
        context.commit(ChangeSet("Comment on \(subject)", [.putComment(comment)]))
    }

    mutating func startDelete(_ context: inout ScreenContext) {
        guard context.mayEdit() else { return }
        guard let c = selectedComment else { context.status("No comment selected: Tab moves to the comments."); return }
        pendingComment = c.id
        let preview = TextFit.truncate(Sanitizer.clean(c.text), to: 40)
        context.confirm(Confirmation(tag: "delete-comment",
                                     question: "Delete comment #\(c.id) by \(c.author) (\"\(preview)\")? Undo brings it back."))
    }

    // MARK: - Review status

    mutating func startStatus(_ context: inout ScreenContext) {
        guard context.mayEdit() else { return }
        let current: ReviewStatus
        switch selectedCommentSubject {
        case .framework(let f)?:
            guard let fw = context.catalog.frameworks[f] else { return }
            current = fw.reviewStatus
        case .pathway(let p)?:
            guard let pw = context.catalog.pathways[p] else { return }
            current = pw.reviewStatus
        default:
            context.status("Only frameworks and pathways have a review status; choose one of those.")
            return
        }
        pendingSubject = selectedCommentSubject
        let items = ReviewStatus.allCases.map {
            Picker.Item(id: $0.rawValue, label: $0.label, detail: $0 == current ? "(current)" : "")
        }
        context.pick(Picker(tag: "status", title: "Review status of \(context.document.label(of: selectedSubject!))",
                            items: items))
    }

    mutating func setStatus(_ raw: String, _ context: inout ScreenContext) {
        guard context.mayEdit(), let status = ReviewStatus(rawValue: raw), let subject = pendingSubject else { return }
        pendingSubject = nil
        switch subject {
        case .framework(let f):
            guard var fw = context.catalog.frameworks[f] else { return }
            guard fw.reviewStatus != status else { context.status("Framework \(f) is already \(status.label)."); return }
            fw.reviewStatus = status
            context.commit(ChangeSet("Set framework \(f) to \(status.label)", [.putFramework(fw)]))
        case .pathway(let p):
            guard var pw = context.catalog.pathways[p] else { return }
            guard pw.reviewStatus != status else { context.status("Pathway \(p) is already \(status.label)."); return }
            pw.reviewStatus = status
            context.commit(ChangeSet("Set pathway \(p) to \(status.label)", [.putPathway(pw)]))
        default: break
        }
    }

    // MARK: - Moving

    /// Expands a framework; on anything else moves to the comments pane.
    mutating func expandOrEnter(_ context: inout ScreenContext) {
        if focus == .subjects, case .framework(let f)? = selectedCommentSubject, !expanded.contains(f),
           selectedRow?.hasChildren == true {
            expanded.insert(f)
            reshow(context.document)
        } else if focus == .subjects, !selectedComments.isEmpty {
            focus = .comments
        }
    }

    /// Leaves the comments pane; collapses a framework; from a competency goes to its framework.
    mutating func collapseOrLeave(_ document: Document) {
        if focus == .comments { focus = .subjects; return }
        guard let row = selectedRow else { return }
        if case .framework(let f)? = row.subject, expanded.contains(f) {
            expanded.remove(f)
            reshow(document)
        } else if let f = row.framework {
            select(.framework(f))
            syncCommentCursor(keeping: nil)
        }
    }

    /// Recomputes the shown rows keeping the selected item where it still shows.
    mutating func reshow(_ document: Document) {
        let keep = selectedCommentSubject
        updateShown(document)
        if let s = keep, select(s) { return }
        cursor.select(0)
        skipHeading(forward: true)
        focus = .subjects
        syncCommentCursor(keeping: nil)
    }

    /// Points the comment cursor at the same comment (or the first) of the selected item.
    mutating func syncCommentCursor(keeping id: Int?) {
        let list = selectedComments
        commentCursor = ListCursor(count: list.count)
        if let id, let i = list.firstIndex(where: { $0.id == id }) { commentCursor.select(i) }
        if list.isEmpty { focus = .subjects }
    }
}
