import PathwayModel

extension CompetencyMapScreen {
    static let bindings: [Binding] = {
        let s = BindingScope.screen(.competencyMap)
        return [
            Binding(["a"], .mapAddChild, "add child", "Add a competency under the selected one", scope: s, hint: true, edits: true),
            Binding(["s"], .mapAddSibling, "add sibling", "Add a competency after the selected one, at the same level", scope: s, edits: true),
            Binding(["e"], .mapEditTitle, "edit", "Edit the title of the selected competency", scope: s, hint: true, edits: true),
            Binding(["D"], .mapEditDescription, "description", "Edit the description of the selected competency", scope: s, edits: true),
            Binding(["t"], .mapCycleType, "type", "Change the type: knowledge, skill/competence, transversal", scope: s, edits: true),
            Binding(["d", "Del", "F8"], .mapDelete, "delete", "Delete the selected competency and everything below it (asks first)", scope: s, hint: true, edits: true),
            Binding(["K"], .mapMoveUp, "move up", "Move the selected competency up among its siblings", scope: s, edits: true),
            Binding(["J"], .mapMoveDown, "move down", "Move the selected competency down among its siblings", scope: s, edits: true),
            Binding([">"], .mapIndent, "indent", "Make the selected competency a child of the one above it", scope: s, edits: true),
            Binding(["<"], .mapOutdent, "outdent", "Move the selected competency up one level, after its parent", scope: s, edits: true),
            Binding(["f"], .mapChooseFramework, "framework", "Choose the framework to show", scope: s, hint: true),
            Binding(["F"], .mapNewFramework, "new framework", "Create a new, empty framework", scope: s, edits: true),
            Binding(["+"], .mapExpandAll, "expand all", "Expand every branch", scope: s),
            Binding(["-"], .mapCollapseAll, "collapse all", "Collapse every branch", scope: s),
        ]
    }()

    public mutating func refresh(_ document: Document) {
        let catalog = document.catalog
        chooseFramework(catalog)
        // Findings are not shown here: a new version that only finished checking changes nothing.
        if isUpToDate(document) { return }
        let selectedCode = pendingSelection ?? self.selectedCode
        pendingSelection = nil
        filterCache = FilterCache()
        searchText = MapSearchText()
        // Edits that leave the outline as it is (renaming, describing, retyping a competency;
        // anything outside the framework) keep it; only the search text is made again.
        if !keepsOutline(document) {
            outline = finishOutline(document)
            outlineBuilds += 1
        }
        pending = nil
        builtFramework = framework
        seenVersion = document.catalogVersion
        rebuildRows(keeping: selectedCode, catalog)
    }

    /// Shows the first framework when none is chosen or the chosen one is gone.
    mutating func chooseFramework(_ catalog: Catalog) {
        if framework == nil || catalog.frameworks[framework!] == nil {
            framework = catalog.frameworkList.first?.code
            expanded = []
        }
    }

    /// Whether the outline and rows are those of this document's catalog.
    func isUpToDate(_ document: Document) -> Bool {
        pending == nil && seenVersion == document.catalogVersion && builtFramework == framework
    }

    /// Whether the outline built last (with its coverage) still holds after the changes since.
    func keepsOutline(_ document: Document) -> Bool {
        builtFramework == framework && framework != nil && coverage == nil
            && document.changes(since: seenVersion).map { MapOutline.isUnchanged(by: $0, framework: framework!) } == true
    }

    /// The outline of the document's catalog: the one being built between keys, finished, when
    /// it reads this catalog version and framework, else one built now. At scale, one built now
    /// comes without coverage, left to `coverage` to read between keys.
    mutating func finishOutline(_ document: Document) -> MapOutline {
        let fw = framework ?? ""
        var builder = MapOutlineBuilder(framework: fw)
        if let p = pending, p.version == document.catalogVersion, p.builder.framework == fw { builder = p.builder }
        pending = nil
        coverage = nil
        guard document.catalog.credentials.count >= Self.deferCoverageFrom else { return builder.finish(document.catalog) }
        let outline = builder.finishOutline(document.catalog)
        if !builder.isFinished { coverage = builder }
        return outline
    }

    /// Reads more of the coverage while `keepGoing` says so; true once the outline has it.
    mutating func coverSome(_ document: Document, while keepGoing: () -> Bool) -> Bool {
        guard coverage != nil else { return false }
        repeat {
            coverage!.step(document.catalog)
        } while !coverage!.isFinished && keepGoing()
        guard coverage!.isFinished else { return false }
        outline = coverage!.outline
        coverage = nil
        return true
    }

    public func needsPreparing(_ document: Document) -> Bool {
        let catalog = document.catalog
        let fw = framework.flatMap { catalog.frameworks[$0] == nil ? nil : $0 } ?? catalog.frameworkList.first?.code
        return fw != framework || !isUpToDate(document)
    }

