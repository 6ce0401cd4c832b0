import GRDB
import PathwayModel

/// Writes model values as rows, inside a transaction the caller opened.
///
/// A put is an upsert of the entity's row (its id, and rows referring to it, stay) followed by
/// replacing its child rows. Statements are prepared once per connection and reused, so a bulk
/// import costs little more than SQLite's own inserts.
///
/// The search index is written last, in rowid order (`finish()`): FTS5 flushes its pending terms
/// whenever a rowid repeats or goes backwards, so writing it row by row alongside the
/// competencies would flush thousands of times in an ESCO-sized import.
final class CatalogWriter {
    let db: Database
    /// Competencies whose search entry must be rewritten before commit.
    private var searchPending: Set<Int64> = []
    /// Whether those competencies may already have search entries (false while seeding empty tables).
    private var searchMayExist = false
    /// Occupations put whose links are still to be written, by code (`finish()` writes them).
    private var linksPending: [String: Occupation] = [:]

    init(_ db: Database) { self.db = db }

    /// Writes occupations' links and brings the search index up to date with everything
    /// written; call once before commit.
    func finish() throws {
        try writePendingLinks()
        guard !searchPending.isEmpty else { return }
        // One statement per phase, ids ascending: FTS5 then buffers every new entry in memory and
        // writes its index once at commit.
        let ids = "[" + searchPending.sorted().map(String.init).joined(separator: ",") + "]"
        searchPending = []
        if searchMayExist {
            try run("DELETE FROM competency_search WHERE rowid IN (SELECT value FROM json_each(?))", [ids])
        }
        try run("""
            INSERT INTO competency_search (rowid, title, alt_labels, description)
            SELECT c.id, c.title,
                   coalesce((SELECT group_concat(label, char(10)) FROM competency_alt_label WHERE competency = c.id), ''),
                   c.description
            FROM json_each(?) j JOIN competency c ON c.id = j.value
            ORDER BY c.id
            """, [ids])
        searchMayExist = false
    }

    private func run(_ sql: String, _ values: [any SQLBindable]) throws {
        try FastStatement(db, sql: sql).execute(values)
    }

    func apply(_ change: Change) throws {
        switch change {
        case .putFramework(let f): try put(f)
        case .removeFramework(let code): try run("DELETE FROM framework WHERE code = ?", [code])
        case .putCompetency(let c): try put(c, fresh: false)
        case .removeCompetency(let key):
            try run("DELETE FROM competency WHERE framework = ? AND code = ?", [key.framework, key.code])
        case .putCredential(let c): try put(c, fresh: false)
        case .removeCredential(let code): try run("DELETE FROM credential WHERE code = ?", [code])
        case .putPathway(let p): try put(p, fresh: false)
        case .removePathway(let code): try run("DELETE FROM pathway WHERE code = ?", [code])
        case .putLearner(let l): try put(l, fresh: false)
        case .removeLearner(let name): try run("DELETE FROM learner WHERE name = ?", [name])
        case .putComment(let c): try put(c)
        case .removeComment(let id): try run("DELETE FROM comment WHERE id = ?", [id])
        case .putOccupation(let o): try put(o, fresh: false)
        case .removeOccupation(let code):
            try run("DELETE FROM occupation WHERE code = ?", [code])
            linksPending[code] = nil
        }
    }

    /// Every row of the catalog into empty tables (no child rows to replace).
    func insertAll(_ catalog: Catalog) throws {
        for f in catalog.frameworkList { try put(f) }
        for c in catalog.competencies.values.sorted(by: Competency.inKeyOrder) { try put(c, fresh: true) }
        for c in catalog.credentialList { try put(c, fresh: true) }
        for p in catalog.pathwayList { try put(p, fresh: true) }
        for l in catalog.learnerList { try put(l, fresh: true) }
        for o in catalog.occupationList { try put(o, fresh: true) }
        for c in catalog.commentList { try put(c) }
        try finish()
    }

