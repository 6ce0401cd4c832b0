import ArgumentParser

/// The `pathway` command: with no subcommand it opens the terminal UI on the document.
///
/// Each subcommand lives in its own file; to add one, add its type to `subcommands` here.
public struct PathwayCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Design competency maps, micro-credentials and learning pathways.",
        discussion: """
            With no subcommand, opens the terminal UI on the database. Every command takes --db FILE \
            (or the PATHWAY_DB environment variable) to choose the database, which must exist: \
            `pathway init --db FILE` makes a new one (--sample fills it with the sample sectors). \
            Without either, the default database is used, created with the sample data on first use.

            Exit status: 0 when all is well, 1 when `check` finds errors, 2 on bad usage or a file \
            that cannot be read.
            """,
        subcommands: [
            InitCommand.self,
            ListCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            ReportCommand.self,
            CheckCommand.self,
            ProgressCommand.self,
        ])

    @OptionGroup public var document: DocumentOptions
    @OptionGroup public var ui: UIOptions

    public init() {}

    public func run() throws {
        if ui.printKeys { printKeyTable(); return }
        let context = try document.open(staged: true)
        try launchUI(context, ui)
    }
}
