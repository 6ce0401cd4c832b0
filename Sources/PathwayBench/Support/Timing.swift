import Glibc

/// Times a piece of work with the monotonic clock, several times, keeping every sample. The CPU
/// time the process spent is kept too: on a shared machine the wall time includes waiting for a
/// core, the CPU time does not.
enum Timing {
    static let clock = ContinuousClock()

    /// CPU time of samples taken since the last `takeCPU()`, in order.
    nonisolated(unsafe) static var cpuSamples: [Duration] = []

    /// CPU time of the whole process, every thread of it: loading a large document reads on two
    /// threads, and the calling thread's time alone would leave the other's work out. (The
    /// benchmark runs nothing else meanwhile, so for single-threaded work this is the thread's.)
    static func processCPU() -> Duration {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return .seconds(t.tv_sec) + .nanoseconds(t.tv_nsec)
    }

    /// The CPU times recorded since the last call, and forgets them.
    static func takeCPU() -> [Duration] {
        defer { cpuSamples = [] }
        return cpuSamples
    }

    /// Runs `body` `repeats` times (after `warmup` untimed runs) and returns each duration.
    static func samples(repeats: Int, warmup: Int = 1, _ body: () throws -> Void) rethrows -> [Duration] {
        for _ in 0..<warmup { try body() }
        _ = takeCPU()
        var result: [Duration] = []
        result.reserveCapacity(repeats)
        for _ in 0..<repeats {
            let cpu = processCPU()
            let start = clock.now
            try body()
            result.append(clock.now - start)
            cpuSamples.append(processCPU() - cpu)
        }
        return result
    }

    /// Times one run of `body` by the wall clock and the process's CPU time, returning its result too.
    static func onceWithCPU<T>(_ body: () throws -> T) rethrows -> (T, wall: Duration, cpu: Duration) {
        let cpu = processCPU()
        let (value, wall) = try once(body)
        return (value, wall, processCPU() - cpu)
    }

    /// Times one run of `body`, returning its result too.
    static func once<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let start = clock.now
        let value = try body()
        return (value, clock.now - start)
    }
}

extension Duration {
    var milliseconds: Double {
        let c = components
        return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
    }
}

/// Median and worst of a set of samples, in milliseconds.
struct Stats: Sendable {
    var median: Double
    var worst: Double
    var count: Int
    /// Median CPU time of the same samples, when it was recorded.
    var cpuMedian: Double?

    /// Wall-clock samples, with the CPU times `Timing` recorded for them.
    init(_ samples: [Duration], cpu: [Duration]) {
        self.init(samples)
        if cpu.count == samples.count, !cpu.isEmpty { cpuMedian = Stats(cpu).median }
    }

    /// Wall-clock samples with the CPU times recorded since the last `Timing.takeCPU()`.
    static func withCPU(_ samples: [Duration]) -> Stats { Stats(samples, cpu: Timing.takeCPU()) }

    init(_ samples: [Duration]) {
        let ms = samples.map(\.milliseconds).sorted()
        count = ms.count
        if ms.isEmpty { median = 0; worst = 0; return }
        median = ms.count % 2 == 1 ? ms[ms.count / 2] : (ms[ms.count / 2 - 1] + ms[ms.count / 2]) / 2
        worst = ms.last!
    }
}
