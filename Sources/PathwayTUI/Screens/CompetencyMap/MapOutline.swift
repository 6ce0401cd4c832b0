import PathwayModel

/// One framework's competencies in display order (depth first, siblings by position then code),
/// as a few flat arrays: what the map needs to draw, expand, collapse and filter 14,000 rows
/// without a `Competency` copy or a dictionary per node. Codes share their storage with the
/// catalog. Built in one pass per change that reads of each competency only its key, parent
/// and position: everything else the map shows (titles, descriptions) is looked up for the few
/// rows drawn, since touching 14,000 titles scattered over the heap costs more than the rest.
struct MapOutline: Sendable {
    /// Each node's key (the catalog's own, shared: copying a key retains one box, reading its
    /// code would retain the string as well).
    private(set) var keys: [CompetencyKey] = []
    /// Each node's code, read from its key when asked for.
    var codes: Codes { Codes(keys: keys) }
    /// Each node's title, only when asked for (`titles: true`; review lists every row's title).
    private(set) var titles: [String] = []
    /// Index of the parent, -1 for a root.
    private(set) var parents: [Int32] = []
    /// One past the last descendant: node `i`'s subtree is `i..<ends[i]`.
    private(set) var ends: [Int32] = []
    private(set) var depths: [Int32] = []
    /// Credentials teaching each node (in credential code order, the highest level each teaches
    /// it at): node `i`'s are `coveringCodes[coveringStart[i]..<coveringStart[i + 1]]`. Empty
    /// when built without coverage.
    private var coveringStart: [Int32] = []
    private var coveringCodes: [String] = []
    private var coveringLevels: [EQFLevel] = []

    var count: Int { keys.count }
    var indices: Range<Int> { 0..<keys.count }

    /// The codes of the nodes, as a collection over `keys`.
    struct Codes: RandomAccessCollection {
        let keys: [CompetencyKey]
        var startIndex: Int { 0 }
        var endIndex: Int { keys.count }
        subscript(i: Int) -> String { keys[i].code }
    }

    init() {}

