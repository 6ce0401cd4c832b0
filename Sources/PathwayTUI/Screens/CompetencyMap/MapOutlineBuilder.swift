import Dispatch
import PathwayModel

/// Builds a `MapOutline` a bounded step at a time, so that the app can build the competency map
/// between keys, each step about a millisecond of work at ESCO scale (14,000 competencies, 10,000
/// learning outcomes), and a key that needs the outline before then finishes it (`finish`).
/// Building in one go runs the same steps to the end, so the outline is the same either way.
///
/// Every step reads the catalog it is given: the owner gives each the catalog of one version and
/// starts a new builder when the catalog changed. Between steps the builder holds no part of
/// the catalog but competency keys (immutable, shared) and codes, so an edit meanwhile still
/// changes the catalog in place.
///
/// The steps: gather the framework's competencies (key, parent code, position) in the catalog's
/// storage order, numbering them; link each to its parent's number (each parent code looked up
/// once); order them depth first by counting and sorting siblings; lay the outline out; then,
/// with coverage, gather which credentials teach each node, a few credentials a step, and group
/// them by node.
struct MapOutlineBuilder: Sendable {
    let framework: String
    let withCoverage: Bool
    let withTitles: Bool

    enum Phase: Int, Sendable, Comparable {
        case gather, link, order, place, cover, group, done
        static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
    }
    /// The step to do next.
    private(set) var phase = Phase.gather
    /// Progress within the phase (nodes linked, credentials read).
    private var next = 0
    /// Nodes linked and credentials read per step.
    static let linkStep = 2048
    static let coverStep = 160

    // Gathered, in the catalog's storage order (a node's number is its index here).
    private var keys: [CompetencyKey] = []
    private var parentCodes: [String?] = []
    private var positions: [Int] = []
    private var titles: [String] = []
    /// Node number by the key's hash value (equal keys hash equally); keys whose hash value
    /// another key has already are in `collided`. Lookups check the key found.
    private var byHash: [Int: Int32] = [:]
    private var collided: [CompetencyKey: Int32] = [:]
    // Linked.
    private var parents: [Int32] = []
    private var parentNumber: [String: Int32] = [:]
    // Ordered: the nodes in display order, each one's place in it (-1: left out), and depths.
    private var order: [Int32] = []
    private var newIndex: [Int32] = []
    private var depths: [Int32] = []
    /// The outline without coverage, once laid out.
    private(set) var outline = MapOutline()
    // Coverage, gathered flat as (node, credential, level).
    private var credentialCodes: [String] = []
    private var taughtNode: [Int32] = [], taughtCode: [String] = [], taughtLevel: [EQFLevel] = []

    init(framework: String, coverage: Bool = true, titles: Bool = false) {
        self.framework = framework
        withCoverage = coverage
        withTitles = titles
    }

    var isFinished: Bool { phase == .done }

    /// From this many competencies (and credentials) up, `finish` gathers (and reads) them on
    /// two threads: below it the threads cost more than they save.
    static let twoThreadsFrom = 2048

    /// Runs the steps to the end and returns the outline. A key waits for this: at ESCO scale
    /// the two longest steps, gathering the competencies and reading the credentials, run on two
    /// threads, each over half of the catalog's table in storage order; the halves are put
    /// together in order, so the outline is the one the steps on one thread make.
    mutating func finish(_ catalog: Catalog) -> MapOutline {
        finish(catalog, until: .done)
    }

    /// Runs the steps until the outline is laid out (coverage still to read, a step at a time,
    /// unless built without it) and returns it.
    mutating func finishOutline(_ catalog: Catalog) -> MapOutline {
        finish(catalog, until: .cover)
    }

    private mutating func finish(_ catalog: Catalog, until end: Phase) -> MapOutline {
        while phase < end {
            if phase == .gather && catalog.competencies.count >= Self.twoThreadsFrom {
                gather(catalog, parts: 2)
            } else if phase == .cover && next == 0 && catalog.credentials.count >= Self.twoThreadsFrom / 4 {
                coverAll(catalog)
            } else {
                step(catalog)
            }
        }
        return outline
    }

