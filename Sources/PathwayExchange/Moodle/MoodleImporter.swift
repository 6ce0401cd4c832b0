import PathwayModel

/// Reads a Moodle competency framework CSV (the file tool_lpimportcsv imports and exports).
///
/// - Columns are read by position (see `MoodleColumn`); the first row is the header, whatever its
///   wording. Every row must have the 14 cells.
/// - The row with "Is framework" set is the framework: its ID number is the framework code, its
///   short name the title; the scale values, scale configuration JSON and taxonomy list are kept
///   in `scale`, `scaleConfiguration` and `taxonomy` for a faithful export.
/// - Other rows are competencies: ID number → code, short name → title, the tree from "Parent ID
///   number", order as in the file. HTML descriptions become plain text (paragraphs and line
///   breaks kept, tags dropped, entities decoded). Cross references become `related` relations;
///   references to ID numbers not in the file are left out and named in a note.
/// - Competency rules (rule type, outcome, config) have no place in the model and are not kept;
///   a note says how many were set.
public enum MoodleImporter {
    public static func read(_ source: ImportSource, progress: ((Double) -> Void)? = nil) throws -> ImportedFramework {
        progress?(0)
        let records = try CSVReader.records(source)
        progress?(0.5)
        let file = source.name
        guard records.count >= 2 else {
            throw ImportError(file: file, message: "the file has no framework row; a Moodle competency framework CSV has a header row, a framework row and competency rows")
        }
        for r in records where r.fields.count != MoodleColumn.count {
            throw ImportError.line(file, r.line, "the row has \(r.fields.count) cells; Moodle framework files have \(MoodleColumn.count). Check for a missing quote or comma")
        }
        func cell(_ r: CSVRecord, _ c: MoodleColumn) -> String { r.fields[c.rawValue] }
        let rows = records.dropFirst()
        let frameworkRows = rows.filter { TextTools.trim(cell($0, .isFramework)) == "1" }
        guard let fr = frameworkRows.first else {
            throw ImportError(file: file, message: "no row has \"Is framework\" set to 1; the file needs one framework row")
        }
        if frameworkRows.count > 1 {
            throw ImportError.line(file, frameworkRows[frameworkRows.index(after: frameworkRows.startIndex)].line,
                                   "a second framework row; this importer reads one framework per file")
        }
        let code = TextTools.trim(cell(fr, .idNumber))
        if let p = Codes.problem(with: code) {
            throw ImportError.line(file, fr.line, "the framework's ID number cannot be used as a code: \(p)")
        }
        let scale = cell(fr, .scaleValues).split(separator: ",").map { TextTools.trim(String($0)) }.filter { !$0.isEmpty }
        let config = TextTools.trim(cell(fr, .scaleConfiguration))
        let taxonomy = cell(fr, .taxonomy).split(separator: ",").map { TextTools.trim(String($0)) }.filter { !$0.isEmpty }
        let title = TextTools.trim(cell(fr, .shortName))
        let framework = CompetencyFramework(
            code: code, title: title.isEmpty ? code : title,
            description: MoodleFormat.text(cell(fr, .description), format: cell(fr, .descriptionFormat)),
            source: .moodle, version: "", scale: scale,
            scaleConfiguration: config.isEmpty ? nil : config, taxonomy: taxonomy)

        var competencies: [Competency] = []
        var lineOf: [String: Int] = [:]
        var crossRefs: [(Int, [String], Int)] = []  // competency index, ID numbers, line
        var rules = 0
        var siblingCount: [String: Int] = [:]
        for r in rows where r.line != fr.line {
            let id = TextTools.trim(cell(r, .idNumber))
            if let p = Codes.problem(with: id) {
                throw ImportError.line(file, r.line, "the ID number cannot be used as a code: \(p)")
            }
            if let first = lineOf[id] {
                throw ImportError.line(file, r.line, "the ID number \(id) is already used on line \(first); ID numbers must be unique")
            }
            if id == code {
                throw ImportError.line(file, r.line, "the ID number \(id) is the framework's own; ID numbers must be unique")
            }
            lineOf[id] = r.line
            let parentID = TextTools.trim(cell(r, .parentIDNumber))
            let parent: String? = parentID.isEmpty || parentID == code ? nil : parentID
            let position = siblingCount[parent ?? "", default: 0]
            siblingCount[parent ?? ""] = position + 1
            let name = TextTools.trim(cell(r, .shortName))
            competencies.append(Competency(
                framework: code, code: id, title: name.isEmpty ? id : name,
                description: MoodleFormat.text(cell(r, .description), format: cell(r, .descriptionFormat)),
                parent: parent, position: position))
            let refs = cell(r, .crossReferences).split(separator: ",").map { TextTools.trim(String($0)) }.filter { !$0.isEmpty }
            if !refs.isEmpty { crossRefs.append((competencies.count - 1, refs, r.line)) }
            if !TextTools.trim(cell(r, .ruleType)).isEmpty { rules += 1 }
        }
        for (i, c) in competencies.enumerated() {
            if let p = c.parent, lineOf[p] == nil {
                throw ImportError.line(file, lineOf[c.code] ?? 0, "the parent ID number \(p) is not in the file; add that competency or clear the parent")
            }
            _ = i
        }
        var notes: [String] = []
        var unknown: [String] = []
        for (i, refs, _) in crossRefs {
            for ref in refs {
                if lineOf[ref] != nil && ref != competencies[i].code {
                    competencies[i].relations.append(CompetencyRelation(kind: .related, target: CompetencyKey(framework: code, code: ref)))
                } else if lineOf[ref] == nil {
                    unknown.append("\(competencies[i].code) → \(ref)")
                }
            }
        }
        if !unknown.isEmpty {
            notes.append("\(unknown.count) cross references name ID numbers that are not in the file and were left out (\(unknown.prefix(5).joined(separator: ", "))\(unknown.count > 5 ? ", …" : ""))")
        }
        if rules > 0 {
            notes.append("\(rules) competency rules (rule type/outcome/config) are not kept; set them again in Moodle after importing there")
        }
        progress?(1)
        return ImportedFramework(framework: framework, competencies: competencies, notes: notes, source: file)
    }
}