    /// With `coverage`, also which credentials teach each node (the map shows it; review does
    /// not); with `titles`, each node's title.
    init(catalog: Catalog, framework: String, coverage withCoverage: Bool = true, titles withTitles: Bool = false) {
        typealias Slot = Dictionary<CompetencyKey, Competency>.Index
        // The framework's competencies where the catalog keeps them, in storage order, with what
        // ordering needs. Read field by field: a whole competency's copy retains each of its
        // strings, and touching 14,000 strings scattered over the heap is most of the cost.
        let all = catalog.competencies
        var slots: [Slot] = [], title: [String] = [], parentCode: [String?] = [], position: [Int] = []
        slots.reserveCapacity(all.count)
        parentCode.reserveCapacity(all.count)
        position.reserveCapacity(all.count)
        var i = all.startIndex
        while i != all.endIndex {
            if all.keys[i].framework == framework {
                slots.append(i)
                parentCode.append(all.values[i].parent)
                position.append(all.values[i].position)
                if withTitles { title.append(all.values[i].title) }
            }
            all.formIndex(after: &i)
        }
        let n = slots.count
        /// The number of the framework's competency stored under `key` (the catalog's own table
        /// finds it by the key's kept hash; its slot is then found among `slots`, which are in
        /// storage order).
        func number(_ key: CompetencyKey) -> Int32? {
            guard let slot = all.index(forKey: key) else { return nil }
            var lo = 0, hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                if slots[mid] < slot { lo = mid + 1 } else { hi = mid }
            }
            return lo < n && slots[lo] == slot ? Int32(lo) : nil
        }
        // Children grouped by parent (n stands for "no parent"), by counting. Most nodes share
        // a parent with many others: each parent code is looked up once.
        var parent = [Int32](repeating: -1, count: n)
        var firstChild = [Int32](repeating: 0, count: n + 3)
        var parentNumber: [String: Int32] = [:]
        for i in 0..<n {
            // A parent missing from the framework makes the node a root, so it stays visible.
            if let p = parentCode[i] {
                if let j = parentNumber[p] {
                    parent[i] = j
                } else {
                    let j = number(CompetencyKey(framework: framework, code: p)) ?? -1
                    parentNumber[p] = j
                    parent[i] = j
                }
            }
            let bucket = parent[i] < 0 ? n : Int(parent[i])
            firstChild[bucket + 2] += 1
        }
        for b in 0..<(n + 1) { firstChild[b + 2] += firstChild[b + 1] }
        var children = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let bucket = parent[i] < 0 ? n : Int(parent[i])
            children[Int(firstChild[bucket + 1])] = Int32(i)
            firstChild[bucket + 1] += 1
        }
        // Now the children of bucket b are children[firstChild[b]..<firstChild[b + 1]]; siblings
        // by position, then code (codes are read only for equal positions).
        children.withUnsafeMutableBufferPointer { list in
            for b in 0...n {
                let lo = Int(firstChild[b]), hi = Int(firstChild[b + 1])
                if hi - lo > 1 {
                    list[lo..<hi].sort { a, b in
                        let pa = position[Int(a)], pb = position[Int(b)]
                        return pa != pb ? pa < pb : all.keys[slots[Int(a)]].code < all.keys[slots[Int(b)]].code
                    }
                }
            }
        }
        // Depth first from the roots. Nodes in a parent cycle are reached from no root: left out.
        var order: [Int32] = []
        order.reserveCapacity(n)
        var newIndex = [Int32](repeating: -1, count: n)
        depths.reserveCapacity(n)
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
        let m = order.count
        keys.reserveCapacity(m)
        if withTitles { titles.reserveCapacity(m) }
        parents.reserveCapacity(m)
        for old in order {
            let o = Int(old)
            keys.append(all.keys[slots[o]])
            if withTitles { titles.append(title[o]) }
            parents.append(parent[o] < 0 ? -1 : newIndex[Int(parent[o])])
        }
        // Subtree ends, from the last node up: a node's subtree ends where its last child's does.
        ends = (0..<m).map { Int32($0 + 1) }
        for i in stride(from: m - 1, through: 0, by: -1) where parents[i] >= 0 {
            let p = Int(parents[i])
            if ends[i] > ends[p] { ends[p] = ends[i] }
        }
        guard withCoverage else { return }
        // Which credentials teach each node (the highest level each teaches it at), gathered
        // flat as (node, credential, level) and then grouped by node by counting.
        var taughtNode: [Int32] = [], taughtCode: [String] = [], taughtLevel: [EQFLevel] = []
        let credentials = catalog.credentials
        var c = credentials.startIndex
        while c != credentials.endIndex {
            let first = taughtNode.count
            // By index, so that only the mapping lists are retained (copying each outcome
            // would retain its identifier and statement as well).
            let outcomes = credentials.values[c].learningOutcomes
            for o in outcomes.indices {
                let mappings = outcomes[o].mappings
                for k in mappings.indices {
                    // Only competencies of this framework have a number.
                    guard let old = number(mappings[k].competency) else { continue }
                    let node = newIndex[Int(old)], level = mappings[k].level
                    guard node >= 0 else { continue }
                    if let t = taughtNode[first...].firstIndex(of: node) {
                        if taughtLevel[t] < level { taughtLevel[t] = level }
                    } else {
                        taughtNode.append(node)
                        taughtCode.append(credentials.keys[c])
                        taughtLevel.append(level)
                    }
                }
            }
            credentials.formIndex(after: &c)
        }
        var start = [Int32](repeating: 0, count: m + 2)
        for node in taughtNode { start[Int(node) + 2] += 1 }
        for b in 0..<m { start[b + 2] += start[b + 1] }
        var place = [Int](repeating: 0, count: taughtNode.count)
        for (k, node) in taughtNode.enumerated() {
            place[Int(start[Int(node) + 1])] = k
            start[Int(node) + 1] += 1
        }
        // Now node i's entries are place[start[i]..<start[i + 1]], each node's in code order.
        start.removeLast()
        for i in 0..<m where start[i + 1] - start[i] > 1 {
            place[Int(start[i])..<Int(start[i + 1])].sort { taughtCode[$0] < taughtCode[$1] }
        }
        coveringStart = start
        coveringCodes = place.map { taughtCode[$0] }
        coveringLevels = place.map { taughtLevel[$0] }
    }

    /// The credentials teaching node `i`, in code order, each at the highest level it teaches it.
    func covering(_ i: Int) -> [(code: String, level: EQFLevel)] {
        guard i + 1 < coveringStart.count else { return [] }
        return (Int(coveringStart[i])..<Int(coveringStart[i + 1])).map { (coveringCodes[$0], coveringLevels[$0]) }
    }

    /// How many credentials teach node `i`.
    func coveringCount(_ i: Int) -> Int {
        i + 1 < coveringStart.count ? Int(coveringStart[i + 1] - coveringStart[i]) : 0
    }

    func hasChildren(_ i: Int) -> Bool { Int(ends[i]) > i + 1 }

    /// The children of `i` (the roots for -1), in order.
    func children(of i: Int) -> [Int] {
        var result: [Int] = []
        var j = i + 1
        let end = i < 0 ? count : Int(ends[i])
        while j < end {
            result.append(j)
            j = Int(ends[j])
        }
        return result
    }

    /// The path from a root down to `i`, inclusive.
    func ancestry(of i: Int) -> [Int] {
        var path: [Int] = []
        var j = i
        while j >= 0 { path.append(j); j = Int(parents[j]) }
        return path.reversed()
    }

    func index(of code: String) -> Int? { codes.firstIndex(of: code) }

    func key(_ i: Int, framework: String) -> CompetencyKey { keys[i] }

    /// The title of node `i`: kept when built with titles, else looked up in the catalog.
    func title(_ i: Int, framework: String, in catalog: Catalog) -> String {
        titles.isEmpty ? catalog.competencies[keys[i]]?.title ?? "" : titles[i]
    }

    /// The rows of the tree with the nodes in `expanded` open: one step per row shown.
    func visibleRows(expanded: Set<String>) -> [Int] {
        var rows: [Int] = []
        var i = 0
        while i < count {
            rows.append(i)
            i = hasChildren(i) && expanded.contains(codes[i]) ? i + 1 : Int(ends[i])
        }
        return rows
    }
}
