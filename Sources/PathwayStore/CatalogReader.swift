import GRDB
import PathwayModel

/// Reads the whole document into a `Catalog`: one ordered query per table, rows read by column
/// index and attached to their owners in memory, so loading stays linear in the document's size.
enum CatalogReader {
    static func read(_ db: Database) throws -> Catalog {
        var catalog = Catalog()
        try readFrameworks(db, into: &catalog)
        let keysByID = try readCompetencies(db, into: &catalog)
        let keys = SharedKeys(catalog.competencies)
        try readCredentials(db, into: &catalog, keys: keys)
        try readPathways(db, into: &catalog, keys: keys)
        try readLearners(db, into: &catalog, keys: keys)
        try readOccupations(db, into: &catalog, keys: keysByID)
        try readComments(db, into: &catalog, keys: keys)
        return catalog
    }

    /// The keys of the competencies read, so that every reference to a competency holds the very
    /// strings of that competency's own key instead of a copy read from its row: at ESCO scale
    /// there are tens of thousands of references, each otherwise two strings on the heap.
    struct SharedKeys {
        let competencies: [CompetencyKey: Competency]

        init(_ competencies: [CompetencyKey: Competency]) { self.competencies = competencies }

        /// `key` as the catalog holds it; `key` itself when no competency has it.
        func shared(_ key: CompetencyKey) -> CompetencyKey {
            competencies.index(forKey: key).map { competencies.keys[$0] } ?? key
        }

        /// The key in columns `i` (framework) and `i + 1` (code) of `row`.
        func key(_ row: FastRow, _ i: Int) -> CompetencyKey {
            shared(CompetencyKey(framework: row[i], code: row[i + 1]))
        }
    }

    /// Calls `body` with each row of the query.
    private static func each(_ db: Database, _ sql: String, _ body: (FastRow) throws -> Void) throws {
        try FastRow.each(db, sql, body)
    }

    static func enumValue<T: RawRepresentable>(_ raw: String, _ what: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else {
            throw StoreError.corrupt(path: "", detail: "unknown \(what) '\(raw)'")
        }
        return value
    }

    static func level(_ value: Int, _ what: String) throws -> EQFLevel {
        guard let level = EQFLevel(value) else {
            throw StoreError.corrupt(path: "", detail: "\(what) has EQF level \(value)")
        }
        return level
    }

    static func strings(_ json: String, _ what: String) throws -> [String] {
        guard let list = JSONStrings.decode(json) else {
            throw StoreError.corrupt(path: "", detail: "\(what) is not a JSON list of strings")
        }
        return list
    }

    static func day(_ text: String, _ what: String) throws -> Day {
        guard let day = Day(text) else { throw StoreError.corrupt(path: "", detail: "\(what) has date '\(text)'") }
        return day
    }

    // MARK: Frameworks and competencies

    static func readFrameworks(_ db: Database, into catalog: inout Catalog) throws {
        try each(db, """
            SELECT code, title, sector, description, source, version, language, review_status, uri,
                scale_configuration, scale, taxonomy FROM framework
            """) { r in
            let f = CompetencyFramework(
                code: r[0], title: r[1], sector: r[2], description: r[3],
                source: try enumValue(r[4], "framework source"), version: r[5], language: r[6],
                reviewStatus: try enumValue(r[7], "review status"), uri: r[8],
                scale: try strings(r[10], "a framework's scale"), scaleConfiguration: r[9],
                taxonomy: try strings(r[11], "a framework's taxonomy"))
            catalog.frameworks[f.code] = f
        }
    }