    /// Does the next step (nothing once finished).
    mutating func step(_ catalog: Catalog) {
        switch phase {
        case .gather: gather(catalog, parts: 1)
        case .link: link()
        case .order: orderNodes()
        case .place: place()
        case .cover: cover(catalog)
        case .group: group()
        case .done: break
        }
    }

    /// The number of the framework's competency with this key, if it is one.
    private func number(_ key: CompetencyKey) -> Int32? {
        if let n = byHash[key.hashValue], keys[Int(n)] == key { return n }
        return collided.isEmpty ? nil : collided[key]
    }

    /// The framework's competencies in one stretch of the catalog's table, in storage order.
    private struct Gathered {
        var keys: [CompetencyKey] = [], parentCodes: [String?] = [], positions: [Int] = []
        var titles: [String] = [], hashes: [Int] = []
    }

    /// Reads field by field: a whole competency's copy retains each of its strings, and
    /// touching 14,000 strings scattered over the heap is most of the cost.
    private static func gather(_ all: [CompetencyKey: Competency], from start: Dictionary<CompetencyKey, Competency>.Index,
                               count: Int, framework: String, titles withTitles: Bool) -> Gathered {
        var g = Gathered()
        g.keys.reserveCapacity(count)
        g.parentCodes.reserveCapacity(count)
        g.positions.reserveCapacity(count)
        g.hashes.reserveCapacity(count)
        if withTitles { g.titles.reserveCapacity(count) }
        var i = start
        for _ in 0..<count {
            if all.keys[i].framework == framework {
                let key = all.keys[i]
                g.hashes.append(key.hashValue)
                g.keys.append(key)
                g.parentCodes.append(all.values[i].parent)
                g.positions.append(all.values[i].position)
                if withTitles { g.titles.append(all.values[i].title) }
            }
            all.formIndex(after: &i)
        }
        return g
    }

