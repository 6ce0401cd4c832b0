import PathwayEngine
import PathwayModel

extension LearnerScreen {
    static let bindings: [Binding] = [
        Binding(["Space"], .toggleWhatIf, "what-if", "Mark the selected credential completed, or not, as a what-if (never saved)",
                scope: .screen(.learners), hint: true),
        Binding(["x"], .resetWhatIf, "reset what-if", "Forget every what-if completion and show the learner's real record",
                scope: .screen(.learners), hint: true),
        Binding(["L"], .pickLearner, "learner", "Choose the learner to preview",
                scope: .screen(.learners), hint: true),
        Binding(["p"], .pickLearnerPathway, "pathway", "Choose the pathway to preview the learner on",
                scope: .screen(.learners), hint: true),
        Binding(["Enter"], .open, "open", "Open the selected credential",
                scope: .screen(.learners), inPalette: false),
    ]

    public mutating func refresh(_ document: Document) {
        let catalog = document.catalog
        if learnerName.map({ catalog.learners[$0] == nil }) ?? true {
            learnerName = catalog.learnerList.first?.name
            whatIf = []
        }
        if pathwayCode.map({ catalog.pathways[$0] == nil }) ?? true {
            pathwayCode = learnerName.flatMap { LearnerScreen.likeliestPathway(for: $0, in: catalog) }
                ?? catalog.pathwayList.first?.code
        }
        whatIf.removeAll { catalog.credentials[$0] == nil }
        recompute(document)
    }

    /// The pathway a learner has done most of (ties: the first by code).
    static func likeliestPathway(for name: String, in catalog: Catalog) -> String? {
        guard let learner = catalog.learners[name] else { return nil }
        let done = learner.completedCodes
        var best: (code: String, count: Int)?
        for p in catalog.pathwayList {
            let n = Set(p.allCredentialCodes).intersection(done).count
            if best == nil || n > best!.count { best = (p.code, n) }
        }
        return best?.code
    }

    /// Asks the engine for the progression (with the what-if) and lays it out as rows. The
    /// engine is asked for each time, not kept (a kept one would hold an old catalog).
    mutating func recompute(_ document: Document) {
        let catalog = document.catalog
        let keep = selectedCredential?.code
        guard let name = learnerName, let learner = catalog.learners[name],
              let code = pathwayCode, let pathway = catalog.pathways[code] else {
            progression = nil
            rows = []
            cursor = ListCursor()
            return
        }
        let p = document.engineContext().progression(pathway, learner: learner, whatIf: whatIf)
        progression = p
        completedOn = Dictionary(learner.completions.map { ($0.credential, $0.date) }, uniquingKeysWith: { a, _ in a })
        rows = LearnerScreen.rows(for: p, pathway: pathway)
        cursor.setCount(rows.count)
        if let keep, let i = rows.firstIndex(where: { $0.credential.map { p.credentials[$0].code } == keep }) {
            cursor.select(i)
        } else {
            skipHeading(forward: true)
        }
    }

    /// Stage headings, elective-group headings ("choose 1 of"), and the credentials under them.
    static func rows(for p: Progression, pathway: Pathway) -> [Row] {
        var rows: [Row] = []
        var stage = -1
        var group: Int?
        for (i, c) in p.credentials.enumerated() {
            if c.stage != stage {
                stage = c.stage
                group = nil
                let title = stage < pathway.stages.count ? pathway.stages[stage].title : ""
                rows.append(Row(kind: .stage, text: "Stage \(stage + 1)" + (title.isEmpty ? "" : " · \(title)"), credential: nil))
            }
            if c.group != group {
                group = c.group
                if let g = group, stage < pathway.stages.count, g < pathway.stages[stage].electiveGroups.count {
                    let eg = pathway.stages[stage].electiveGroups[g]
                    let name = eg.title.isEmpty ? "" : "\(eg.title): "
                    rows.append(Row(kind: .group, text: "\(name)choose \(eg.choose) of \(eg.options.count)", credential: nil))
                }
            }
            rows.append(Row(kind: .credential, text: c.title, credential: i))
        }
        return rows
    }

