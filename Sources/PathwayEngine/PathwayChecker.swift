import PathwayModel

/// One run of the checks over one pathway. Built per check and thrown away; everything it
/// computes is proportional to the pathway's size.
struct PathwayChecker {
    let context: EngineContext
    let index: CatalogIndex
    let pathway: Pathway
    let learner: LearnerRecord?
    let routes: RouteModel
    /// Per local credential id (see `RouteModel.ids`): its number in the catalog index, nil when
    /// the credential does not exist.
    let global: [Int?]
    /// Per local id: what the index knows of the credential, nil when it does not exist.
    let entries: [CredentialEntry?]
    /// Per local id: ECTS (0 when unknown), EQF level (0 when none).
    let ectsOf: [Double]
    let eqfOf: [Int]
    /// Local ids of the credentials that exist, in stage order.
    let members: [Int]
    /// Per competency (catalog index number) taught by the pathway's credentials: who teaches it
    /// (local id) and at what level.
    let teaching: [Teaching]
    /// Target competencies that exist, each once, in the order the target lists them.
    let requiredTargets: [CompetencyLevel]
    /// Target competencies that are not in the document.
    let unknownTargets: [CompetencyKey]
    /// Per required target: where it is covered at its level (see `TargetCoverage`).
    let targetCoverage: [TargetCoverage]
    /// Per local id: its place among the credentials that can be on some route, in stage order
    /// (core before options), or -1 when no route takes it (it sits in a group choosing none).
    let routeRank: [Int]
    var findings: [Finding] = []
    /// Stage names made so far (a box, so that the checks reading them need not be mutating).
    let stageNames: StageNames

    init(context: EngineContext, pathway: Pathway, learner: LearnerRecord?) {
        self.context = context
        let index = context.index
        self.index = index
        self.pathway = pathway
        self.learner = learner
        let routes = RouteModel(pathway, catalogIDs: index.ids)
        self.routes = routes
        stageNames = StageNames(count: routes.stageCount)
        let count = routes.codes.count
        var global: [Int?] = [], entries: [CredentialEntry?] = []
        var ectsOf: [Double] = [], eqfOf: [Int] = [], members: [Int] = []
        global.reserveCapacity(count); entries.reserveCapacity(count)
        ectsOf.reserveCapacity(count); eqfOf.reserveCapacity(count); members.reserveCapacity(count)
        var teaching: [Teaching] = []
        teaching.reserveCapacity(count * 6)
        for local in routes.codes.indices {
            let g = routes.globals[local]
            let entry = g < 0 ? nil : index.entries[g]
            global.append(entry == nil ? nil : g)
            entries.append(entry)
            ectsOf.append(entry?.ects ?? 0)
            eqfOf.append(entry?.eqf ?? 0)
            guard let entry else { continue }
            members.append(local)
            for t in entry.taught { teaching.append(Teaching(competency: t.competency, credential: local, level: t.level)) }
        }
        Teaching.sort(&teaching)
        self.global = global
        self.entries = entries
        self.ectsOf = ectsOf
        self.eqfOf = eqfOf
        self.members = members
        self.teaching = teaching
        var rank = [Int](repeating: -1, count: count), next = 0
        for id in routes.ids(in: routes.allStages) where rank[id] < 0 {
            rank[id] = next
            next += 1
        }
        routeRank = rank
        var targets: [(CompetencyLevel, Dictionary<CompetencyKey, Competency>.Index)] = [], unknown: [CompetencyKey] = []
        let wanted = pathway.target.competencies
        targets.reserveCapacity(wanted.count)
        // Repeats are recognised by where the competency is stored (no string comparison).
        var found: [Dictionary<CompetencyKey, Competency>.Index] = []
        found.reserveCapacity(wanted.count)
        for t in wanted {
            guard let i = context.catalog.competencies.index(forKey: t.competency) else {
                unknown.append(t.competency)
                continue
            }
            if !found.contains(i) {
                found.append(i)
                targets.append((t, i))
            }
        }
        requiredTargets = targets.map(\.0)
        unknownTargets = unknown
        targetCoverage = targets.map { t, _ in
            let cid = index.competencyIDs[t.competency]
            let who = cid.map { Array(Teaching.teachers(of: $0, in: teaching)) } ?? []
            return TargetCoverage(target: t, competency: cid,
                                  held: learner?.holds(t.competency, at: t.level) == true, teachers: who, routes: routes)
        }
    }


