import Foundation

/// The sample project files shipped with Pathway Designer, seeded into a new default database.
public enum SampleData {
    /// URLs of the `.json` project files in `SampleData/projects`, sorted by name.
    public static func projectFiles() -> [URL] {
        guard let dir = Bundle.module.url(forResource: "projects", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }
}