    public mutating func handle(_ event: ScreenEvent, _ context: inout ScreenContext) {
        switch event {
        case .action(.toggleWhatIf): toggleWhatIf(&context)
        case .action(.resetWhatIf):
            guard isWhatIf else { context.status("No what-if to reset: this is the learner's real record."); return }
            whatIf = []
            recompute(context.document)
            context.status("What-if reset: showing the learner's real record.")
        case .action(.pickLearner):
            let items = context.catalog.learnerList.map {
                Picker.Item(id: $0.name, label: $0.name,
                            detail: ($0.name == learnerName ? "(shown) " : "") + Plural.count($0.completions.count, "completion", "completions"))
            }
            guard !items.isEmpty else { context.status("There are no learners in this document yet."); return }
            context.pick(Picker(tag: "learner", title: "Learner to preview", items: items))
        case .action(.pickLearnerPathway):
            let items = context.catalog.pathwayList.map {
                Picker.Item(id: $0.code, label: "\($0.title) (\($0.code))", detail: $0.code == pathwayCode ? "(shown)" : "")
            }
            guard !items.isEmpty else { context.status("There are no pathways yet: add one on the pathways screen."); return }
            context.pick(Picker(tag: "pathway", title: "Pathway to preview on", items: items))
        case .picked(tag: "learner", let name):
            chooseLearner(name, context.document)
        case .picked(tag: "pathway", let code):
            pathwayCode = code
            cursor = ListCursor()
            recompute(context.document)
        case .focus(let subject):
            switch subject {
            case .learner(let name): chooseLearner(name, context.document)
            case .pathway(let code) where context.catalog.pathways[code] != nil:
                pathwayCode = code
                cursor = ListCursor()
                recompute(context.document)
            case .credential(let code):
                if let p = progression, let i = rows.firstIndex(where: { $0.credential.map { p.credentials[$0].code } == code }) {
                    cursor.select(i)
                }
            default: break
            }
        case .action(.open):
            guard let c = selectedCredential else { return }
            context.open(.credentials, .credential(c.code))
        case .action(let a):
            if cursor.move(a, pageSize: context.pageSize) { skipHeading(forward: a != .up && a != .pageUp) }
        default: break
        }
        cursor.keepVisible(height: context.pageSize)
    }

    mutating func chooseLearner(_ name: String, _ document: Document) {
        let catalog = document.catalog
        guard catalog.learners[name] != nil else { return }
        if name != learnerName { whatIf = [] }
        learnerName = name
        if let code = LearnerScreen.likeliestPathway(for: name, in: catalog) { pathwayCode = code }
        cursor = ListCursor()
        recompute(document)
    }

    /// Adds or removes the selected credential from the what-if. Only this screen's state
    /// changes: nothing is committed, so nothing is saved.
    mutating func toggleWhatIf(_ context: inout ScreenContext) {
        guard let c = selectedCredential else { context.status("Choose a credential first."); return }
        if case .completed(assumed: false) = c.state {
            let when = completedOn[c.code].map { " on \($0)" } ?? ""
            context.status("\(c.code) is on the learner's record (completed\(when)); a what-if cannot take it back.")
            return
        }
        if let i = whatIf.firstIndex(of: c.code) {
            whatIf.remove(at: i)
            context.status("What-if: \(c.code) no longer assumed completed. Nothing is saved.")
        } else {
            whatIf.append(c.code)
            context.status("What-if: \(c.code) assumed completed. Nothing is saved; x resets.")
        }
        recompute(context.document)
    }

    mutating func skipHeading(forward: Bool) {
        guard !rows.isEmpty else { return }
        var i = cursor.selected
        while rows.indices.contains(i), rows[i].credential == nil { i += forward ? 1 : -1 }
        if !rows.indices.contains(i) {
            i = cursor.selected
            while rows.indices.contains(i), rows[i].credential == nil { i += forward ? -1 : 1 }
        }
        if rows.indices.contains(i) { cursor.select(i) }
    }
}
