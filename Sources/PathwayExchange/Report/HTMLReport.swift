import PathwayEngine
import PathwayModel

/// A pathway report as one self-contained HTML page: inline CSS with print styles, no scripts,
/// no network (a Content-Security-Policy forbids loading anything), every piece of document
/// text cleaned and HTML-escaped.
public enum HTMLReport {
    public static func text(pathway code: String, in catalog: Catalog) throws -> String {
        render(try PathwayReportData(pathway: code, in: catalog))
    }

    static func h(_ s: String) -> String {
        HTMLText.escape(ReportText.clean(s)).replacingOccurrences(of: "\n", with: "<br>")
    }

    static let style = """
    :root { --ink: #1d2733; --muted: #5b6776; --line: #d5dbe3; --band: #f3f6f9; --accent: #1f5fa8; --bad: #b3261e; --warn: #8a5a00; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px 32px; }
    h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    .meta { color: var(--muted); margin: 0 0 16px; }
    .status { display: inline-block; padding: 1px 8px; border-radius: 10px; background: var(--band); border: 1px solid var(--line); }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
    th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
    th { background: var(--band); font-weight: 600; }
    table.facts th { width: 32%; }
    .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 4px; }
    .card { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; background: var(--band); }
    .card b { display: block; font-size: 20px; } .card span { color: var(--muted); font-size: 13px; }
    .missing { color: var(--bad); font-weight: 600; }
    .error { color: var(--bad); font-weight: 600; } .warning { color: var(--warn); font-weight: 600; } .info { color: var(--muted); font-weight: 600; }
    td.level { text-align: center; } td.reached { background: #e3f1e6; } td.no { color: var(--bad); font-weight: 600; }
    ul { margin: 4px 0 10px; padding-left: 22px; }
    code { font-size: 13px; }
    footer { margin-top: 30px; color: var(--muted); font-size: 12px; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      h2 { break-after: avoid; } h3 { break-after: avoid; }
      table, .card, section.credential { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      @page { margin: 16mm 14mm; }
    }
    """

