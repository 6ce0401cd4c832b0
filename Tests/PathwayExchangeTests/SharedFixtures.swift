import Foundation

/// The real files in `../shared` beside the repository. Tests that need them print why they skip
/// when the folder is absent, rather than fail.
enum SharedFixtures {
    static let root: URL = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static func path(_ relative: String) -> String? {
        let p = root.appendingPathComponent(relative).path
        if FileManager.default.fileExists(atPath: p) { return p }
        print("SKIPPED: \(relative) is not in \(root.path); the shared fixtures folder is missing")
        return nil
    }

    static func bytes(_ relative: String) -> [UInt8]? {
        guard let p = path(relative), let d = FileManager.default.contents(atPath: p) else { return nil }
        return [UInt8](d)
    }

    /// This package's own small fixtures.
    static func local(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }
}
