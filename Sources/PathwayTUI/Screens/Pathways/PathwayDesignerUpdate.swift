import PathwayModel

extension PathwayDesignerScreen {
    static let bindings: [Binding] = {
        let s = BindingScope.screen(.pathways)
        return [
            Binding(["a", "F5"], .pathAddCredential, "add", "Add a credential to the selected stage (or elective group)", scope: s, hint: true, edits: true),
            Binding(["d", "Del", "F8"], .pathRemove, "remove", "Remove the selected credential from the pathway (or an empty stage or group)", scope: s, hint: true, edits: true),
            Binding(["H", "<"], .pathMoveEarlier, "earlier", "Move the selected credential to the stage before", scope: s, hint: true, edits: true),
            Binding(["L", ">"], .pathMoveLater, "later", "Move the selected credential to the stage after", scope: s, hint: true, edits: true),
            Binding(["K"], .pathMoveUp, "move up", "Move the selected credential up within its stage", scope: s, edits: true),
            Binding(["J"], .pathMoveDown, "move down", "Move the selected credential down within its stage", scope: s, edits: true),
            Binding(["S"], .pathAddStage, "add stage", "Add a stage after the selected one", scope: s, edits: true),
            Binding(["E"], .pathAddGroup, "elective group", "Add an elective group (choose N of …) to the selected stage", scope: s, edits: true),
            Binding(["r"], .pathRename, "rename", "Rename the selected stage or elective group", scope: s, edits: true),
            Binding(["p"], .pathChoose, "pathway", "Choose the pathway to design", scope: s, hint: true),
            Binding(["P"], .pathNew, "new pathway", "Create a new pathway", scope: s, edits: true),
        ]
    }()

    public mutating func refresh(_ document: Document) {
        let catalog = document.catalog
        if pathway == nil || catalog.pathways[pathway!] == nil { pathway = catalog.pathwayList.first?.code; stage = 0; itemIndex = [] }
        guard let code = pathway, let p = catalog.pathways[code] else {
            items = []; totals = nil; findings = []; return
        }
        let keep = pendingSelection ?? selectedCredential
        pendingSelection = nil
        items = p.stages.map { s in
            var list: [Item] = s.core.map(Item.core)
            for (gi, g) in s.electiveGroups.enumerated() {
                list.append(.group(gi))
                list += g.options.map { Item.option(gi, $0) }
            }
            return list
        }
        itemIndex = items.indices.map { i in itemIndex.indices.contains(i) ? min(itemIndex[i], max(0, items[i].count - 1)) : 0 }
        stage = max(0, min(stage, items.count - 1))
        if let keep {
            for (si, list) in items.enumerated() {
                if let ii = list.firstIndex(where: { $0 == .core(keep) || { if case .option(_, let c) = $0 { return c == keep }; return false }($0) }) {
                    stage = si; itemIndex[si] = ii
                }
            }
        }
        totals = PathwayTotals(p, catalog)
        findings = PathwayTotals.findings(for: p, in: document)
        findingsCursor.setCount(findings.count)
    }

    public mutating func handle(_ event: ScreenEvent, _ context: inout ScreenContext) {
        switch event {
        case .focus(.pathway(let code)):
            pathway = code; stage = 0; itemIndex = []
            refresh(context.document)
        case .action(let a): handle(a, &context)
        case .submitted(let tag, let text): submitted(tag, text, &context)
        case .picked(tag: "pathway.choose", let code):
            pathway = code; stage = 0; itemIndex = []; focus = .stages
            refresh(context.document)
        case .picked(tag: "pathway.add", let code):
            add(code, &context)
        case .filter(let text):
            filter = text
            // Jump to the first credential whose code or title matches.
            if !text.isEmpty { findMatch(from: -1, step: 1, context.catalog) }
        default: break
        }
        findingsCursor.keepVisible(height: 4)
    }

    func currentPathway(_ catalog: Catalog) -> Pathway? { pathway.flatMap { catalog.pathways[$0] } }