    /// The level at which the credential with this local id teaches the competency (catalog
    /// index number), if it does.
    func level(_ local: Int, teaching cid: Int?) -> EQFLevel? {
        guard let cid, let entry = entries[local] else { return nil }
        for t in entry.taught where t.competency == cid { return t.level }
        return nil
    }

    mutating func run() -> PathwayReport {
        checkStructure()
        checkElectiveGroups()
        checkPrerequisites()
        checkCycles()
        let ects = checkECTS()
        let eqf = checkEQF()
        checkCoverage()
        checkOverlap()
        for i in members {
            for f in entries[i]!.findings {
                findings.append(f.finding(pathway: pathway.code, stage: routes.firstSlot[i].stage, context: context))
            }
        }
        let stages = stageFigures()
        return PathwayReport(pathway: pathway.code, findings: Finding.ordered(findings), ects: ects, eqf: eqf,
                             stages: stages,
                             coverage: stages.last?.cumulativeCoverage
                                ?? CoverageCount(everyRoute: 0, someRoute: 0, required: requiredTargets.count))
    }

    // MARK: - Helpers

    mutating func add(_ code: FindingCode, _ message: Sentence, fix: Sentence? = nil, _ entities: [EntityRef]) {
        findings.append(Finding(code, message.text, fix: fix?.text, pathway: pathway.code, entities: entities))
    }

    var p: EntityRef { .pathway(pathway.code) }

    /// A finding's entities in one array made at its size: the leading ones, each credential,
    /// then `last` (joining array literals would make and throw away an array per part).
    func entities(_ a: EntityRef, _ b: EntityRef? = nil, _ c: EntityRef? = nil, _ d: EntityRef? = nil,
                  credentials codes: some Collection<String>, then last: EntityRef? = nil) -> [EntityRef] {
        var out: [EntityRef] = []
        out.reserveCapacity(4 + codes.count + 1)
        out.append(a)
        if let b { out.append(b) }
        if let c { out.append(c) }
        if let d { out.append(d) }
        for code in codes { out.append(.credential(code)) }
        if let last { out.append(last) }
        return out
    }

    func stageRef(_ s: Int) -> EntityRef { .stage(pathway: pathway.code, index: s) }

    func groupRef(_ s: Int, _ g: Int) -> EntityRef { .electiveGroup(pathway: pathway.code, stage: s, group: g) }

    /// "stage 2 (Practice)", or "stage 2" when untitled. Made once per stage, when a finding
    /// first names it.
    func stageName(_ s: Int) -> String {
        if s < stageNames.names.count, let known = stageNames.names[s] { return known }
        let title = s < pathway.stages.count ? pathway.stages[s].title : ""
        let name = title.isEmpty ? "stage \(s + 1)" : "stage \(s + 1) (\(title))"
        if s < stageNames.names.count { stageNames.names[s] = name }
        return name
    }

    /// Per id: does the credential teach the competency at this level or above?
    func teaches(_ cid: Int?, atLeast level: EQFLevel) -> [Bool] {
        var mask = [Bool](repeating: false, count: routes.codes.count)
        guard let cid else { return mask }
        for t in teachers(of: cid) where t.level >= level { mask[t.id] = true }
        return mask
    }

    func code(_ id: Int) -> String { routes.codes[id] }

    /// Who in the pathway teaches a competency (catalog index number), and at what level.
    func teachers(of cid: Int) -> LazyMapSequence<ArraySlice<Teaching>, (id: Int, level: EQFLevel)> {
        Teaching.teachers(of: cid, in: teaching)
    }
}

extension Teaching {
    /// The entries for one competency in a list sorted by competency (binary search).
    static func teachers(of cid: Int, in teaching: [Teaching]) -> LazyMapSequence<ArraySlice<Teaching>, (id: Int, level: EQFLevel)> {
        var lo = 0, hi = teaching.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if teaching[mid].competency < cid { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < teaching.count && teaching[end].competency == cid { end += 1 }
        return teaching[lo..<end].lazy.map { (id: $0.credential, level: $0.level) }
    }
}

/// Stage names of one pathway check, made when first needed.
final class StageNames {
    var names: [String?]
    init(count: Int) { names = [String?](repeating: nil, count: count) }
}

/// One credential of the pathway (local id) teaching one competency (catalog index number) at
/// a level, packed in one integer whose order is (competency, credential): a pathway sorts a
/// few hundred of these per check. (Room for 2^40 competencies and 2^20 credentials a pathway.)
struct Teaching: Comparable {
    let bits: UInt64

