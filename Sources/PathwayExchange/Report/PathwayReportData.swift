import PathwayEngine
import PathwayModel

/// Everything a pathway report shows, gathered once from the document and the engine, so the
/// Markdown and HTML renderings say exactly the same things.
public struct PathwayReportData: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var value: String
        public var missing: Bool
    }
    public struct CredentialEntry: Sendable {
        public var credential: MicroCredential
        /// Annex I elements of the design, in the Recommendation's order; `missing` marks
        /// mandatory elements not filled in.
        public var annex: [Row]
    }
    public struct MatrixRow: Sendable {
        public var competency: String
        public var required: EQFLevel
        /// The level each credential (in `matrixColumns` order) teaches, if any.
        public var cells: [EQFLevel?]
        public var covered: Bool
    }

    public var pathway: Pathway
    public var engine: PathwayReport
    public var credentials: [CredentialEntry]
    public var matrixColumns: [String]
    public var matrix: [MatrixRow]
    public var comments: [ReviewComment]
    /// Titles by credential code, for stage listings.
    public var titles: [String: String]

    public init(pathway code: String, in catalog: Catalog) throws {
        guard let p = catalog.pathways[code] else {
            throw ExportError("there is no pathway \(code); `pathway list pathways` shows the codes")
        }
        pathway = p
        engine = EngineContext(catalog: catalog).check(p)
        var seen = Set<String>()
        let codes = p.allCredentialCodes.filter { seen.insert($0).inserted }
        let creds = codes.compactMap { catalog.credentials[$0] }
        titles = Dictionary(creds.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        credentials = creds.map { CredentialEntry(credential: $0, annex: PathwayReportData.annex($0)) }
        matrixColumns = creds.map(\.code)
        let taught = creds.map(\.taughtCompetencies)
        matrix = p.target.competencies.map { t in
            let cells = taught.map { $0[t.competency] }
            let title = catalog.competencies[t.competency]?.title ?? t.competency.description
            return MatrixRow(competency: title, required: t.level, cells: cells,
                             covered: cells.contains { $0.map { $0 >= t.level } ?? false })
        }
        let targetKeys = Set(p.target.competencies.map(\.competency))
        comments = catalog.commentList.filter { c in
            switch c.subject {
            case .pathway(let x): return x == code
            case .credential(let x): return seen.contains(x)
            case .competency(let k): return targetKeys.contains(k)
            case .framework: return false
            }
        }
    }

    static func annex(_ c: MicroCredential) -> [Row] {
        func row(_ label: String, _ value: String, mandatory: Bool = true) -> Row {
            let blank = value.allSatisfy { $0 == " " || $0 == "\n" }
            return Row(label: label, value: blank ? "not given" : value, missing: mandatory && blank)
        }
        var level = c.eqfLevel.map { "EQF \($0.value)" } ?? ""
        if let q = c.qfEheaCycle, !level.isEmpty { level += " (QF-EHEA \(q.rawValue) cycle)" }
        var workload = c.ects.map { "\(ReportText.number($0)) ECTS" } ?? ""
        if let h = c.hours { workload += (workload.isEmpty ? "" : ", ") + "\(ReportText.number(h)) hours" }
        let stack: String
        switch c.stackability {
        case .standAlone: stack = "stand-alone"
        case .stackable(let towards): stack = "stackable" + (towards.isEmpty ? "" : " towards " + towards.joined(separator: ", "))
        }
        var rows = [
            row("Title", c.title),
            row("Country/region of the issuer", c.issuerCountry),
            row("Awarding body", c.awardingBody),
            row("Learning outcomes", c.learningOutcomes.map { "\($0.id): \($0.statement)" }.joined(separator: "\n")),
            row("Notional workload", workload),
            row("Level", level),
            row("Type of assessment", c.assessment),
            row("Form of participation", c.participation?.rawValue ?? ""),
            row("Type of quality assurance", c.qualityAssurance),
        ]
        if (c.ects ?? 0) <= 0 { rows[4].missing = true }
        rows += [
            row("Prerequisites", ([c.prerequisites.note] + c.prerequisites.credentials.map { "requires \($0)" })
                .filter { !$0.isEmpty }.joined(separator: "; "), mandatory: false),
            row("Supervision and identity verification", c.supervision?.label ?? "", mandatory: false),
            row("Grading", c.gradingScheme, mandatory: false),
            row("Integration/stacking", stack, mandatory: false),
            row("Further information", c.furtherInformation, mandatory: false),
        ]
        return rows
    }
}
