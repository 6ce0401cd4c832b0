import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `pathway` binary in tmux, on a database in the test's folder: how every end-to-end
/// test of the terminal UI starts it.
extension TmuxTerminal {
    /// Starts `pathway --db DATABASE ARGUMENTS` in a `width`×`height` pane, from `folder` (so a
    /// relative `database`, and files the UI writes by default, are there), with TERM and a locale
    /// pinned, its own config folder, and `environment` exported. `before` is shell code run first.
    ///
    /// The pane's shell writes the program's pid to `pidFile`, and once the program has ended
    /// prints `[exit N]` and the tty's modes as `[tty echo icanon]` (`-echo`, `-icanon` when
    /// left raw), then waits. Nil (and a note printed) when tmux is missing: the caller skips.
    public static func startPathway(database: String, _ arguments: [String] = [], width: Int = 80, height: Int = 24,
                                    term: String = "tmux-256color", locale: String = "C.UTF-8",
                                    environment: [String: String] = [:], before: String = "",
                                    folder: TempFolder) throws -> TmuxTerminal? {
        guard isAvailable else {
            print("tmux is not installed: skipping a terminal test")
            return nil
        }
        let binary = try PathwayBinary.requirePath()
        var exports = ["TERM": term, "LANG": locale, "LC_ALL": locale, "XDG_CONFIG_HOME": folder.path("config"),
                       "SWIFT_BACKTRACE": "interactive=no"]
        for (k, v) in environment { exports[k] = v }
        let exportLine = "export " + exports.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
        let pidFile = newPidFile(in: folder)
        let program = ([binary, "--db", database] + arguments).map(shellQuote).joined(separator: " ")
        let inner = "echo $$ > \(shellQuote(pidFile)); \(before) exec \(program)"
        let command = "unset \(Spawned.unsetVariables.joined(separator: " ")); \(exportLine); cd \(shellQuote(folder.url.path)); "
            + "sh -c \(shellQuote(inner)); "
            + "echo \"[exit $?]\"; printf '[tty'; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | while read m; do printf ' %s' \"$m\"; done; "
            + "echo ']'; exec sleep 600"
        return try TmuxTerminal(command: command, width: width, height: height, pidFile: pidFile, folder: folder)
    }

    /// On the micro-credentials screen: `a`, the code, Enter and the title, all but the Enter
    /// that adds it (the script every test that adds a credential through the UI types).
    public func typeNewCredential(_ code: String, title: String) throws {
        try press("a")
        try waitFor("Code of the new micro-credential")
        try press("C-u")
        try type(code)
        try press("Enter")
        try waitFor("Title of \(code)")
        try type(title)
    }

    /// Waits for the program to end and the shell to report; returns the exit line, the tty line
    /// and the screen (the lines are nil when they did not show within `timeout`).
    public func ended(timeout: Double = 30) throws -> (exit: String?, tty: String?, screen: String) {
        let screen = try wait(timeout: timeout) { $0.range(of: #"\[tty[^\]]*\]"#, options: .regularExpression) != nil }
        func line(_ pattern: String) -> String? {
            screen.range(of: pattern, options: .regularExpression).map { String(screen[$0]) }
        }
        return (line(#"\[exit [0-9]+\]"#), line(#"\[tty[^\]]*\]"#), screen)
    }

    /// What a person sees as the terminal's state after the program ended: the normal screen,
    /// a visible cursor, keys not in application mode, and a tty in cooked mode with echo.
    public func restoredProblems(tty: String?) throws -> [String] {
        var problems: [String] = []
        if try display("#{alternate_on}") != "0" { problems.append("still on the alternate screen") }
        if try display("#{cursor_flag}") != "1" { problems.append("cursor hidden") }
        if try display("#{keypad_cursor_flag}") != "0" { problems.append("cursor keys left in application mode") }
        if try display("#{mouse_any_flag}") != "0" { problems.append("mouse reporting left on") }
        guard let tty else { return problems + ["the shell did not report the tty modes"] }
        let modes = Set(tty.dropFirst(4).dropLast().split(separator: " ").map(String.init))
        if !modes.contains("echo") { problems.append("echo off: \(tty)") }
        if !modes.contains("icanon") { problems.append("raw mode left on: \(tty)") }
        return problems
    }
}
