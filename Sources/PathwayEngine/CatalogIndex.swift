import Dispatch
import PathwayModel

/// The catalog's credentials numbered once, with what the checks ask of each derived once: a
/// pathway check looks up each of its credentials once by code and then works on numbers.
///
/// A class so that copying an `EngineContext` (into each check) is one reference; immutable, so
/// sharing it between threads is safe. `updating(_:in:)` makes the index of a catalog in which
/// a few credentials changed from this one, re-deriving only those credentials.
final class CatalogIndex: Sendable {
    /// A competency a credential teaches (interned), at the highest level its outcomes reach.
    struct Taught: Sendable {
        let competency: Int
        let level: EQFLevel
    }

    /// Credential number → what the checks need of it; nil where a credential was removed.
    let entries: [CredentialEntry?]
    /// Credential code → number.
    let ids: [String: Int]
    /// Every competency some credential teaches (or taught, after an update), numbered.
    let competencyIDs: [CompetencyKey: Int]
    let competencyKeys: [CompetencyKey]
    let cycles: PrerequisiteCycles
    /// Indexes into `cycles.cycles` per credential code on a cycle.
    let cyclesByCredential: [String: [Int]]
    /// The options the credentials' own findings were made with.
    let options: EngineOptions

    convenience init(catalog: Catalog, options: EngineOptions) {
        self.init(catalog: catalog, options: options,
                  parallel: catalog.credentials.count >= CatalogIndex.parallelCredentials)
    }

    /// An index derived on one thread or two (the same index either way; tests compare both).
    init(catalog: Catalog, options: EngineOptions, parallel: Bool) {
        let credentials = catalog.credentials
        let n = credentials.count
        // Sized for every competency of the map, so the numbering never grows its table.
        let capacity = max(n * 4, catalog.competencies.count)
        var entries: [CredentialEntry?] = [], ids: [String: Int] = [:]
        entries.reserveCapacity(n)
        ids.reserveCapacity(n)
        for code in credentials.keys {
            ids[code] = entries.count
            entries.append(nil)
        }
        var interner: Interner
        if parallel && n >= 2 {
            interner = CatalogIndex.deriveInTwoParts(credentials, options: options, capacity: capacity, into: &entries)
        } else {
            interner = Interner(capacity: capacity)
            var i = credentials.startIndex
            for slot in 0..<n {
                entries[slot] = CredentialEntry(credentials.values[i], options: options, interner: &interner)
                credentials.formIndex(after: &i)
            }
        }
        self.entries = entries
        self.ids = ids
        self.competencyIDs = interner.ids
        self.competencyKeys = interner.keys
        self.options = options
        (cycles, cyclesByCredential) = CatalogIndex.cycles(entries, ids: ids)
    }

    /// From this many credentials up, a new index derives them on two threads.
    static let parallelCredentials = 512

