/// Collects one owner's values while its rows are stepped through (an occupation's skills, a
/// competency's labels), then hands them over as an array of exactly their count.
///
/// Values are moved in and moved out, never copied: at ESCO scale that is 130,000 keys and
/// 54,000 labels, each of which would otherwise be retained and released once more, and arrays
/// grown by appending keep on average a third of their capacity unused.
struct Gathering<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    mutating func append(_ element: consuming Element) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Everything gathered since the last `take`, in order; the gathering is left empty.
    mutating func take() -> [Element] {
        let n = count, source = base
        guard n > 0 else { return [] }
        count = 0
        return Array(unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: n)
            initialized = n
        }
    }
}
