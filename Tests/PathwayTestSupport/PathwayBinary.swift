import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `pathway` executable, run as a user would run it: through `Spawned`, with its output
/// and exit status (or the signal that ended it) captured.
public enum PathwayBinary {
    /// `.build/<config>/pathway`, next to the test runner.
    public static let path: String? = {
        var candidates: [String] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("pathway").path)
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("pathway").path)
        candidates.append(Repository.root + "/.build/debug/pathway")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    public static func requirePath() throws -> String {
        try #require(path, "the pathway executable was not found next to the tests; run `swift build` first")
    }

    public struct Result {
        public var termination: Spawned.Termination
        public var stdout: String
        public var stderr: String
        /// The exit status; nil when a signal ended the process.
        public var status: Int32? { termination.status }
    }

    /// Starts `pathway ARGS` without waiting. Its output is kept in `folder` (or the system's
    /// temporary folder); `PATHWAY_DB`, `TMUX` and `NO_COLOR` are not passed on.
    public static func start(_ arguments: [String], environment: [String: String] = [:],
                             folder: TempFolder? = nil) throws -> Spawned {
        try Spawned([try requirePath()] + arguments, environment: environment, folder: folder?.url.path)
    }

    /// Runs `pathway ARGS` to the end.
    public static func run(_ arguments: [String], environment: [String: String] = [:],
                           folder: TempFolder? = nil) throws -> Result {
        let p = try start(arguments, environment: environment, folder: folder)
        let t = p.wait()
        return Result(termination: t, stdout: p.stdout, stderr: p.stderr)
    }

    /// Runs `pathway ARGS` under `setpriv` as the unprivileged user `nobody`, so file permissions
    /// bind (the tests usually run as root, whom `chmod 000` does not stop). Nil when this is
    /// not possible here (no setpriv, or not root).
    public static func runAsNobody(_ arguments: [String], folder: TempFolder) throws -> Result? {
        guard getuid() == 0, let setpriv = Executable.find("setpriv") else { return nil }
        let argv = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--", try requirePath()] + arguments
        let p = try Spawned(argv, environment: ["HOME": folder.url.path], folder: folder.url.path)
        let t = p.wait()
        return Result(termination: t, stdout: p.stdout, stderr: p.stderr)
    }
}
