import GRDB
import PathwayModel

extension CatalogReader {
    /// Occupations with their skills. Links name competencies by row id; each holds the key its
    /// competency already has (sharing its strings), and each list is stored at its exact size.
    /// The occupations alone, for a load that reads them after the rest of the catalog.
    static func occupations(_ db: Database, keys: KeysByID) throws -> [String: Occupation] {
        var part = Catalog()
        try readOccupations(db, into: &part, keys: keys)
        return part.occupations
    }

    static func readOccupations(_ db: Database, into catalog: inout Catalog, keys: KeysByID) throws {
        var list: [Occupation] = [], ids: [Int64] = []
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation") ?? 0
        list.reserveCapacity(count)
        ids.reserveCapacity(count)
        let r = try RowCursor(db, "SELECT id, code, uri, title, description, isco_group FROM occupation ORDER BY id")
        while try r.next() {
            ids.append(r[0])
            list.append(Occupation(code: r[1], uri: r[2], title: r[3], description: r[4], iscoGroup: r[5]))
        }
        // 130,000 links at ESCO scale, three integers each, in the table's key order (no sort):
        // occupation by occupation, optional then essential; the occupations, like the links,
        // in row id order, so both lists are walked together.
        var skills = Gathering<CompetencyKey>(capacity: 256)
        var cursor = 0, owner: Int?, ownerID = Int64.min, essential = false
        func store(_ skills: inout Gathering<CompetencyKey>) {
            guard let owner, !skills.isEmpty else { return }
            if essential { list[owner].essentialSkills = skills.take() } else { list[owner].optionalSkills = skills.take() }
        }
        let l = try RowCursor(db, "SELECT occupation, essential, competency FROM occupation_skill ORDER BY occupation, essential, position")
        while try l.next() {
            let id: Int64 = l[0], isEssential: Bool = l[1]
            if id != ownerID || isEssential != essential {
                store(&skills)
                if id != ownerID {
                    ownerID = id
                    while cursor < ids.count && ids[cursor] < id { cursor += 1 }
                    owner = cursor < ids.count && ids[cursor] == id ? cursor : nil
                }
                essential = isEssential
            }
            guard owner != nil else { continue }
            let competency: Int64 = l[2]
            guard let key = keys[competency] else {
                throw StoreError.corrupt(path: "", detail: "an occupation links to competency #\(competency), which does not exist")
            }
            skills.append(key)
        }
        store(&skills)
        catalog.occupations.reserveCapacity(catalog.occupations.count + list.count)
        while let o = list.popLast() { catalog.occupations[o.code] = o }
    }
}
