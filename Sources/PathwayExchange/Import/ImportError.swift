/// Why a file could not be read, said so a person can find and fix the spot: the file, where in
/// it (a CSV line or a JSON path), and what is wrong. Importers throw only this, so a failed
/// import is always one plain sentence and never a half-written document.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the user gave it.
    public var file: String
    /// "line 12", "line 12, column conceptUri" or "CFAssociations[3].associationType"; empty when
    /// the problem is the whole file.
    public var location: String
    /// What is wrong and, where it helps, what to do.
    public var message: String

    public init(file: String, location: String = "", message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public static func line(_ file: String, _ line: Int, _ message: String) -> ImportError {
        ImportError(file: file, location: "line \(line)", message: message)
    }

    public var description: String {
        location.isEmpty ? "\(file): \(message)" : "\(file), \(location): \(message)"
    }
}

/// A file's bytes with the name to use in messages. Parsers read these rather than paths so they
/// stay pure and can be fed from memory in tests and fuzzing.
public struct ImportSource: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }
}
