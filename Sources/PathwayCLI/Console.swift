import Foundation

/// Where the commands write: data to stdout, notes and errors to stderr.
public enum Console {
    /// A line on stderr: notes that must not mix with data on stdout.
    public static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Text on stdout, as is.
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A failure a command reports in one sentence, with the exit code it means (2 unless said).
public struct CLIError: Error, CustomStringConvertible {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