    /// Builds the outline a step at a time (at least one step), and makes the rows once it is
    /// done. An edit meanwhile starts it again (unless it keeps the outline built before).
    public mutating func prepareSome(_ document: Document, while keepGoing: () -> Bool) {
        chooseFramework(document.catalog)
        guard !isUpToDate(document) else { return }
        if !keepsOutline(document) {
            let fw = framework ?? ""
            if pending == nil || pending!.version != document.catalogVersion || pending!.builder.framework != fw {
                pending = (MapOutlineBuilder(framework: fw), document.catalogVersion)
            }
            repeat {
                pending!.builder.step(document.catalog)
            } while !pending!.builder.isFinished && keepGoing()
            guard pending!.builder.isFinished else { return }
        }
        refresh(document)
    }

    /// Adds the search text of more nodes, 256 at a time, while `keepGoing` says so.
    mutating func indexSome(_ catalog: Catalog, while keepGoing: () -> Bool) {
        let competencies = catalog.competencies
        if searchText.count == 0 { searchText = MapSearchText(capacity: outline.count) }
        repeat {
            let end = min(outline.count, searchText.count + 256)
            for i in searchText.count..<end {
                let key = outline.keys[i]
                if let slot = competencies.index(forKey: key) {
                    searchText.append(title: competencies.values[slot].title,
                                      description: competencies.values[slot].description, code: key.code)
                } else {
                    searchText.append(title: "", description: "", code: key.code)
                }
            }
        } while searchText.count < outline.count && keepGoing()
    }

    public var hasBackgroundWork: Bool { pending != nil || coverage != nil || searchText.count < outline.count }

    /// The coverage marks first (drawn as soon as they are read), then the search text.
    public mutating func doBackgroundWork(_ document: Document, while keepGoing: () -> Bool) -> Bool {
        if pending != nil {
            prepareSome(document, while: keepGoing)
            if pending != nil || !keepGoing() { return false }
        }
        if coverage != nil { return coverSome(document, while: keepGoing) }
        indexSome(document.catalog, while: keepGoing)
        return false
    }

    /// Recomputes the visible rows after expanding, collapsing, filtering or a change.
    mutating func rebuildRows(keeping code: String?, _ catalog: Catalog) {
        let words = filter.lowercased().split(separator: " ").map { Array($0.utf8) }
        if words.isEmpty {
            matchFlags = []
            matchCount = 0
            rows = outline.visibleRows(expanded: expanded)
        } else {
            if hasBackgroundWork { indexSome(catalog, while: { true }) }
            let hits = filterCache.matches(words, in: searchText)
            var keep = [Bool](repeating: false, count: outline.count)
            for i in hits {
                var j = i
                while j >= 0 && !keep[j] { keep[j] = true; j = Int(outline.parents[j]) }
            }
            var flags = [Bool](repeating: false, count: outline.count)
            for i in hits { flags[i] = true }
            matchFlags = flags
            matchCount = hits.count
            rows = outline.indices.filter { keep[$0] }
        }
        cursor.setCount(rows.count)
        if let code, let i = row(of: code) { cursor.select(i) }
    }

    public mutating func handle(_ event: ScreenEvent, _ context: inout ScreenContext) {
        switch event {
        case .filter(let text):
            filter = text
            rebuildRows(keeping: selectedCode, context.catalog)
            if !filter.isEmpty, let first = rows.indices.first(where: isMatch(row:)),
               !(rows.indices.contains(cursor.selected) && isMatch(row: cursor.selected)) {
                cursor.select(first)
            }
        case .focus(let subject):
            focus(subject, context.document)
        case .action(let action):
            handle(action, &context)
        case .submitted(let tag, let text):
            submitted(tag, text, &context)
        case .confirmed(tag: "map.delete"):
            guard let n = selectedCompetency(in: context.catalog) else { return }
            context.commit(context.catalog.deletion(ofCompetency: n.key))
        case .picked(tag: "map.framework", let code):
            framework = code
            expanded = []
            filter = ""
            refresh(context.document)
            cursor.select(0)
        default: break
        }
        cursor.keepVisible(height: context.pageSize)
    }

    mutating func focus(_ subject: Subject, _ document: Document) {
        switch subject {
        case .framework(let f):
            framework = f
            refresh(document)
            cursor.select(0)
        case .competency(let f, let code):
            if framework != f { framework = f; expanded = []; refresh(document) }
            if let i = outline.index(of: code) {
                for a in outline.ancestry(of: i).dropLast() { expanded.insert(outline.codes[a]) }
            }
            rebuildRows(keeping: code, document.catalog)
        default: break
        }
    }

