import PathwayModel

/// Reads one JSON object of a project file: refuses keys it does not know (a typo must not lose
/// data silently), and turns every wrong type, missing field or bad value into a
/// `ProjectFileError` that names the file, the JSON path and the line.
struct ObjectReader {
    let source: String
    let path: String
    let line: Int
    /// What the object is, for messages: "a credential", "a learning outcome".
    let what: String
    private let members: [String: JSONNode]

    init(_ node: JSONNode, path: String, what: String, keys: [String], source: String) throws(ProjectFileError) {
        self.source = source
        self.path = path
        self.line = node.line
        self.what = what
        guard let list = node.members else {
            throw ProjectFileError(file: source, path: path,
                                   message: "expected \(what) written as an object { … }, found \(node.value.kindName)",
                                   line: node.line)
        }
        var members: [String: JSONNode] = [:]
        for m in list {
            guard keys.contains(m.key) else {
                var message = "unknown key \"\(m.key)\" in \(what)"
                if let guess = Spelling.closest(to: m.key, among: keys) { message += " (did you mean \"\(guess)\"?)" }
                message += "; known keys are \(keys.joined(separator: ", "))"
                throw ProjectFileError(file: source, path: JSONPath.join(path, m.key), message: message, line: m.value.line)
            }
            members[m.key] = m.value
        }
        self.members = members
    }

    func path(_ key: String) -> String { JSONPath.join(path, key) }

    func has(_ key: String) -> Bool { members[key] != nil }

    func node(_ key: String) -> JSONNode? { members[key] }

    func fail(_ key: String, _ message: String) -> ProjectFileError {
        ProjectFileError(file: source, path: path(key), message: message, line: members[key]?.line ?? line)
    }

    func missing(_ key: String) -> ProjectFileError {
        ProjectFileError(file: source, path: path(key), message: "\(what) needs \"\(key)\", which is missing", line: line)
    }

    private func wrongType(_ key: String, _ expected: String, _ node: JSONNode) -> ProjectFileError {
        fail(key, "\"\(key)\" must be \(expected), not \(node.value.kindName)")
    }

    // MARK: strings

    func optionalString(_ key: String) throws(ProjectFileError) -> String? {
        guard let node = members[key] else { return nil }
        guard case .string(let s) = node.value else { throw wrongType(key, "a string", node) }
        return s
    }

    func string(_ key: String, default value: String = "") throws(ProjectFileError) -> String {
        try optionalString(key) ?? value
    }

    func requiredString(_ key: String) throws(ProjectFileError) -> String {
        guard let s = try optionalString(key) else { throw missing(key) }
        return s
    }

    /// A code: required, and following the model's rules for codes.
    func code(_ key: String) throws(ProjectFileError) -> String {
        let s = try requiredString(key)
        if let problem = Codes.problem(with: s) { throw fail(key, "\"\(s)\" cannot be used as a code: \(problem)") }
        return s
    }

    func stringList(_ key: String) throws(ProjectFileError) -> [String] {
        var result: [String] = []
        for (node, itemPath) in try list(key) {
            guard case .string(let s) = node.value else {
                throw ProjectFileError(file: source, path: itemPath,
                                       message: "every item of \"\(key)\" must be a string, not \(node.value.kindName)", line: node.line)
            }
            result.append(s)
        }
        return result
    }

    // MARK: numbers

    func optionalDouble(_ key: String, atLeast minimum: Double? = nil) throws(ProjectFileError) -> Double? {
        guard let node = members[key] else { return nil }
        guard case .number(let text) = node.value else { throw wrongType(key, "a number", node) }
        guard let d = Double(text), d.isFinite else { throw fail(key, "\(text) is too large a number") }
        if let minimum, d < minimum { throw fail(key, "\"\(key)\" must be \(JSONTree.numberText(minimum)) or more, not \(text)") }
        return d
    }

    func optionalInt(_ key: String) throws(ProjectFileError) -> Int? {
        guard let node = members[key] else { return nil }
        guard case .number(let text) = node.value else { throw wrongType(key, "a whole number", node) }
        guard let n = Int(text) else { throw fail(key, "\"\(key)\" must be a whole number, not \(text)") }
        return n
    }

    func requiredInt(_ key: String) throws(ProjectFileError) -> Int {
        guard let n = try optionalInt(key) else { throw missing(key) }
        return n
    }

    func optionalEQF(_ key: String) throws(ProjectFileError) -> EQFLevel? {
        guard let node = members[key] else { return nil }
        guard case .number(let text) = node.value, let n = Int(text) else {
            throw fail(key, "an EQF level must be a whole number from 1 to 8, not \(node.value.isScalar ? text(node) : node.value.kindName)")
        }
        guard let level = EQFLevel(n) else { throw fail(key, "EQF level \(n) is out of range; use a whole number from 1 to 8") }
        return level
    }

    func requiredEQF(_ key: String) throws(ProjectFileError) -> EQFLevel {
        guard let level = try optionalEQF(key) else { throw missing(key) }
        return level
    }

    private func text(_ node: JSONNode) -> String {
        switch node.value {
        case .number(let t): return t
        case .string(let s): return "\"\(s)\""
        case .bool(let b): return b ? "true" : "false"
        default: return node.value.kindName
        }
    }

    // MARK: enums, dates, references

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, meaning: String) throws(ProjectFileError) -> E?
    where E.RawValue == String {
        guard let raw = try optionalString(key) else { return nil }
        guard let value = E(rawValue: raw) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(key, "\"\(raw)\" is not \(meaning); use one of: \(allowed)")
        }
        return value
    }

    func requiredDay(_ key: String) throws(ProjectFileError) -> Day {
        let text = try requiredString(key)
        guard let day = Day(text) else {
            throw fail(key, "\"\(text)\" is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14")
        }
        return day
    }

    func competencyKey(_ key: String) throws(ProjectFileError) -> CompetencyKey {
        let text = try requiredString(key)
        guard let k = CompetencyKey(text) else { throw fail(key, ObjectReader.badReference(text)) }
        return k
    }

    static func badReference(_ text: String) -> String {
        "\"\(text)\" is not a competency reference; write it as FRAMEWORK/CODE, e.g. PROC/K1"
    }

    // MARK: nesting

    /// The items of a list with their paths; an absent key is an empty list.
    func list(_ key: String) throws(ProjectFileError) -> [(node: JSONNode, path: String)] {
        guard let node = members[key] else { return [] }
        guard let items = node.items else { throw wrongType(key, "a list [ … ]", node) }
        let base = path(key)
        return items.enumerated().map { ($0.element, "\(base)[\($0.offset)]") }
    }

    func object(_ key: String, what: String, keys: [String]) throws(ProjectFileError) -> ObjectReader? {
        guard let node = members[key] else { return nil }
        return try ObjectReader(node, path: path(key), what: what, keys: keys, source: source)
    }
}

/// Suggests the known key nearest to a misspelt one (edit distance with transpositions).
enum Spelling {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lower = Array(word.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(lower, Array(c.lowercased()))
            if d <= (c.count <= 4 ? 1 : 2), best.map({ d < $0.1 }) ?? true { best = (c, d) }
        }
        return best?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
