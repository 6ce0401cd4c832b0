/// The selection and scroll position of a list of any length. Views draw only the rows from
/// `offset` to `offset + height`, so a list of 14,000 items costs what 20 rows cost.
public struct ListCursor: Hashable, Sendable {
    public private(set) var selected: Int = 0
    public private(set) var offset: Int = 0
    public private(set) var count: Int = 0

    public init(count: Int = 0) { self.count = max(0, count) }

    /// Sets the number of items, keeping the selection inside.
    public mutating func setCount(_ n: Int) {
        count = max(0, n)
        selected = count == 0 ? 0 : min(selected, count - 1)
        offset = min(offset, max(0, count - 1))
    }

    public mutating func select(_ i: Int) {
        selected = count == 0 ? 0 : max(0, min(count - 1, i))
    }

    /// Applies a movement action; returns false when the action is not a movement.
    @discardableResult
    public mutating func move(_ action: Action, pageSize: Int) -> Bool {
        let page = max(1, pageSize - 1)
        switch action {
        case .up: select(selected - 1)
        case .down: select(selected + 1)
        case .pageUp: select(selected - page)
        case .pageDown: select(selected + page)
        case .top: select(0)
        case .bottom: select(count - 1)
        default: return false
        }
        return true
    }

    /// The rows to draw for a view of `height` rows, scrolled so the selection shows.
    public func visible(height: Int) -> Range<Int> {
        let o = scrolledOffset(height: height)
        return o..<min(count, o + max(0, height))
    }

    /// The first row shown when the view has `height` rows.
    public func scrolledOffset(height: Int) -> Int {
        guard height > 0, count > 0 else { return 0 }
        var o = offset
        if selected < o { o = selected }
        if selected >= o + height { o = selected - height + 1 }
        return max(0, min(o, max(0, count - height)))
    }

    /// Remembers the scroll position drawn last (call from update with the page size).
    public mutating func keepVisible(height: Int) { offset = scrolledOffset(height: height) }
}
