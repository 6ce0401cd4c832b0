import CNcursesw
import Glibc

extension CursesTerminal {
    /// Why the full-screen UI cannot run on the terminal type `term` (the value of `TERM`), or nil
    /// when it can. ncurses itself would either exit with "Error opening terminal" (an unknown
    /// type) or draw nothing usable (`dumb`, which cannot move the cursor); asking first lets the
    /// caller say so plainly and exit with its own code.
    ///
    /// The check sets the terminal type up against `/dev/null`, so nothing reaches the screen.
    public static func unsupportedReason(term: String?) -> String? {
        guard let term, !term.isEmpty else {
            return "TERM is not set, so the type of this terminal is unknown"
        }
        guard let output = fopen("/dev/null", "w") else { return nil }
        defer { fclose(output) }
        guard let input = fopen("/dev/null", "r") else { return nil }
        defer { fclose(input) }
        guard let screen = newterm(term, output, input) else {
            return "the terminal type TERM=\(term) is not known here (no terminfo entry for it)"
        }
        let previous = set_term(screen)
        let cursorMotion = tigetstr("cup")
        endwin()
        if let previous { set_term(previous) }
        delscreen(screen)
        // nil: the capability is absent; -1: not a string capability.
        guard let cursorMotion, Int(bitPattern: cursorMotion) != -1 else {
            return "the terminal type TERM=\(term) cannot move the cursor"
        }
        return nil
    }
}