    /// Derives the entries of the credentials (in storage order, into `entries`) on two
    /// threads, each numbering what its half teaches; the second half's numbers are then
    /// translated into the first half's numbering, in the order the second half met them, so
    /// the competencies are numbered exactly as one thread going through all of them would.
    private static func deriveInTwoParts(_ credentials: [String: MicroCredential], options: EngineOptions,
                                         capacity: Int, into entries: inout [CredentialEntry?]) -> Interner {
        let n = credentials.count, split = n / 2
        let parts = PartResults()
        let starts = [credentials.startIndex, credentials.index(credentials.startIndex, offsetBy: split)]
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let count = part == 0 ? split : n - split
            var interner = Interner(capacity: part == 0 ? capacity : capacity / 2)
            var made: [CredentialEntry] = []
            made.reserveCapacity(count)
            var i = starts[part]
            for _ in 0..<count {
                made.append(CredentialEntry(credentials.values[i], options: options, interner: &interner))
                credentials.formIndex(after: &i)
            }
            parts.set(part, made, interner)
        }
        let first = parts.first!, second = parts.second!
        var interner = first.interner
        let renumbered = second.interner.keys.map { interner.id($0) }
        for (slot, entry) in first.entries.enumerated() { entries[slot] = entry }
        for (offset, entry) in second.entries.enumerated() { entries[split + offset] = entry.renumbered(renumbered) }
        return interner
    }

    /// What the two threads of `deriveInTwoParts` make: each writes only its own property,
    /// read after both have finished (`concurrentPerform` returns only then).
    private final class PartResults: @unchecked Sendable {
        var first: (entries: [CredentialEntry], interner: Interner)?
        var second: (entries: [CredentialEntry], interner: Interner)?

        func set(_ part: Int, _ made: [CredentialEntry], _ interner: Interner) {
            if part == 0 { first = (made, interner) } else { second = (made, interner) }
        }
    }

    private init(entries: [CredentialEntry?], ids: [String: Int], interner: Interner,
                 cycles: (PrerequisiteCycles, [String: [Int]]), options: EngineOptions) {
        self.entries = entries
        self.ids = ids
        self.competencyIDs = interner.ids
        self.competencyKeys = interner.keys
        (self.cycles, self.cyclesByCredential) = cycles
        self.options = options
    }

    /// The index after the credentials with these codes changed: each is re-derived from
    /// `catalog` (put when it is there, removed when not); the rest is shared with this index.
    /// Prerequisite cycles are searched again only when a requirement or a credential's
    /// existence changed.
    func updating(_ codes: some Sequence<String>, in catalog: Catalog) -> CatalogIndex {
        var entries = self.entries, ids = self.ids
        var interner = Interner(ids: competencyIDs, keys: competencyKeys)
        var requirementsChanged = false
        for code in Set(codes) {
            let old = ids[code].flatMap { entries[$0] }
            guard let c = catalog.credentials[code] else {
                if let id = ids.removeValue(forKey: code) { entries[id] = nil }
                requirementsChanged = requirementsChanged || old != nil
                continue
            }
            let entry = CredentialEntry(c, options: options, interner: &interner)
            if let id = ids[code] {
                entries[id] = entry
            } else {
                ids[code] = entries.count
                entries.append(entry)
            }
            requirementsChanged = requirementsChanged || old == nil
                || old!.prerequisites.credentials != c.prerequisites.credentials
        }
        let cycles = requirementsChanged ? CatalogIndex.cycles(entries, ids: ids) : (self.cycles, cyclesByCredential)
        return CatalogIndex(entries: entries, ids: ids, interner: interner, cycles: cycles, options: options)
    }

    /// The level at which credential `id` teaches competency `cid`, if it does.
    func level(_ id: Int, teaching cid: Int) -> EQFLevel? {
        guard let entry = entries[id] else { return nil }
        for t in entry.taught where t.competency == cid { return t.level }
        return nil
    }

    /// Every credential code in the index (any order).
    var codes: [String] { entries.compactMap { $0?.code } }

    /// Prerequisite cycles, with the "requires" graph over credential numbers (only cycles
    /// themselves are written with codes).
    private static func cycles(_ entries: [CredentialEntry?], ids: [String: Int]) -> (PrerequisiteCycles, [String: [Int]]) {
        var requires = [[Int]](repeating: [], count: entries.count)
        var any = false
        for (i, e) in entries.enumerated() {
            guard let e, !e.prerequisites.credentials.isEmpty else { continue }
            requires[i] = e.prerequisites.credentials.compactMap { ids[$0] }
            any = any || !requires[i].isEmpty
        }
        let cycles = any ? PrerequisiteCycles(requires: requires, code: { entries[$0]!.code }) : PrerequisiteCycles.none
        var byCredential: [String: [Int]] = [:]
        for (i, cycle) in cycles.cycles.enumerated() {
            for code in Set(cycle) { byCredential[code, default: []].append(i) }
        }
        return (cycles, byCredential)
    }
}

