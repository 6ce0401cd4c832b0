import Foundation

/// The temporary folder a run writes its CSV files and databases into, removed at the end
/// unless `--keep` was given.
struct Workspace {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "pathway-bench-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    /// A fresh path for a database: nothing left over from an earlier repetition.
    func freshDatabase(_ name: String) -> String {
        let p = path(name)
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(p + suffix) }
        return p
    }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
