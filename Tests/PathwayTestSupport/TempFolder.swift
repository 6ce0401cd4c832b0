import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder per test, removed afterwards, and the databases a test starts from, made the
/// way a user makes them (`pathway init`). World-readable, so `nobody` can reach files in it.
public final class TempFolder {
    public let url: URL
    private var made: Set<String> = []

    public init(_ label: String = "tests") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pathway-\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o755)
    }

    deinit {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The path of a database in this folder holding the sample data, made with
    /// `pathway init --sample` the first time it is asked for (a named database must exist).
    @discardableResult
    public func sampleDatabase(_ name: String = "s.sqlite") throws -> String {
        let db = path(name)
        if made.insert(name).inserted {
            let r = try PathwayBinary.run(["init", "--sample", "--db", db], folder: self)
            try #require(r.status == 0, "pathway init --sample failed: \(r.stderr)")
        }
        return db
    }

    /// The path of a new, empty database in this folder, made with `pathway init`.
    @discardableResult
    public func emptyDatabase(_ name: String) throws -> String {
        let db = path(name)
        let r = try PathwayBinary.run(["init", "--db", db], folder: self)
        try #require(r.status == 0, "pathway init failed: \(r.stderr)")
        return db
    }

    /// A new database in this folder holding exactly the project file `file`: `pathway init`, then
    /// `pathway import project FILE --replace`.
    @discardableResult
    public func database(_ name: String, holding file: String) throws -> String {
        let db = try emptyDatabase(name)
        let r = try PathwayBinary.run(["import", "project", file, "--replace", "--db", db], folder: self)
        try #require(r.status == 0, "pathway import project failed: \(r.stderr)")
        return db
    }
}