    /// Reads competencies with their labels and relations; returns each one's key by row id.
    ///
    /// Competencies are read in row id order, and their labels and relations (ordered by
    /// competency) are matched to them by walking both lists together, not by a lookup per row.
    static func readCompetencies(_ db: Database, into catalog: inout Catalog) throws -> KeysByID {
        var list: [Competency] = []
        var ids: [Int64] = []
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM competency") ?? 0
        list.reserveCapacity(count)
        ids.reserveCapacity(count)
        var framework = ""
        try each(db, "SELECT id, framework, code, uri, title, description, type, parent, position FROM competency ORDER BY id") { r in
            // Rows come framework by framework: one string for each framework's code.
            if !r.text(1, equals: framework) { framework = r[1] }
            ids.append(r[0])
            list.append(Competency(
                framework: framework, code: r[2], uri: r[3], title: r[4], description: r[5],
                type: try enumValue(r[6], "competency type"), parent: r[7], position: r[8]))
        }
        /// The index in `list` of competency `id`, looked for from `cursor` on (ids ascend).
        func index(of id: Int64, from cursor: inout Int) -> Int? {
            while cursor < ids.count && ids[cursor] < id { cursor += 1 }
            return cursor < ids.count && ids[cursor] == id ? cursor : nil
        }
        var cursor = 0
        // Each competency's labels are collected, then set at once: they are stored joined.
        var labels: [String] = [], labelsOf = -1
        func setLabels() {
            if labelsOf >= 0 { list[labelsOf].altLabels = labels }
            labels.removeAll(keepingCapacity: true)
        }
        try each(db, "SELECT competency, label FROM competency_alt_label ORDER BY competency, position") { r in
            guard let i = index(of: r[0], from: &cursor) else { return }
            if i != labelsOf { setLabels(); labelsOf = i }
            labels.append(r[1])
        }
        setLabels()
        cursor = 0
        try each(db, """
            SELECT competency, kind, target_framework, target_code, target_uri
            FROM competency_relation ORDER BY competency, position
            """) { r in
            guard let i = index(of: r[0], from: &cursor) else { return }
            let framework: String? = r[2], code: String? = r[3]
            var target: CompetencyKey?
            if let framework, let code { target = CompetencyKey(framework: framework, code: code) }
            list[i].relations.append(CompetencyRelation(kind: RelationKind(rawValue: r[1]), target: target, targetURI: r[4]))
        }
        catalog.competencies.reserveCapacity(list.count)
        for c in list { catalog.competencies[c.key] = c }
        let keys = KeysByID(ids: ids, keys: list.map(\.key))
        list = []
        shareReferences(in: &catalog.competencies)
        return keys
    }

    /// Points each competency's parent code and relation targets at the strings of the
    /// competency they name.
    private static func shareReferences(in competencies: inout [CompetencyKey: Competency]) {
        func shared(_ key: CompetencyKey) -> CompetencyKey? {
            competencies.index(forKey: key).map { competencies.keys[$0] }
        }
        // Walking by index keeps the dictionary uniquely referenced (its `indices` would hold it,
        // and the first change would copy all 14,000 values).
        var i = competencies.startIndex
        while i != competencies.endIndex {
            defer { competencies.formIndex(after: &i) }
            let c = competencies.values[i]
            if let parent = c.parent, let key = shared(CompetencyKey(framework: c.framework, code: parent)) {
                competencies.values[i].parent = key.code
            }
            for r in c.relations.indices {
                if let target = c.relations[r].target, let key = shared(target) {
                    competencies.values[i].relations[r].target = key
                }
            }
        }
    }

    // MARK: Credentials

