import PathwayModel

extension CoverageScreen {
    static let bindings: [Binding] = [
        Binding(["p"], .pickCoveragePathway, "pathway", "Choose the pathway whose coverage is shown",
                scope: .screen(.coverage), hint: true),
        Binding(["Enter"], .open, "credential", "Open the credential of the selected column",
                scope: .screen(.coverage), hint: true, inPalette: false),
        Binding(["m"], .openCompetency, "competency", "Show the selected competency in the competency map",
                scope: .screen(.coverage), hint: true),
        Binding(["a"], .toggleExtraRows, "also taught", "Also list competencies the credentials teach outside the target, or hide them",
                scope: .screen(.coverage)),
        Binding(["0"], .firstColumn, "first column", "Go to the first credential column", scope: .screen(.coverage)),
        Binding(["$"], .lastColumn, "last column", "Go to the last credential column", scope: .screen(.coverage)),
    ]

    public mutating func refresh(_ document: Document) {
        let catalog = document.catalog
        if pathwayCode.map({ catalog.pathways[$0] == nil }) ?? true {
            pathwayCode = catalog.pathwayList.first?.code
        }
        rebuild(document)
    }

    /// Recomputes the matrix for the chosen pathway, keeping the selected cell where it can.
    mutating func rebuild(_ document: Document) {
        let catalog = document.catalog
        let keepRow = selectedRow?.key
        let keepColumn = selectedColumn?.code
        guard let code = pathwayCode, let pathway = catalog.pathways[code] else {
            matrix = nil
            shown = []
            rowCursor = ListCursor()
            columnCursor = ListCursor()
            return
        }
        let m = CoverageMatrix(pathway: pathway, catalog: catalog, includeExtra: showExtra, engine: document.engineContext())
        matrix = m
        columnCursor.setCount(m.columns.count)
        if let c = keepColumn, let i = m.columns.firstIndex(where: { $0.code == c }) { columnCursor.select(i) }
        applyFilter()
        if let k = keepRow, let i = shown.firstIndex(where: { m.rows[$0].key == k }) { rowCursor.select(i) }
    }

    mutating func applyFilter() {
        guard let m = matrix else { shown = []; return }
        let words = filter.lowercased().split(separator: " ").map { Array($0.utf8) }
        shown = m.rows.indices.filter { i in words.allSatisfy { TextSearch.contains(m.rows[i].search, $0) } }
        rowCursor.setCount(shown.count)
    }

    public mutating func handle(_ event: ScreenEvent, _ context: inout ScreenContext) {
        let layout = CoverageLayout(width: context.width, columns: matrix?.columns ?? [])
        let body = CoverageLayout.bodyRows(height: context.pageSize + 2)
        switch event {
        case .action(.pickCoveragePathway):
            let items = context.catalog.pathwayList.map {
                Picker.Item(id: $0.code, label: "\($0.title) (\($0.code))",
                            detail: $0.code == pathwayCode ? "(shown)" : Plural.count($0.target.competencies.count, "target competency", "target competencies"))
            }
            guard !items.isEmpty else { context.status("There are no pathways yet: add one on the pathways screen."); return }
            context.pick(Picker(tag: "pathway", title: "Pathway to show", items: items))
        case .picked(tag: "pathway", let code):
            choose(code, context.document)
        case .focus(let subject):
            switch subject {
            case .pathway(let code): choose(code, context.document)
            case .credential(let code):
                if let i = matrix?.columns.firstIndex(where: { $0.code == code }) { columnCursor.select(i) }
            case .competency(let f, let c):
                let key = CompetencyKey(framework: f, code: c)
                if let m = matrix, let i = shown.firstIndex(where: { m.rows[$0].key == key }) { rowCursor.select(i) }
            default: break
            }
        case .action(.open):
            guard let col = selectedColumn else { context.status("This pathway has no credentials yet."); return }
            guard col.exists else { context.status("Credential \(col.code) does not exist; fix the pathway on the pathways screen.", .error); return }
            context.open(.credentials, .credential(col.code))
        case .action(.openCompetency):
            guard let row = selectedRow else { return }
            guard row.status != .unknown else { context.status("\(row.key) is not in the document.", .error); return }
            context.open(.competencyMap, .competency(framework: row.key.framework, code: row.key.code))
        case .action(.toggleExtraRows):
            showExtra.toggle()
            rebuild(context.document)
            context.status(showExtra ? "Also showing competencies taught outside the target." : "Showing the target competencies only.")
        case .action(.left): columnCursor.move(.up, pageSize: 1)
        case .action(.right): columnCursor.move(.down, pageSize: 1)
        case .action(.firstColumn): columnCursor.select(0)
        case .action(.lastColumn): columnCursor.select(columnCursor.count - 1)
        case .action(.findNext), .action(.findPrevious):
            guard !filter.isEmpty, !shown.isEmpty else { context.status("No filter: press / to type one."); return }
            let step = event == .action(.findNext) ? 1 : -1
            rowCursor.select((rowCursor.selected + step + shown.count) % shown.count)
        case .action(let a):
            rowCursor.move(a, pageSize: body)
        case .filter(let text):
            filter = text
            applyFilter()
        default: break
        }
        rowCursor.keepVisible(height: body)
        columnCursor.keepVisible(height: layout.visibleColumns)
    }

    mutating func choose(_ code: String, _ document: Document) {
        guard document.catalog.pathways[code] != nil, code != pathwayCode else { return }
        pathwayCode = code
        rowCursor = ListCursor()
        columnCursor = ListCursor()
        rebuild(document)
    }
}
