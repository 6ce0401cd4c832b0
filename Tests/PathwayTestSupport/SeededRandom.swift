import Foundation
import PathwayWorkload

/// The random tests use the workload's seeded generator (SplitMix64), so one seed replays the
/// same way everywhere: each test prints its seed, and `RELIABILITY_SEED` chooses another.
public typealias SeededRandom = SeededGenerator

extension SeededGenerator {
    /// The seed from `RELIABILITY_SEED`, else `fallback`.
    public static func seed(_ fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["RELIABILITY_SEED"].flatMap { UInt64($0) } ?? fallback
    }
}