    /// Gathers the framework's competencies, in `parts` stretches of the table (on as many
    /// threads), and numbers them in storage order.
    private mutating func gather(_ catalog: Catalog, parts: Int) {
        let all = catalog.competencies
        let n = all.count
        if parts < 2 || n < 2 {
            put(Self.gather(all, from: all.startIndex, count: n, framework: framework, titles: withTitles))
        } else {
            let half = n / 2
            let starts = [all.startIndex, all.index(all.startIndex, offsetBy: half)]
            let results = TwoParts<Gathered>()
            let framework = self.framework, withTitles = self.withTitles
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                results.set(part, Self.gather(all, from: starts[part], count: part == 0 ? half : n - half,
                                              framework: framework, titles: withTitles))
            }
            keys.reserveCapacity(n)
            parentCodes.reserveCapacity(n)
            positions.reserveCapacity(n)
            put(results.first!)
            put(results.second!)
        }
        parents = [Int32](repeating: -1, count: keys.count)
        parentNumber.reserveCapacity(keys.count / 4)
        phase = .link
    }

    /// Numbers gathered competencies after those already numbered.
    private mutating func put(_ g: Gathered) {
        byHash.reserveCapacity(keys.count + g.keys.count)
        for (k, h) in g.hashes.enumerated() {
            let n = Int32(keys.count + k)
            if byHash[h] == nil { byHash[h] = n } else { collided[g.keys[k]] = n }
        }
        keys += g.keys
        parentCodes += g.parentCodes
        positions += g.positions
        titles += g.titles
    }

    /// Links nodes to their parents' numbers. A parent missing from the framework makes the
    /// node a root, so it stays visible. Most nodes share a parent with many others: each parent
    /// code is looked up once.
    private mutating func link() {
        let end = min(keys.count, next + MapOutlineBuilder.linkStep)
        for i in next..<end {
            guard let p = parentCodes[i] else { continue }
            if let j = parentNumber[p] {
                parents[i] = j
            } else {
                let j = number(CompetencyKey(framework: framework, code: p)) ?? -1
                parentNumber[p] = j
                parents[i] = j
            }
        }
        next = end
        if next == keys.count {
            next = 0
            parentCodes = []
            parentNumber = [:]
            phase = .order
        }
    }

    /// Depth first from the roots, siblings by position then code. Nodes in a parent cycle are
    /// reached from no root: left out.
    private mutating func orderNodes() {
        let n = keys.count
        // Children grouped by parent (bucket n stands for "no parent"), by counting.
        var firstChild = [Int32](repeating: 0, count: n + 3)
        for i in 0..<n {
            let bucket = parents[i] < 0 ? n : Int(parents[i])
            firstChild[bucket + 2] += 1
        }
        for b in 0..<(n + 1) { firstChild[b + 2] += firstChild[b + 1] }
        var children = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let bucket = parents[i] < 0 ? n : Int(parents[i])
            children[Int(firstChild[bucket + 1])] = Int32(i)
            firstChild[bucket + 1] += 1
        }
        // Now the children of bucket b are children[firstChild[b]..<firstChild[b + 1]]; siblings
        // by position, then code (codes are read only for equal positions).
        let keys = self.keys, positions = self.positions
        children.withUnsafeMutableBufferPointer { list in
            for b in 0...n {
                let lo = Int(firstChild[b]), hi = Int(firstChild[b + 1])
                if hi - lo > 1 {
                    list[lo..<hi].sort { a, b in
                        let pa = positions[Int(a)], pb = positions[Int(b)]
                        return pa != pb ? pa < pb : keys[Int(a)].code < keys[Int(b)].code
                    }
                }
            }
        }
        order.reserveCapacity(n)
        depths.reserveCapacity(n)
        newIndex = [Int32](repeating: -1, count: n)
        var stack: [(node: Int32, depth: Int32)] = []
        for k in stride(from: Int(firstChild[n + 1]) - 1, through: Int(firstChild[n]), by: -1) { stack.append((children[k], 0)) }
        while let (node, depth) = stack.popLast() {
            newIndex[Int(node)] = Int32(order.count)
            order.append(node)
            depths.append(depth)
            let b = Int(node)
            for k in stride(from: Int(firstChild[b + 1]) - 1, through: Int(firstChild[b]), by: -1) {
                stack.append((children[k], depth + 1))
            }
        }
        self.positions = []
        phase = .place
    }

    /// The outline's arrays in display order, and subtree ends from the last node up: a node's
    /// subtree ends where its last child's does.
    private mutating func place() {
        let m = order.count
        var outKeys: [CompetencyKey] = [], outTitles: [String] = [], outParents: [Int32] = []
        outKeys.reserveCapacity(m)
        outParents.reserveCapacity(m)
        if withTitles { outTitles.reserveCapacity(m) }
        for old in order {
            let o = Int(old)
            outKeys.append(keys[o])
            if withTitles { outTitles.append(titles[o]) }
            outParents.append(parents[o] < 0 ? -1 : newIndex[Int(parents[o])])
        }
        var ends = (0..<m).map { Int32($0 + 1) }
        for i in stride(from: m - 1, through: 0, by: -1) where outParents[i] >= 0 {
            let p = Int(outParents[i])
            if ends[i] > ends[p] { ends[p] = ends[i] }
        }
        outline = MapOutline(keys: outKeys, titles: outTitles, parents: outParents, ends: ends, depths: depths)
        titles = []
        depths = []
        order = []
        parents = []
        phase = withCoverage ? .cover : .done
        if !withCoverage { release() }
    }

    /// Which credentials teach each node (the highest level each teaches it at), a few
    /// credentials a step. The first step takes the credentials' codes (short strings).
    private mutating func cover(_ catalog: Catalog) {
        if next == 0 && credentialCodes.isEmpty {
            credentialCodes = Array(catalog.credentials.keys)
            if credentialCodes.isEmpty { phase = .group; return }
        }
        let end = min(credentialCodes.count, next + MapOutlineBuilder.coverStep)
        let t = taught(catalog.credentials, next..<end)
        taughtNode += t.nodes
        taughtCode += t.codes
        taughtLevel += t.levels
        next = end
        if next == credentialCodes.count { phase = .group }
    }

    /// All the credentials at once, in `parts` halves (on as many threads), put together in
    /// order.
    private mutating func coverAll(_ catalog: Catalog) {
        credentialCodes = Array(catalog.credentials.keys)
        let n = credentialCodes.count, half = n / 2
        let results = TwoParts<Taught>()
        let me = self, credentials = catalog.credentials
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            results.set(part, me.taught(credentials, part == 0 ? 0..<half : half..<n))
        }
        for t in [results.first!, results.second!] {
            taughtNode += t.nodes
            taughtCode += t.codes
            taughtLevel += t.levels
        }
        next = n
        phase = .group
    }

    /// What some credentials teach: (node, credential, level), each node once per credential.
    private struct Taught {
        var nodes: [Int32] = [], codes: [String] = [], levels: [EQFLevel] = []
    }

    private func taught(_ credentials: [String: MicroCredential], _ range: Range<Int>) -> Taught {
        var out = Taught()
        for c in range {
            guard let slot = credentials.index(forKey: credentialCodes[c]) else { continue }
            let first = out.nodes.count
            // By index, so that only the outcome and mapping lists are retained (copying a whole
            // credential or outcome would retain each of its strings as well).
            credentials.values[slot].learningOutcomes.withUnsafeBufferPointer { outcomes in
                for o in outcomes.indices {
                    outcomes[o].mappings.withUnsafeBufferPointer { mappings in
                        for k in mappings.indices {
                            // Only competencies of this framework have a number.
                            guard let old = number(mappings[k].competency) else { continue }
                            let node = newIndex[Int(old)], level = mappings[k].level
                            guard node >= 0 else { continue }
                            var t = first
                            while t < out.nodes.count && out.nodes[t] != node { t += 1 }
                            if t < out.nodes.count {
                                if out.levels[t] < level { out.levels[t] = level }
                            } else {
                                out.nodes.append(node)
                                out.codes.append(credentialCodes[c])
                                out.levels.append(level)
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Groups the gathered (node, credential, level) by node, by counting; each node's
    /// credentials in code order.
    private mutating func group() {
        let m = outline.count
        var start = [Int32](repeating: 0, count: m + 2)
        for node in taughtNode { start[Int(node) + 2] += 1 }
        for b in 0..<m { start[b + 2] += start[b + 1] }
        var place = [Int](repeating: 0, count: taughtNode.count)
        for (k, node) in taughtNode.enumerated() {
            place[Int(start[Int(node) + 1])] = k
            start[Int(node) + 1] += 1
        }
        // Now node i's entries are place[start[i]..<start[i + 1]].
        start.removeLast()
        let codes = taughtCode
        for i in 0..<m where start[i + 1] - start[i] > 1 {
            place[Int(start[i])..<Int(start[i + 1])].sort { codes[$0] < codes[$1] }
        }
        outline = outline.withCoverage(start: start, codes: place.map { taughtCode[$0] },
                                       levels: place.map { taughtLevel[$0] })
        release()
        phase = .done
    }

    /// Lets go of everything but the outline.
    private mutating func release() {
        keys = []
        byHash = [:]
        collided = [:]
        newIndex = []
        credentialCodes = []
        taughtNode = []
        taughtCode = []
        taughtLevel = []
        next = 0
    }
}

/// What the two threads of a two-part step make: each writes only its own property, read after
/// both have finished (`concurrentPerform` returns only then).
private final class TwoParts<T>: @unchecked Sendable {
    var first: T?
    var second: T?

    func set(_ part: Int, _ value: T) {
        if part == 0 { first = value } else { second = value }
    }
}
