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

extension Console {
    /// Standard output written in 64 KiB pieces, so a command's large output (`check --format json`
    /// over 500 pathways) is never held whole in memory. Call `flush()` at the end.
    public struct Stream: TextOutputStream {
        private var pending = ""
        private let limit: Int
        private let sink: (String) -> Void

        /// `sink` receives each piece of at least `limit` UTF-8 bytes (the last may be shorter).
        public init(limit: Int = 1 << 16, sink: @escaping (String) -> Void = Console.out) {
            self.limit = limit
            self.sink = sink
            pending.reserveCapacity(limit)
        }

        public mutating func write(_ string: String) {
            pending += string
            if pending.utf8.count >= limit { flush() }
        }

        public mutating func flush() {
            guard !pending.isEmpty else { return }
            sink(pending)
            pending.removeAll(keepingCapacity: true)
        }
    }
}
