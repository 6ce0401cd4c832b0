import Foundation

/// Peak resident memory of the real `pathway` executable, not only of the in-process probe: the
/// executable adds ncurses, the argument parser and its own code, and a person meets its figure.
/// Needs the release `pathway` beside the benchmark (`swift build -c release`); the UI figure also
/// needs tmux. Where either is missing the figure says so instead of a number.
enum RealBinaryMemory {
    /// This benchmark's own executable.
    static var benchExecutable: URL { URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath() }

    /// The `pathway` executable built beside this benchmark, if there is one.
    static var pathwayExecutable: String? {
        let path = benchExecutable.deletingLastPathComponent().appendingPathComponent("pathway").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs `pathway ARGS` with stdout and stderr to /dev/null; returns its peak resident memory
    /// in MB (the kernel's `ru_maxrss` of the child) and its exit status.
    ///
    /// The child is started through a fresh benchmark process (`--peak-of`): Linux counts the
    /// memory of the process that called exec in the child's peak, and this benchmark is large.
    static func command(_ executable: String, _ arguments: [String]) throws -> (mb: Double, status: Int32) {
        let bench = benchExecutable.path
        let out = NSTemporaryDirectory() + "/pathway-bench-peak-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try spawn(bench, ["--peak-of", executable] + arguments, output: out)
        let words = ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: " ")
        guard words.count == 2, let mb = Double(words[0]), let status = Int32(words[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("could not measure `\(executable) \(arguments.joined(separator: " "))`")
        }
        return (mb, status)
    }

    /// posix_spawn and wait4, with stdout to `output` (a file it truncates) or /dev/null. Plain
    /// system calls rather than `Process`: a tmux client that starts the tmux server leaves
    /// `Process.waitUntilExit` waiting here.
    static func spawn(_ executable: String, _ arguments: [String], output: String = "/dev/null") throws -> (status: Int32, usage: rusage) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("waiting for \(executable) failed: error \(errno)") }
        }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, usage)
    }

    /// Opens the UI on `database` in a detached tmux session of `width`×`height`, visits every
    /// screen (keys 1–7, each waited for), types a filter on the map, lets the background checks
    /// finish, and returns the process's peak resident memory (VmHWM) in MB before quitting.
    static func terminalSession(_ executable: String, database: String, width: Int, height: Int) throws -> Double {
        guard let tmux = ["/usr/bin/tmux", "/bin/tmux", "/usr/local/bin/tmux"].first(where: FileManager.default.isExecutableFile) else {
            throw BenchError("tmux is not installed")
        }
        let session = "pathway-bench-\(getpid())"
        let captured = NSTemporaryDirectory() + "/\(session).txt"
        defer { try? FileManager.default.removeItem(atPath: captured) }
        /// Runs tmux; returns its output when asked for.
        @discardableResult
        func run(_ args: [String], output: Bool = true) throws -> String {
            _ = try spawn(tmux, args, output: output ? captured : "/dev/null")
            return output ? ((try? String(contentsOfFile: captured, encoding: .utf8)) ?? "") : ""
        }
        func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }
        /// Waits until the screen differs from `before` and then holds still for 0.3 s.
        func settle(after before: String, seconds: Double = 30) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var last = before, stillSince = Date()
            while Date() < deadline {
                usleep(50_000)
                let now = try screen()
                if now != last { last = now; stillSince = Date() }
                else if now != before && !now.isEmpty && Date().timeIntervalSince(stillSince) >= 0.3 { return now }
            }
            throw BenchError("the UI did not settle within \(Int(seconds)) s; the screen was:\n\(last)")
        }
        let command = "exec env TERM=xterm-256color LANG=C.UTF-8 '\(executable)' --db '\(database)'"
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command], output: false)
        defer { try? run(["kill-session", "-t", session], output: false) }
        guard let pid = Int32(try run(["display-message", "-p", "-t", session, "#{pane_pid}"])
                                .trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("cannot find the pathway process in tmux")
        }
        var shown = try settle(after: "")
        for key in ["2", "3", "4", "5", "6", "7", "2"] {
            try run(["send-keys", "-t", session, key], output: false)
            shown = try settle(after: shown)
        }
        try run(["send-keys", "-t", session, "/"], output: false)
        for ch in ["m", "a", "n", "a", "g"] {
            try run(["send-keys", "-t", session, "-l", ch], output: false)
            usleep(100_000)
        }
        _ = try settle(after: shown)
        // Let the background checks finish: the peak is read once resident memory stops growing.
        var last = -1.0
        for _ in 0..<40 {
            usleep(250_000)
            guard let now = peakMB(of: pid) else { break }
            if now == last { break }
            last = now
        }
        guard let peak = peakMB(of: pid) else { throw BenchError("the pathway process (\(pid)) ended early; the screen was:\n\(try screen())") }
        try? run(["send-keys", "-t", session, "Escape"], output: false)
        try? run(["send-keys", "-t", session, "q"], output: false)
        return peak
    }

    private static func peakMB(of pid: Int32) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Double($0) }
            return kb.map { $0 / 1024 }
        }
        return nil
    }
}
