import PathwayModel

/// The catalog's credentials numbered once, with what the checks ask of them kept in arrays:
/// a pathway check then looks up each of its credentials once by code and works on numbers.
///
/// A class so that copying an `EngineContext` (into each check) is one reference, not a dozen
/// arrays; immutable, so sharing it between threads is safe.
final class CatalogIndex: Sendable {
    /// A competency a credential teaches (interned), at the highest level its outcomes reach.
    struct Taught: Sendable {
        let competency: Int
        let level: EQFLevel
    }

    /// Credential number → code, and back.
    let codes: [String]
    let ids: [String: Int]
    let credentials: [MicroCredential]
    /// Per credential: ECTS (0 when unknown) and EQF level (0 when none).
    let ects: [Double]
    let eqf: [Int]
    let taught: [[Taught]]
    /// Every competency some credential teaches, numbered.
    let competencyIDs: [CompetencyKey: Int]
    let competencyKeys: [CompetencyKey]
    let cycles: PrerequisiteCycles
    /// Indexes into `cycles.cycles` per credential code on a cycle.
    let cyclesByCredential: [String: [Int]]

    init(catalog: Catalog) {
        var codes: [String] = [], ids: [String: Int] = [:], credentials: [MicroCredential] = []
        var ects: [Double] = [], eqf: [Int] = [], taught: [[Taught]] = []
        var competencyIDs: [CompetencyKey: Int] = [:], competencyKeys: [CompetencyKey] = []
        var requires: [String: [String]] = [:]
        let n = catalog.credentials.count
        codes.reserveCapacity(n); ids.reserveCapacity(n); credentials.reserveCapacity(n)
        ects.reserveCapacity(n); eqf.reserveCapacity(n); taught.reserveCapacity(n)
        for (code, c) in catalog.credentials {
            ids[code] = codes.count
            codes.append(code)
            credentials.append(c)
            ects.append(c.ects ?? 0)
            eqf.append(c.eqfLevel?.value ?? 0)
            var list: [Taught] = []
            for outcome in c.learningOutcomes {
                for m in outcome.mappings {
                    let cid: Int
                    if let known = competencyIDs[m.competency] {
                        cid = known
                    } else {
                        cid = competencyKeys.count
                        competencyIDs[m.competency] = cid
                        competencyKeys.append(m.competency)
                    }
                    if let i = list.firstIndex(where: { $0.competency == cid }) {
                        if list[i].level < m.level { list[i] = Taught(competency: cid, level: m.level) }
                    } else {
                        list.append(Taught(competency: cid, level: m.level))
                    }
                }
            }
            taught.append(list)
            if !c.prerequisites.credentials.isEmpty {
                requires[code] = c.prerequisites.credentials.filter { catalog.credentials.index(forKey: $0) != nil }
            }
        }
        self.codes = codes
        self.ids = ids
        self.credentials = credentials
        self.ects = ects
        self.eqf = eqf
        self.taught = taught
        self.competencyIDs = competencyIDs
        self.competencyKeys = competencyKeys
        let cycles = PrerequisiteCycles(requires: requires)
        self.cycles = cycles
        var byCredential: [String: [Int]] = [:]
        for (i, cycle) in cycles.cycles.enumerated() {
            for code in Set(cycle) { byCredential[code, default: []].append(i) }
        }
        self.cyclesByCredential = byCredential
    }

    /// The level at which credential `id` teaches competency `cid`, if it does.
    func level(_ id: Int, teaching cid: Int) -> EQFLevel? {
        for t in taught[id] where t.competency == cid { return t.level }
        return nil
    }
}