    init(competency: Int, credential: Int, level: EQFLevel) {
        bits = UInt64(competency) << 24 | UInt64(credential) << 4 | UInt64(level.value)
    }

    var competency: Int { Int(bits >> 24) }
    var credential: Int { Int(bits >> 4 & 0xF_FFFF) }
    var level: EQFLevel { EQFLevel(Int(bits & 0xF))! }

    static func < (a: Teaching, b: Teaching) -> Bool { a.bits < b.bits }

    /// Sorts a pathway's list ascending, as `sort()` would: elements equal in `bits` are the
    /// same value, so the standard library's stability (and its cost, about half of a
    /// pathway's set-up) buys nothing. Quicksort over the packed integers, insertion sort for
    /// short runs.
    static func sort(_ list: inout [Teaching]) {
        list.withUnsafeMutableBufferPointer { sort($0, 0, $0.count - 1) }
    }

    private static func sort(_ a: UnsafeMutableBufferPointer<Teaching>, _ low: Int, _ high: Int) {
        var lo = low, hi = high
        while hi - lo > 16 {
            let mid = lo + (hi - lo) / 2
            if a[mid].bits < a[lo].bits { a.swapAt(mid, lo) }
            if a[hi].bits < a[lo].bits { a.swapAt(hi, lo) }
            if a[hi].bits < a[mid].bits { a.swapAt(hi, mid) }
            let pivot = a[mid].bits
            var i = lo, j = hi
            while i <= j {
                while a[i].bits < pivot { i += 1 }
                while a[j].bits > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // The shorter side first, by recursion; the longer one by this loop.
            if j - lo < hi - i {
                sort(a, lo, j)
                lo = i
            } else {
                sort(a, i, hi)
                hi = j
            }
        }
        guard hi > lo else { return }
        for k in lo + 1...hi {
            let x = a[k]
            var m = k - 1
            while m >= lo && a[m].bits > x.bits {
                a[m + 1] = a[m]
                m -= 1
            }
            a[m + 1] = x
        }
    }
}

/// Where one target competency is covered at its required level, stage by stage.
///
/// "On every route" over several stages is true when it is true for one of them (each stage's
/// core and groups are taken on every route), so cumulative figures are running ORs.
struct TargetCoverage {
    let target: CompetencyLevel
    /// The target competency's number in the catalog index; nil when no credential teaches it.
    let competency: Int?
    /// The learner already holds it.
    let held: Bool
    /// Credentials of the pathway teaching the competency (local id), at any level.
    let teachers: [(id: Int, level: EQFLevel)]
    /// Per stage: bit 0 set when covered on every route, bit 1 when on some route.
    let stages: [UInt8]

    init(target: CompetencyLevel, competency: Int?, held: Bool,
         teachers: [(id: Int, level: EQFLevel)], routes: RouteModel) {
        self.target = target
        self.competency = competency
        self.held = held
        self.teachers = teachers
        let l = target.level
        let atLevel: (Int) -> Bool = { id in teachers.contains { $0.id == id && $0.level >= l } }
        stages = teachers.contains(where: { $0.level >= l }) ? routes.allStages.map { s in
            (routes.everyRoute(in: s..<s + 1, has: atLevel) ? 1 : 0) | (routes.someRoute(in: s..<s + 1, has: atLevel) ? 2 : 0)
        } : [UInt8](repeating: 0, count: routes.stageCount)
    }

    /// Does the credential with this local id teach the competency at the required level?
    func atLevel(_ id: Int) -> Bool { teachers.contains { $0.id == id && $0.level >= target.level } }

    func everyRoute(_ stage: Int) -> Bool { stages[stage] & 1 != 0 }
    func someRoute(_ stage: Int) -> Bool { stages[stage] & 2 != 0 }

    var coveredOnEveryRoute: Bool { held || stages.contains { $0 & 1 != 0 } }
    var coveredOnSomeRoute: Bool { held || stages.contains { $0 & 2 != 0 } }
}

/// "A", "A and B", "A, B and C" (or "A, B or C").
func listed(_ items: [String], or: Bool = false) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
        // One string made at its size (joining and then adding the last made three).
        var out = ""
        out.reserveCapacity(items.reduce(4) { $0 + $1.utf8.count + 2 })
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(i < items.count - 1 ? ", " : or ? " or " : " and ") }
            out.append(item)
        }
        return out
    }
}

/// ECTS as people write them: 5, 2.5, 0.25.
func credits(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    let r = (x * 100).rounded() / 100
    return String(r)
}
