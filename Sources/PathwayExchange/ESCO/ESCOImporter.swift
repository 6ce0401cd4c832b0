import PathwayModel

/// Reads the ESCO CSV download (v1.2 columns, read by header name) into one framework.
///
/// - Skills keep their concept URI as `uri`; their code is the URI's UUID (stable across ESCO
///   versions). Skill groups from the hierarchy use ESCO's own readable codes (`S`, `S1`,
///   `S1.2.3`, `K06`, `T2`, `L1`) so the upper tree reads well.
/// - `skillType` `knowledge` → knowledge; reuse level `transversal` → transversal; otherwise
///   skill/competence. Alternative labels are kept; hidden labels are not.
/// - The tree comes from the hierarchy (groups), then the broader relations file and the
///   collections' `broaderConceptUri` (skills under groups or skills). A broader concept not in
///   the import, or a second broader concept, is kept as a `broader` relation.
/// - Occupations take their UUID as code; the relations file gives their essential and optional
///   skills. Links to skills that are not in the import are left out and counted in a note.
public enum ESCOImporter {
    public static let skillsSchemeURI = "http://data.europa.eu/esco/concept-scheme/skills"

    /// One concept on its way into the framework.
    struct Concept {
        var competency: Competency
        var broader: [String] = []
        var groupCode: String?
    }

    public static func read(_ files: ESCOFiles, progress: ((Double) -> Void)? = nil) throws -> ImportedFramework {
        guard !files.skills.isEmpty || files.hierarchy != nil else {
            throw ImportError(file: "ESCO import", message: "give at least a skills file (--skills skills_en.csv) or the hierarchy (--hierarchy skillsHierarchy_en.csv)")
        }
        if files.relations != nil && files.occupations == nil {
            throw ImportError(file: files.relations!.name, message: "occupation–skill relations need the occupations file too; add --occupations occupations_en.csv")
        }
        let total = Double(max(1, files.all.reduce(0) { $0 + $1.bytes.count }))
        var done = 0.0
        func advance(_ s: ImportSource) {
            done += Double(s.bytes.count)
            progress?(min(1, done / total))
        }
        progress?(0)

        let onlyCollections = files.hierarchy == nil && !files.skills.isEmpty
            && files.skills.allSatisfy { isCollection(name: $0.name) }
        let code = onlyCollections ? collectionCode(files.skills.map(\.name)) : "ESCO"
        var concepts: [String: Concept] = [:]     // by URI
        var order: [String] = []
        var notes: [String] = []

        if let h = files.hierarchy {
            try readHierarchy(h, framework: code, into: &concepts, order: &order)
            advance(h)
        }
        for s in files.skills {
            try readSkills(s, framework: code, into: &concepts, order: &order)
            advance(s)
        }
        if let b = files.broader {
            try readBroader(b, into: &concepts)
            advance(b)
        }

        let competencies = buildTree(concepts: concepts, order: order)
        concepts = [:]
        // Skills by URI, as a number into `competencies`, for the 130,000 relations.
        var byURI: [String: Int] = [:]
        byURI.reserveCapacity(competencies.count)
        for (i, c) in competencies.enumerated() {
            if let uri = c.uri, byURI[uri] == nil { byURI[uri] = i }
        }
        var occupations: [Occupation] = []
        if let o = files.occupations {
            occupations = try readOccupations(o)
            advance(o)
            if let r = files.relations {
                let missing = try readRelations(r, occupations: &occupations, skills: byURI,
                                                competencies: competencies)
                if missing.skills > 0 {
                    notes.append("\(missing.skills) occupation–skill links name skills that are not in this import and were left out")
                }
                if missing.occupations > 0 {
                    notes.append("\(missing.occupations) occupation–skill links name occupations that are not in the occupations file and were left out")
                }
                advance(r)
            }
        }

        let names = files.all.map { TextTools.lastSegment($0.name) }.joined(separator: ", ")
        let title = onlyCollections
            ? "ESCO " + files.skills.map { collectionTitle($0.name) }.joined(separator: " + ")
            : "ESCO skills pillar"
        let framework = CompetencyFramework(
            code: code, title: title,
            description: "Imported from the ESCO CSV download (\(names)). Source: ESCO, European Commission.",
            source: .esco, version: "", language: "en",
            uri: onlyCollections ? nil : skillsSchemeURI)
        progress?(1)
        return ImportedFramework(framework: framework, competencies: competencies, occupations: occupations,
                                 notes: notes, source: files.all.first?.name ?? "ESCO")
    }

