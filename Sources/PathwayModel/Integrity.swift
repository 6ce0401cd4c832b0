/// A break in the document's referential integrity: something refers to what does not exist,
/// or a value breaks a rule of the model. Importers refuse documents that have any; the engine's
/// findings are about design quality and come on top of these.
public struct IntegrityProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where, in words a user can follow: "credential PROC-01, outcome LO2".
    public var location: String
    /// What is wrong and what to do.
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Rules for codes typed by users or read from files.
public enum Codes {
    /// Non-empty, at most 200 characters, no `/`, no control characters, no spaces at either end.
    public static func problem(with code: String) -> String? {
        if isPlainlyValid(code) { return nil }
        if code.isEmpty { return "the code is empty" }
        if code.count > 200 { return "the code is longer than 200 characters" }
        if code.contains("/") { return "the code contains '/', which is reserved" }
        if code.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "the code contains a control character"
        }
        if code.first == " " || code.last == " " { return "the code starts or ends with a space" }
        return nil
    }

    /// One pass over the bytes that proves most codes valid without counting characters: at most
    /// 200 bytes, no `/` or control byte, no space byte at either end (a first or last character
    /// that is a space starts or ends with that byte).
    private static func isPlainlyValid(_ code: String) -> Bool {
        let utf8 = code.utf8
        let count = utf8.count
        guard count > 0, count <= 200, utf8.first != 32, utf8.last != 32 else { return false }
        for b in utf8 where b < 0x20 || b == 0x7F || b == 0x2F { return false }
        return true
    }
}

extension Catalog {
    /// Every integrity problem, in a stable order (frameworks, competencies, credentials,
    /// pathways, learners, occupations, comments; each by code).
    ///
    /// Linear in the size of the document with one hash lookup per reference: entities are
    /// checked in storage order and only their problems are put in order afterwards, locations
    /// are built only for problems, and nothing is copied per reference (an ESCO-sized document
    /// with 130,000 occupation–skill links is checked in a few milliseconds). To keep the list
    /// up to date while a document is edited, keep an `IntegrityLedger` instead.
    public func integrityProblems() -> [IntegrityProblem] {
        IntegrityLedger(self).problems
    }

    /// Parent cycles in competency trees, each as the codes around the loop (first repeated last).
    public func parentCycles() -> [(framework: String, codes: [String])] {
        // Most documents have none: find that out in one pass without sorting the keys.
        guard hasParentCycle() else { return [] }
        var cycles: [(String, [String])] = []
        var done = Set<CompetencyKey>()
        for start in competencies.keys.sorted() where !done.contains(start) {
            var path: [CompetencyKey] = []
            var onPath: [CompetencyKey: Int] = [:]
            var current: CompetencyKey? = start
            while let key = current, !done.contains(key) {
                if let i = onPath[key] {
                    cycles.append((key.framework, path[i...].map(\.code) + [key.code]))
                    break
                }
                onPath[key] = path.count
                path.append(key)
                current = competencies[key]?.parentKey
            }
            done.formUnion(path)
        }
        return cycles
    }

    /// Whether any parent chain loops, in time linear in the number of competencies.
    func hasParentCycle() -> Bool {
        ParentLinks(competencies).hasCycle
    }
}
