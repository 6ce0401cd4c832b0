import PathwayEngine
import PathwayModel

/// A pathway report in Markdown (CommonMark with pipe tables), for partners who read it in a
/// repository, a wiki or an e-mail. All document text is cleaned and Markdown-escaped, so
/// imported text cannot add links, markup or raw HTML.
public enum MarkdownReport {
    public static func text(pathway code: String, in catalog: Catalog) throws -> String {
        render(try PathwayReportData(pathway: code, in: catalog))
    }

    /// Escapes Markdown syntax and table pipes; line breaks become `<br>` inside tables.
    static func md(_ s: String, inTable: Bool = false) -> String {
        var out = ""
        for ch in ReportText.clean(s) {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "&", "~":
                out += "\\" + String(ch)
            case "\n": out += inTable ? "<br>" : "  \n"
            default: out.append(ch)
            }
        }
        return out
    }

    static func render(_ d: PathwayReportData) -> String {
        let p = d.pathway, e = d.engine
        var o = "# Pathway report: \(md(p.title)) (\(md(p.code)))\n\n"
        o += "Review status: **\(p.reviewStatus.label)**\n\n"
        if !p.description.isEmpty { o += md(p.description) + "\n\n" }

        o += "## Target\n\n"
        o += "| | |\n|---|---|\n"
        o += "| Occupation or role | \(md(p.target.occupation.isEmpty ? "not given" : p.target.occupation, inTable: true))\(p.target.occupationURI.map { " (" + md($0, inTable: true) + ")" } ?? "") |\n"
        o += "| EQF level | \(ReportText.eqf(p.target.eqfLevel, or: "not given")) |\n"
        o += "| ECTS range | \(ReportText.ectsRange(min: p.target.minECTS, max: p.target.maxECTS)) |\n"
        o += "| Target competencies | \(p.target.competencies.count) |\n\n"

        o += "## Totals\n\n"
        o += "| | |\n|---|---|\n"
        o += "| ECTS over all routes | \(ReportText.range(e.ects.min, e.ects.max)) |\n"
        o += "| EQF level every route reaches | \(ReportText.eqf(e.eqf.guaranteed, or: "none")) |\n"
        o += "| Target coverage (every route–some route / required) | \(e.coverage) |\n"
        o += "| Credentials | \(d.credentials.count) |\n"
        o += "| Findings | \(e.count(.error)) errors, \(e.count(.warning)) warnings, \(e.count(.info)) notes |\n\n"

        o += "## Stages\n\n"
        for (i, s) in p.stages.enumerated() {
            let fig = e.stages.first { $0.index == i }
            o += "### Stage \(i + 1): \(md(s.title))\n\n"
            if let fig {
                o += "Level \(ReportText.eqf(fig.eqfLevel, or: "not set")) · \(ReportText.range(fig.ectsMin, fig.ectsMax)) ECTS · covers \(fig.coverage) target competencies (\(fig.cumulativeCoverage) so far)\n\n"
            }
            for c in s.core { o += "- Core: \(md(c)) — \(md(d.titles[c] ?? "unknown credential"))\n" }
            for g in s.electiveGroups {
                o += "- Choose \(g.choose) of \(md(g.title)): " + g.options.map { "\(md($0)) — \(md(d.titles[$0] ?? "unknown credential"))" }.joined(separator: "; ") + "\n"
            }
            o += "\n"
        }

        o += "## Credentials\n\n"
        for entry in d.credentials {
            let c = entry.credential
            o += "### \(md(c.code)): \(md(c.title))\n\n"
            if !c.summary.isEmpty { o += md(c.summary) + "\n\n" }
            o += "| Annex I element | |\n|---|---|\n"
            for r in entry.annex { o += "| \(r.label)\(r.missing ? " ⚠ missing" : "") | \(md(r.value, inTable: true)) |\n" }
            o += "\n"
        }

        o += "## Coverage matrix\n\n"
        if d.matrix.isEmpty {
            o += "The target lists no competencies.\n\n"
        } else {
            o += "Levels are the EQF level each credential teaches; ✓ marks the required level reached.\n\n"
            o += "| Competency | Required | " + d.matrixColumns.map { md($0, inTable: true) }.joined(separator: " | ") + " | Covered |\n"
            o += "|---|---|" + d.matrixColumns.map { _ in "---|" }.joined() + "---|\n"
            for r in d.matrix {
                let cells = r.cells.map { l in l.map { "\($0.value)\($0 >= r.required ? " ✓" : "")" } ?? "" }
                o += "| \(md(r.competency, inTable: true)) | EQF \(r.required.value) | " + cells.joined(separator: " | ") + " | \(r.covered ? "yes" : "**no**") |\n"
            }
            o += "\n"
        }

        o += "## Findings\n\n"
        if e.findings.isEmpty { o += "No findings.\n\n" }
        for f in e.findings {
            o += "- **\(f.severity.rawValue)** `\(f.code.rawValue)`: \(md(f.message))\(f.fix.map { " — " + md($0) } ?? "")\n"
        }
        if !e.findings.isEmpty { o += "\n" }

        o += "## Review comments\n\n"
        if d.comments.isEmpty { o += "No review comments.\n" }
        for c in d.comments {
            o += "- \(c.date) \(md(c.author)) on \(c.subject.kind) \(md(c.subject.code)): \(md(c.text))\n"
        }
        return o
    }
}
