import ArgumentParser

/// `pathway export project [--out FILE]`: the whole document as a project file.
struct ExportProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Write the whole database as a project file (JSON), to stdout or --out.")

    @Option(help: ArgumentHelp("Write to this file instead of stdout (replaced atomically).", valueName: "file"))
    var out: String?

    @OptionGroup var document: DocumentOptions

    func run() throws {
        let context = try document.open()
        try InputFile.write(ProjectFiles.encode(context.catalog), to: out)
        if let out, out != "-" {
            Console.note("Wrote \(out): \(CatalogSummary(context.catalog)).")
        }
    }
}
