import ArgumentParser
import PathwayEngine
import PathwayModel

/// `pathway check [--pathway CODE] [--learner NAME] [--format text|json]`: the engine's findings.
///
/// Exit 0 when nothing is an error, 1 when something is (so CI can gate on it), 2 on bad usage.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check pathways: prerequisites, credits, levels, coverage, completeness.",
        discussion: """
            Without --pathway, checks every pathway and adds catalog-level findings (map competencies \
            no credential teaches, problems of credentials no pathway uses). With --learner, what the \
            learner completed and their recognised prior learning count as already held. Every finding \
            code is explained in docs/findings.md. Exit status: 0 without errors, 1 with errors, 2 on \
            bad usage.
            """)

    @Option(help: ArgumentHelp("Check only this pathway (its code).", valueName: "code"))
    var pathway: String?

    @Option(help: ArgumentHelp("Check for this learner (name as in `pathway list learners`).", valueName: "name"))
    var learner: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var document: DocumentOptions

    func run() throws {
        let doc = try document.open()
        let catalog = doc.catalog
        let person = try learner.map { try CheckCommand.learner(named: $0, in: catalog, path: doc.path) }
        let context = EngineContext(catalog: catalog)
        let reports: [PathwayReport]
        let catalogFindings: [Finding]?
        if let code = pathway {
            guard let report = context.check(pathway: code, learner: person) else {
                throw CheckCommand.unknownPathway(code, in: catalog, path: doc.path)
            }
            reports = [report]
            catalogFindings = nil
        } else {
            let all = context.checkAll(learner: person)
            reports = all.pathways
            catalogFindings = all.catalogFindings
        }
        let output = CheckOutput(catalog: catalog, reports: reports, catalogFindings: catalogFindings, learner: person?.name)
        var stdout = Console.Stream()
        if format == .json { output.writeJSON(to: &stdout) } else { output.writeText(to: &stdout) }
        stdout.flush()
        if output.errorCount > 0 { throw ExitCode(1) }
    }

    static func unknownPathway(_ code: String, in catalog: Catalog, path: String) -> CLIError {
        let known = catalog.pathwayList.map(\.code).joined(separator: ", ")
        return CLIError("\(path) has no pathway with code '\(code)'; "
                        + (known.isEmpty ? "it has no pathways yet." : "use one of: \(known)."))
    }

    static func learner(named name: String, in catalog: Catalog, path: String) throws -> Learner {
        if let l = catalog.learners[name] { return l }
        let known = catalog.learnerList.map(\.name).joined(separator: ", ")
        throw CLIError("\(path) has no learner named '\(name)'; "
                       + (known.isEmpty ? "it has no learners yet." : "use one of: \(known)" + (known.hasSuffix(".") ? "" : ".")))
    }
}

/// The findings of a check as text for people or JSON for scripts.
struct CheckOutput {
    let catalog: Catalog
    let reports: [PathwayReport]
    /// Nil when only one pathway was checked.
    let catalogFindings: [Finding]?
    let learner: String?

    var errorCount: Int { totals.errors }

    /// Errors, warnings and info over every report and the catalog, counted without gathering them.
    var totals: (errors: Int, warnings: Int, info: Int) {
        var t = (errors: 0, warnings: 0, info: 0)
        func add(_ findings: [Finding]) {
            for f in findings {
                switch f.severity {
                case .error: t.errors += 1
                case .warning: t.warnings += 1
                case .info: t.info += 1
                }
            }
        }
        for r in reports { add(r.findings) }
        add(catalogFindings ?? [])
        return t
    }

    func count(_ s: Severity, _ findings: [Finding]) -> Int { findings.filter { $0.severity == s }.count }

    func counts(_ findings: [Finding]) -> String {
        counts((count(.error, findings), count(.warning, findings), count(.info, findings)))
    }

    func counts(_ t: (errors: Int, warnings: Int, info: Int)) -> String {
        "\(t.errors) \(t.errors == 1 ? "error" : "errors"), \(t.warnings) \(t.warnings == 1 ? "warning" : "warnings"), \(t.info) info"
    }

    // MARK: Text

    func text() -> String {
        var out = ""
        writeText(to: &out)
        return out
    }

    /// The text a pathway at a time, so a large check never holds its whole output at once.
    func writeText(to out: inout some TextOutputStream) {
        if let learner { out.write("Checked for learner \(TerminalText.visible(learner)).\n\n") }
        for r in reports {
            let title = catalog.pathways[r.pathway]?.title ?? ""
            out.write("\(TerminalText.visible(r.pathway))  \(TerminalText.visible(title))\n")
            out.write("  \(counts(r.findings)) · \(ectsText(r.ects)) · \(eqfText(r.eqf)) · coverage \(r.coverage)\n")
            out.write(section(r.findings))
            out.write("\n")
        }
        if let catalogFindings {
            out.write("Catalog\n  \(counts(catalogFindings))\n" + section(catalogFindings) + "\n")
        }
        let scope = catalogFindings == nil ? "" : " in \(reports.count) pathway\(reports.count == 1 ? "" : "s") and the catalog"
        out.write("Total: \(counts(totals))\(scope).\n")
    }

    private func section(_ findings: [Finding]) -> String {
        var out = ""
        for (severity, heading) in [(Severity.error, "Errors"), (.warning, "Warnings"), (.info, "Info")] {
            let list = findings.filter { $0.severity == severity }
            guard !list.isEmpty else { continue }
            out += "  \(heading)\n"
            for f in list {
                out += "    \(f.code.rawValue)  \(TerminalText.visible(f.message))\n"
                if let fix = f.fix { out += "      fix: \(TerminalText.visible(fix))\n" }
            }
        }
        return out
    }

