import Foundation
import GRDB

/// Another program's write lock on a database: `BEGIN IMMEDIATE` held on a thread of its own
/// until `release()`, as a second Pathway Designer saving a long import would hold it.
final class LockHolder: @unchecked Sendable {
    private let taken = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private(set) var failure: Error?

    init(path: String) {
        let thread = Thread { [self] in
            do {
                let queue = try DatabaseQueue(path: path)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN IMMEDIATE")
                    taken.signal()
                    released.wait()
                    try db.execute(sql: "ROLLBACK")
                }
                try queue.close()
            } catch {
                failure = error
                taken.signal()
            }
            done.signal()
        }
        thread.start()
        taken.wait()
    }

    func release() {
        released.signal()
        done.wait()
    }
}