/// Numbers competencies in the order they are first met.
struct Interner {
    var ids: [CompetencyKey: Int]
    var keys: [CompetencyKey]

    init(capacity: Int) {
        ids = Dictionary(minimumCapacity: capacity)
        keys = []
        keys.reserveCapacity(capacity)
    }

    init(ids: [CompetencyKey: Int], keys: [CompetencyKey]) {
        self.ids = ids
        self.keys = keys
    }

    /// The key's number. Borrowed: a key already numbered is found without copying it (a copy
    /// retains the key's box, an object the cache has usually not seen; at ESCO scale that
    /// costs more than the lookup).
    mutating func id(_ key: borrowing CompetencyKey) -> Int {
        if let known = ids[copy key] { return known }
        let new = copy key
        ids[new] = keys.count
        keys.append(new)
        return keys.count - 1
    }
}

/// What the checks need of one credential, derived once per version of the credential.
final class CredentialEntry: Sendable {
    let code: String
    let prerequisites: Prerequisites
    /// ECTS (0 when unknown) and EQF level (0 when none).
    let ects: Double
    let eqf: Int
    /// Each competency taught once, at the highest level taught.
    let taught: [CatalogIndex.Taught]
    /// The credential's own findings (Annex I, size, hours, outcomes), before a pathway or
    /// stage is added to them.
    let findings: [CredentialFinding]

    private init(code: String, prerequisites: Prerequisites, ects: Double, eqf: Int,
                 taught: [CatalogIndex.Taught], findings: [CredentialFinding]) {
        self.code = code
        self.prerequisites = prerequisites
        self.ects = ects
        self.eqf = eqf
        self.taught = taught
        self.findings = findings
    }

    /// The same entry with its competencies' numbers translated (`numbers[old]` is the new
    /// number), kept in order of number.
    func renumbered(_ numbers: [Int]) -> CredentialEntry {
        var list = taught.map { CatalogIndex.Taught(competency: numbers[$0.competency], level: $0.level) }
        list.sort { $0.competency < $1.competency }
        return CredentialEntry(code: code, prerequisites: prerequisites, ects: ects, eqf: eqf,
                               taught: list, findings: findings)
    }

    init(_ c: MicroCredential, options: EngineOptions, interner: inout Interner) {
        code = c.code
        prerequisites = c.prerequisites
        ects = c.ects ?? 0
        eqf = c.eqfLevel?.value ?? 0
        var list: [CatalogIndex.Taught] = []
        list.reserveCapacity(c.learningOutcomes.reduce(0) { $0 + $1.mappings.count })
        var findings = CredentialChecks.designFindings(for: c, options: options)
        let eqfLevel = c.eqfLevel
        // One pass over the outcomes numbers what they teach and checks their mappings; the
        // keys are read in place (not copied) until one is new to the numbering.
        c.learningOutcomes.withUnsafeBufferPointer { outcomes in
            for o in outcomes.indices {
                outcomes[o].mappings.withUnsafeBufferPointer { mappings in
                    var top = -1
                    for j in mappings.indices {
                        let level = mappings[j].level
                        if top < 0 || mappings[top].level < level { top = j }
                        let cid = interner.id(mappings[j].competency)
                        if let i = list.firstIndex(where: { $0.competency == cid }) {
                            if list[i].level < level { list[i] = CatalogIndex.Taught(competency: cid, level: level) }
                        } else {
                            list.append(CatalogIndex.Taught(competency: cid, level: level))
                        }
                    }
                    if top < 0 || eqfLevel.map({ mappings[top].level > $0 }) == true,
                       let finding = CredentialChecks.outcomeFinding(c, outcomes[o], top: top < 0 ? nil : mappings[top]) {
                        findings.append(finding)
                    }
                }
            }
        }
        // By competency number: a pathway's teaching list is then sorted runs, cheap to merge.
        list.sort { $0.competency < $1.competency }
        taught = list
        self.findings = findings
    }
}
