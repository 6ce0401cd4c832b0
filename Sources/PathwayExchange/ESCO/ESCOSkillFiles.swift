import PathwayModel

/// The files that make the skills pillar's concepts: the hierarchy (groups), skills files and
/// collections (skills), and the broader relations file (the tree's links).
extension ESCOImporter {
    static func readHierarchy(_ source: ImportSource, into concepts: inout ESCOConcepts) throws {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: true)
        let uriCols = try table.requireColumns((0...3).map { "Level \($0) URI" })
        let termCols = try table.requireColumns((0...3).map { "Level \($0) preferred term" })
        let codeCols = (0...3).map { table.column("Level \($0) code") }
        let descCol = table.column("Description"), scopeCol = table.column("Scope note")
        try table.withCells { cells in
            for r in table.rows {
                guard let level = (0...3).last(where: { !cells.isEmpty(r, uriCols[$0]) }) else {
                    throw ImportError.line(table.file, table.line(r), "the row names no concept; every row needs at least a Level 0 URI")
                }
                let uri = cells.string(r, uriCols[level])
                let title = cells.string(r, termCols[level])
                guard !title.isEmpty else {
                    throw ImportError.line(table.file, table.line(r), "the Level \(level) preferred term is empty")
                }
                if let known = cells.find(r, uriCols[level], in: concepts.uris) {
                    let first = concepts.line(of: known, in: 0) ?? 0
                    throw ImportError.line(table.file, table.line(r), "the group \(uri) is already defined on line \(first); each group must appear once")
                }
                let groupCode = cells.string(r, codeCols[level])
                var description = cells.string(r, descCol)
                let scope = cells.string(r, scopeCol)
                if !scope.isEmpty { description += (description.isEmpty ? "" : "\n\n") + "Scope note: " + scope }
                let pillar = cells.string(r, codeCols[0]).uppercased()
                let type: CompetencyType = pillar.hasPrefix("K") ? .knowledge : pillar.hasPrefix("T") ? .transversal : .skillCompetence
                let code = groupCode.isEmpty || Codes.problem(with: groupCode) != nil ? TextTools.lastSegment(uri) : groupCode
                let competency = Competency(framework: concepts.framework, code: code, uri: uri, title: title,
                                            description: description, type: type)
                let broader = level > 0 ? [cells.string(r, uriCols[level - 1])] : []
                concepts.add(competency, broader: broader, isGroup: true, file: 0, line: table.line(r))
            }
        }
    }

    /// `file` numbers the skills files from 1 (the hierarchy is 0), to tell a skill listed twice
    /// in one file from one listed in a collection and in skills_en.csv.
    static func readSkills(_ source: ImportSource, file: Int, into concepts: inout ESCOConcepts) throws {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: false)
        let cols = try table.requireColumns(["conceptUri", "preferredLabel"])
        let typeCol = table.column("skillType"), reuseCol = table.column("reuseLevel")
        let altCol = table.column("altLabels"), descCol = table.column("description")
        let defCol = table.column("definition")
        let broaderCol = table.column("broaderConceptUri")
        let pipes = broaderCol != nil
        try table.withCells { cells in
            for r in table.rows {
                let line = table.line(r)
                guard !cells.isEmpty(r, cols[0]) else {
                    throw ImportError.line(table.file, line, "the conceptUri cell is empty; every skill needs its ESCO URI")
                }
                let known = cells.find(r, cols[0], in: concepts.uris)
                if let known, let first = concepts.line(of: known, in: file) {
                    throw ImportError.line(table.file, line, "the skill \(cells.string(r, cols[0])) is already listed on line \(first); each skill must appear once")
                }
                guard !cells.isEmpty(r, cols[1]) else {
                    throw ImportError.line(table.file, line, "the preferredLabel cell is empty; every skill needs a name")
                }
                let uri = cells.string(r, cols[0])
                let code = lastSegment(uri)
                if let p = Codes.problem(with: code) {
                    throw ImportError.line(table.file, line, "the conceptUri \(uri) does not end in a usable identifier: \(p)")
                }
                let broader = broaderCol == nil ? [] : ESCOText.values(cells.string(r, broaderCol), pipes: true)
                if let known {
                    // The same skill from another file (a collection and skills_en.csv): add its links.
                    concepts.noteListed(known, file: file, line: line)
                    concepts.addBroader(broader, to: known)
                    continue
                }
                let type: CompetencyType = cells.equalsIgnoringCase(r, reuseCol, "transversal") ? .transversal
                    : cells.equalsIgnoringCase(r, typeCol, "knowledge") ? .knowledge : .skillCompetence
                var description = cells.string(r, descCol)
                if description.isEmpty { description = cells.string(r, defCol) }
                let labels = pipes ? ESCOText.values(cells.string(r, altCol), pipes: true) : lines(&cells, r, altCol)
                let c = Competency(framework: concepts.framework, code: code, uri: uri, title: cells.string(r, cols[1]),
                                   description: description, type: type, altLabels: labels)
                concepts.add(c, broader: broader, isGroup: false, file: file, line: line)
            }
        }
    }

    static func readBroader(_ source: ImportSource, into concepts: inout ESCOConcepts) throws {
        let table = try CSVTable(source)
        try table.checkWidths(allowShort: false)
        let cols = try table.requireColumns(["conceptUri", "broaderUri"])
        try table.withCells { cells in
            for r in table.rows {
                guard !cells.isEmpty(r, cols[0]), !cells.isEmpty(r, cols[1]) else {
                    throw ImportError.line(table.file, table.line(r), "both conceptUri and broaderUri must be filled in")
                }
                // Changed in place: a concept this import does not hold is skipped.
                guard let concept = cells.find(r, cols[0], in: concepts.uris) else { continue }
                cells.withBytes(r, cols[1]) { concepts.addBroader($0, to: concept) }
            }
        }
    }

    /// `TextTools.lastSegment`, without a Character-by-Character walk for an ASCII URI.
    static func lastSegment(_ uri: String) -> String {
        var utf8 = uri.utf8[...]
        guard !utf8.contains(where: { $0 >= 0x80 }) else { return TextTools.lastSegment(uri) }
        if utf8.last == UInt8(ascii: "/") { utf8 = utf8.dropLast() }
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")) { utf8 = utf8[utf8.index(after: slash)...] }
        return String(Substring(utf8))
    }

    /// A multi-value cell's values, one per line, each trimmed, empty ones left out
    /// (`ESCOText.values` without pipes), made straight from the cell's bytes.
    static func lines(_ cells: inout CSVTable.Cells, _ row: Int, _ column: Int?) -> [String] {
        cells.withBytes(row, column) { bytes in
            var values: [String] = []
            for part in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
                var lo = part.startIndex, hi = part.endIndex
                while lo < hi, CSVText.isSpace(part[lo]) { lo += 1 }
                while hi > lo, CSVText.isSpace(part[hi - 1]) { hi -= 1 }
                if lo == hi { continue }
                if part[lo] < 0x80 && part[hi - 1] < 0x80 {
                    values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self))
                } else {
                    let value = TextTools.trim(String(decoding: UnsafeBufferPointer(rebasing: part), as: UTF8.self))
                    if !value.isEmpty { values.append(value) }
                }
            }
            return values
        }
    }
}
