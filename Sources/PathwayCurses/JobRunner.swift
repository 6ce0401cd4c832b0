import Foundation
import PathwayModel
import PathwayTUI

/// Runs one `ExchangeJob` on a worker thread while the loop keeps drawing: the worker writes its
/// progress and result here under a lock, the loop reads them about ten times a second. Nothing
/// else touches the document meanwhile, because the app shows the job's progress box until
/// `finishJob`.
final class JobRunner: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: ExchangeProgress?
    private var outcome: ExchangeResult?
    private var cancelled = false
    private let started = Date()

    /// The session is used only by the worker while the job runs (`.save`).
    private struct Unchecked<T>: @unchecked Sendable { let value: T }

    init(job: ExchangeJob, host: any ExchangeHost, session: DocumentSession, catalog: Catalog) {
        let box = Unchecked(value: session)
        let thread = Thread { [self] in
            let result = job.perform(host: host, session: box.value, catalog: catalog,
                                     progress: { p in self.lock.withLock { self.latest = p } },
                                     isCancelled: { self.lock.withLock { self.cancelled } })
            self.lock.withLock { self.outcome = result }
        }
        thread.stackSize = 8 << 20   // parsers of big files like room
        thread.start()
    }

    /// The last progress the job reported; nil until it reports (saving never does).
    var progress: ExchangeProgress? { lock.withLock { latest } }
    /// The result once the worker is done; nil while it runs.
    var result: ExchangeResult? { lock.withLock { outcome } }
    var elapsed: Double { Date().timeIntervalSince(started) }
    func cancel() { lock.withLock { cancelled = true } }
}
