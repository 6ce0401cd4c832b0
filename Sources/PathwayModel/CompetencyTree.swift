/// A framework's competencies arranged as a tree, built once and walked many times.
///
/// Building it is linear in the framework's size, so views build it once per change and then
/// walk or flatten it per keystroke.
public struct CompetencyTree: Sendable {
    /// One competency with its depth (0 for a root).
    public struct Node: Sendable, Hashable {
        public var competency: Competency
        public var depth: Int
    }

    public let framework: String
    /// Children codes per parent code ("" stands for the roots), in display order.
    public let childrenByParent: [String: [String]]
    public let byCode: [String: Competency]

    public init(catalog: Catalog, framework: String) {
        self.init(competencies: catalog.competencies.values.filter { $0.framework == framework },
                  framework: framework)
    }

    public init<S: Sequence>(competencies: S, framework: String) where S.Element == Competency {
        var byCode: [String: Competency] = [:]
        for c in competencies { byCode[c.code] = c }
        var children: [String: [Competency]] = [:]
        for c in byCode.values {
            // A parent that is missing from the framework makes the node a root, so it stays visible.
            let parent = c.parent.flatMap { byCode[$0] == nil ? nil : $0 } ?? ""
            children[parent, default: []].append(c)
        }
        var ordered: [String: [String]] = [:]
        for (parent, list) in children {
            ordered[parent] = list.sorted { ($0.position, $0.code) < ($1.position, $1.code) }.map(\.code)
        }
        self.framework = framework
        self.byCode = byCode
        self.childrenByParent = ordered
    }

    public var roots: [String] { childrenByParent[""] ?? [] }

    public func children(of code: String) -> [String] { childrenByParent[code] ?? [] }

    /// Every node in depth-first display order. Parent cycles are cut, never looped.
    public var depthFirst: [Node] { flatten { _ in true } }

    /// Depth-first order, descending only into nodes for which `expand` is true.
    public func flatten(expand: (String) -> Bool) -> [Node] {
        var result: [Node] = []
        result.reserveCapacity(byCode.count)
        var visited = Set<String>()
        var stack: [(String, Int)] = roots.reversed().map { ($0, 0) }
        while let (code, depth) = stack.popLast() {
            guard visited.insert(code).inserted, let c = byCode[code] else { continue }
            result.append(Node(competency: c, depth: depth))
            if expand(code) {
                for child in children(of: code).reversed() { stack.append((child, depth + 1)) }
            }
        }
        return result
    }

    /// The codes below `code` (not including it), depth first.
    public func descendants(of code: String) -> [String] {
        var result: [String] = []
        var visited: Set<String> = [code]
        var stack = children(of: code).reversed().map { $0 }
        while let next = stack.popLast() {
            guard visited.insert(next).inserted else { continue }
            result.append(next)
            stack.append(contentsOf: children(of: next).reversed())
        }
        return result
    }

    /// The path from a root down to the competency, inclusive.
    public func ancestry(of code: String) -> [String] {
        var path: [String] = []
        var seen = Set<String>()
        var current: String? = code
        while let c = current, let node = byCode[c], seen.insert(c).inserted {
            path.append(c)
            current = node.parent
        }
        return path.reversed()
    }
}
