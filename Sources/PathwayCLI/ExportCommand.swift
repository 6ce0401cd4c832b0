import ArgumentParser

/// `pathway export FORMAT`: the group of exporters. Each format is a subcommand in its own file;
/// add its type to `subcommands` to offer it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the database, or part of it, in another format.",
        subcommands: [
            ExportProjectCommand.self,
            ExportOB3Command.self, ExportELMCommand.self, ExportCASECommand.self, ExportMoodleCommand.self,
        ])
}
