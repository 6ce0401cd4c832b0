import Foundation

/// Paths inside the repository and beside it.
public enum Repository {
    /// The package root (this file is `Tests/PathwayTestSupport/Repository.swift`).
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `<repo>/../shared`, the shared fixtures (absent on some machines).
    public static var shared: String? {
        let p = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}