    static func readCredentials(_ db: Database, into catalog: inout Catalog, keys: SharedKeys) throws {
        var list: [MicroCredential] = []
        var index: [String: Int] = [:]
        try each(db, """
            SELECT code, title, awarding_body, issuer_country, ects, hours, eqf_level, qf_ehea_cycle,
                assessment, participation, quality_assurance, prerequisite_note, supervision, grading_scheme,
                stackable, further_information, summary, isced_field, status, stackable_towards, languages
            FROM credential
            """) { r in
            let eqf: Int? = r[6], cycle: String? = r[7], participation: String? = r[9], supervision: String? = r[12]
            let stackable: Bool = r[14]
            index[r[0]] = list.count
            list.append(MicroCredential(
                code: r[0], title: r[1], awardingBody: r[2], issuerCountry: r[3], ects: r[4], hours: r[5],
                eqfLevel: try eqf.map { try level($0, "a credential") },
                qfEheaCycle: try cycle.map { try enumValue($0, "QF-EHEA cycle") },
                assessment: r[8],
                participation: try participation.map { try enumValue($0, "form of participation") },
                qualityAssurance: r[10],
                prerequisites: Prerequisites(note: r[11]),
                supervision: try supervision.map { try enumValue($0, "supervision") },
                gradingScheme: r[13],
                stackability: stackable ? .stackable(towards: try strings(r[19], "stackable towards")) : .standAlone,
                furtherInformation: r[15], summary: r[16], languages: try strings(r[20], "a credential's languages"),
                iscedField: r[17], status: try enumValue(r[18], "credential status")))
        }
        // Outcome positions are written 0, 1, 2… so a position is the outcome's index.
        try each(db, "SELECT credential, id, statement FROM learning_outcome ORDER BY credential, position") { r in
            if let i = index[r[0]] { list[i].learningOutcomes.append(LearningOutcome(id: r[1], statement: r[2])) }
        }
        try each(db, """
            SELECT credential, outcome, competency_framework, competency_code, level
            FROM outcome_mapping ORDER BY credential, outcome, position
            """) { r in
            let outcome: Int = r[1]
            guard let i = index[r[0]], list[i].learningOutcomes.indices.contains(outcome) else { return }
            list[i].learningOutcomes[outcome].mappings.append(
                CompetencyLevel(competency: keys.key(r, 2), level: try level(r[4], "an outcome mapping")))
        }
        try each(db, "SELECT credential, kind, prerequisite FROM credential_prerequisite ORDER BY credential, kind, position") { r in
            guard let i = index[r[0]] else { return }
            if (r[1] as String) == "required" {
                list[i].prerequisites.credentials.append(r[2])
            } else {
                list[i].prerequisites.recommendedAfter.append(r[2])
            }
        }
        try each(db, """
            SELECT credential, competency_framework, competency_code, level
            FROM competency_prerequisite ORDER BY credential, position
            """) { r in
            guard let i = index[r[0]] else { return }
            list[i].prerequisites.competencies.append(
                CompetencyLevel(competency: keys.key(r, 1), level: try level(r[3], "a prerequisite")))
        }
        for c in list { catalog.credentials[c.code] = c }
    }

    // MARK: Pathways

    static func readPathways(_ db: Database, into catalog: inout Catalog, keys: SharedKeys) throws {
        var list: [Pathway] = []
        var index: [String: Int] = [:]
        try each(db, """
            SELECT code, title, description, review_status, target_occupation, target_occupation_uri,
                target_eqf_level, target_min_ects, target_max_ects FROM pathway
            """) { r in
            let eqf: Int? = r[6]
            index[r[0]] = list.count
            list.append(Pathway(
                code: r[0], title: r[1], description: r[2], reviewStatus: try enumValue(r[3], "review status"),
                target: PathwayTarget(occupation: r[4], occupationURI: r[5],
                                      eqfLevel: try eqf.map { try level($0, "a pathway target") },
                                      minECTS: r[7], maxECTS: r[8])))
        }
        try each(db, """
            SELECT pathway, competency_framework, competency_code, level
            FROM target_competency ORDER BY pathway, position
            """) { r in
            guard let i = index[r[0]] else { return }
            list[i].target.competencies.append(
                CompetencyLevel(competency: keys.key(r, 1), level: try level(r[3], "a pathway target")))
        }
        try each(db, "SELECT pathway, title FROM stage ORDER BY pathway, position") { r in
            if let i = index[r[0]] { list[i].stages.append(Stage(title: r[1])) }
        }
        try each(db, "SELECT pathway, stage, credential FROM stage_core ORDER BY pathway, stage, position") { r in
            let s: Int = r[1]
            guard let i = index[r[0]], list[i].stages.indices.contains(s) else { return }
            list[i].stages[s].core.append(r[2])
        }
        try each(db, "SELECT pathway, stage, title, choose FROM elective_group ORDER BY pathway, stage, position") { r in
            let s: Int = r[1]
            guard let i = index[r[0]], list[i].stages.indices.contains(s) else { return }
            list[i].stages[s].electiveGroups.append(ElectiveGroup(title: r[2], choose: r[3], options: []))
        }
        try each(db, "SELECT pathway, stage, grp, credential FROM elective_option ORDER BY pathway, stage, grp, position") { r in
            let s: Int = r[1], g: Int = r[2]
            guard let i = index[r[0]], list[i].stages.indices.contains(s),
                  list[i].stages[s].electiveGroups.indices.contains(g) else { return }
            list[i].stages[s].electiveGroups[g].options.append(r[3])
        }
        for p in list { catalog.pathways[p.code] = p }
    }

