import PathwayModel

extension OverviewScreen {
    static let bindings: [Binding] = [
        Binding(["Enter"], .open, "open", "Open the selected item on its screen", scope: .screen(.overview), hint: true, inPalette: false),
    ]

    public mutating func refresh(_ document: Document) {
        rows = OverviewScreen.rows(for: document)
        search = nil
        problems = document.mostSerious(limit: OverviewScreen.problemsKept)
        applyFilter()
    }

    public mutating func handle(_ event: ScreenEvent, _ context: inout ScreenContext) {
        switch event {
        case .action(.open):
            guard let row = selectedRow, let screen = row.screen else { return }
            context.open(screen, row.subject)
        case .action(.findNext), .action(.findPrevious):
            guard !filter.isEmpty, !shown.isEmpty else { context.status("No filter: press / to type one."); return }
            let step = event == .action(.findNext) ? 1 : -1
            var i = cursor.selected
            for _ in 0..<shown.count {
                i = (i + step + shown.count) % shown.count
                if !rows[shown[i]].heading { cursor.select(i); break }
            }
        case .action(let a):
            if cursor.move(a, pageSize: context.pageSize) { skipHeading(forward: a != .up && a != .pageUp) }
        case .filter(let text):
            filter = text
            applyFilter()
        default: break
        }
        cursor.keepVisible(height: context.pageSize)
    }

    mutating func applyFilter() {
        let words = filter.lowercased().split(separator: " ").map { Array($0.utf8) }
        if words.isEmpty {
            shown = Array(rows.indices)
        } else {
            // Keep a heading when any item under it matches.
            if search == nil {
                var index = SearchIndex(capacity: rows.count)
                for r in rows { index.append(r.heading ? [] : [r.label, r.detail]) }
                search = index
            }
            var found = [Bool](repeating: false, count: rows.count)
            for i in search!.matches(words) { found[i] = true }
            var result: [Int] = []
            var heading: Int?
            for (i, r) in rows.enumerated() {
                if r.heading { heading = i; continue }
                if found[i] {
                    if let h = heading { result.append(h); heading = nil }
                    result.append(i)
                }
            }
            shown = result
        }
        cursor.setCount(shown.count)
        skipHeading(forward: true)
    }

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

    static func rows(for document: Document) -> [Row] {
        let catalog = document.catalog
        var rows: [Row] = []
        func heading(_ text: String) { rows.append(Row(heading: true, label: text, detail: "", subject: nil, screen: nil)) }
        func item(_ label: String, _ detail: String, _ subject: Subject, _ screen: ScreenID) {
            rows.append(Row(heading: false, label: label, detail: detail, subject: subject, screen: screen,
                            ))
        }
        if !document.recent.isEmpty {
            heading("Recently changed")
            for s in document.recent {
                item(document.label(of: s), s.kindName, s, s.screen)
            }
        }
        heading("Frameworks (\(catalog.frameworks.count))")
        // Competencies per framework, counted in runs (one framework is one run, whatever the order).
        var perFramework: [String: Int] = [:]
        var last: String?
        var run = 0
        for key in catalog.competencies.keys {
            if key.framework == last { run += 1; continue }
            if let l = last { perFramework[l, default: 0] += run }
            last = key.framework
            run = 1
        }
        if let l = last { perFramework[l, default: 0] += run }
        for f in catalog.frameworkList {
            item("\(f.title) (\(f.code))", Plural.count(perFramework[f.code] ?? 0, "competency", "competencies") + " · \(f.reviewStatus.label)", .framework(f.code), .competencyMap)
        }
        heading("Micro-credentials (\(catalog.credentials.count))")
        for c in catalog.credentialList {
            let ects = c.ects.map { "\(ECTSFormat.text($0)) ECTS" } ?? "no ECTS"
            let eqf = c.eqfLevel.map { "EQF \($0.value)" } ?? "no EQF"
            item("\(c.title) (\(c.code))", "\(ects) · \(eqf) · \(c.status.rawValue)", .credential(c.code), .credentials)
        }
        heading("Pathways (\(catalog.pathways.count))")
        for p in catalog.pathwayList {
            let n = p.allCredentialCodes.count
            item("\(p.title) (\(p.code))", Plural.count(p.stages.count, "stage", "stages") + " · " + Plural.count(n, "credential", "credentials") + " · \(p.reviewStatus.label)", .pathway(p.code), .pathways)
        }
        heading("Learners (\(catalog.learners.count))")
        for l in catalog.learnerList {
            item(l.name, "\(l.completions.count) completed", .learner(l.name), .learners)
        }
        return rows
    }
}

extension Subject {
    /// The screen that shows this kind of thing.
    public var screen: ScreenID {
        switch self {
        case .framework, .competency: return .competencyMap
        case .credential: return .credentials
        case .pathway: return .pathways
        case .learner: return .learners
        }
    }

    public var kindName: String {
        switch self {
        case .framework: return "framework"
        case .competency: return "competency"
        case .credential: return "credential"
        case .pathway: return "pathway"
        case .learner: return "learner"
        }
    }
}

/// ECTS shown as people write them: `5`, `2.5`.
public enum ECTSFormat {
    public static func text(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        let tenths = (value * 10).rounded() / 10
        if abs(tenths - value) < 1e-9 { return String(tenths) }
        return String((value * 100).rounded() / 100)
    }
}

/// "1 competency", "3 competencies".
public enum Plural {
    public static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
