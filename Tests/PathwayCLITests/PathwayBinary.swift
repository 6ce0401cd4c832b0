import Foundation
import Testing

/// Runs the built `pathway` executable, as a user would, and captures what it prints.
struct PathwayBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `.build/<config>/pathway`, next to the test bundle.
    static let url: URL? = {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("pathway"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("pathway"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/pathway"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil,
                    stdin: Data? = nil) throws -> Result {
        let binary = try #require(url, "the pathway executable was not found next to the tests; run `swift build` first")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PATHWAY_DB")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let folder { process.currentDirectoryURL = folder }
        // Output goes to files, so a large output can never block the process on a full pipe.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("pathway-run-\(UUID().uuidString)")
        let outURL = capture.appendingPathExtension("out"), errURL = capture.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A fresh folder per test, removed afterwards.
final class TempFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pathway-cli-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    private var made: Set<String> = []

    /// The path of a database in this folder holding the sample data, made with
    /// `pathway init --sample` the first time it is asked for (a named database must exist).
    func sampleDatabase(_ name: String = "s.sqlite") throws -> String {
        let db = path(name)
        if made.insert(name).inserted {
            let r = try PathwayBinary.run(["init", "--sample", "--db", db])
            try #require(r.status == 0, "pathway init --sample failed: \(r.stderr)")
        }
        return db
    }

    /// The path of a new, empty database in this folder, made with `pathway init`.
    func emptyDatabase(_ name: String) throws -> String {
        let db = path(name)
        let r = try PathwayBinary.run(["init", "--db", db])
        try #require(r.status == 0, "pathway init failed: \(r.stderr)")
        return db
    }
    deinit {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}
