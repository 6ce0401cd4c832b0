import PathwayModel

extension CredentialEditorScreen {
    static let bindings: [Binding] = {
        let s = BindingScope.screen(.credentials)
        return [
            Binding(["a", "F5"], .credAdd, "add", "Add a micro-credential", scope: s, hint: true, edits: true),
            Binding(["Enter"], .credEdit, "edit", "Edit the selected field (or open the selected credential)", scope: s, hint: true, inPalette: false, edits: false),
            Binding(["o"], .credAddOutcome, "outcome", "Add a learning outcome to the credential", scope: s, hint: true, edits: true),
            Binding(["m"], .credMapOutcome, "map", "Map the selected learning outcome to a competency, at a level", scope: s, hint: true, edits: true),
            Binding(["p"], .credAddPrerequisite, "prerequisite", "Add a prerequisite credential", scope: s, edits: true),
            Binding(["d", "Del", "F8"], .credDelete, "delete", "Delete the selected credential, outcome, mapping or prerequisite (asks first for a credential)", scope: s, hint: true, edits: true),
        ]
    }()

    public mutating func refresh(_ document: Document) {
        let keep = pendingSelection ?? selectedCode
        pendingSelection = nil
        let catalog = document.catalog
        allCodes = catalog.credentials.keys.sorted()
        searchIndex = nil
        version = document.version
        applyFilter(keeping: keep, catalog)
        rebuildForm(catalog)
    }

    mutating func applyFilter(keeping code: String?, _ catalog: Catalog) {
        let words = filter.lowercased().split(separator: " ").map { Array($0.utf8) }
        if words.isEmpty {
            codes = allCodes
        } else {
            if searchIndex == nil {
                var index = SearchIndex(capacity: allCodes.count)
                for code in allCodes {
                    let c = catalog.credentials[code]
                    index.append([code, c?.title ?? "", c?.awardingBody ?? "", c?.summary ?? ""])
                }
                searchIndex = index
            }
            codes = searchIndex!.matches(words).map { allCodes[$0] }
        }
        listCursor.setCount(codes.count)
        if let code, let i = codes.firstIndex(of: code) { listCursor.select(i) }
    }

    mutating func rebuildForm(_ catalog: Catalog) {
        guard let code = selectedCode, let c = catalog.credentials[code] else { formRows = []; formCursor.setCount(0); return }
        var rows: [Row] = CredentialField.allCases.map(Row.field)
        rows.append(.outcomesHeading)
        for (i, o) in c.learningOutcomes.enumerated() {
            rows.append(.outcome(i))
            for j in o.mappings.indices { rows.append(.mapping(i, j)) }
        }
        rows.append(.prerequisitesHeading)
        for i in c.prerequisites.credentials.indices { rows.append(.prerequisite(i)) }
        let old = selectedRow
        formRows = rows
        formCursor.setCount(rows.count)
        if let old, let i = rows.firstIndex(of: old) { formCursor.select(i) }
    }

    public mutating func handle(_ event: ScreenEvent, _ context: inout ScreenContext) {
        let catalog = context.catalog
        switch event {
        case .filter(let text):
            filter = text
            applyFilter(keeping: selectedCode, catalog)
            rebuildForm(catalog)
        case .focus(.credential(let code)):
            filter = ""
            applyFilter(keeping: code, catalog)
            rebuildForm(catalog)
            focus = .form
        case .action(let action):
            handle(action, &context)
        case .submitted(let tag, let text):
            submitted(tag, text, &context)
        case .picked(let tag, let id):
            picked(tag, id, &context)
        case .confirmed(tag: "credential.delete"):
            guard let code = selectedCode else { return }
            context.commit(catalog.deletion(ofCredential: code))
        default: break
        }
        listCursor.keepVisible(height: context.pageSize)
        formCursor.keepVisible(height: context.pageSize)
    }


