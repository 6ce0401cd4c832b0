import Foundation

/// What the file system says about a document path before SQLite touches it, so that a missing
/// file, a folder, an unreadable file or a file that is not SQLite is reported plainly and never
/// modified.
struct DocumentFile {
    enum State { case missing, directory, unreadable, notSQLite, sqlite(fileWritable: Bool, folderWritable: Bool) }

    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    static func state(of path: String) -> State {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .directory }
        guard access(path, R_OK) == 0, let handle = FileHandle(forReadingAtPath: path) else { return .unreadable }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        guard Array(header) == sqliteHeader else { return .notSQLite }
        // SQLite needs to write the file and create its -wal and -shm files beside it.
        let folder = (path as NSString).deletingLastPathComponent
        return .sqlite(fileWritable: access(path, W_OK) == 0,
                       folderWritable: access(folder.isEmpty ? "." : folder, W_OK) == 0)
    }

    /// The name to give SQLite for reading a document in a folder we cannot write: SQLite cannot
    /// create the `-shm` file there, so when no writer is active (no `-wal` file) the file is
    /// opened as immutable. Otherwise the plain path.
    static func sqliteName(path: String, readOnly: Bool, folderWritable: Bool) -> String {
        guard readOnly, !folderWritable, !FileManager.default.fileExists(atPath: path + "-wal") else { return path }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }
}
