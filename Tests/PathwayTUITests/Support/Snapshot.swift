import Foundation
import Testing

/// Text snapshots under Tests/PathwayTUITests/Snapshots, re-recorded with RECORD_SNAPSHOTS=1.
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `text` with the stored snapshot `name.txt`; records it when recording or missing.
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let stored = try? String(contentsOf: url, encoding: .utf8)
        if recording || stored == nil {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            if stored == nil && !recording {
                Issue.record("Recorded a new snapshot \(name).txt; check it and run again.", sourceLocation: sourceLocation)
            }
            return
        }
        if stored != text + "\n" {
            Issue.record("""
                Snapshot \(name).txt differs (RECORD_SNAPSHOTS=1 re-records). Now:
                \(text)
                """, sourceLocation: sourceLocation)
        }
    }

    /// The package root (for Themes/ and docs/).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}
