import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` and a cleared signal mask, so that SIGKILL, SIGTERM
/// and SIGWINCH behave as they do for a user: processes started by Foundation's `Process` from a
/// Swift Testing test inherit a mask that blocks most signals, and `Process` hangs on tmux, whose
/// server keeps one of its descriptors. Output goes to files, so a large output never blocks the
/// child on a full pipe.
public final class Spawned {
    public let pid: pid_t
    public let outPath: String
    public let errPath: String
    public private(set) var finished: Termination?

    /// How a process ended: its exit status, or the signal that killed it.
    public enum Termination: Equatable, CustomStringConvertible, Sendable {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signalled(let signal): return "signal \(signal)"
            }
        }

        /// The exit status; nil when a signal ended the process.
        public var status: Int32? { if case .exited(let code) = self { code } else { nil } }
    }

    /// Variables never passed on: they would point the child at the user's own tmux, colours or
    /// database instead of the test's.
    public static let unsetVariables = ["PATHWAY_DB", "TMUX", "NO_COLOR"]

    /// Starts `argv` (argv[0] an absolute path) with `environment` added to ours; its output is
    /// kept in `folder` (the system's temporary folder when nil) until this object goes.
    public init(_ argv: [String], environment: [String: String] = [:], removing: [String] = [],
                stdin: String = "/dev/null", folder: String? = nil) throws {
        let stamp = UUID().uuidString
        let directory = folder ?? FileManager.default.temporaryDirectory.path
        outPath = directory + "/spawn-\(stamp).out"
        errPath = directory + "/spawn-\(stamp).err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var env = ProcessInfo.processInfo.environment
        for key in Self.unsetVariables + removing { env.removeValue(forKey: key) }
        for (k, v) in environment { env[k] = v }
        let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cenv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cargs { free(p) }
            for p in cenv { free(p) }
        }
        var child: pid_t = 0
        let rc = cargs.withUnsafeBufferPointer { a in
            cenv.withUnsafeBufferPointer { e in
                posix_spawn(&child, argv[0], &actions, &attr,
                            UnsafeMutablePointer(mutating: a.baseAddress!), UnsafeMutablePointer(mutating: e.baseAddress!))
            }
        }
        try #require(rc == 0, "could not start \(argv[0]): error \(rc)")
        pid = child
    }

    deinit {
        if finished == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
        unlink(outPath)
        unlink(errPath)
    }

    /// Waits for the process to end.
    @discardableResult
    public func wait() -> Termination {
        if let finished { return finished }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let result = Self.termination(status)
        finished = result
        return result
    }

    /// Whether it has ended, without waiting.
    public var hasEnded: Bool {
        if finished != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        finished = Self.termination(status)
        return true
    }

    public func signal(_ sig: Int32) { kill(pid, sig) }

    public var stdout: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
