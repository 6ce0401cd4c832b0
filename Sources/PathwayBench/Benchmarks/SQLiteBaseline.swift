import Foundation

/// The yardstick for bulk import: the `sqlite3` command-line tool's `.import` of the same CSV
/// files into tables it makes from their headers, in a fresh database, timed from start to exit.
enum SQLiteBaseline {
    static var toolPath: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// One timed `.import` of `files` (names inside the workspace) into a new database.
    static func run(tool: String, files: [String], workspace: Workspace) throws -> Duration {
        let db = workspace.freshDatabase("sqlite3-import.db")
        var script = ".bail on\n.mode csv\n"
        for (i, f) in files.enumerated() { script += ".import '\(workspace.path(f))' t\(i)\n" }
        let scriptPath = workspace.path("import.sql")
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [db]
        process.standardInput = FileHandle(forReadingAtPath: scriptPath)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice   // ragged hierarchy rows make it warn
        let start = Timing.clock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = Timing.clock.now - start
        guard process.terminationStatus == 0 else {
            throw BenchError("sqlite3 .import failed with status \(process.terminationStatus) (database \(db))")
        }
        return elapsed
    }

    /// Rows in each table of the baseline database, to check it imported everything.
    static func rowCount(tool: String, workspace: Workspace, tables: Int) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        let sum = (0..<tables).map { "(SELECT count(*) FROM t\($0))" }.joined(separator: " + ")
        process.arguments = [workspace.path("sqlite3-import.db"), "SELECT \(sum);"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
