import PathwayModel

/// A problem in the design as the UI lists it: how serious, what it concerns, what to do.
///
/// Built from the model's integrity problems today; the engine's findings feed the same type
/// once the engine lands, so screens do not change.
public struct Finding: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, info
        var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// Where, in words ("credential PROC-01, outcome LO2").
    public var location: String
    public var message: String
    /// What to open when the finding is chosen.
    public var subject: Subject?

    public init(severity: Severity, location: String, message: String, subject: Subject? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.subject = subject
    }

    /// Every finding for the catalog.
    public static func check(_ catalog: Catalog) -> [Finding] {
        var result = catalog.integrityProblems().map {
            Finding(severity: .error, location: $0.location, message: $0.message, subject: subject(from: $0.location))
        }
        for c in catalog.credentialList {
            let missing = c.missingAnnexIElements
            if !missing.isEmpty {
                result.append(Finding(severity: .warning, location: "credential \(c.code)",
                                      message: "missing EU mandatory elements: " + missing.map(\.label).joined(separator: ", "),
                                      subject: .credential(c.code)))
            }
        }
        return result
    }

    /// Reads "credential X…", "pathway X…", "framework X…" locations back into a subject.
    static func subject(from location: String) -> Subject? {
        let words = location.split(separator: " ", maxSplits: 1)
        guard words.count == 2 else { return nil }
        var code = String(words[1])
        if let comma = code.firstIndex(of: ",") { code = String(code[..<comma]) }
        code = code.trimmingCharacters(in: "'")
        switch words[0] {
        case "credential": return .credential(code)
        case "pathway": return .pathway(code)
        case "framework": return .framework(code)
        case "learner": return .learner(code)
        case "competency":
            guard let key = CompetencyKey(code) else { return nil }
            return .competency(framework: key.framework, code: key.code)
        default: return nil
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
