import ArgumentParser

/// The `pathway` command: with no subcommand it opens the terminal UI.
public struct PathwayCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Design competency maps, micro-credentials and learning pathways.")
    public init() {}
    public func run() throws {}
}
public enum PathwayCLIMarker {}
