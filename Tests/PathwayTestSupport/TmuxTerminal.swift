import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One pane of a private tmux server, for end-to-end tests of a terminal program: keys in, the
/// screen as a person sees it out, and what tmux knows about the terminal's state.
///
/// tmux runs through `Spawned` (posix_spawn with a cleared signal mask: Foundation's `Process`
/// hangs on tmux and leaves signals blocked), on a socket of its own in the test's folder, and the
/// server is always killed at the end (`close()`, or when the terminal goes).
public final class TmuxTerminal {
    public let folder: TempFolder
    public let socket: String
    /// The pane's size when it was started.
    public let width: Int, height: Int
    /// Where a shell in the pane may write the pid of the program it starts (see `pid()`).
    public let pidFile: String
    private var alive = false

    public static var tmux: String? { Executable.find("tmux") }
    public static var isAvailable: Bool { tmux != nil }

    /// A new path in `folder` for a pid file.
    public static func newPidFile(in folder: TempFolder) -> String { folder.path("pid-\(UUID().uuidString.prefix(8))") }

    /// Starts `command` (a shell command line, run by `sh -c`) in a `width`×`height` pane.
    public init(command: String, width: Int = 80, height: Int = 24, pidFile: String? = nil, folder: TempFolder) throws {
        self.folder = folder
        self.width = width
        self.height = height
        socket = folder.path("tmux-\(UUID().uuidString.prefix(8)).sock")
        self.pidFile = pidFile ?? Self.newPidFile(in: folder)
        // Marked alive first: even a failed new-session may have left a server to kill.
        alive = true
        let r = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", command])
        try #require(r.status == 0, "tmux new-session failed: \(r.output)")
    }

    deinit { close() }

    /// Kills the tmux server and everything in it.
    public func close() {
        guard alive else { return }
        alive = false
        _ = try? tmux(["kill-server"])
    }

    /// Runs one tmux command on this terminal's server; returns its status and output.
    @discardableResult
    public func tmux(_ args: [String]) throws -> (status: Int32?, output: String) {
        let p = try Spawned([Self.tmux ?? "/usr/bin/tmux", "-S", socket] + args, folder: folder.url.path)
        let end = p.wait()
        return (end.status, p.stdout + p.stderr)
    }

    /// Types text literally (any Unicode).
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", "0.0", "-l", text]) }

    /// Presses keys by tmux name: Enter, Escape, C-c, F2, Down, BSpace …
    public func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "0.0"] + keys) }

    /// Resizes the window (and so its only pane).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pane's text now, one line per row.
    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0.0"]).output }

    /// A tmux format about the pane, e.g. `#{pane_title}` or `#{alternate_on}`.
    public func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0.0", format]).output.trimmingCharacters(in: .newlines)
    }

    /// Polls the screen until `done` holds or `timeout` seconds pass; returns the last screen.
    /// Waiting is not asserting: the caller checks what the screen shows.
    @discardableResult
    public func wait(timeout: Double = 30, until done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if done(last) { return last }
            usleep(40_000)
        } while Date() < deadline
        return last
    }

    /// Waits until the screen shows `text`, and returns it. When it never does, the test fails
    /// here with the screen in the message. Wait for text only the awaited state can show: text
    /// that may be on screen before the keys were handled proves nothing.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 30,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try wait(timeout: timeout) { $0.contains(text) }
        let shown = screen.contains(text)
        try #require(shown, "waited \(Int(timeout)) s for \"\(text)\"; the screen:\n\(screen)",
                     sourceLocation: sourceLocation)
        return screen
    }

    /// Waits until the screen no longer shows `text`, and returns it; fails like `waitFor`.
    @discardableResult
    public func waitUntilGone(_ text: String, timeout: Double = 30,
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try wait(timeout: timeout) { !$0.contains(text) }
        let gone = !screen.contains(text)
        try #require(gone, "waited \(Int(timeout)) s for \"\(text)\" to go; the screen:\n\(screen)",
                     sourceLocation: sourceLocation)
        return screen
    }

    /// The pid a shell in the pane wrote to `pidFile`.
    public func pid(timeout: Double = 30) throws -> pid_t {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            usleep(20_000)
        } while Date() < deadline
        throw TerminalError("the pane's shell never wrote \(pidFile); the screen:\n\((try? screen()) ?? "")")
    }

    /// Everything the program writes from now on goes to `file` as raw bytes.
    public func recordOutput(to file: String) throws {
        try tmux(["pipe-pane", "-O", "-t", "0.0", "cat >> \(shellQuote(file))"])
    }

    /// Stops `recordOutput`.
    public func stopRecording() throws { try tmux(["pipe-pane", "-t", "0.0"]) }
}

/// Something the terminal could not do, said in one sentence.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