    // MARK: files

    static func isCollection(name: String) -> Bool {
        TextTools.lastSegment(name).lowercased().contains("collection")
    }

    static func collectionTitle(_ name: String) -> String {
        var stem = TextTools.lastSegment(name)
        if let dot = stem.lastIndex(of: ".") { stem = String(stem[..<dot]) }
        if let us = stem.lastIndex(of: "_") { stem = String(stem[..<us]) }
        for suffix in ["SkillsCollection", "Collection"] where stem.hasSuffix(suffix) {
            stem = String(stem.dropLast(suffix.count))
            break
        }
        return stem.isEmpty ? "collection" : stem + " collection"
    }

    static func collectionCode(_ names: [String]) -> String {
        let parts = names.map { name -> String in
            let t = collectionTitle(name)
            return TextTools.code(from: t.hasSuffix(" collection") ? String(t.dropLast(11)) : t, fallback: "collection")
        }
        return "ESCO-" + parts.joined(separator: "-")
    }

    static func cell(_ r: CSVRecord, _ i: Int?) -> String {
        guard let i else { return "" }
        return ESCOText.trim(r[i])
    }

    static func readHierarchy(_ source: ImportSource, framework: String,
                              into concepts: inout [String: Concept], order: inout [String]) throws {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: true)
        let uriCols = try table.requireColumns((0...3).map { "Level \($0) URI" })
        let termCols = try table.requireColumns((0...3).map { "Level \($0) preferred term" })
        let codeCols = (0...3).map { table.column("Level \($0) code") }
        let descCol = table.column("Description"), scopeCol = table.column("Scope note")
        var lines: [String: Int] = [:]
        for r in table.rows {
            guard let level = (0...3).last(where: { !cell(r, uriCols[$0]).isEmpty }) else {
                throw ImportError.line(table.file, r.line, "the row names no concept; every row needs at least a Level 0 URI")
            }
            let uri = cell(r, uriCols[level])
            let title = cell(r, termCols[level])
            guard !title.isEmpty else {
                throw ImportError.line(table.file, r.line, "the Level \(level) preferred term is empty")
            }
            if let first = lines[uri] {
                throw ImportError.line(table.file, r.line, "the group \(uri) is already defined on line \(first); each group must appear once")
            }
            lines[uri] = r.line
            let groupCode = cell(r, codeCols[level])
            var description = cell(r, descCol)
            let scope = cell(r, scopeCol)
            if !scope.isEmpty { description += (description.isEmpty ? "" : "\n\n") + "Scope note: " + scope }
            let pillar = cell(r, codeCols[0]).uppercased()
            let type: CompetencyType = pillar.hasPrefix("K") ? .knowledge : pillar.hasPrefix("T") ? .transversal : .skillCompetence
            let code = groupCode.isEmpty || Codes.problem(with: groupCode) != nil ? TextTools.lastSegment(uri) : groupCode
            var concept = Concept(competency: Competency(framework: framework, code: code, uri: uri, title: title,
                                                         description: description, type: type))
            concept.groupCode = code
            if level > 0 { concept.broader = [cell(r, uriCols[level - 1])] }
            concepts[uri] = concept
            order.append(uri)
        }
    }

    static func readSkills(_ source: ImportSource, framework: String,
                           into concepts: inout [String: Concept], order: inout [String]) throws {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: false)
        let cols = try table.requireColumns(["conceptUri", "preferredLabel"])
        let typeCol = table.column("skillType"), reuseCol = table.column("reuseLevel")
        let altCol = table.column("altLabels"), descCol = table.column("description")
        let defCol = table.column("definition")
        let broaderCol = table.column("broaderConceptUri")
        let pipes = broaderCol != nil
        var lines: [String: Int] = [:]
        for r in table.rows {
            let uri = cell(r, cols[0])
            guard !uri.isEmpty else {
                throw ImportError.line(table.file, r.line, "the conceptUri cell is empty; every skill needs its ESCO URI")
            }
            if let first = lines[uri] {
                throw ImportError.line(table.file, r.line, "the skill \(uri) is already listed on line \(first); each skill must appear once")
            }
            lines[uri] = r.line
            let title = cell(r, cols[1])
            guard !title.isEmpty else {
                throw ImportError.line(table.file, r.line, "the preferredLabel cell is empty; every skill needs a name")
            }
            let code = TextTools.lastSegment(uri)
            if let p = Codes.problem(with: code) {
                throw ImportError.line(table.file, r.line, "the conceptUri \(uri) does not end in a usable identifier: \(p)")
            }
            let type: CompetencyType = ESCOText.isCaseInsensitive(cell(r, reuseCol), "transversal") ? .transversal
                : ESCOText.isCaseInsensitive(cell(r, typeCol), "knowledge") ? .knowledge : .skillCompetence
            var description = cell(r, descCol)
            if description.isEmpty { description = cell(r, defCol) }
            let broader = ESCOText.values(cell(r, broaderCol), pipes: true)
            if let existing = concepts[uri]?.broader {
                // The same skill from another file (a collection and skills_en.csv): add its links.
                concepts[uri]?.broader += broader.filter { !existing.contains($0) }
                continue
            }
            let c = Competency(framework: framework, code: code, uri: uri, title: title, description: description,
                               type: type, altLabels: ESCOText.values(cell(r, altCol), pipes: pipes))
            concepts[uri] = Concept(competency: c, broader: broader)
            order.append(uri)
        }
    }

    static func readBroader(_ source: ImportSource, into concepts: inout [String: Concept]) throws {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: false)
        let cols = try table.requireColumns(["conceptUri", "broaderUri"])
        for r in table.rows {
            let uri = cell(r, cols[0]), broader = cell(r, cols[1])
            guard !uri.isEmpty, !broader.isEmpty else {
                throw ImportError.line(table.file, r.line, "both conceptUri and broaderUri must be filled in")
            }
            // Changed in place: a concept this import does not hold is skipped.
            guard let known = concepts[uri]?.broader.contains(broader) else { continue }
            if !known { concepts[uri]?.broader.append(broader) }
        }
    }

    /// Parents from the first broader concept in the import, positions per parent: groups by
    /// their ESCO code, then skills by name.
    static func buildTree(concepts: [String: Concept], order: [String]) -> [Competency] {
        var result: [Competency] = []
        result.reserveCapacity(order.count)
        var parentOf: [String: String] = [:]   // child code → parent code
        for uri in order {
            guard let concept = concepts[uri] else { continue }
            var c = concept.competency
            for b in concept.broader {
                if let target = concepts[b]?.competency, target.code != c.code {
                    if c.parent == nil && !wouldLoop(child: c.code, parent: target.code, parentOf: parentOf) {
                        c.parent = target.code
                        parentOf[c.code] = target.code
                    } else {
                        c.relations.append(CompetencyRelation(kind: .broader, target: target.key))
                    }
                } else if concepts[b] == nil {
                    c.relations.append(CompetencyRelation(kind: .broader, targetURI: b))
                }
            }
            result.append(c)
        }
        // Order siblings. Sort keys are worked out once per competency, not per comparison.
        var groups: [String?: [Int]] = [:]
        for (i, c) in result.enumerated() { groups[c.parent, default: []].append(i) }
        let groupCodes = Set(order.compactMap { concepts[$0]?.groupCode })
        let isGroup = result.map { groupCodes.contains($0.code) }
        let codes = result.map(\.code)
        let titles = result.map { $0.title.lowercased() }
        for (_, members) in groups {
            let sorted = members.sorted { a, b in
                let gx = isGroup[a], gy = isGroup[b]
                if gx != gy { return gx }
                if gx { return TextTools.naturalLess(codes[a], codes[b]) }
                let tx = titles[a], ty = titles[b]
                return tx != ty ? tx < ty : codes[a] < codes[b]
            }
            for (position, index) in sorted.enumerated() { result[index].position = position }
        }
        return result
    }

    static func wouldLoop(child: String, parent: String, parentOf: [String: String]) -> Bool {
        var current: String? = parent
        var steps = 0
        while let c = current, steps <= parentOf.count {
            if c == child { return true }
            current = parentOf[c]
            steps += 1
        }
        return false
    }

    static func readOccupations(_ source: ImportSource) throws -> [Occupation] {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: false)
        let cols = try table.requireColumns(["conceptUri", "preferredLabel"])
        let iscoCol = table.column("iscoGroup"), descCol = table.column("description")
        let defCol = table.column("definition")
        var lines: [String: Int] = [:]
        var result: [Occupation] = []
        for r in table.rows {
            let uri = cell(r, cols[0]), title = cell(r, cols[1])
            guard !uri.isEmpty, !title.isEmpty else {
                throw ImportError.line(table.file, r.line, "conceptUri and preferredLabel must be filled in for every occupation")
            }
            let code = TextTools.lastSegment(uri)
            if let p = Codes.problem(with: code) {
                throw ImportError.line(table.file, r.line, "the conceptUri \(uri) does not end in a usable identifier: \(p)")
            }
            if let first = lines[code] {
                throw ImportError.line(table.file, r.line, "the occupation \(uri) is already listed on line \(first); each occupation must appear once")
            }
            lines[code] = r.line
            var description = cell(r, descCol)
            if description.isEmpty { description = cell(r, defCol) }
            result.append(Occupation(code: code, uri: uri, title: title, description: description,
                                     iscoGroup: cell(r, iscoCol)))
        }
        return result
    }

    /// `skills` gives each skill URI's number in `competencies`.
    static func readRelations(_ source: ImportSource, occupations: inout [Occupation],
                              skills: [String: Int], competencies: [Competency]) throws -> (skills: Int, occupations: Int) {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: false)
        let cols = try table.requireColumns(["occupationUri", "relationType", "skillUri"])
        var index: [String: Int] = [:]
        index.reserveCapacity(occupations.count)
        for (i, o) in occupations.enumerated() { if let u = o.uri { index[u] = i } }
        var missingSkills = 0, missingOccupations = 0
        // (occupation, skill) pairs already linked, as one number each.
        var seen = Set<Int>()
        seen.reserveCapacity(table.rows.count)
        let skillCount = max(1, competencies.count)
        for r in table.rows {
            let occ = cell(r, cols[0]), kind = cell(r, cols[1]), skill = cell(r, cols[2])
            let essential: Bool
            if ESCOText.isCaseInsensitive(kind, "essential") {
                essential = true
            } else if ESCOText.isCaseInsensitive(kind, "optional") {
                essential = false
            } else {
                throw ImportError.line(table.file, r.line, "relationType is '\(kind)'; it must be essential or optional")
            }
            guard let i = index[occ] else { missingOccupations += 1; continue }
            guard let s = skills[skill] else { missingSkills += 1; continue }
            guard seen.insert(i &* skillCount &+ s).inserted else { continue }
            let key = competencies[s].key
            if essential { occupations[i].essentialSkills.append(key) } else { occupations[i].optionalSkills.append(key) }
        }
        return (missingSkills, missingOccupations)
    }
}
