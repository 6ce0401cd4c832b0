import ArgumentParser
import Foundation
import PathwayCurses
import PathwayModel
import PathwayTUI

/// Options of the terminal UI (`pathway` with no subcommand), beside the shared `--db` and
/// `--read-only`.
public struct UIOptions: ParsableArguments {
    @Option(name: .customLong("theme"),
            help: ArgumentHelp("Colour theme: default-dark, light, high-contrast, colour-blind-safe, monochrome, or your own (see docs/themes.md).",
                               valueName: "name"))
    public var theme: String?

    @Flag(name: .customLong("ascii"), help: "Draw lines and marks with plain ASCII (for consoles and screen readers).")
    public var ascii = false

    @Flag(name: .customLong("print-keys"), help: "Print the key table (Markdown, as in docs/keys.md) and exit.")
    public var printKeys = false

    public init() {}
}

/// What `pathway` does with no subcommand: open the terminal UI on the document.
func launchUI(_ context: DocumentContext, _ options: UIOptions = UIOptions()) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        // Not a terminal (a pipe, a script): print the pathways instead of drawing a screen.
        try context.finishLoading()
        Console.out(ListKind.pathways.listing(of: context.catalog, framework: nil).text())
        Console.note("Not a terminal, so the terminal UI did not open; pathway --help lists the commands.")
        return
    }
    if let reason = CursesTerminal.unsupportedReason(term: ProcessInfo.processInfo.environment["TERM"]) {
        throw CLIError("The terminal UI cannot open: \(reason). Run pathway in a terminal such as xterm-256color, "
                       + "or use its commands instead (pathway --help lists them).")
    }
    // A large document's occupations are read while the first frame is drawn (`open(staged:)`).
    try TerminalUI.run(catalog: context.catalog, session: StoreSession(context), exchange: UIExchangeHost(context),
                       options: TerminalUI.Options(themeName: options.theme, ascii: options.ascii),
                       completeCatalog: context.isLoaded ? nil : {
                           try context.finishLoading()
                           return context.catalog
                       })
}

/// Prints the key table for `--print-keys`.
func printKeyTable() {
    Console.out(KeyRegistry(App.bindings(for: ScreenRegistry.standard)).markdownTable())
}

/// The UI's view of the open document: every change set is written in one transaction.
final class StoreSession: DocumentSession {
    let context: DocumentContext
    init(_ context: DocumentContext) { self.context = context }

    var isReadOnly: Bool { context.isReadOnly }
    var displayName: String { (context.path as NSString).lastPathComponent }

    /// The local calendar day, read here so the UI module stays free of clocks. Read through the
    /// C library (`localtime_r`): Foundation's `Calendar.current` loads ICU's calendar and time
    /// zone data, ≈ 3 MB of resident memory for one date.
    var today: Day? { StoreSession.localDay() }

    static func localDay(at moment: time_t = time(nil)) -> Day? {
        var moment = moment
        var parts = tm()
        guard localtime_r(&moment, &parts) != nil else { return nil }
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    func apply(_ changes: ChangeSet) throws {
        do {
            try context.apply(changes)
        } catch {
            throw SessionError(message: "\(error)")
        }
    }
}