    mutating func handle(_ action: Action, _ context: inout ScreenContext) {
        let catalog = context.catalog
        if focus == .findings {
            switch action {
            case .nextFocus, .previousFocus, .cancel: focus = .stages
            case .open:
                guard findings.indices.contains(findingsCursor.selected), let s = findings[findingsCursor.selected].subject else { return }
                context.open(s.screen, s)
            default:
                findingsCursor.move(action, pageSize: 4)
            }
            return
        }
        switch action {
        case .nextFocus, .previousFocus:
            if findings.isEmpty { context.status("No findings: nothing to look at."); return }
            focus = .findings
        case .left: if stage > 0 { stage -= 1 }
        case .right: if stage + 1 < items.count { stage += 1 }
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            guard items.indices.contains(stage) else { return }
            var c = ListCursor(count: items[stage].count)
            c.select(itemIndex[stage])
            c.move(action, pageSize: context.pageSize)
            itemIndex[stage] = c.selected
        case .open:
            if let code = selectedCredential { context.open(.credentials, .credential(code)) }
        case .findNext, .findPrevious:
            guard !filter.isEmpty else { context.status("No filter: press / to type one."); return }
            findMatch(from: flatPosition, step: action == .findNext ? 1 : -1, catalog)
        case .pathChoose:
            let list = catalog.pathwayList.map { Picker.Item(id: $0.code, label: $0.title, detail: $0.code) }
            guard !list.isEmpty else { context.status("No pathway yet: press P to create one."); return }
            context.pick(Picker(tag: "pathway.choose", title: "Pathway", items: list))
        case .pathNew:
            context.prompt(Prompt(tag: "pathway.code", title: "Code of the new pathway", validate: { [pathways = catalog.pathways] t in
                if let p = Codes.problem(with: t) { return "Not usable: \(p)." }
                return pathways[t] == nil ? nil : "\(t) exists already."
            }))
        default:
            guard let p = currentPathway(catalog) else { context.status("No pathway yet: press P to create one."); return }
            edit(action, p, &context)
        }
    }

    mutating func edit(_ action: Action, _ p: Pathway, _ context: inout ScreenContext) {
        let catalog = context.catalog
        var copy = p
        switch action {
        case .pathAddCredential:
            if p.stages.isEmpty {
                context.status("Add a stage first: press S."); return
            }
            let used = Set(p.allCredentialCodes)
            let list = catalog.credentialList.filter { !used.contains($0.code) }
                .map { Picker.Item(id: $0.code, label: $0.title, detail: $0.code + ($0.ects.map { " · \(ECTSFormat.text($0)) ECTS" } ?? "")) }
            guard !list.isEmpty else { context.status("Every credential is in this pathway already; add one on screen 3."); return }
            context.pick(Picker(tag: "pathway.add", title: "Add to stage \(stage + 1) \"\(p.stages[stage].title)\"", items: list))
        case .pathRemove:
            switch selectedItem {
            case .core(let c)?:
                copy.stages[stage].core.removeAll { $0 == c }
                context.commit(ChangeSet("Remove \(c) from \(p.code)", [.putPathway(copy)]))
            case .option(let g, let c)?:
                copy.stages[stage].electiveGroups[g].options.removeAll { $0 == c }
                context.commit(ChangeSet("Remove \(c) from \(p.code)", [.putPathway(copy)]))
            case .group(let g)?:
                guard p.stages[stage].electiveGroups[g].options.isEmpty else { context.status("Remove the group's credentials first."); return }
                copy.stages[stage].electiveGroups.remove(at: g)
                context.commit(ChangeSet("Remove elective group from \(p.code)", [.putPathway(copy)]))
            case nil:
                guard p.stages.indices.contains(stage), p.stages[stage].isEmpty else { return }
                copy.stages.remove(at: stage)
                context.commit(ChangeSet("Remove stage \(stage + 1) of \(p.code)", [.putPathway(copy)]))
            }
        case .pathMoveEarlier, .pathMoveLater:
            guard let c = selectedCredential else { context.status("Select a credential to move."); return }
            let target = stage + (action == .pathMoveEarlier ? -1 : 1)
            guard copy.stages.indices.contains(target) else {
                context.status(action == .pathMoveEarlier ? "Already in the first stage." : "Already in the last stage; S adds a stage."); return
            }
            if case .option(let g, _)? = selectedItem { copy.stages[stage].electiveGroups[g].options.removeAll { $0 == c } }
            else { copy.stages[stage].core.removeAll { $0 == c } }
            copy.stages[target].core.append(c)
            context.commit(ChangeSet("Move \(c) to stage \(target + 1) of \(p.code)", [.putPathway(copy)]))
            stage = target
            pendingSelection = c
        case .pathMoveUp, .pathMoveDown:
            guard case .core(let c)? = selectedItem, let i = p.stages[stage].core.firstIndex(of: c) else { return }
            let j = i + (action == .pathMoveUp ? -1 : 1)
            guard p.stages[stage].core.indices.contains(j) else { return }
            copy.stages[stage].core.swapAt(i, j)
            context.commit(ChangeSet("Reorder stage \(stage + 1) of \(p.code)", [.putPathway(copy)]))
            pendingSelection = c
        case .pathAddStage:
            context.prompt(Prompt(tag: "pathway.stage", title: "Title of the new stage", text: "Stage \(p.stages.count + 1)",
                                  validate: { $0.trimmingSpaces.isEmpty ? "Type a title." : nil }))
        case .pathAddGroup:
            guard !p.stages.isEmpty else { context.status("Add a stage first: press S."); return }
            context.prompt(Prompt(tag: "pathway.group-title", title: "Title of the elective group", text: "Electives",
                                  validate: { $0.trimmingSpaces.isEmpty ? "Type a title." : nil }))
        case .pathRename:
            guard p.stages.indices.contains(stage) else { return }
            if case .group(let g)? = selectedItem {
                context.prompt(Prompt(tag: "pathway.rename-group.\(g)", title: "Title of the elective group", text: p.stages[stage].electiveGroups[g].title))
            } else {
                context.prompt(Prompt(tag: "pathway.rename-stage", title: "Title of stage \(stage + 1)", text: p.stages[stage].title,
                                      validate: { $0.trimmingSpaces.isEmpty ? "Type a title." : nil }))
            }
        default:
            break
        }
    }

