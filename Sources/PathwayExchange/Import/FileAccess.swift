import Foundation

extension ImportSource {
    /// Reads a file, turning every way that can fail into an `ImportError` that says what to do.
    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(file: path, message: "there is no such file; check the path")
        }
        if isDirectory.boolValue {
            throw ImportError(file: path, message: "this is a folder, not a file; give the path of the file inside it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: path, message: "the file cannot be read; check its permissions")
        }
        self.init(name: path, bytes: [UInt8](data))
    }
}

/// Writes exported text to a file in one step (a temporary file renamed into place), so an
/// export that fails never leaves a half-written file behind.
public enum ExportFile {
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ExportError("cannot write \(path) (\(error.localizedDescription)); check that the folder exists and is writable")
        }
    }
}