    func deleteAll() throws {
        for table in ["comment", "occupation", "learner", "pathway", "credential", "framework"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        linksPending = [:]
    }

    // MARK: Frameworks and competencies

    func put(_ f: CompetencyFramework) throws {
        try run("""
            INSERT INTO framework (code, title, sector, description, source, version, language,
                review_status, uri, scale, scale_configuration, taxonomy)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET title = excluded.title, sector = excluded.sector,
                description = excluded.description, source = excluded.source, version = excluded.version,
                language = excluded.language, review_status = excluded.review_status, uri = excluded.uri,
                scale = excluded.scale, scale_configuration = excluded.scale_configuration,
                taxonomy = excluded.taxonomy
            """, [f.code, f.title, f.sector, f.description, f.source.rawValue, f.version, f.language,
                  f.reviewStatus.rawValue, f.uri, JSONStrings.encode(f.scale), f.scaleConfiguration,
                  JSONStrings.encode(f.taxonomy)])
    }

    func put(_ c: Competency, fresh: Bool) throws {
        let upsert = try FastStatement(db, sql: """
            INSERT INTO competency (framework, code, uri, title, description, type, parent, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (framework, code) DO UPDATE SET uri = excluded.uri, title = excluded.title,
                description = excluded.description, type = excluded.type, parent = excluded.parent,
                position = excluded.position
            RETURNING id
            """)
        let lastInsert = db.lastInsertedRowID
        guard let id = try upsert.int64([c.framework, c.code, c.uri, c.title, c.description,
                                         c.type.rawValue, c.parent, c.position]) else { return }
        // An upsert that updated leaves last_insert_rowid alone; only then can child rows exist.
        let inserted = db.lastInsertedRowID != lastInsert
        if !fresh && !inserted {
            try run("DELETE FROM competency_alt_label WHERE competency = ?", [id])
            try run("DELETE FROM competency_relation WHERE competency = ?", [id])
            searchMayExist = true
        }
        searchPending.insert(id)
        if c.altLabels.contains(where: { $0.utf8.contains(0) }) {
            // json_each would cut a label at a NUL; such labels go one by one.
            for (i, label) in c.altLabels.enumerated() {
                try run("INSERT INTO competency_alt_label (competency, position, label) VALUES (?, ?, ?)", [id, i, label])
            }
        } else if !c.altLabels.isEmpty {
            // One statement for all labels: ESCO skills carry several each, 100,000 in all.
            try run("""
                INSERT INTO competency_alt_label (competency, position, label)
                SELECT ?, key, value FROM json_each(?)
                """, [id, JSONStrings.encode(c.altLabels)])
        }
        for (i, r) in c.relations.enumerated() {
            try run("""
                INSERT INTO competency_relation (competency, position, kind, target_framework, target_code, target_uri)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [id, i, r.kind.rawValue, r.target?.framework, r.target?.code, r.targetURI])
        }
    }

    // MARK: Credentials

    func put(_ c: MicroCredential, fresh: Bool) throws {
        let towards: [String]
        switch c.stackability {
        case .standAlone: towards = []
        case .stackable(let t): towards = t
        }
        try run("""
            INSERT INTO credential (code, title, awarding_body, issuer_country, ects, hours, eqf_level,
                qf_ehea_cycle, assessment, participation, quality_assurance, prerequisite_note, supervision,
                grading_scheme, stackable, stackable_towards, further_information, summary, languages,
                isced_field, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET title = excluded.title, awarding_body = excluded.awarding_body,
                issuer_country = excluded.issuer_country, ects = excluded.ects, hours = excluded.hours,
                eqf_level = excluded.eqf_level, qf_ehea_cycle = excluded.qf_ehea_cycle,
                assessment = excluded.assessment, participation = excluded.participation,
                quality_assurance = excluded.quality_assurance, prerequisite_note = excluded.prerequisite_note,
                supervision = excluded.supervision, grading_scheme = excluded.grading_scheme,
                stackable = excluded.stackable, stackable_towards = excluded.stackable_towards,
                further_information = excluded.further_information, summary = excluded.summary,
                languages = excluded.languages, isced_field = excluded.isced_field, status = excluded.status
            """, [c.code, c.title, c.awardingBody, c.issuerCountry, c.ects, c.hours, c.eqfLevel?.value,
                  c.qfEheaCycle?.rawValue, c.assessment, c.participation?.rawValue, c.qualityAssurance,
                  c.prerequisites.note, c.supervision?.rawValue, c.gradingScheme,
                  c.stackability.isStackable, JSONStrings.encode(towards), c.furtherInformation, c.summary,
                  JSONStrings.encode(c.languages), c.iscedField, c.status.rawValue])
        if !fresh {
            try run("DELETE FROM learning_outcome WHERE credential = ?", [c.code])
            try run("DELETE FROM credential_prerequisite WHERE credential = ?", [c.code])
            try run("DELETE FROM competency_prerequisite WHERE credential = ?", [c.code])
        }
        for (i, o) in c.learningOutcomes.enumerated() {
            try run("INSERT INTO learning_outcome (credential, position, id, statement) VALUES (?, ?, ?, ?)",
                    [c.code, i, o.id, o.statement])
            for (j, m) in o.mappings.enumerated() {
                try run("""
                    INSERT INTO outcome_mapping (credential, outcome, position, competency_framework, competency_code, level)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, [c.code, i, j, m.competency.framework, m.competency.code, m.level.value])
            }
        }
        let prerequisites = c.prerequisites
        for (kind, codes) in [("required", prerequisites.credentials), ("recommended", prerequisites.recommendedAfter)] {
            for (i, code) in codes.enumerated() {
                try run("INSERT INTO credential_prerequisite (credential, kind, position, prerequisite) VALUES (?, ?, ?, ?)",
                        [c.code, kind, i, code])
            }
        }
        for (i, p) in prerequisites.competencies.enumerated() {
            try run("""
                INSERT INTO competency_prerequisite (credential, position, competency_framework, competency_code, level)
                VALUES (?, ?, ?, ?, ?)
                """, [c.code, i, p.competency.framework, p.competency.code, p.level.value])
        }
    }

    // MARK: Pathways

    func put(_ p: Pathway, fresh: Bool) throws {
        let t = p.target
        try run("""
            INSERT INTO pathway (code, title, description, review_status, target_occupation,
                target_occupation_uri, target_eqf_level, target_min_ects, target_max_ects)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET title = excluded.title, description = excluded.description,
                review_status = excluded.review_status, target_occupation = excluded.target_occupation,
                target_occupation_uri = excluded.target_occupation_uri,
                target_eqf_level = excluded.target_eqf_level, target_min_ects = excluded.target_min_ects,
                target_max_ects = excluded.target_max_ects
            """, [p.code, p.title, p.description, p.reviewStatus.rawValue, t.occupation, t.occupationURI,
                  t.eqfLevel?.value, t.minECTS, t.maxECTS])
        if !fresh {
            try run("DELETE FROM target_competency WHERE pathway = ?", [p.code])
            try run("DELETE FROM stage WHERE pathway = ?", [p.code])
        }
        for (i, c) in t.competencies.enumerated() {
            try run("""
                INSERT INTO target_competency (pathway, position, competency_framework, competency_code, level)
                VALUES (?, ?, ?, ?, ?)
                """, [p.code, i, c.competency.framework, c.competency.code, c.level.value])
        }
        for (s, stage) in p.stages.enumerated() {
            try run("INSERT INTO stage (pathway, position, title) VALUES (?, ?, ?)", [p.code, s, stage.title])
            for (i, code) in stage.core.enumerated() {
                try run("INSERT INTO stage_core (pathway, stage, position, credential) VALUES (?, ?, ?, ?)",
                        [p.code, s, i, code])
            }
            for (g, group) in stage.electiveGroups.enumerated() {
                try run("INSERT INTO elective_group (pathway, stage, position, title, choose) VALUES (?, ?, ?, ?, ?)",
                        [p.code, s, g, group.title, group.choose])
                for (i, code) in group.options.enumerated() {
                    try run("""
                        INSERT INTO elective_option (pathway, stage, grp, position, credential) VALUES (?, ?, ?, ?, ?)
                        """, [p.code, s, g, i, code])
                }
            }
        }
    }

    // MARK: Learners, comments, occupations

    func put(_ l: Learner, fresh: Bool) throws {
        try run("INSERT INTO learner (name, note) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET note = excluded.note",
                [l.name, l.note])
        if !fresh {
            try run("DELETE FROM completion WHERE learner = ?", [l.name])
            try run("DELETE FROM prior_learning WHERE learner = ?", [l.name])
        }
        for (i, c) in l.completions.enumerated() {
            try run("INSERT INTO completion (learner, position, credential, date) VALUES (?, ?, ?, ?)",
                    [l.name, i, c.credential, c.date.description])
        }
        for (i, p) in l.priorLearning.enumerated() {
            try run("""
                INSERT INTO prior_learning (learner, position, competency_framework, competency_code, level)
                VALUES (?, ?, ?, ?, ?)
                """, [l.name, i, p.competency.framework, p.competency.code, p.level.value])
        }
    }

    func put(_ c: ReviewComment) throws {
        var framework: String?, competency: CompetencyKey?, credential: String?, pathway: String?
        switch c.subject {
        case .framework(let f): framework = f
        case .competency(let k): competency = k
        case .credential(let k): credential = k
        case .pathway(let p): pathway = p
        }
        try run("""
            INSERT INTO comment (id, author, date, text, subject_kind, framework, competency_framework,
                competency_code, credential, pathway)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET author = excluded.author, date = excluded.date, text = excluded.text,
                subject_kind = excluded.subject_kind, framework = excluded.framework,
                competency_framework = excluded.competency_framework, competency_code = excluded.competency_code,
                credential = excluded.credential, pathway = excluded.pathway
            """, [c.id, c.author, c.date.description, c.text, c.subject.kind, framework,
                  competency?.framework, competency?.code, credential, pathway])
    }

    func put(_ o: Occupation, fresh: Bool) throws {
        guard let id = try FastStatement(db, sql: """
            INSERT INTO occupation (code, uri, title, description, isco_group) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET uri = excluded.uri, title = excluded.title,
                description = excluded.description, isco_group = excluded.isco_group
            RETURNING id
            """).int64([o.code, o.uri, o.title, o.description, o.iscoGroup]) else { return }
        if !fresh { try run("DELETE FROM occupation_skill WHERE occupation = ?", [id]) }
        linksPending[o.code] = o
    }

    /// Writes the links of the occupations put in this transaction, each competency found by key.
    /// Done last, so that a change set may put an occupation before the competencies it links to.
    private func writePendingLinks() throws {
        guard !linksPending.isEmpty else { return }
        let pending = linksPending
        linksPending = [:]
        let insert = try PreparedStatement(db, """
            INSERT INTO occupation_skill (occupation, essential, position, competency) VALUES (?, ?, ?, ?)
            """)
        let ids = CompetencyIDs(db)
        for code in pending.keys.sorted() {
            let o = pending[code]!
            guard let occupation = try FastStatement(db, sql: "SELECT id FROM occupation WHERE code = ?").int64([code]) else {
                continue
            }
            for (essential, skills) in [(false, o.optionalSkills), (true, o.essentialSkills)] {
                for (i, key) in skills.enumerated() {
                    guard let competency = try ids.id(of: key) else {
                        throw StoreError.brokenReference(
                            path: "", detail: "occupation \(code) referring to competency \(key), which does not exist")
                    }
                    insert.bind(1, occupation)
                    insert.bind(2, essential)
                    insert.bind(3, i)
                    insert.bind(4, competency)
                    try insert.run()
                }
            }
        }
    }
}