    mutating func handle(_ action: Action, _ context: inout ScreenContext) {
        let selected = selectedIndex
        let catalog = context.catalog
        let node = selectedCompetency(in: catalog)
        switch action {
        case .right, .open:
            guard let i = selected else { return }
            let code = outline.codes[i]
            guard outline.hasChildren(i), filter.isEmpty else { return }
            if !expanded.contains(code) {
                expanded.insert(code)
                rebuildRows(keeping: code, catalog)
            } else if action == .open {
                expanded.remove(code)
                rebuildRows(keeping: code, catalog)
            } else {
                cursor.select(cursor.selected + 1)
            }
        case .left:
            guard let i = selected else { return }
            let code = outline.codes[i]
            if expanded.contains(code) && filter.isEmpty {
                expanded.remove(code)
                rebuildRows(keeping: code, catalog)
            } else if outline.parents[i] >= 0, let r = rows.firstIndex(of: Int(outline.parents[i])) {
                cursor.select(r)
            }
        case .mapExpandAll:
            let o = outline
            expanded = Set(o.indices.filter { o.hasChildren($0) }.map { o.codes[$0] })
            rebuildRows(keeping: selected.map { outline.codes[$0] }, catalog)
        case .mapCollapseAll:
            expanded = []
            rebuildRows(keeping: selected.map { outline.codes[outline.ancestry(of: $0).first ?? $0] }, catalog)
        case .findNext, .findPrevious:
            guard matchCount > 0 else { context.status(filter.isEmpty ? "No filter: press / to type one." : "Nothing matches \"\(filter)\"."); return }
            let step = action == .findNext ? 1 : -1
            var i = cursor.selected
            for _ in 0..<rows.count {
                i = (i + step + rows.count) % rows.count
                if isMatch(row: i) { cursor.select(i); break }
            }
        case .mapChooseFramework:
            let items = context.catalog.frameworkList.map {
                Picker.Item(id: $0.code, label: $0.title, detail: "\($0.code) · \($0.sector)")
            }
            guard !items.isEmpty else { context.status("There is no framework yet: press F to create one."); return }
            context.pick(Picker(tag: "map.framework", title: "Framework", items: items))
        case .mapNewFramework:
            context.prompt(Prompt(tag: "map.framework-code", title: "Code of the new framework (letters, digits, - _ .)",
                                  validate: { [frameworks = context.catalog.frameworks] text in
                                      if let p = Codes.problem(with: text) { return "Not usable: \(p)." }
                                      return frameworks[text] == nil ? nil : "A framework with code \(text) exists already."
                                  }))
        case .mapAddChild, .mapAddSibling:
            guard framework != nil else { context.status("Create a framework first: press F."); return }
            let title = action == .mapAddChild && node != nil ? "Title of the new competency under \"\(node!.title)\"" : "Title of the new competency"
            context.prompt(Prompt(tag: action.rawValue, title: title, validate: CompetencyMapScreen.titleProblem))
        case .mapEditTitle:
            guard let n = node else { return }
            context.prompt(Prompt(tag: "map.edit-title", title: "Title of \(n.code)", text: n.title,
                                  validate: CompetencyMapScreen.titleProblem))
        case .mapEditDescription:
            guard let n = node else { return }
            context.prompt(Prompt(tag: "map.edit-description", title: "Description of \(n.code)", text: n.description))
        case .mapCycleType:
            guard var c = node else { return }
            let all = CompetencyType.allCases
            c.type = all[((all.firstIndex(of: c.type) ?? 0) + 1) % all.count]
            context.commit(ChangeSet("Set type of \(c.code) to \(c.type.rawValue)", [.putCompetency(c)]))
        case .mapDelete:
            guard let n = node else { return }
            let below = selectedIndex.map { Int(outline.ends[$0]) - $0 - 1 } ?? 0
            let extra = below > 0 ? " and the \(below) competencies below it" : ""
            context.confirm(Confirmation(tag: "map.delete", question: "Delete \"\(n.title)\"\(extra)? Mappings to them are removed too; u undoes it."))
        case .mapMoveUp, .mapMoveDown:
            guard let n = node else { return }
            move(n, by: action == .mapMoveUp ? -1 : 1, &context)
        case .mapIndent:
            guard let n = node else { return }
            indent(n, &context)
        case .mapOutdent:
            guard let n = node else { return }
            outdent(n, &context)
        default:
            cursor.move(action, pageSize: context.pageSize)
        }
    }

    /// The competencies directly under `parent` (the roots for nil), in order; none for a
    /// parent that is not in the framework.
    func childCompetencies(of parent: String?, _ catalog: Catalog) -> [Competency] {
        var i = -1
        if let p = parent {
            guard let j = outline.index(of: p) else { return [] }
            i = j
        }
        let fw = framework ?? ""
        return outline.children(of: i).compactMap { catalog.competencies[outline.key($0, framework: fw)] }
    }

