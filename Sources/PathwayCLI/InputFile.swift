import Foundation

/// Reading and writing the files named on the command line, with errors that name them.
public enum InputFile {
    /// The file's bytes, or a `CLIError` (exit 2) saying what is wrong with the path.
    public static func read(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path) does not exist; check the file name.")
        }
        if isDirectory.boolValue { throw CLIError("\(path) is a folder; give the path of a file.") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path) cannot be read; check its permissions.")
        }
        return data
    }

    /// Writes `data` to `path` atomically (a complete new file or the old one untouched),
    /// or to stdout when `path` is nil or `-`.
    public static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("\(path) could not be written (\((error as NSError).localizedDescription)); check that its folder exists and that you may write there.")
        }
    }
}
