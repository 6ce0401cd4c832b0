import PathwayModel

/// The review list: built once per change (linear in the document), then filtered per key.
extension ReviewScreen {
    /// The rows: every framework, credential and pathway, and the competencies of the frameworks
    /// in `listing` (nil: of every framework) in tree order.
    static func rows(for catalog: Catalog, listing: Set<String>?) -> [Row] {
        let frameworks = catalog.frameworkList
        // Which frameworks have competencies (done as soon as every framework has been seen).
        var withCompetencies = Set<String>()
        for key in catalog.competencies.keys where !withCompetencies.contains(key.framework) {
            guard catalog.frameworks[key.framework] != nil else { continue }
            withCompetencies.insert(key.framework)
            if withCompetencies.count == catalog.frameworks.count { break }
        }
        let listedCount = listing == nil ? catalog.competencies.count : 0
        var rows: [Row] = []
        rows.reserveCapacity(frameworks.count + listedCount + catalog.credentials.count + catalog.pathways.count + 3)
        func heading(_ text: String) {
            rows.append(Row(heading: true, subject: nil, label: text, depth: 0, framework: nil, hasChildren: false))
        }
        func item(_ subject: CommentSubject, _ label: String, depth: Int = 0, framework: String? = nil, hasChildren: Bool = false) {
            rows.append(Row(heading: false, subject: subject, label: label, depth: depth, framework: framework,
                            hasChildren: hasChildren))
        }

        heading("Frameworks (\(catalog.frameworks.count))")
        for f in frameworks {
            item(.framework(f.code), "\(f.title) (\(f.code))", hasChildren: withCompetencies.contains(f.code))
            guard listing?.contains(f.code) ?? true, withCompetencies.contains(f.code) else { continue }
            let outline = MapOutline(catalog: catalog, framework: f.code, coverage: false, titles: true)
            for i in outline.indices {
                item(.competency(CompetencyKey(framework: f.code, code: outline.codes[i])), outline.titles[i],
                     depth: Int(outline.depths[i]) + 1, framework: f.code, hasChildren: outline.hasChildren(i))
            }
        }
        heading("Micro-credentials (\(catalog.credentials.count))")
        for code in catalog.credentials.keys.sorted() {
            item(.credential(code), "\(catalog.credentials[code]!.title) (\(code))")
        }
        heading("Pathways (\(catalog.pathways.count))")
        for p in catalog.pathwayList {
            item(.pathway(p.code), "\(p.title) (\(p.code))")
        }
        return rows
    }

    /// The search text of every row, in `rows` order (made on the first filter after a change):
    /// title and code, and the review status of frameworks and pathways.
    static func searchIndex(_ rows: [Row], _ catalog: Catalog) -> SearchIndex {
        var index = SearchIndex(capacity: rows.count)
        for r in rows {
            switch r.subject {
            case .framework(let code)?:
                let f = catalog.frameworks[code]
                index.append([f?.title ?? "", code, f?.reviewStatus.label ?? ""])
            case .competency(let key)?: index.append([r.label, key.code])
            case .credential(let code)?: index.append([catalog.credentials[code]?.title ?? "", code])
            case .pathway(let code)?:
                let p = catalog.pathways[code]
                index.append([p?.title ?? "", code, p?.reviewStatus.label ?? ""])
            case nil: index.append([])
            }
        }
        return index
    }

    /// Lists what the shown rows need: the competencies of the expanded frameworks, or of every
    /// framework while filtering or showing only commented items. Rebuilds the rows only when
    /// the document changed or a framework not listed yet is needed.
    mutating func listRows(_ catalog: Catalog, version: Int) {
        let everything = !filter.isEmpty || onlyCommented
        let fresh = rowsVersion != version
        if !fresh {
            guard let listed else { return }
            if !everything && expanded.isSubset(of: listed) { return }
        }
        let listing: Set<String>? = everything ? nil : fresh ? expanded : expanded.union(listed ?? [])
        rows = ReviewScreen.rows(for: catalog, listing: listing)
        search = nil
        listed = listing
        rowsVersion = version
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
    mutating func updateShown(_ document: Document) {
        listRows(document.catalog, version: document.catalogVersion)
        let words = filter.lowercased().split(separator: " ").map { Array($0.utf8) }
        let plain = words.isEmpty && !onlyCommented
        var found: [Bool] = []
        if !words.isEmpty {
            if search == nil { search = ReviewScreen.searchIndex(rows, document.catalog) }
            found = [Bool](repeating: false, count: rows.count)
            for i in search!.matches(words) { found[i] = true }
        }
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
                visible = (!onlyCommented || hasComments(r)) && (words.isEmpty || found[i])
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
