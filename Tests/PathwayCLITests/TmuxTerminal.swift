import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running one program in a pane of a fixed size, for end-to-end tests of
/// the terminal UI: send keys, read the screen as a person sees it.
///
/// Processes are started with `posix_spawn` and a cleared signal mask: Foundation's `Process`
/// hangs on tmux (its server inherits a descriptor) and leaves signals blocked in children.
/// Each test gets its own socket, and the server is always killed at the end.
final class TmuxTerminal {
    let socket: String
    let folder: URL
    private var alive = false

    static var isAvailable: Bool { which("tmux") != nil }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Starts `command` (a shell command line) in a `width`×`height` pane with TERM=tmux-256color
    /// and a UTF-8 locale pinned.
    init(command: String, width: Int = 80, height: Int = 24, folder: URL) throws {
        self.folder = folder
        socket = folder.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8)).sock").path
        let shell = "export TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8; " + command
        let status = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", shell])
        try #require(status.status == 0, "tmux new-session failed: \(status.output)")
        alive = true
    }

    deinit { close() }

    /// Kills the tmux server and everything in it.
    func close() {
        guard alive else { return }
        alive = false
        _ = try? tmux(["kill-server"])
    }

    /// Runs a tmux command against this test's server.
    @discardableResult
    func tmux(_ args: [String]) throws -> (status: Int32, output: String) {
        try TmuxTerminal.spawn([TmuxTerminal.which("tmux") ?? "/usr/bin/tmux", "-S", socket] + args, folder: folder)
    }

    /// Types text literally (any Unicode).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }

    /// Presses keys by tmux name: Enter, Escape, C-c, F2, Down, BSpace …
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pane's text now.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0"]).output }

    /// Waits until the screen contains `text` (or `timeout` passes) and returns the screen.
    /// Waiting is not asserting: the caller checks what the screen shows.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        return last
    }

    /// Waits until the screen no longer contains `text`; returns the screen.
    @discardableResult
    func waitUntilGone(_ text: String, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if !last.contains(text) { return last }
            usleep(50_000)
        }
        return last
    }

    /// Runs a program to completion with a clean signal mask; returns its status and output.
    static func spawn(_ argv: [String], folder: URL) throws -> (status: Int32, output: String) {
        let outPath = folder.appendingPathComponent("spawn-\(UUID().uuidString).out").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        env.removeValue(forKey: "NO_COLOR")
        env.removeValue(forKey: "PATHWAY_DB")
        var cenv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cenv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, &cargs, &cenv)
        try #require(rc == 0, "could not start \(argv[0]): error \(rc)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : -1, output)
    }
}

/// Quotes a string for `sh`.
func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
