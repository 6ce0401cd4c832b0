import PathwayModel

/// Writes a framework as the CSV Moodle's competency framework importer reads.
///
/// Descriptions are written as plain text (Moodle format 2, which Moodle shows with its line
/// breaks), so any text round-trips exactly. Competencies come parents first, in tree order;
/// relations of kind `related` inside the framework become cross references. The scale and
/// taxonomy kept from a Moodle import are written back; a framework without a scale gets
/// Moodle's default two-value scale so Moodle accepts it.
public enum MoodleExporter {
    public static let defaultScale = ["Not yet competent", "Competent"]
    public static let defaultScaleConfiguration = #"[{"scaleid":"2"},{"id":2,"scaledefault":1,"proficient":1}]"#

    public static func text(framework code: String, in catalog: Catalog) throws -> String {
        guard let f = catalog.frameworks[code] else {
            throw ExportError("there is no framework \(code); `pathway list frameworks` shows the codes")
        }
        let members = catalog.competencies(in: code)
        var rows: [[String]] = [MoodleColumn.allCases.map(\.header)]
        var frameworkRow = Array(repeating: "", count: MoodleColumn.count)
        frameworkRow[MoodleColumn.idNumber.rawValue] = f.code
        frameworkRow[MoodleColumn.shortName.rawValue] = f.title
        frameworkRow[MoodleColumn.description.rawValue] = f.description
        frameworkRow[MoodleColumn.descriptionFormat.rawValue] = MoodleFormat.plain
        frameworkRow[MoodleColumn.scaleValues.rawValue] = (f.scale.isEmpty ? defaultScale : f.scale).joined(separator: ",")
        frameworkRow[MoodleColumn.scaleConfiguration.rawValue] = f.scale.isEmpty ? defaultScaleConfiguration : (f.scaleConfiguration ?? "")
        frameworkRow[MoodleColumn.isFramework.rawValue] = "1"
        let depth = CompetencyTree(catalog: catalog, framework: code).depthFirst.map(\.depth).max().map { $0 + 1 } ?? 1
        frameworkRow[MoodleColumn.taxonomy.rawValue] = (f.taxonomy.isEmpty ? Array(repeating: "competency", count: depth) : f.taxonomy).joined(separator: ",")
        rows.append(frameworkRow)
        for (i, c) in members.enumerated() {
            var row = Array(repeating: "", count: MoodleColumn.count)
            row[MoodleColumn.parentIDNumber.rawValue] = c.parent ?? ""
            row[MoodleColumn.idNumber.rawValue] = c.code
            row[MoodleColumn.shortName.rawValue] = c.title
            row[MoodleColumn.description.rawValue] = c.description
            row[MoodleColumn.descriptionFormat.rawValue] = MoodleFormat.plain
            row[MoodleColumn.ruleOutcome.rawValue] = "0"
            row[MoodleColumn.ruleConfig.rawValue] = "null"
            row[MoodleColumn.crossReferences.rawValue] = c.relations
                .filter { $0.kind == .related && $0.target?.framework == code }
                .compactMap { $0.target?.code }.joined(separator: ",")
            row[MoodleColumn.exportedID.rawValue] = String(i + 1)
            rows.append(row)
        }
        return CSVWriter.document(rows)
    }
}
