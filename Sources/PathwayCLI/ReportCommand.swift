import ArgumentParser
import PathwayExchange

/// `pathway report --pathway CODE --format markdown|html [--out FILE]`
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a pathway report a partner can read without the tool (Markdown or a self-contained HTML page).",
        discussion: "Target, stages, credentials with their EU Annex I elements, totals, coverage matrix, engine findings and review comments.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @Option(help: ArgumentHelp("The pathway's code.", valueName: "code"))
    var pathway: String
    @Option(help: "markdown or html.")
    var format: Format = .markdown
    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var out: String?
    @OptionGroup var document: DocumentOptions

    func run() throws {
        let context = try document.open()
        let text = try StandardsExport.exchange {
            format == .html ? try HTMLReport.text(pathway: pathway, in: context.catalog)
                            : try MarkdownReport.text(pathway: pathway, in: context.catalog)
        }
        try StandardsExport.write(text, to: out, what: "the \(format.rawValue) report on \(pathway)")
    }
}
