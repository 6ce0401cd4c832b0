/// Cycles in the "requires" relation between credentials, found once per catalog.
///
/// A cycle means none of its credentials can ever be taken first. Each elementary cycle is kept
/// once, rotated to start at its smallest code, so A → B → C → A is never also reported as
/// B → C → A → B. Strongly connected components bound the search; a cap keeps a pathological
/// catalog (thousands of mutually requiring credentials) from stalling the engine.
struct PrerequisiteCycles: Sendable {
    /// Each cycle as the codes around it, first code not repeated (`[A, B, C]` is A → B → C → A).
    let cycles: [[String]]
    /// Component number per credential that sits on some cycle; an edge between two credentials
    /// of the same component is part of a cycle.
    let component: [String: Int]

    static let maxCyclesPerComponent = 50
    static let maxSteps = 100_000

    /// `requires[x]` are the credentials x requires (only codes that exist).
    init(requires: [String: [String]]) {
        let sccs = PrerequisiteCycles.stronglyConnected(requires)
        var component: [String: Int] = [:]
        var cycles: [[String]] = []
        for (n, scc) in sccs.enumerated() {
            let members = Set(scc)
            let selfLoop = scc.count == 1 && (requires[scc[0]] ?? []).contains(scc[0])
            guard scc.count > 1 || selfLoop else { continue }
            for m in scc { component[m] = n }
            cycles += PrerequisiteCycles.elementaryCycles(in: members, requires: requires)
        }
        self.cycles = cycles.sorted { $0.lexicographicallyPrecedes($1) }
        self.component = component
    }

    private init(cycles: [[String]], component: [String: Int]) {
        self.cycles = cycles.sorted { $0.lexicographicallyPrecedes($1) }
        self.component = component
    }

    /// No cycles at all.
    static let none = PrerequisiteCycles(cycles: [], component: [:])

    /// The same, from the graph over credential numbers: `requires[x]` are the numbers x
    /// requires, `code(x)` its code. Components are found over integers; only the credentials
    /// on some cycle are named by code, to list their cycles exactly as the other initialiser.
    init(requires: [[Int]], code: (Int) -> String) {
        var component: [String: Int] = [:]
        var cycles: [[String]] = []
        for (n, scc) in PrerequisiteCycles.stronglyConnected(requires).enumerated() {
            let selfLoop = scc.count == 1 && requires[scc[0]].contains(scc[0])
            guard scc.count > 1 || selfLoop else { continue }
            var sub: [String: [String]] = [:]
            for m in scc {
                let c = code(m)
                component[c] = n
                sub[c] = requires[m].map(code)
            }
            cycles += PrerequisiteCycles.elementaryCycles(in: Set(sub.keys), requires: sub)
        }
        self.init(cycles: cycles, component: component)
    }

    /// Tarjan's algorithm over numbers, iterative; components in no particular order.
    private static func stronglyConnected(_ graph: [[Int]]) -> [[Int]] {
        let n = graph.count
        var index = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n), stack: [Int] = [], result: [[Int]] = []
        var counter = 0
        for root in 0..<n where index[root] < 0 && !graph[root].isEmpty {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while var top = work.popLast() {
                let edges = graph[top.node]
                if top.next < edges.count {
                    let w = edges[top.next]
                    top.next += 1
                    work.append(top)
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[top.node] = min(low[top.node], index[w])
                    }
                    continue
                }
                if let parent = work.last {
                    low[parent.node] = min(low[parent.node], low[top.node])
                }
                if low[top.node] == index[top.node] {
                    var scc: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        scc.append(w)
                        if w == top.node { break }
                    }
                    result.append(scc)
                }
            }
        }
        return result
    }

    func isCyclicEdge(from: String, to: String) -> Bool {
        guard !component.isEmpty, let a = component[from], let b = component[to] else { return false }
        return a == b
    }

    /// Tarjan's algorithm, iterative so deep prerequisite chains cannot overflow the stack.
    private static func stronglyConnected(_ graph: [String: [String]]) -> [[String]] {
        var index: [String: Int] = [:], low: [String: Int] = [:]
        var onStack = Set<String>(), stack: [String] = [], result: [[String]] = []
        var counter = 0
        for root in graph.keys.sorted() where index[root] == nil {
            var work: [(node: String, next: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack.insert(root)
            while var top = work.popLast() {
                let edges = graph[top.node] ?? []
                if top.next < edges.count {
                    let w = edges[top.next]
                    top.next += 1
                    work.append(top)
                    if index[w] == nil {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack.insert(w)
                        work.append((w, 0))
                    } else if onStack.contains(w) {
                        low[top.node] = min(low[top.node]!, index[w]!)
                    }
                    continue
                }
                if let parent = work.last {
                    low[parent.node] = min(low[parent.node]!, low[top.node]!)
                }
                if low[top.node] == index[top.node] {
                    var scc: [String] = []
                    while let w = stack.popLast() {
                        onStack.remove(w)
                        scc.append(w)
                        if w == top.node { break }
                    }
                    result.append(scc.sorted())
                }
            }
        }
        return result.sorted { $0[0] < $1[0] }
    }

    /// Every elementary cycle inside one component, each starting at its smallest member.
    private static func elementaryCycles(in members: Set<String>, requires: [String: [String]]) -> [[String]] {
        var found: [[String]] = []
        var steps = 0
        for start in members.sorted() {
            var path = [start]
            var onPath: Set<String> = [start]
            var iterators: [[String]] = [(requires[start] ?? []).filter { members.contains($0) && $0 >= start }.sorted()]
            while !iterators.isEmpty, found.count < maxCyclesPerComponent, steps < maxSteps {
                steps += 1
                guard let next = iterators[iterators.count - 1].first else {
                    iterators.removeLast()
                    onPath.remove(path.removeLast())
                    continue
                }
                iterators[iterators.count - 1].removeFirst()
                if next == start {
                    found.append(path)
                } else if !onPath.contains(next) {
                    path.append(next)
                    onPath.insert(next)
                    iterators.append((requires[next] ?? []).filter { members.contains($0) && $0 >= start }.sorted())
                }
            }
        }
        return found
    }
}
