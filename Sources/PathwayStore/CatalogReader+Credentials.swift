import GRDB
import PathwayModel

extension CatalogReader {
    /// Credentials with their outcomes and the prerequisites that name credentials, in table
    /// order, and how to find one by code.
    static func readCredentials(_ db: Database) throws -> ([MicroCredential], OwnerByCode) {
        var list: [MicroCredential] = []
        list.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM credential") ?? 0)
        var index: [String: Int] = [:]
        index.reserveCapacity(list.capacity)
        let r = try RowCursor(db, """
            SELECT code, title, awarding_body, issuer_country, ects, hours, eqf_level, qf_ehea_cycle,
                assessment, participation, quality_assurance, prerequisite_note, supervision, grading_scheme,
                stackable, further_information, summary, isced_field, status, stackable_towards, languages
            FROM credential
            """)
        while try r.next() {
            let eqf: Int? = r[6], stackable: Bool = r[14]
            let code: String = r[0]
            index[code] = list.count
            list.append(MicroCredential(
                code: code, title: r[1], awardingBody: r[2], issuerCountry: r[3], ects: r[4], hours: r[5],
                eqfLevel: try eqf.map { try level($0, "a credential") },
                qfEheaCycle: try r.optionalChoice(7, "QF-EHEA cycle"),
                assessment: r[8],
                participation: try r.optionalChoice(9, "form of participation"),
                qualityAssurance: r[10],
                prerequisites: Prerequisites(note: r[11]),
                supervision: try r.optionalChoice(12, "supervision"),
                gradingScheme: r[13],
                stackability: stackable ? .stackable(towards: try strings(r[19], "stackable towards")) : .standAlone,
                furtherInformation: r[15], summary: r[16], languages: try strings(r[20], "a credential's languages"),
                iscedField: r[17], status: try r.choice(18, "credential status")))
        }
        var owners = OwnerByCode(index)
        index = [:]
        // Outcome positions are written 0, 1, 2… so a position is the outcome's index.
        var outcomes = Gathering<LearningOutcome>(capacity: 16)
        var owner: Int?
        let o = try RowCursor(db, "SELECT credential, id, statement FROM learning_outcome ORDER BY credential, position")
        while try o.next() {
            let found = owners.find(o)
            if found != owner {
                if let owner, !outcomes.isEmpty { list[owner].learningOutcomes = outcomes.take() }
                owner = found
            }
            if owner != nil { outcomes.append(LearningOutcome(id: o[1], statement: o[2])) }
        }
        if let owner, !outcomes.isEmpty { list[owner].learningOutcomes = outcomes.take() }

        let p = try RowCursor(db, "SELECT credential, kind, prerequisite FROM credential_prerequisite ORDER BY credential, kind, position")
        while try p.next() {
            guard let i = owners.find(p) else { continue }
            if p.text(1, equals: "required") {
                list[i].prerequisites.credentials.append(p[2])
            } else {
                list[i].prerequisites.recommendedAfter.append(p[2])
            }
        }
        return (list, owners)
    }

    /// Outcome mappings and competency prerequisites, each holding its competency's own key.
    static func readCompetencyReferences(_ db: Database, keys: SharedKeys, credentials list: inout [MicroCredential],
                                         owners: inout OwnerByCode) throws {
        let m = try RowCursor(db, """
            SELECT credential, outcome, competency_framework, competency_code, level
            FROM outcome_mapping ORDER BY credential, outcome, position
            """)
        while try m.next() {
            let outcome: Int = m[1]
            guard let i = owners.find(m), list[i].learningOutcomes.indices.contains(outcome) else { continue }
            list[i].learningOutcomes[outcome].mappings.append(
                CompetencyLevel(competency: keys.key(m, 2), level: try level(m[4], "an outcome mapping")))
        }
        let c = try RowCursor(db, """
            SELECT credential, competency_framework, competency_code, level
            FROM competency_prerequisite ORDER BY credential, position
            """)
        while try c.next() {
            guard let i = owners.find(c) else { continue }
            list[i].prerequisites.competencies.append(
                CompetencyLevel(competency: keys.key(c, 1), level: try level(c[3], "a prerequisite")))
        }
    }
}
