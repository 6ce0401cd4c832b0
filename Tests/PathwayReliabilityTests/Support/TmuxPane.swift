import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `pathway` binary in one pane of a private tmux server: keys in, the screen as a person
/// sees it out, plus what tmux knows about the terminal's state (alternate screen, cursor,
/// title) and, when asked, every byte the program wrote.
///
/// tmux runs through `Spawned` (posix_spawn with a cleared signal mask: Foundation's `Process`
/// hangs on tmux and leaves signals blocked), on its own socket, killed at the end. The pane runs
/// `sh`, which starts the program (its pid in `pidFile`), then prints `[exit N]` and the tty modes
/// as `[tty echo icanon]` (or `-echo` …) once it has ended, and waits.
final class TmuxPane {
    let folder: TempFolder
    let socket: String
    let pidFile: String
    let width: Int, height: Int
    private var alive = false

    static var tmux: String? { Executable.find("tmux") }

    /// Nil (and a note printed) when tmux is missing: the caller skips.
    static func start(_ arguments: [String], width: Int = 80, height: Int = 24, term: String = "tmux-256color",
                      locale: String = "C.UTF-8", environment: [String: String] = [:], before: String = "",
                      folder: TempFolder) throws -> TmuxPane? {
        guard tmux != nil else {
            print("tmux is not installed: skipping a terminal test")
            return nil
        }
        return try TmuxPane(arguments, width: width, height: height, term: term, locale: locale,
                            environment: environment, before: before, folder: folder)
    }

    private init(_ arguments: [String], width: Int, height: Int, term: String, locale: String,
                 environment: [String: String], before: String, folder: TempFolder) throws {
        self.folder = folder
        self.width = width
        self.height = height
        let stamp = UUID().uuidString.prefix(8)
        socket = folder.path("tmux-\(stamp).sock")
        pidFile = folder.path("pid-\(stamp)")
        let binary = try CLI.requireBinary()
        var exports = ["TERM": term, "LANG": locale, "LC_ALL": locale, "XDG_CONFIG_HOME": folder.path("config"),
                       "SWIFT_BACKTRACE": "interactive=no"]
        for (k, v) in environment { exports[k] = v }
        let exportLine = "export " + exports.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let inner = "echo $$ > \(Self.quote(pidFile)); \(before) exec " + ([binary] + arguments).map(Self.quote).joined(separator: " ")
        let command = "unset NO_COLOR PATHWAY_DB TMUX; \(exportLine); cd \(Self.quote(folder.url.path)); sh -c \(Self.quote(inner)); "
            + "echo \"[exit $?]\"; printf '[tty'; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | while read m; do printf ' %s' \"$m\"; done; "
            + "echo ']'; exec sleep 600"
        let r = try run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", command])
        try #require(r.status == 0, "tmux new-session failed: \(r.output)")
        alive = true
    }

    deinit { close() }

    func close() {
        guard alive else { return }
        alive = false
        _ = try? run(["kill-server"])
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux command on this server.
    @discardableResult
    func run(_ args: [String]) throws -> (status: Int32?, output: String) {
        let p = try Spawned([TmuxPane.tmux ?? "/usr/bin/tmux", "-S", socket] + args, removing: ["TMUX"], folder: folder.url.path)
        let end = p.wait()
        let status: Int32? = if case .exited(let c) = end { c } else { nil }
        return (status, p.stdout + p.stderr)
    }

    func type(_ text: String) throws { try run(["send-keys", "-t", "0.0", "-l", text]) }
    func press(_ keys: String...) throws { try run(["send-keys", "-t", "0.0"] + keys) }
    func resizeWindow(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen now, one string per row.
    func screen() throws -> String { try run(["capture-pane", "-p", "-t", "0.0"]).output }

    /// A tmux format about the pane, e.g. `#{pane_title}` or `#{alternate_on}`.
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "0.0", format]).output.trimmingCharacters(in: .newlines)
    }

    /// Polls the screen until `done` holds or `timeout` seconds pass; returns the last screen.
    /// Waiting is not asserting: the caller checks what the screen shows.
    @discardableResult
    func wait(timeout: Double = 30, until done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if done(last) { return last }
            usleep(40_000)
        } while Date() < deadline
        return last
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 30) throws -> String { try wait(timeout: timeout) { $0.contains(text) } }

    /// The program's pid (written by the pane's shell just before `exec`).
    func pid(timeout: Double = 30) throws -> pid_t {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            usleep(20_000)
        }
        throw PaneError("the pane's shell never wrote \(pidFile)")
    }

    /// Waits for the program to end and the shell to report; returns the exit line and tty line.
    func ended(timeout: Double = 30) throws -> (exit: String?, tty: String?, screen: String) {
        let screen = try wait(timeout: timeout) { $0.range(of: #"\[tty[^\]]*\]"#, options: .regularExpression) != nil }
        func line(_ pattern: String) -> String? {
            screen.range(of: pattern, options: .regularExpression).map { String(screen[$0]) }
        }
        return (line(#"\[exit [0-9]+\]"#), line(#"\[tty[^\]]*\]"#), screen)
    }

    /// Everything the program writes from now on goes to `file` as raw bytes.
    func recordOutput(to file: String) throws {
        try run(["pipe-pane", "-O", "-t", "0.0", "cat >> \(Self.quote(file))"])
    }

    /// What a person sees as the terminal's state after the program ended: the normal screen,
    /// a visible cursor, keys not in application mode, and a tty in cooked mode with echo.
    func restoredProblems(tty: String?) throws -> [String] {
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

struct PaneError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
