import PathwayModel

/// The review list: built once per change (linear in the document), then filtered per key.
extension ReviewScreen {
    static func rows(for catalog: Catalog) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(catalog.competencies.count + catalog.credentials.count + catalog.pathways.count + 8)
        func heading(_ text: String) {
            rows.append(Row(heading: true, subject: nil, label: text, depth: 0, framework: nil,
                            hasChildren: false, search: []))
        }
        func item(_ subject: CommentSubject, _ label: String, depth: Int = 0, framework: String? = nil,
                  hasChildren: Bool = false, search: String) {
            rows.append(Row(heading: false, subject: subject, label: label, depth: depth, framework: framework,
                            hasChildren: hasChildren, search: TextSearch.key(search)))
        }

        var byFramework: [String: [Competency]] = [:]
        for c in catalog.competencies.values { byFramework[c.framework, default: []].append(c) }

        heading("Frameworks (\(catalog.frameworks.count))")
        for f in catalog.frameworkList {
            item(.framework(f.code), "\(f.title) (\(f.code))", hasChildren: byFramework[f.code] != nil,
                 search: "\(f.title) \(f.code) \(f.reviewStatus.label)")
            let tree = CompetencyTree(competencies: byFramework[f.code] ?? [], framework: f.code)
            for node in tree.depthFirst {
                let c = node.competency
                item(.competency(c.key), c.title, depth: node.depth + 1, framework: f.code,
                     hasChildren: !tree.children(of: c.code).isEmpty, search: "\(c.title) \(c.code)")
            }
        }
        heading("Micro-credentials (\(catalog.credentials.count))")
        for c in catalog.credentialList {
            item(.credential(c.code), "\(c.title) (\(c.code))", search: "\(c.title) \(c.code)")
        }
        heading("Pathways (\(catalog.pathways.count))")
        for p in catalog.pathwayList {
            item(.pathway(p.code), "\(p.title) (\(p.code))", search: "\(p.title) \(p.code) \(p.reviewStatus.label)")
        }
        return rows
    }

    /// Comments per subject, oldest first, and per framework the comments on its competencies.
    static func comments(in catalog: Catalog) -> ([CommentSubject: [ReviewComment]], [String: Int]) {
        var by: [CommentSubject: [ReviewComment]] = [:]
        var perFramework: [String: Int] = [:]
        for c in catalog.commentList {
            by[c.subject, default: []].append(c)
            if case .competency(let k) = c.subject { perFramework[k.framework, default: 0] += 1 }
        }
        return (by, perFramework)
    }

    /// Whether a row carries comments (a framework also through its competencies).
    func hasComments(_ row: Row) -> Bool {
        guard let s = row.subject else { return false }
        if commentsBySubject[s] != nil { return true }
        if case .framework(let f) = s { return (competencyCommentsByFramework[f] ?? 0) > 0 }
        return false
    }

    /// Recomputes the shown rows from expansion, "only commented" and the filter.
    mutating func updateShown() {
        let words = filter.lowercased().split(separator: " ").map { Array($0.utf8) }
        let plain = words.isEmpty && !onlyCommented
        var result: [Int] = []
        var heading: Int?
        for i in rows.indices {
            let r = rows[i]
            if r.heading {
                if plain { result.append(i) } else { heading = i }
                continue
            }
            let visible: Bool
            if plain {
                visible = r.framework.map { expanded.contains($0) } ?? true
            } else {
                visible = (!onlyCommented || hasComments(r))
                    && words.allSatisfy { TextSearch.contains(r.search, $0) }
            }
            guard visible else { continue }
            if let h = heading { result.append(h); heading = nil }
            result.append(i)
        }
        shown = result
        cursor.setCount(shown.count)
    }

    /// Puts the cursor on the row of a subject, if it is shown; returns whether it is.
    @discardableResult
    mutating func select(_ subject: CommentSubject) -> Bool {
        guard let i = shown.firstIndex(where: { rows[$0].subject == subject }) else { return false }
        cursor.select(i)
        return true
    }

    /// Moves off headings, in the direction of travel (or back when there is nothing further).
    mutating func skipHeading(forward: Bool) {
        guard !shown.isEmpty else { return }
        var i = cursor.selected
        while shown.indices.contains(i), rows[shown[i]].heading { i += forward ? 1 : -1 }
        if !shown.indices.contains(i) {
            i = cursor.selected
            while shown.indices.contains(i), rows[shown[i]].heading { i += forward ? -1 : 1 }
        }
        if shown.indices.contains(i) { cursor.select(i) }
    }
}
