import GRDB
import PathwayModel

extension CatalogReader {
    /// Pathways with their stages and elective groups, in table order, and how to find one by code.
    static func readPathways(_ db: Database) throws -> ([Pathway], OwnerByCode) {
        var list: [Pathway] = []
        var index: [String: Int] = [:]
        let r = try RowCursor(db, """
            SELECT code, title, description, review_status, target_occupation, target_occupation_uri,
                target_eqf_level, target_min_ects, target_max_ects FROM pathway
            """)
        while try r.next() {
            let eqf: Int? = r[6], code: String = r[0]
            index[code] = list.count
            list.append(Pathway(
                code: code, title: r[1], description: r[2], reviewStatus: try r.choice(3, "review status"),
                target: PathwayTarget(occupation: r[4], occupationURI: r[5],
                                      eqfLevel: try eqf.map { try level($0, "a pathway target") },
                                      minECTS: r[7], maxECTS: r[8])))
        }
        var owners = OwnerByCode(index)
        index = [:]
        let s = try RowCursor(db, "SELECT pathway, title FROM stage ORDER BY pathway, position")
        while try s.next() {
            if let i = owners.find(s) { list[i].stages.append(Stage(title: s[1])) }
        }
        let c = try RowCursor(db, "SELECT pathway, stage, credential FROM stage_core ORDER BY pathway, stage, position")
        while try c.next() {
            let stage: Int = c[1]
            guard let i = owners.find(c), list[i].stages.indices.contains(stage) else { continue }
            list[i].stages[stage].core.append(c[2])
        }
        let g = try RowCursor(db, "SELECT pathway, stage, title, choose FROM elective_group ORDER BY pathway, stage, position")
        while try g.next() {
            let stage: Int = g[1]
            guard let i = owners.find(g), list[i].stages.indices.contains(stage) else { continue }
            list[i].stages[stage].electiveGroups.append(ElectiveGroup(title: g[2], choose: g[3], options: []))
        }
        let e = try RowCursor(db, "SELECT pathway, stage, grp, credential FROM elective_option ORDER BY pathway, stage, grp, position")
        while try e.next() {
            let stage: Int = e[1], group: Int = e[2]
            guard let i = owners.find(e), list[i].stages.indices.contains(stage),
                  list[i].stages[stage].electiveGroups.indices.contains(group) else { continue }
            list[i].stages[stage].electiveGroups[group].options.append(e[3])
        }
        return (list, owners)
    }

    /// Pathways' target competency profiles, each holding its competency's own key.
    static func readTargets(_ db: Database, keys: SharedKeys, pathways list: inout [Pathway], owners: inout OwnerByCode) throws {
        let t = try RowCursor(db, """
            SELECT pathway, competency_framework, competency_code, level
            FROM target_competency ORDER BY pathway, position
            """)
        while try t.next() {
            guard let i = owners.find(t) else { continue }
            list[i].target.competencies.append(
                CompetencyLevel(competency: keys.key(t, 1), level: try level(t[3], "a pathway target")))
        }
    }
}
