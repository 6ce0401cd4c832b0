import PathwayModel

/// Where edits are saved. The UI calls `apply` for every change set before showing it, so
/// every change is saved at once; the CLI gives it a session over the SQLite document
/// (one transaction per change set), tests an in-memory one.
public protocol DocumentSession: AnyObject {
    /// True when the document must not change (`--read-only`, a read-only file, another
    /// instance holding it). The UI then refuses every edit with a message.
    var isReadOnly: Bool { get }
    /// What to call the document in the title bar, e.g. the file name.
    var displayName: String { get }
    /// Saves a change set in one transaction, or throws a message saying what went wrong.
    func apply(_ changes: ChangeSet) throws
    /// Today's date, for dated edits such as review comments. The host reads the clock, so the
    /// UI itself has none (and tests pass a fixed day). Nil when unknown.
    var today: Day? { get }
}

extension DocumentSession {
    public var today: Day? { nil }
}

/// A session that keeps nothing: for tests and for previewing sample data.
public final class MemorySession: DocumentSession {
    public let isReadOnly: Bool
    public let displayName: String
    /// Every change set applied, in order (tests read it).
    public private(set) var applied: [ChangeSet] = []
    /// When set, the next `apply` fails with this message (to test failure handling).
    public var failNext: String?
    /// The day dated edits get (fixed, so tests are repeatable).
    public var today: Day?

    public init(displayName: String = "memory", readOnly: Bool = false, today: Day? = Day("2025-05-20")) {
        self.displayName = displayName
        self.isReadOnly = readOnly
        self.today = today
    }

    public func apply(_ changes: ChangeSet) throws {
        if let message = failNext {
            failNext = nil
            throw SessionError(message: message)
        }
        applied.append(changes)
    }
}

/// A failure to save, with a message for the status line.
public struct SessionError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
