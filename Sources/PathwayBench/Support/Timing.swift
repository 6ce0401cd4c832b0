/// Times a piece of work with the monotonic clock, several times, keeping every sample.
enum Timing {
    static let clock = ContinuousClock()

    /// Runs `body` `repeats` times (after `warmup` untimed runs) and returns each duration.
    static func samples(repeats: Int, warmup: Int = 1, _ body: () throws -> Void) rethrows -> [Duration] {
        for _ in 0..<warmup { try body() }
        var result: [Duration] = []
        result.reserveCapacity(repeats)
        for _ in 0..<repeats {
            let start = clock.now
            try body()
            result.append(clock.now - start)
        }
        return result
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

    init(_ samples: [Duration]) {
        let ms = samples.map(\.milliseconds).sorted()
        count = ms.count
        if ms.isEmpty { median = 0; worst = 0; return }
        median = ms.count % 2 == 1 ? ms[ms.count / 2] : (ms[ms.count / 2 - 1] + ms[ms.count / 2]) / 2
        worst = ms.last!
    }
}
