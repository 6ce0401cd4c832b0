import PathwayModel

/// The skills and groups of one ESCO import while its files are read: competencies numbered in
/// the order they are first defined, found by the bytes of their URI, with their broader
/// concepts as numbers, so that the 14,000 concepts and their links become a tree without a
/// dictionary keyed by strings.
struct ESCOConcepts {
    let framework: String
    private(set) var competencies: [Competency] = []
    /// Concept URIs, numbered like `competencies`.
    private(set) var uris = ByteKeyTable(capacity: 1024)
    /// Per concept: broader concepts still named by URI (the hierarchy's parent group, a
    /// collection's `broaderConceptUri`), until `resolvePending` looks them up.
    private var pending: [[String]] = []
    /// Per concept, after `resolvePending`: its broader concepts, `n ≥ 0` for concept `n` and
    /// `n < 0` for the URI `externals[-n - 1]`, which is not in the import.
    private var broader: [[Int32]] = []
    private var externals: [String] = []
    private var externalNumbers: [String: Int32] = [:]
    /// Per concept: whether it is a skill group from the hierarchy (ordered by code, before skills).
    private var isGroup: [Bool] = []
    /// Per concept: the file and line that last listed it, to refuse a concept listed twice in one file.
    private var listed: [(file: Int, line: Int)] = []

    init(framework: String) {
        self.framework = framework
    }

    var count: Int { competencies.count }

    /// Where the concept was listed before in `file`, if it was.
    func line(of concept: Int, in file: Int) -> Int? {
        listed[concept].file == file ? listed[concept].line : nil
    }

    mutating func noteListed(_ concept: Int, file: Int, line: Int) {
        listed[concept] = (file, line)
    }

    /// Adds a concept whose URI is new; returns its number.
    @discardableResult
    mutating func add(_ competency: Competency, broader: [String], isGroup: Bool, file: Int, line: Int) -> Int {
        var uri = competency.uri ?? ""
        let number = uri.withUTF8 { uris.insert($0).number }
        precondition(number == competencies.count, "a concept added twice")
        competencies.append(competency)
        pending.append(broader)
        self.isGroup.append(isGroup)
        listed.append((file, line))
        return number
    }

    /// More broader concepts for a concept listed again (a collection and skills_en.csv).
    mutating func addBroader(_ more: [String], to concept: Int) {
        let existing = pending[concept]
        pending[concept] += more.filter { !existing.contains($0) }
    }

    /// Looks up the broader URIs gathered so far, once every concept is known.
    mutating func resolvePending() {
        broader = pending.map { uris in
            uris.map { uri in
                var uri = uri
                if let n = uri.withUTF8({ self.uris.find($0) }) { return Int32(n) }
                return external(uri)
            }
        }
        pending = []
    }

    private mutating func external(_ uri: String) -> Int32 {
        if let n = externalNumbers[uri] { return n }
        externals.append(uri)
        let n = -Int32(externals.count)
        externalNumbers[uri] = n
        return n
    }

    /// A broader link from the broader relations file (after `resolvePending`); repeats are
    /// ignored.
    mutating func addBroader(_ uri: UnsafeBufferPointer<UInt8>, to concept: Int) {
        let ref = uris.find(uri).map(Int32.init) ?? external(String(decoding: uri, as: UTF8.self))
        if !broader[concept].contains(ref) { broader[concept].append(ref) }
    }

    /// Sets each concept's parent from its first broader concept in the import (unless that
    /// would make a loop) and keeps the others as `broader` relations; then numbers siblings:
    /// groups by their ESCO code, then skills by name. Returns the competencies.
    mutating func buildTree() -> [Competency] {
        let n = competencies.count
        var parentOf = [Int32](repeating: -1, count: n)
        for i in 0..<n {
            for ref in broader[i] {
                guard ref >= 0 else {
                    competencies[i].relations.append(CompetencyRelation(kind: .broader, targetURI: externals[Int(-ref - 1)]))
                    continue
                }
                let t = Int(ref)
                guard competencies[t].code != competencies[i].code else { continue }
                if competencies[i].parent == nil && !wouldLoop(child: i, parent: t, parentOf: parentOf) {
                    competencies[i].parent = competencies[t].code
                    parentOf[i] = Int32(t)
                } else {
                    competencies[i].relations.append(CompetencyRelation(kind: .broader, target: competencies[t].key))
                }
            }
        }
        // Order siblings. Sort keys are worked out once per competency, not per comparison.
        let titles = competencies.indices.map { isGroup[$0] ? "" : Self.lowercased(competencies[$0].title) }
        let codes = competencies.map(\.code)
        let sorted = (0..<n).sorted { a, b in
            if parentOf[a] != parentOf[b] { return parentOf[a] < parentOf[b] }
            let gx = isGroup[a], gy = isGroup[b]
            if gx != gy { return gx }
            if gx { return TextTools.naturalLess(codes[a], codes[b]) }
            let tx = titles[a], ty = titles[b]
            return tx != ty ? tx < ty : codes[a] < codes[b]
        }
        var position = 0
        for (k, i) in sorted.enumerated() {
            position = k > 0 && parentOf[sorted[k - 1]] == parentOf[i] ? position + 1 : 0
            competencies[i].position = position
        }
        broader = []
        let result = competencies
        competencies = []
        return result
    }

    private func wouldLoop(child: Int, parent: Int, parentOf: [Int32]) -> Bool {
        var current = parent
        var steps = 0
        while current >= 0, steps <= parentOf.count {
            if current == child { return true }
            current = Int(parentOf[current])
            steps += 1
        }
        return false
    }

    /// `s.lowercased()`, without a copy when an ASCII title has no capitals.
    private static func lowercased(_ s: String) -> String {
        for b in s.utf8 where b >= 0x80 || (b >= 0x41 && b <= 0x5A) { return s.lowercased() }
        return s
    }
}