    mutating func handle(_ action: Action, _ context: inout ScreenContext) {
        let catalog = context.catalog
        let credential = selectedCode.flatMap { catalog.credentials[$0] }
        switch action {
        case .nextFocus, .previousFocus:
            focus = focus == .list ? .form : .list
        case .open, .credEdit:
            if focus == .list { if credential != nil { focus = .form }; return }
            guard let c = credential, let row = selectedRow else { return }
            guard context.mayEdit() else { return }
            edit(row, of: c, &context)
        case .left where focus == .form:
            focus = .list
        case .right where focus == .list:
            if credential != nil { focus = .form }
        case .findNext, .findPrevious:
            guard focus == .list else { return }
            listCursor.move(action == .findNext ? .down : .up, pageSize: context.pageSize)
            rebuildForm(catalog)
        case .credAdd:
            context.prompt(Prompt(tag: "credential.code", title: "Code of the new micro-credential (e.g. PROC-03)",
                                  text: CredentialEditorScreen.suggestedCode(catalog),
                                  validate: { [credentials = catalog.credentials] text in
                                      if let p = Codes.problem(with: text) { return "Not usable: \(p)." }
                                      return credentials[text] == nil ? nil : "\(text) exists already; choose another code."
                                  }))
        case .credDelete:
            guard let c = credential else { return }
            if focus == .list || selectedRow.map({ if case .field = $0 { return true } else { return false } }) == true {
                let used = catalog.pathwayList.filter { $0.allCredentialCodes.contains(c.code) }.map(\.code)
                let note = used.isEmpty ? "" : " It is removed from \(used.count == 1 ? "pathway" : "pathways") \(used.joined(separator: ", ")) too."
                context.confirm(Confirmation(tag: "credential.delete", question: "Delete \"\(c.title)\" (\(c.code))?\(note) u undoes it."))
                return
            }
            var copy = c
            switch selectedRow {
            case .outcome(let i)?:
                let removed = copy.learningOutcomes.remove(at: i)
                context.commit(ChangeSet("Remove outcome \(removed.id) of \(c.code)", [.putCredential(copy)]))
            case .mapping(let i, let j)?:
                let removed = copy.learningOutcomes[i].mappings.remove(at: j)
                context.commit(ChangeSet("Unmap \(removed.competency) from \(c.code)", [.putCredential(copy)]))
            case .prerequisite(let i)?:
                let removed = copy.prerequisites.credentials.remove(at: i)
                context.commit(ChangeSet("Remove prerequisite \(removed) of \(c.code)", [.putCredential(copy)]))
            default:
                context.status("Select an outcome, a mapping or a prerequisite to remove it.")
            }
        case .credAddOutcome:
            guard let c = credential else { context.status("Add a micro-credential first: press a."); return }
            focus = .form
            context.prompt(Prompt(tag: "credential.outcome", title: "New learning outcome of \(c.code): \"Learners can …\"",
                                  validate: { $0.trimmingSpaces.isEmpty ? "Type what learners can do, or Esc to cancel." : nil }))
        case .credMapOutcome:
            guard let c = credential else { return }
            let outcome: Int?
            switch selectedRow {
            case .outcome(let i)?, .mapping(let i, _)?: outcome = i
            default: outcome = c.learningOutcomes.isEmpty ? nil : 0
            }
            guard let o = outcome else { context.status("Add a learning outcome first: press o."); return }
            pendingMapping = (o, CompetencyKey(framework: "", code: ""))
            ensureCompetencyItems(context.document)
            context.pick(Picker(tag: "credential.map", title: "Competency for outcome \(c.learningOutcomes[o].id)", items: competencyItems))
        case .credAddPrerequisite:
            guard let c = credential else { return }
            let items = catalog.credentialList.filter { $0.code != c.code && !c.prerequisites.credentials.contains($0.code) }
                .map { Picker.Item(id: $0.code, label: $0.title, detail: $0.code) }
            guard !items.isEmpty else { context.status("No other credential to require."); return }
            context.pick(Picker(tag: "credential.prerequisite", title: "Prerequisite of \(c.code)", items: items))
        default:
            if focus == .list {
                if listCursor.move(action, pageSize: context.pageSize) { rebuildForm(catalog) }
            } else {
                formCursor.move(action, pageSize: context.pageSize)
            }
        }
    }

    mutating func ensureCompetencyItems(_ document: Document) {
        guard competencyItemsVersion != document.version || competencyItems.isEmpty else { return }
        competencyItems = document.catalog.competencies.values.sorted { $0.key < $1.key }.map {
            Picker.Item(id: $0.key.description, label: $0.title, detail: $0.key.description)
        }
        competencyItemsVersion = document.version
    }

    mutating func edit(_ row: Row, of c: MicroCredential, _ context: inout ScreenContext) {
        switch row {
        case .field(let f):
            if let choices = f.choices {
                let items = choices.map { Picker.Item(id: $0, label: f == .supervision ? (Supervision(rawValue: $0)?.label ?? $0) : $0) }
                context.pick(Picker(tag: "credential.field.\(f.rawValue)", title: "\(f.label) of \(c.code)", items: items))
                return
            }
            context.prompt(Prompt(tag: "credential.field.\(f.rawValue)", title: "\(f.label) of \(c.code)" + (f.isMandatory ? " (EU mandatory)" : ""),
                                  text: f.editText(of: c),
                                  validate: { CredentialField.problem(f, $0) },
                                  hint: { CredentialField.hint(f, $0, c) }))
        case .outcome(let i):
            context.prompt(Prompt(tag: "credential.outcome-edit.\(i)", title: "Learning outcome \(c.learningOutcomes[i].id) of \(c.code)",
                                  text: c.learningOutcomes[i].statement,
                                  validate: { $0.trimmingSpaces.isEmpty ? "An outcome needs a statement." : nil }))
        case .mapping(let i, let j):
            let m = c.learningOutcomes[i].mappings[j]
            pendingMapping = (i, m.competency)
            context.prompt(Prompt(tag: "credential.level", title: "Level (EQF 1–8) for \(m.competency)", text: String(m.level.value),
                                  validate: CredentialEditorScreen.levelProblem))
        case .outcomesHeading:
            handle(.credAddOutcome, &context)
        case .prerequisitesHeading, .prerequisite:
            handle(.credAddPrerequisite, &context)
        }
    }