    private func ectsText(_ e: ECTSFigures) -> String {
        let total = e.min == e.max ? "\(number(e.min)) ECTS" : "\(number(e.min))–\(number(e.max)) ECTS"
        switch (e.targetMin, e.targetMax) {
        case (nil, nil): return total
        case let (lo?, hi?): return "\(total) (target \(number(lo))–\(number(hi)))"
        case let (lo?, nil): return "\(total) (target at least \(number(lo)))"
        case let (nil, hi?): return "\(total) (target at most \(number(hi)))"
        }
    }

    private func eqfText(_ e: EQFFigures) -> String {
        let reached = e.guaranteed.map { "EQF \($0.value)" } ?? "no EQF level"
        return e.target.map { "\(reached) (target \($0.value))" } ?? reached
    }

    // MARK: JSON

    /// `{"learner", "pathways": [{code, title, counts, ects, eqf, coverage, stages, findings}],
    /// "catalog": [findings] (only without --pathway), "summary": {errors, warnings, info}}`.
    func json() -> String {
        var out = ""
        writeJSON(to: &out)
        return out
    }

    /// The JSON a pathway at a time (same bytes as `json()`).
    func writeJSON(to out: inout some TextOutputStream) {
        out.write("{\n")
        if let learner { out.write("  \"learner\": \(JSONText.string(learner)),\n") }
        out.write("  \"pathways\": [" + (reports.isEmpty ? "" : "\n"))
        for (i, r) in reports.enumerated() {
            out.write((i == 0 ? "    " : ",\n    ") + pathwayJSON(r))
        }
        out.write((reports.isEmpty ? "" : "\n  ") + "],\n")
        if let catalogFindings {
            out.write("  \"catalog\": " + CheckOutput.findingsJSON(catalogFindings) + ",\n")
        }
        let (errors, warnings, info) = totals
        out.write("  \"summary\": {\"errors\": \(errors), \"warnings\": \(warnings), \"info\": \(info)}\n")
        out.write("}\n")
    }

    private func pathwayJSON(_ r: PathwayReport) -> String {
        let e = r.ects, q = r.eqf
        var fields: [String] = []
        fields.append("\"code\": \(JSONText.string(r.pathway))")
        fields.append("\"title\": \(JSONText.string(catalog.pathways[r.pathway]?.title ?? ""))")
        fields.append("\"errors\": \(r.count(.error)), \"warnings\": \(r.count(.warning)), \"info\": \(r.count(.info))")
        fields.append("\"ects\": {\"min\": \(number(e.min)), \"max\": \(number(e.max)), \"targetMin\": \(optional(e.targetMin)), \"targetMax\": \(optional(e.targetMax)), \"everyRouteInRange\": \(e.everyRouteInRange), \"unknownWorkload\": [\(e.unknownWorkload.map(JSONText.string).joined(separator: ", "))]}")
        fields.append("\"eqf\": {\"guaranteed\": \(level(q.guaranteed)), \"highest\": \(level(q.highest)), \"target\": \(level(q.target))}")
        fields.append("\"coverage\": \(coverageJSON(r.coverage))")
        let stages = r.stages.map { s in
            "{\"stage\": \(s.index + 1), \"title\": \(JSONText.string(s.title)), \"eqf\": \(level(s.eqfLevel)), \"ectsMin\": \(number(s.ectsMin)), \"ectsMax\": \(number(s.ectsMax)), \"coverage\": \(coverageJSON(s.coverage)), \"cumulativeCoverage\": \(coverageJSON(s.cumulativeCoverage))}"
        }
        fields.append("\"stages\": [\(stages.joined(separator: ", "))]")
        fields.append("\"findings\": " + CheckOutput.findingsJSON(r.findings, indent: "      "))
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// Each finding as `{code, severity, message, fix, pathway, stage (1-based), entities: [{kind, code}]}`.
    static func findingsJSON(_ findings: [Finding], indent: String = "    ") -> String {
        if findings.isEmpty { return "[]" }
        let items = findings.map { f -> String in
            let entities = f.entities.map { "{\"kind\": \(JSONText.string($0.kind)), \"code\": \(JSONText.string($0.code))}" }
            return indent + "{\"code\": \(JSONText.string(f.code.rawValue)), \"severity\": \(JSONText.string(f.severity.rawValue)), "
                + "\"message\": \(JSONText.string(f.message)), \"fix\": \(f.fix.map(JSONText.string) ?? "null"), "
                + "\"pathway\": \(f.pathway.map(JSONText.string) ?? "null"), \"stage\": \(f.stageIndex.map { String($0 + 1) } ?? "null"), "
                + "\"entities\": [\(entities.joined(separator: ", "))]}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n" + indent.dropLast(2) + "]"
    }

    private func coverageJSON(_ c: CoverageCount) -> String {
        "{\"everyRoute\": \(c.everyRoute), \"someRoute\": \(c.someRoute), \"required\": \(c.required)}"
    }

    private func optional(_ x: Double?) -> String { x.map(number) ?? "null" }
    private func level(_ l: EQFLevel?) -> String { l.map { String($0.value) } ?? "null" }
}

/// A credit figure as written by people: 5, 2.5.
func number(_ x: Double) -> String { Listing.Value.number(x).plain }