    static let titleProblem: @Sendable (String) -> String? = { text in
        text.allSatisfy { $0 == " " } ? "Type a title, or press Esc to cancel." : nil
    }

    mutating func submitted(_ tag: String, _ text: String, _ context: inout ScreenContext) {
        let catalog = context.catalog
        switch tag {
        case "map.framework-code":
            pendingFrameworkCode = text
            context.prompt(Prompt(tag: "map.framework-title", title: "Title of framework \(text)", validate: CompetencyMapScreen.titleProblem))
        case "map.framework-title":
            guard let code = pendingFrameworkCode else { return }
            pendingFrameworkCode = nil
            context.commit(ChangeSet("Add framework \(code)", [.putFramework(CompetencyFramework(code: code, title: text))]))
            framework = code
            expanded = []
        case Action.mapAddChild.rawValue, Action.mapAddSibling.rawValue:
            guard let fw = framework else { return }
            let node = selectedCompetency(in: catalog)
            let parent: String? = tag == Action.mapAddChild.rawValue ? node?.code : node?.parent
            let siblings = childCompetencies(of: parent, catalog)
            var changes: [Change] = []
            var position = (siblings.map(\.position).max() ?? -1) + 1
            if tag == Action.mapAddSibling.rawValue, let n = node {
                // Insert right after the selected one: shift the later siblings down.
                position = n.position + 1
                for var s in siblings where s.position >= position && s.code != n.code {
                    s.position += 1
                    changes.append(.putCompetency(s))
                }
            }
            let code = CompetencyMapScreen.newCode(parent: parent, in: catalog, framework: fw)
            let c = Competency(framework: fw, code: code, title: text, parent: parent, position: position)
            changes.append(.putCompetency(c))
            context.commit(ChangeSet("Add competency \(text)", changes))
            if let p = parent { expanded.insert(p) }
            pendingSelection = code
        case "map.edit-title":
            guard var c = selectedCompetency(in: catalog) else { return }
            c.title = text
            context.commit(ChangeSet("Rename competency \(c.code)", [.putCompetency(c)]))
        case "map.edit-description":
            guard var c = selectedCompetency(in: catalog) else { return }
            c.description = text
            context.commit(ChangeSet("Edit description of \(c.code)", [.putCompetency(c)]))
        default: break
        }
    }

    /// A free code for a new competency: the parent's code plus the next number (`G1.3`), or `C7`
    /// at the top.
    static func newCode(parent: String?, in catalog: Catalog, framework: String) -> String {
        let prefix = parent.map { $0 + "." } ?? "C"
        var n = 1
        while catalog.competencies[CompetencyKey(framework: framework, code: prefix + String(n))] != nil { n += 1 }
        return prefix + String(n)
    }

    mutating func move(_ c: Competency, by step: Int, _ context: inout ScreenContext) {
        var siblings = childCompetencies(of: c.parent, context.catalog)
        guard let i = siblings.firstIndex(where: { $0.code == c.code }) else { return }
        let j = i + step
        guard siblings.indices.contains(j) else { context.status(step < 0 ? "Already the first at its level." : "Already the last at its level."); return }
        siblings.swapAt(i, j)
        var changes: [Change] = []
        for (p, var s) in siblings.enumerated() where s.position != p {
            s.position = p
            changes.append(.putCompetency(s))
        }
        context.commit(ChangeSet("Move \(c.title) \(step < 0 ? "up" : "down")", changes))
        pendingSelection = c.code
    }

    mutating func indent(_ c: Competency, _ context: inout ScreenContext) {
        let siblings = childCompetencies(of: c.parent, context.catalog).map(\.code)
        guard let i = siblings.firstIndex(of: c.code), i > 0 else {
            context.status("Nothing above it at the same level to go under."); return
        }
        let newParent = siblings[i - 1]
        var moved = c
        moved.parent = newParent
        moved.position = (childCompetencies(of: newParent, context.catalog).map(\.position).max() ?? -1) + 1
        context.commit(ChangeSet("Indent \(c.title)", [.putCompetency(moved)]))
        expanded.insert(newParent)
        pendingSelection = c.code
    }

    mutating func outdent(_ c: Competency, _ context: inout ScreenContext) {
        guard let parentCode = c.parent, let parent = context.catalog.competencies[CompetencyKey(framework: c.framework, code: parentCode)] else {
            context.status("Already at the top level."); return
        }
        var changes: [Change] = []
        for var s in childCompetencies(of: parent.parent, context.catalog) where s.position > parent.position {
            s.position += 1
            changes.append(.putCompetency(s))
        }
        var moved = c
        moved.parent = parent.parent
        moved.position = parent.position + 1
        changes.append(.putCompetency(moved))
        context.commit(ChangeSet("Outdent \(c.title)", changes))
        pendingSelection = c.code
    }
}
