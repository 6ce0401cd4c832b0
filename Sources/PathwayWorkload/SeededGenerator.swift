/// A small deterministic random number generator (SplitMix64), so the same seed gives the same
/// workload on every machine and every Swift version. Foundation's and the standard library's
/// system generators are not reproducible, and a benchmark whose data changes cannot be compared.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, without modulo bias worth speaking of (64-bit source).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// An index into a collection of `count` elements (count > 0).
    public mutating func index(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    public mutating func pick<T>(_ items: [T]) -> T { items[index(items.count)] }

    /// A version-4-shaped UUID in lower case, e.g. `3f2a…-…`, as ESCO uses for concept URIs.
    public mutating func uuid() -> String {
        let a = next(), b = next()
        let hex = Hex.digits(a, 16) + Hex.digits(b, 16)
        let c = Array(hex.utf8)
        func part(_ r: Range<Int>) -> String { String(decoding: c[r], as: UTF8.self) }
        return "\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-a\(part(17..<20))-\(part(20..<32))"
    }

    /// `k` distinct indexes from `0..<n` (k ≤ n), in the order drawn.
    public mutating func distinct(_ k: Int, of n: Int) -> [Int] {
        let k = min(k, n)
        if k * 3 > n {
            var all = Array(0..<n)
            for i in 0..<k { all.swapAt(i, i + index(n - i)) }
            return Array(all[0..<k])
        }
        var seen = Set<Int>(), out: [Int] = []
        out.reserveCapacity(k)
        while out.count < k {
            let i = index(n)
            if seen.insert(i).inserted { out.append(i) }
        }
        return out
    }

    /// `count` whole numbers, each in `range`, that add up to exactly `total` (when possible).
    public mutating func split(_ total: Int, into count: Int, each range: ClosedRange<Int>) -> [Int] {
        guard count > 0 else { return [] }
        var parts = (0..<count).map { _ in int(range) }
        var sum = parts.reduce(0, +)
        let target = min(max(total, count * range.lowerBound), count * range.upperBound)
        while sum != target {
            let i = index(count)
            if sum < target, parts[i] < range.upperBound { parts[i] += 1; sum += 1 }
            else if sum > target, parts[i] > range.lowerBound { parts[i] -= 1; sum -= 1 }
        }
        return parts
    }
}

enum Hex {
    static func digits(_ value: UInt64, _ width: Int) -> String {
        let s = String(value, radix: 16)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
