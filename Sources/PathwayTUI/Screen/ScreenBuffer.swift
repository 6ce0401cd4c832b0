/// One cell of the screen: a character (grapheme cluster) and how to draw it.
///
/// A wide character occupies its cell with `width == 2`; the cell to its right is a continuation
/// (`width == 0`) that the backend skips.
public struct Cell: Hashable, Sendable {
    public var char: Character
    public var width: UInt8
    public var style: Style

    public init(_ char: Character = " ", width: UInt8 = 1, style: Style = .text) {
        self.char = char
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}

/// A rectangle of cells, `x`/`y` from the top left.
public struct Rect: Hashable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    /// The rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: 1) }
    /// Splits off `n` columns on the left; returns (left, rest).
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let n = max(0, min(width, n))
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }
    /// Splits off `n` rows at the top; returns (top, rest).
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let n = max(0, min(height, n))
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }
}

/// The whole screen in memory. Views draw here; the backend copies only changed cells to the
/// terminal; tests read it back as text.
///
/// Every string written goes through `Sanitizer`, and writes are clipped to the buffer and to
/// an optional clip rectangle, so no view can draw outside its area or split a wide character.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Fills a rectangle with spaces in a style.
    public mutating func fill(_ r: Rect, style: Style = .text, char: Character = " ") {
        let x0 = max(0, r.x), x1 = min(width, r.maxX), y0 = max(0, r.y), y1 = min(height, r.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(char, width: 1, style: style)
        for y in y0..<y1 { for x in x0..<x1 { cells[y * width + x] = cell } }
    }

    /// Writes text from (x, y), clipped to `clip` (default: the whole buffer) and to `maxWidth`
    /// columns. Returns the column after the last character written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .text,
                               maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        var limit = width
        var start = 0
        if let c = clip {
            guard y >= c.y, y < c.maxY else { return x }
            limit = min(limit, c.maxX)
            start = max(0, c.x)
        }
        if let m = maxWidth { limit = min(limit, x + m) }
        var col = x
        for ch in Sanitizer.clean(text) {
            let w = TextWidth.of(ch)
            if w == 0 {
                // A lone zero-width cluster joins the character before it.
                if col > start, col - 1 < width, col - 1 >= 0 {
                    var i = y * width + col - 1
                    if cells[i].isContinuation, col - 2 >= 0 { i -= 1 }
                    cells[i].char = Character(String(cells[i].char) + String(ch))
                }
                continue
            }
            if col + w > limit { break }
            if col >= start {
                put(Cell(ch, width: UInt8(w), style: style), x: col, y: y)
            }
            col += w
        }
        return col
    }

    /// Places one cell, clearing any wide character it overlaps so none is ever half drawn.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let row = y * width
        // Overwriting the right half of a wide character: blank its left half.
        if cells[row + x].isContinuation, x > 0 {
            cells[row + x - 1] = Cell(" ", width: 1, style: cells[row + x - 1].style)
        }
        let w = Int(cell.width)
        // Overwriting the left half of a wide character whose right half survives: blank it.
        let end = x + w
        if end < width, cells[row + end].isContinuation {
            cells[row + end] = Cell(" ", width: 1, style: cells[row + end].style)
        }
        cells[row + x] = cell
        if w == 2 {
            if x + 1 < width { cells[row + x + 1] = Cell(" ", width: 0, style: cell.style) }
        }
    }

    /// Changes the style of cells in a rectangle, keeping their characters (used for highlights).
    public mutating func restyle(_ r: Rect, style: Style) {
        let x0 = max(0, r.x), x1 = min(width, r.maxX), y0 = max(0, r.y), y1 = min(height, r.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { cells[y * width + x].style = style } }
    }

    /// One row as plain text, continuation cells skipped, trailing spaces kept.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width {
            let c = cells[y * width + x]
            if !c.isContinuation { s.append(c.char) }
        }
        return s
    }

    /// The whole buffer as text, one line per row with trailing spaces removed (for snapshots).
    public var text: String {
        (0..<height).map { y in
            var l = line(y)
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }
}
