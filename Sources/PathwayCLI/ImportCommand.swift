import ArgumentParser

/// `pathway import FORMAT FILE`: the group of importers. Each format is a subcommand in its own
/// file; add its type to `subcommands` to offer it.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a file into the database.",
        subcommands: [
            ImportProjectCommand.self,
            ImportESCOCommand.self, ImportCASECommand.self, ImportMoodleCommand.self,
        ])
}