    // MARK: Learners, occupations, comments

    static func readLearners(_ db: Database, into catalog: inout Catalog, keys: SharedKeys) throws {
        try each(db, "SELECT name, note FROM learner") { r in
            let l = Learner(name: r[0], note: r[1])
            catalog.learners[l.name] = l
        }
        try each(db, "SELECT learner, credential, date FROM completion ORDER BY learner, position") { r in
            let completion = Completion(credential: r[1], date: try day(r[2], "a completion"))
            catalog.learners[r[0]]?.completions.append(completion)
        }
        try each(db, """
            SELECT learner, competency_framework, competency_code, level FROM prior_learning ORDER BY learner, position
            """) { r in
            let held = CompetencyLevel(competency: keys.key(r, 1), level: try level(r[3], "prior learning"))
            catalog.learners[r[0]]?.priorLearning.append(held)
        }
    }

    static func readOccupations(_ db: Database, into catalog: inout Catalog, keys: KeysByID) throws {
        var list: [Occupation] = []
        var indexByID: [Int64: Int] = [:]
        try each(db, "SELECT id, code, uri, title, description, isco_group FROM occupation") { r in
            indexByID[r[0]] = list.count
            list.append(Occupation(code: r[1], uri: r[2], title: r[3], description: r[4], iscoGroup: r[5]))
        }
        // 130,000 links at ESCO scale, four integers each, in the table's key order (no sort);
        // each holds the key its competency already has, sharing its strings. An occupation's
        // lists are gathered in scratch arrays and stored at their exact size (appending to them
        // in place would leave a third of their capacity unused on average).
        var current: Int64 = -1
        var essential: [CompetencyKey] = [], optional: [CompetencyKey] = []
        var missing: Int64?
        func exact(_ scratch: [CompetencyKey]) -> [CompetencyKey] {
            var list: [CompetencyKey] = []
            list.reserveCapacity(scratch.count)
            list.append(contentsOf: scratch)
            return list
        }
        func flush() {
            if let i = indexByID[current] {
                list[i].essentialSkills = exact(essential)
                list[i].optionalSkills = exact(optional)
            }
            essential.removeAll(keepingCapacity: true)
            optional.removeAll(keepingCapacity: true)
        }
        try each(db, "SELECT occupation, essential, competency FROM occupation_skill ORDER BY occupation, essential, position") { r in
            let occupation: Int64 = r[0]
            if occupation != current {
                flush()
                current = occupation
            }
            guard let key = keys[r[2]] else {
                missing = r[2]
                return
            }
            if r[1] as Bool { essential.append(key) } else { optional.append(key) }
        }
        flush()
        if let missing {
            throw StoreError.corrupt(path: "", detail: "an occupation links to competency #\(missing), which does not exist")
        }
        catalog.occupations.reserveCapacity(list.count)
        for o in list { catalog.occupations[o.code] = o }
    }

    static func readComments(_ db: Database, into catalog: inout Catalog, keys: SharedKeys) throws {
        try each(db, """
            SELECT id, author, date, text, subject_kind, framework, competency_framework, competency_code,
                credential, pathway FROM comment
            """) { r in
            let kind: String = r[4]
            let subject: CommentSubject
            switch kind {
            case "framework": subject = .framework(r[5])
            case "competency": subject = .competency(keys.key(r, 6))
            case "credential": subject = .credential(r[8])
            default: subject = .pathway(r[9])
            }
            let c = ReviewComment(id: r[0], author: r[1], date: try day(r[2], "a comment"), text: r[3], subject: subject)
            catalog.comments[c.id] = c
        }
    }
}
