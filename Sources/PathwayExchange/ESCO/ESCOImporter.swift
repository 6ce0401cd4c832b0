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
        var concepts = ESCOConcepts(framework: code)
        var notes: [String] = []

        if let h = files.hierarchy {
            try readHierarchy(h, into: &concepts)
            advance(h)
        }
        for (n, s) in files.skills.enumerated() {
            try readSkills(s, file: n + 1, into: &concepts)
            advance(s)
        }
        concepts.resolvePending()
        if let b = files.broader {
            try readBroader(b, into: &concepts)
            advance(b)
        }

        var occupations: [Occupation] = []
        if let o = files.occupations {
            var read = try readOccupations(o)
            advance(o)
            if let r = files.relations {
                let missing = try readRelations(r, into: &read, skills: concepts)
                if missing.skills > 0 {
                    notes.append("\(missing.skills) occupation–skill links name skills that are not in this import and were left out")
                }
                if missing.occupations > 0 {
                    notes.append("\(missing.occupations) occupation–skill links name occupations that are not in the occupations file and were left out")
                }
                advance(r)
            }
            occupations = read.occupations
        }
        let competencies = concepts.buildTree()

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
}
