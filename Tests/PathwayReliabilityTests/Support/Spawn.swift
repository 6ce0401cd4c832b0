import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` and a cleared signal mask, so that SIGKILL, SIGTERM
/// and SIGWINCH behave as they do for a user (processes started by Foundation's `Process` from a
/// Swift Testing test inherit a mask that blocks most signals). Output goes to files, so a large
/// output never blocks the child.
final class Spawned {
    let pid: pid_t
    let outPath: String
    let errPath: String
    private(set) var finished: Termination?

    /// How a process ended: its exit status, or the signal that killed it.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signalled(let signal): return "signal \(signal)"
            }
        }
    }

    /// Starts `argv` (argv[0] an absolute path) with `environment` added to ours.
    init(_ argv: [String], environment: [String: String] = [:], removing: [String] = [],
         stdin: String = "/dev/null", folder: String) throws {
        let stamp = UUID().uuidString
        outPath = folder + "/spawn-\(stamp).out"
        errPath = folder + "/spawn-\(stamp).err"
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
        for key in ["PATHWAY_DB", "TMUX", "NO_COLOR"] + removing { env.removeValue(forKey: key) }
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
    func wait() -> Termination {
        if let finished { return finished }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        let result: Termination = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
        finished = result
        return result
    }

    /// Whether it has ended, without waiting.
    var hasEnded: Bool {
        if finished != nil { return true }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        guard r == pid else { return false }
        let signal = status & 0x7f
        finished = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
        return true
    }

    func signal(_ sig: Int32) { kill(pid, sig) }

    var stdout: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }
}

/// The built `pathway` executable, run as a user would.
enum CLI {
    /// `.build/<config>/pathway`, next to the test runner.
    static let binary: String? = {
        var candidates: [String] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("pathway").path)
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("pathway").path)
        candidates.append(Repository.root + "/.build/debug/pathway")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func requireBinary() throws -> String {
        try #require(binary, "the pathway executable was not found next to the tests; run `swift build` first")
    }

    /// Starts `pathway ARGS` without waiting.
    static func start(_ arguments: [String], environment: [String: String] = [:], folder: TempFolder) throws -> Spawned {
        try Spawned([try requireBinary()] + arguments, environment: environment, folder: folder.url.path)
    }

    struct Result {
        var termination: Spawned.Termination
        var stdout: String
        var stderr: String
        var status: Int32? { if case .exited(let c) = termination { return c } else { return nil } }
    }

    /// Runs `pathway ARGS` to the end.
    static func run(_ arguments: [String], environment: [String: String] = [:], folder: TempFolder) throws -> Result {
        let p = try start(arguments, environment: environment, folder: folder)
        let t = p.wait()
        return Result(termination: t, stdout: p.stdout, stderr: p.stderr)
    }

    /// Starts a database as a user does: `pathway init --sample` (or an empty one).
    static func initDatabase(_ db: String, sample: Bool = true, folder: TempFolder) throws {
        let r = try run(["init", "--db", db] + (sample ? ["--sample"] : []), folder: folder)
        try #require(r.status == 0, "pathway init failed: \(r.stderr)")
    }

    /// A new database holding exactly the project file: `init`, then `import project --replace`.
    static func database(_ db: String, holding file: String, folder: TempFolder) throws {
        try initDatabase(db, sample: false, folder: folder)
        let r = try run(["import", "project", file, "--replace", "--db", db], folder: folder)
        try #require(r.status == 0, "pathway import project failed: \(r.stderr)")
    }

    /// Runs a command line under `setpriv` as the unprivileged user `nobody`, so file permissions
    /// bind (the tests usually run as root, whom `chmod 000` does not stop). Nil when this is
    /// not possible here (no setpriv, or not root).
    static func runAsNobody(_ arguments: [String], folder: TempFolder) throws -> Result? {
        guard getuid() == 0, let setpriv = Executable.find("setpriv") else { return nil }
        let argv = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--", try requireBinary()] + arguments
        let p = try Spawned(argv, environment: ["HOME": folder.url.path], folder: folder.url.path)
        let t = p.wait()
        return Result(termination: t, stdout: p.stdout, stderr: p.stderr)
    }
}

enum Executable {
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }
}

/// Paths inside the repository and beside it.
enum Repository {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    /// `<repo>/../shared`, the shared fixtures (absent on some machines).
    static var shared: String? {
        let p = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}

/// A fresh folder per test, removed afterwards. World-readable so `nobody` can reach files in it.
final class TempFolder {
    let url: URL
    init(_ label: String = "reliability") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pathway-\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o755)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}