    static func render(_ d: PathwayReportData) -> String {
        let p = d.pathway, e = d.engine
        var o = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Pathway report: \(h(p.title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <h1>\(h(p.title))</h1>
        <p class="meta">Pathway \(h(p.code)) · review status <span class="status">\(p.reviewStatus.label)</span></p>

        """
        if !p.description.isEmpty { o += "<p>\(h(p.description))</p>\n" }

        o += "<h2>Target</h2>\n<table class=\"facts\">\n"
        o += "<tr><th>Occupation or role</th><td>\(h(p.target.occupation.isEmpty ? "not given" : p.target.occupation))\(p.target.occupationURI.map { "<br><code>\(h($0))</code>" } ?? "")</td></tr>\n"
        o += "<tr><th>EQF level</th><td>\(ReportText.eqf(p.target.eqfLevel, or: "not given"))</td></tr>\n"
        o += "<tr><th>ECTS range</th><td>\(ReportText.ectsRange(min: p.target.minECTS, max: p.target.maxECTS))</td></tr>\n"
        o += "<tr><th>Target competencies</th><td>\(p.target.competencies.count)</td></tr>\n</table>\n"

        o += "<h2>Totals</h2>\n<div class=\"cards\">\n"
        o += "<div class=\"card\"><b>\(ReportText.range(e.ects.min, e.ects.max))</b><span>ECTS over all routes</span></div>\n"
        o += "<div class=\"card\"><b>\(ReportText.eqf(e.eqf.guaranteed, or: "none"))</b><span>level every route reaches</span></div>\n"
        o += "<div class=\"card\"><b>\(e.coverage)</b><span>target competencies covered</span></div>\n"
        o += "<div class=\"card\"><b>\(d.credentials.count)</b><span>credentials</span></div>\n"
        o += "<div class=\"card\"><b>\(e.count(.error)) / \(e.count(.warning)) / \(e.count(.info))</b><span>errors / warnings / notes</span></div>\n</div>\n"

        o += "<h2>Stages</h2>\n"
        for (i, s) in p.stages.enumerated() {
            o += "<h3>Stage \(i + 1): \(h(s.title))</h3>\n"
            if let fig = e.stages.first(where: { $0.index == i }) {
                o += "<p class=\"meta\">Level \(ReportText.eqf(fig.eqfLevel, or: "not set")) · \(ReportText.range(fig.ectsMin, fig.ectsMax)) ECTS · covers \(fig.coverage) target competencies (\(fig.cumulativeCoverage) so far)</p>\n"
            }
            o += "<ul>\n"
            for c in s.core { o += "<li>Core: <b>\(h(c))</b> — \(h(d.titles[c] ?? "unknown credential"))</li>\n" }
            for g in s.electiveGroups {
                o += "<li>Choose \(g.choose) of \(h(g.title)): " + g.options.map { "<b>\(h($0))</b> — \(h(d.titles[$0] ?? "unknown credential"))" }.joined(separator: "; ") + "</li>\n"
            }
            o += "</ul>\n"
        }

        o += "<h2>Credentials</h2>\n"
        for entry in d.credentials {
            let c = entry.credential
            o += "<section class=\"credential\">\n<h3>\(h(c.code)): \(h(c.title))</h3>\n"
            if !c.summary.isEmpty { o += "<p>\(h(c.summary))</p>\n" }
            o += "<table class=\"facts\">\n"
            for r in entry.annex {
                o += "<tr><th>\(h(r.label))</th><td\(r.missing ? " class=\"missing\"" : "")>\(h(r.value))\(r.missing ? " (missing)" : "")</td></tr>\n"
            }
            o += "</table>\n</section>\n"
        }

        o += "<h2>Coverage matrix</h2>\n"
        if d.matrix.isEmpty {
            o += "<p>The target lists no competencies.</p>\n"
        } else {
            o += "<p class=\"meta\">The EQF level each credential teaches; green where it reaches the required level.</p>\n<table>\n<tr><th>Competency</th><th>Required</th>"
            o += d.matrixColumns.map { "<th>\(h($0))</th>" }.joined() + "<th>Covered</th></tr>\n"
            for r in d.matrix {
                o += "<tr><td>\(h(r.competency))</td><td class=\"level\">EQF \(r.required.value)</td>"
                for cell in r.cells {
                    if let l = cell {
                        o += "<td class=\"level\(l >= r.required ? " reached" : "")\">\(l.value)\(l >= r.required ? " ✓" : "")</td>"
                    } else {
                        o += "<td class=\"level\"></td>"
                    }
                }
                o += r.covered ? "<td>yes</td></tr>\n" : "<td class=\"no\">no</td></tr>\n"
            }
            o += "</table>\n"
        }

        o += "<h2>Findings</h2>\n"
        if e.findings.isEmpty { o += "<p>No findings.</p>\n" } else {
            o += "<ul>\n"
            for f in e.findings {
                o += "<li><span class=\"\(f.severity.rawValue)\">\(f.severity.rawValue)</span> <code>\(h(f.code.rawValue))</code>: \(h(f.message))\(f.fix.map { " — " + h($0) } ?? "")</li>\n"
            }
            o += "</ul>\n"
        }

        o += "<h2>Review comments</h2>\n"
        if d.comments.isEmpty { o += "<p>No review comments.</p>\n" } else {
            o += "<ul>\n"
            for c in d.comments {
                o += "<li>\(c.date) <b>\(h(c.author))</b> on \(c.subject.kind) \(h(c.subject.code)): \(h(c.text))</li>\n"
            }
            o += "</ul>\n"
        }
        o += "<footer>Made with Pathway Designer. EU Annex I elements follow Council Recommendation 2022/C 243/02.</footer>\n</body>\n</html>\n"
        return o
    }
}
