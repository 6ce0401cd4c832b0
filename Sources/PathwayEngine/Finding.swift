import PathwayModel

/// How much a finding matters. Errors mean the pathway cannot work as designed (and make
/// `pathway check` exit 1); warnings are likely mistakes on some routes; info is for reviewers.
public enum Severity: String, CaseIterable, Comparable, Sendable, Codable {
    case error, warning, info

    /// Errors first: the order findings are listed in.
    public var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Something a finding is about, precise enough for the UI to jump there.
///
/// Stage and group indexes are 0-based (messages show stages 1-based, as users count them).
public enum EntityRef: Hashable, Sendable, CustomStringConvertible {
    case pathway(String)
    case stage(pathway: String, index: Int)
    case electiveGroup(pathway: String, stage: Int, group: Int)
    case credential(String)
    case outcome(credential: String, id: String)
    case competency(CompetencyKey)
    case framework(String)
    case learner(String)

    /// `pathway`, `stage`, `group`, `credential`, `outcome`, `competency`, `framework` or `learner`.
    public var kind: String {
        switch self {
        case .pathway: return "pathway"
        case .stage: return "stage"
        case .electiveGroup: return "group"
        case .credential: return "credential"
        case .outcome: return "outcome"
        case .competency: return "competency"
        case .framework: return "framework"
        case .learner: return "learner"
        }
    }

    /// A code a user can type back: `P1`, `P1#2` (stage 2), `P1#2.1` (stage 2, group 1),
    /// `CRED/LO1`, `FRAMEWORK/CODE`. Stage and group numbers here are 1-based.
    public var code: String {
        switch self {
        case .pathway(let p): return p
        case .stage(let p, let i): return "\(p)#\(i + 1)"
        case .electiveGroup(let p, let s, let g): return "\(p)#\(s + 1).\(g + 1)"
        case .credential(let c): return c
        case .outcome(let c, let id): return "\(c)/\(id)"
        case .competency(let k): return k.description
        case .framework(let f): return f
        case .learner(let l): return l
        }
    }

    public var description: String { "\(kind) \(code)" }
}

/// One thing the engine noticed about a pathway or the catalog.
///
/// `code` is stable across releases (see docs/findings.md); `message` is one plain sentence a
/// designer can act on, `fix` what to do about it when there is an obvious remedy.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    public var code: FindingCode
    public var message: String
    public var fix: String?
    /// The pathway the finding belongs to; nil for catalog-level findings.
    public var pathway: String?
    /// Everything the finding concerns, most specific first.
    public var entities: [EntityRef]

    public init(_ code: FindingCode, _ message: String, fix: String? = nil, pathway: String? = nil,
                entities: [EntityRef] = []) {
        self.code = code
        self.message = message
        self.fix = fix
        self.pathway = pathway
        self.entities = entities
    }

    public var severity: Severity { code.severity }

    /// The stage the finding points at, if any (0-based).
    public var stageIndex: Int? {
        for e in entities {
            switch e {
            case .stage(_, let i): return i
            case .electiveGroup(_, let s, _): return s
            default: continue
            }
        }
        return nil
    }

    /// Codes of the credentials the finding concerns, in order.
    public var credentials: [String] {
        entities.compactMap { if case .credential(let c) = $0 { return c } else { return nil } }
    }

    /// The competencies the finding concerns, in order.
    public var competencies: [CompetencyKey] {
        entities.compactMap { if case .competency(let k) = $0 { return k } else { return nil } }
    }

    public var description: String { "\(severity.rawValue) \(code.rawValue): \(message)" }
}

extension Finding {
    /// Errors first, then pathway-wide before stage-specific, then by stage, code and message,
    /// so the same catalog always gives the same list.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        if findings.count < 2 { return findings }
        // Severity, stage and code packed in one integer per finding (the code by its place
        // among the codes' texts), so that only findings alike in all three compare messages.
        var keys: [(key: Int, index: Int)] = []
        keys.reserveCapacity(findings.count)
        for (i, f) in findings.enumerated() {
            let stage = f.stageIndex ?? -1
            keys.append((f.severity.rank << 56 | (stage + 1) << 16 | f.code.textRank, i))
        }
        keys.sort { x, y in
            if x.key != y.key { return x.key < y.key }
            let a = findings[x.index].message, b = findings[y.index].message
            if a != b { return a < b }
            return x.index < y.index
        }
        return keys.map { findings[$0.index] }
    }
}