    mutating func add(_ code: String, _ context: inout ScreenContext) {
        guard var p = currentPathway(context.catalog), p.stages.indices.contains(stage) else { return }
        switch selectedItem {
        case .group(let g)?, .option(let g, _)?: p.stages[stage].electiveGroups[g].options.append(code)
        default: p.stages[stage].core.append(code)
        }
        context.commit(ChangeSet("Add \(code) to \(p.code)", [.putPathway(p)]))
        pendingSelection = code
    }

    mutating func submitted(_ tag: String, _ text: String, _ context: inout ScreenContext) {
        let t = String(text.trimmingSpaces)
        if tag == "pathway.code" {
            pendingCode = t
            context.prompt(Prompt(tag: "pathway.title", title: "Title of pathway \(t)", validate: { $0.trimmingSpaces.isEmpty ? "Type a title." : nil }))
            return
        }
        if tag == "pathway.title", let code = pendingCode {
            pendingCode = nil
            let p = Pathway(code: code, title: t, stages: [Stage(title: "Stage 1")])
            context.commit(ChangeSet("Add pathway \(code)", [.putPathway(p)]))
            pathway = code; stage = 0; itemIndex = []
            return
        }
        guard var p = currentPathway(context.catalog) else { return }
        switch tag {
        case "pathway.stage":
            let at = p.stages.isEmpty ? 0 : stage + 1
            p.stages.insert(Stage(title: t), at: at)
            context.commit(ChangeSet("Add stage \(t) to \(p.code)", [.putPathway(p)]))
            stage = at
            itemIndex.insert(0, at: min(at, itemIndex.count))
        case "pathway.group-title":
            pendingGroupTitle = t
            context.prompt(Prompt(tag: "pathway.group-choose", title: "How many of \"\(t)\" must a learner choose?", text: "1",
                                  validate: { Int($0.trimmingSpaces).map { $0 >= 1 } == true ? nil : "Type a whole number, 1 or more." }))
        case "pathway.group-choose":
            guard let title = pendingGroupTitle, let n = Int(t), p.stages.indices.contains(stage) else { return }
            pendingGroupTitle = nil
            p.stages[stage].electiveGroups.append(ElectiveGroup(title: title, choose: n, options: []))
            context.commit(ChangeSet("Add elective group \(title) to \(p.code)", [.putPathway(p)]))
        case "pathway.rename-stage":
            guard p.stages.indices.contains(stage) else { return }
            p.stages[stage].title = t
            context.commit(ChangeSet("Rename stage \(stage + 1) of \(p.code)", [.putPathway(p)]))
        default:
            if tag.hasPrefix("pathway.rename-group."), let g = Int(tag.split(separator: ".").last!),
               p.stages.indices.contains(stage), p.stages[stage].electiveGroups.indices.contains(g) {
                p.stages[stage].electiveGroups[g].title = t
                context.commit(ChangeSet("Rename elective group of \(p.code)", [.putPathway(p)]))
            }
        }
    }

    /// The selection as one position across all stages (for n/N).
    var flatPosition: Int {
        items.prefix(stage).reduce(0) { $0 + $1.count } + (itemIndex.indices.contains(stage) ? itemIndex[stage] : 0)
    }

    mutating func findMatch(from start: Int, step: Int, _ catalog: Catalog) {
        let flat = items.enumerated().flatMap { si, list in list.indices.map { (si, $0) } }
        guard !flat.isEmpty else { return }
        let q = filter.lowercased()
        var i = start
        for _ in 0..<flat.count {
            i = (i + step + flat.count) % flat.count
            let (si, ii) = flat[i]
            let code: String
            switch items[si][ii] {
            case .core(let c), .option(_, let c): code = c
            case .group: continue
            }
            let title = catalog.credentials[code]?.title ?? ""
            if (code + " " + title).lowercased().contains(q) { stage = si; itemIndex[si] = ii; return }
        }
    }
}