    static let levelProblem: @Sendable (String) -> String? = { text in
        Int(text.trimmingSpaces).flatMap(EQFLevel.init) == nil ? "Type a level from 1 to 8." : nil
    }

    mutating func submitted(_ tag: String, _ text: String, _ context: inout ScreenContext) {
        let catalog = context.catalog
        if tag == "credential.code" {
            pendingCode = text
            context.prompt(Prompt(tag: "credential.title", title: "Title of \(text)",
                                  validate: { CredentialField.problem(.title, $0) }))
            return
        }
        if tag == "credential.title", let code = pendingCode {
            pendingCode = nil
            let c = MicroCredential(code: code, title: String(text.trimmingSpaces))
            context.commit(ChangeSet("Add credential \(code)", [.putCredential(c)]))
            pendingSelection = code
            filter = ""
            focus = .form
            return
        }
        guard let code = selectedCode, var c = catalog.credentials[code] else { return }
        if tag.hasPrefix("credential.field."), let f = CredentialField(rawValue: String(tag.dropFirst("credential.field.".count))) {
            let updated = f.apply(text, to: c)
            if updated != c { context.commit(ChangeSet("Set \(f.label.lowercased()) of \(code)", [.putCredential(updated)])) }
        } else if tag == "credential.outcome" {
            var n = c.learningOutcomes.count + 1
            while c.learningOutcomes.contains(where: { $0.id == "LO\(n)" }) { n += 1 }
            c.learningOutcomes.append(LearningOutcome(id: "LO\(n)", statement: String(text.trimmingSpaces)))
            context.commit(ChangeSet("Add outcome LO\(n) to \(code)", [.putCredential(c)]))
        } else if tag.hasPrefix("credential.outcome-edit."), let i = Int(tag.split(separator: ".").last!), c.learningOutcomes.indices.contains(i) {
            c.learningOutcomes[i].statement = String(text.trimmingSpaces)
            context.commit(ChangeSet("Edit outcome \(c.learningOutcomes[i].id) of \(code)", [.putCredential(c)]))
        } else if tag == "credential.level", let p = pendingMapping, let level = Int(text.trimmingSpaces).flatMap(EQFLevel.init),
                  c.learningOutcomes.indices.contains(p.outcome) {
            pendingMapping = nil
            var mappings = c.learningOutcomes[p.outcome].mappings
            if let j = mappings.firstIndex(where: { $0.competency == p.competency }) {
                mappings[j].level = level
            } else {
                mappings.append(CompetencyLevel(competency: p.competency, level: level))
            }
            c.learningOutcomes[p.outcome].mappings = mappings
            context.commit(ChangeSet("Map \(c.learningOutcomes[p.outcome].id) of \(code) to \(p.competency)", [.putCredential(c)]))
        }
    }

    mutating func picked(_ tag: String, _ id: String, _ context: inout ScreenContext) {
        guard let code = selectedCode, var c = context.catalog.credentials[code] else { return }
        if tag == "credential.map", let key = CompetencyKey(id), let p = pendingMapping {
            pendingMapping = (p.outcome, key)
            let level = c.eqfLevel.map { String($0.value) } ?? ""
            context.prompt(Prompt(tag: "credential.level", title: "Level (EQF 1–8) for \(context.catalog.competencies[key]?.title ?? id)",
                                  text: level, validate: CredentialEditorScreen.levelProblem))
        } else if tag == "credential.prerequisite" {
            c.prerequisites.credentials.append(id)
            context.commit(ChangeSet("Require \(id) before \(code)", [.putCredential(c)]))
        } else if tag.hasPrefix("credential.field."), let f = CredentialField(rawValue: String(tag.dropFirst("credential.field.".count))) {
            let updated = f.apply(id == "none" ? "" : id, to: c)
            if updated != c { context.commit(ChangeSet("Set \(f.label.lowercased()) of \(code)", [.putCredential(updated)])) }
        }
    }

    /// A code in the style of the existing ones: the most common prefix and the next number.
    static func suggestedCode(_ catalog: Catalog) -> String {
        var prefixes: [String: Int] = [:]
        for code in catalog.credentials.keys {
            if let dash = code.lastIndex(of: "-") { prefixes[String(code[...dash]), default: 0] += 1 }
        }
        let prefix = prefixes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "MC-"
        var n = 1
        func text(_ n: Int) -> String { prefix + (n < 10 ? "0\(n)" : String(n)) }
        while catalog.credentials[text(n)] != nil { n += 1 }
        return text(n)
    }
}
