/// The pillar written as the files of the ESCO v1.2 CSV download, with their real columns and
/// habits: records end in CRLF, multi-value cells hold one value per line inside quotes,
/// descriptions contain commas and quotes.
public enum ESCOCSV {
    public static let skillsFile = "skills_en.csv"
    public static let hierarchyFile = "skillsHierarchy_en.csv"
    public static let broaderFile = "broaderRelationsSkillPillar_en.csv"
    public static let occupationsFile = "occupations_en.csv"
    public static let relationsFile = "occupationSkillRelations_en.csv"

    static let modified = "2023-11-29T11:20:34.117Z"
    static let skillSchemes = "http://data.europa.eu/esco/concept-scheme/skills, http://data.europa.eu/esco/concept-scheme/member-skills"
    static let occupationSchemes = "http://data.europa.eu/esco/concept-scheme/occupations, http://data.europa.eu/esco/concept-scheme/member-occupations"

    /// Every file, name → bytes, in the order an import reads them.
    public static func files(_ pillar: ESCOPillar) -> [(name: String, bytes: [UInt8])] {
        [(hierarchyFile, hierarchy(pillar)), (skillsFile, skills(pillar)), (broaderFile, broader(pillar)),
         (occupationsFile, occupations(pillar)), (relationsFile, relations(pillar))]
    }

    public static func skills(_ pillar: ESCOPillar) -> [UInt8] {
        var out = CSVOut()
        out.row(["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
                 "hiddenLabels", "status", "modifiedDate", "scopeNote", "definition", "inScheme", "description"])
        for s in pillar.skills {
            out.row(["KnowledgeSkillCompetence", s.uri, s.skillType, s.reuseLevel, s.title,
                     s.altLabels.joined(separator: "\n"), "", "released", modified, "", "", skillSchemes, s.description])
        }
        return out.bytes
    }

    /// skillsHierarchy_en.csv: one row per group with the URIs and terms of its ancestors, and
    /// (as in the real file) trailing empty cells left off.
    public static func hierarchy(_ pillar: ESCOPillar) -> [UInt8] {
        var out = CSVOut()
        out.row(["Level 0 URI", "Level 0 preferred term", "Level 1 URI", "Level 1 preferred term",
                 "Level 2 URI", "Level 2 preferred term", "Level 3 URI", "Level 3 preferred term",
                 "Description", "Scope note", "Level 0 code", "Level 1 code", "Level 2 code", "Level 3 code"])
        for g in pillar.groups {
            var chain: [ESCOPillar.Group] = [g]
            while let p = chain[0].parent { chain.insert(pillar.groups[p], at: 0) }
            var cells = Array(repeating: "", count: 14)
            for (level, member) in chain.enumerated() {
                cells[level * 2] = member.uri
                cells[level * 2 + 1] = member.title
                cells[10 + level] = member.code
            }
            cells[8] = g.description
            while cells.last == "" { cells.removeLast() }
            out.row(cells)
        }
        return out.bytes
    }

    public static func broader(_ pillar: ESCOPillar) -> [UInt8] {
        var out = CSVOut()
        out.row(["conceptType", "conceptUri", "broaderType", "broaderUri"])
        for s in pillar.skills {
            switch s.broader {
            case .group(let g): out.row(["KnowledgeSkillCompetence", s.uri, "SkillGroup", pillar.groups[g].uri])
            case .skill(let k): out.row(["KnowledgeSkillCompetence", s.uri, "KnowledgeSkillCompetence", pillar.skills[k].uri])
            }
        }
        return out.bytes
    }

    public static func occupations(_ pillar: ESCOPillar) -> [UInt8] {
        var out = CSVOut()
        out.row(["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels", "status",
                 "modifiedDate", "regulatedProfessionNote", "scopeNote", "definition", "inScheme", "description", "code"])
        for (i, o) in pillar.occupationEntries.enumerated() {
            out.row(["Occupation", o.uri, o.iscoGroup, o.title, "\(o.title) (\(i + 1))\nsenior \(o.title)", "", "released",
                     modified, "http://data.europa.eu/esco/regulated-professions/unregulated", "", "", occupationSchemes,
                     o.description, "\(o.iscoGroup).\(i % 9 + 1)"])
        }
        return out.bytes
    }

    public static func relations(_ pillar: ESCOPillar) -> [UInt8] {
        var out = CSVOut()
        out.row(["occupationUri", "relationType", "skillType", "skillUri"])
        for o in pillar.occupationEntries {
            for link in o.links {
                let s = pillar.skills[link.skill]
                out.row([o.uri, link.essential ? "essential" : "optional", s.skillType, s.uri])
            }
        }
        return out.bytes
    }
}

/// RFC 4180 writing: a cell is quoted when it holds a comma, a quote or a line break.
struct CSVOut {
    var bytes: [UInt8] = []

    mutating func row(_ cells: [String]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            let utf8 = cell.utf8
            if utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                bytes.append(0x22)
                for b in utf8 {
                    bytes.append(b)
                    if b == 0x22 { bytes.append(0x22) }
                }
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }
}
