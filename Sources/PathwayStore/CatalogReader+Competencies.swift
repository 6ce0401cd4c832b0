import GRDB
import PathwayModel

extension CatalogReader {
    static func readFrameworks(_ db: Database, into catalog: inout Catalog) throws {
        let r = try RowCursor(db, """
            SELECT code, title, sector, description, source, version, language, review_status, uri,
                scale_configuration, scale, taxonomy FROM framework
            """)
        while try r.next() {
            let f = CompetencyFramework(
                code: r[0], title: r[1], sector: r[2], description: r[3],
                source: try r.choice(4, "framework source"), version: r[5], language: r[6],
                reviewStatus: try r.choice(7, "review status"), uri: r[8],
                scale: try strings(r[10], "a framework's scale"), scaleConfiguration: r[9],
                taxonomy: try strings(r[11], "a framework's taxonomy"))
            catalog.frameworks[f.code] = f
        }
    }

    /// Reads competencies with their labels and relations; returns each one's key by row id.
    ///
    /// Competencies are read in row id order into an array; their labels and relations (ordered
    /// by competency) find their owner by row id. Each key is made once (it hashes its strings
    /// when made) and shared by the competency, the catalog's dictionary and every reference.
    /// `labels` gives the alternative labels (read on this connection or another).
    static func readCompetencies(_ db: Database, into catalog: inout Catalog, labels: () throws -> AltLabels) throws -> KeysByID {
        var list: [Competency] = [], ids: [Int64] = [], keys: [CompetencyKey] = []
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM competency") ?? 0
        list.reserveCapacity(count)
        ids.reserveCapacity(count)
        keys.reserveCapacity(count)
        var framework = ""
        let r = try RowCursor(db, "SELECT id, framework, code, uri, title, description, type, parent, position FROM competency ORDER BY id")
        while try r.next() {
            // Rows come framework by framework: one string for each framework's code.
            if !r.text(1, equals: framework) { framework = r[1] }
            let key = CompetencyKey(framework: framework, code: r[2])
            ids.append(r[0])
            keys.append(key)
            list.append(Competency(
                key: key, uri: r[3], title: r[4], description: r[5],
                type: try r.choice(6, "competency type"), parent: r[7], position: r[8]))
        }
        let byID = KeysByID(ids: ids, keys: keys)
        ids = []
        try labels().attach(to: &list, byID: byID)
        try readRelations(db, into: &list, byID: byID)
        catalog.competencies.reserveCapacity(catalog.competencies.count + list.count)
        while let c = list.popLast() {
            catalog.competencies[keys[list.count]] = c
        }
        shareReferences(in: &catalog.competencies)
        return byID
    }

    private static func readRelations(_ db: Database, into list: inout [Competency], byID: KeysByID) throws {
        var relations = Gathering<CompetencyRelation>()
        var owner: Int?, ownerID = Int64.min
        let r = try RowCursor(db, """
            SELECT competency, kind, target_framework, target_code, target_uri
            FROM competency_relation ORDER BY competency, position
            """)
        while try r.next() {
            let id: Int64 = r[0]
            if id != ownerID {
                if let owner, !relations.isEmpty { list[owner].relations = relations.take() }
                ownerID = id
                owner = byID.index(of: id)
            }
            guard owner != nil else { continue }
            let framework: String? = r[2], code: String? = r[3]
            var target: CompetencyKey?
            if let framework, let code { target = CompetencyKey(framework: framework, code: code) }
            relations.append(CompetencyRelation(kind: RelationKind(rawValue: r[1]), target: target, targetURI: r[4]))
        }
        if let owner, !relations.isEmpty { list[owner].relations = relations.take() }
    }

    /// Points each competency's parent code and relation targets at the strings of the
    /// competency they name.
    private static func shareReferences(in competencies: inout [CompetencyKey: Competency]) {
        // Walking by index keeps the dictionary uniquely referenced (its `indices` would hold it,
        // and the first change would copy all 14,000 values); each field is read in place.
        var i = competencies.startIndex
        while i != competencies.endIndex {
            defer { competencies.formIndex(after: &i) }
            if let parent = competencies.values[i].parent,
               let j = competencies.index(forKey: CompetencyKey(framework: competencies.keys[i].framework, code: parent)) {
                competencies.values[i].parent = competencies.keys[j].code
            }
            for r in competencies.values[i].relations.indices {
                if let target = competencies.values[i].relations[r].target, let j = competencies.index(forKey: target) {
                    competencies.values[i].relations[r].target = competencies.keys[j]
                }
            }
        }
    }
}
