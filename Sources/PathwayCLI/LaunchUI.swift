import PathwayModel

/// What `pathway` does with no subcommand: open the terminal UI on the document.
///
/// The terminal UI replaces this function's body (this file is the UI's); the spine only calls it.
/// Until then it prints the pathways so that `pathway` shows something useful.
func launchUI(_ context: DocumentContext) throws {
    Console.out(ListKind.pathways.listing(of: context.catalog, framework: nil).text())
    Console.note("The terminal UI is coming; meanwhile use `pathway list`, `pathway --help` for the commands.")
}
