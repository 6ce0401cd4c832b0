import Dispatch
import PathwayModel

/// The full check spread over the machine's cores.
///
/// Pathways are checked independently of each other against one immutable `EngineContext`, so a
/// whole-catalog check (`pathway check`, the benchmark's 500 pathways) can run them side by side:
/// the catalog-wide findings (which walk the whole competency map) in one task, the pathways in
/// chunks in the others. Each task writes only its own slots, and the report lists everything in
/// the same order as the one-thread check.
enum ParallelCheck {
    /// Below this many pathways the threads cost more than they save.
    static let minimumPathways = 64
    /// Pathways per task: small enough for the tasks to even out between cores.
    static let chunk = 16

    static func run(_ context: EngineContext, pathways: [Pathway], learner: Learner?) -> CatalogReport {
        let results = Slots(pathways: pathways.count)
        let chunks = (pathways.count + chunk - 1) / chunk
        // Task 0 is the catalog-wide findings, the longest single task, so it starts first.
        DispatchQueue.concurrentPerform(iterations: chunks + 1) { task in
            if task == 0 {
                results.setCatalogFindings(context.catalogFindings())
                return
            }
            let start = (task - 1) * chunk
            for i in start..<min(start + chunk, pathways.count) {
                results.set(i, context.check(pathways[i], learner: learner))
            }
        }
        return results.report()
    }

    /// Where the tasks put their results: one slot per pathway, each written by one task only,
    /// read after every task has finished (`concurrentPerform` returns only then).
    private final class Slots: @unchecked Sendable {
        private let reports: UnsafeMutableBufferPointer<PathwayReport?>
        private var catalogFindings: [Finding] = []

        init(pathways: Int) {
            reports = .allocate(capacity: pathways)
            reports.initialize(repeating: nil)
        }

        deinit {
            _ = reports.deinitialize()
            reports.deallocate()
        }

        func set(_ i: Int, _ report: PathwayReport) { reports[i] = report }
        func setCatalogFindings(_ findings: [Finding]) { catalogFindings = findings }

        func report() -> CatalogReport {
            CatalogReport(pathways: reports.map { $0! }, catalogFindings: catalogFindings)
        }
    }
}
