import Foundation

/// A CSV file with a header row, read by column name: ESCO's files put the same columns in
/// different orders, so position means nothing there.
///
/// It keeps the file's bytes and where each cell lies in them (`CSVLayout`); a cell becomes a
/// `String` only when an importer asks for it, and `withCells` lets it look at cells as bytes
/// (to find a URI in a table, or compare a keyword) without making one at all.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    private let bytes: [UInt8]
    private let layout: CSVLayout
    private var index: [String: Int]

    public init(_ source: ImportSource) throws {
        let layout = try source.bytes.withUnsafeBufferPointer {
            try CSVLayout(scanning: $0, file: source.name, separator: UInt8(ascii: ","))
        }
        guard layout.count > 0 else {
            throw ImportError(file: source.name, message: "the file is empty; expected a header row and data")
        }
        self.file = source.name
        self.bytes = source.bytes
        self.layout = layout
        var scratch: [UInt8] = []
        self.header = source.bytes.withUnsafeBufferPointer { buf in
            layout.cells(0).map { c in
                CSVLayout.withText(layout.spans[c], in: buf, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
            }
        }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = CSVTable.normalise(name)
            if index[key] == nil { index[key] = i }
        }
        self.index = index
    }

    private static func normalise(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\u{FEFF}" })
    }

    /// The data rows (the header is not one), numbered from 0.
    public var rows: Range<Int> { 0..<(layout.count - 1) }

    /// The line a row starts on (1-based), for messages.
    public func line(_ row: Int) -> Int { Int(layout.recordLine[row + 1]) }

    /// How many cells a row has.
    public func width(_ row: Int) -> Int { layout.cells(row + 1).count }

    /// The position of a column, ignoring case and spaces ("Level 0 URI" = "level0uri").
    public func column(_ name: String) -> Int? { index[CSVTable.normalise(name)] }

    /// Positions of columns the file must have, or an error naming the first one missing.
    public func requireColumns(_ names: [String]) throws -> [Int] {
        try names.map { name in
            guard let i = column(name) else {
                throw ImportError.line(file, 1, "the header has no column \"\(name)\"; is this the right file?")
            }
            return i
        }
    }

    /// Refuses rows with more cells than the header (a shifted or broken row), and, unless
    /// `allowShort`, rows with fewer (a file cut short).
    public func checkWidths(allowShort: Bool) throws {
        let columns = header.count
        for r in rows {
            let w = width(r)
            if w > columns || (!allowShort && w < columns) {
                throw ImportError.line(file, line(r), "the row has \(w) cells but the header has \(columns); check for a missing or extra quote or comma")
            }
        }
    }

    /// Runs `body` with a reader of this table's cells.
    public func withCells<R>(_ body: (inout Cells) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { buf in
            var cells = Cells(buf: buf, layout: layout)
            return try body(&cells)
        }
    }

    /// The cells of a table as trimmed text (spaces, tabs and line breaks at either end taken
    /// off, as `TextTools.trim` does), as bytes or as strings. A cell that is missing (a short
    /// row, or a column the file does not have) reads as empty.
    public struct Cells {
        let buf: UnsafeBufferPointer<UInt8>
        let layout: CSVLayout
        private var scratch: [UInt8] = []
        private var trimmed = ""

        init(buf: UnsafeBufferPointer<UInt8>, layout: CSVLayout) {
            self.buf = buf
            self.layout = layout
        }

        private func span(_ row: Int, _ column: Int?) -> CSVSpan? {
            guard let column, column >= 0 else { return nil }
            let cells = layout.cells(row + 1)
            return column < cells.count ? layout.spans[cells.lowerBound + column] : nil
        }

        /// Where the trimmed cell lies in the file when it can be read there as it stands: it
        /// needs no unescaping, and after ASCII white space is taken off both ends it starts and
        /// ends with an ASCII character (nearly every cell). A missing cell is an empty range.
        @inline(__always)
        func plainRange(_ row: Int, _ column: Int?) -> Range<Int>? {
            guard let span = span(row, column) else { return 0..<0 }
            var lo = Int(span.start), hi = Int(span.end)
            guard lo < hi else { return lo..<lo }
            if buf[lo] == 0x22 { return nil }   // a cell to unescape
            while lo < hi, CSVText.isSpace(buf[lo]) { lo += 1 }
            while hi > lo, CSVText.isSpace(buf[hi - 1]) { hi -= 1 }
            if lo == hi || (buf[lo] < 0x80 && buf[hi - 1] < 0x80) { return lo..<hi }
            return nil
        }

        /// The trimmed bytes of a cell. Cells with nothing to trim, or only ASCII white space at
        /// the ends (nearly all of them), are passed without a copy; others go through `String`.
        public mutating func withBytes<R>(_ row: Int, _ column: Int?, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            if let range = plainRange(row, column) {
                return try body(range.isEmpty ? UnsafeBufferPointer(start: nil, count: 0) : UnsafeBufferPointer(rebasing: buf[range]))
            }
            guard let span = span(row, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            var slow = false
            let result: R? = try CSVLayout.withText(span, in: buf, scratch: &scratch) { text -> R? in
                var lo = 0, hi = text.count
                while lo < hi, CSVText.isSpace(text[lo]) { lo += 1 }
                while hi > lo, CSVText.isSpace(text[hi - 1]) { hi -= 1 }
                if lo == hi { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
                if text[lo] < 0x80 && text[hi - 1] < 0x80 {
                    return try body(UnsafeBufferPointer(rebasing: text[lo..<hi]))
                }
                slow = true
                return nil
            }
            if !slow { return result! }
            trimmed = TextTools.trim(string(raw: span))
            return try trimmed.withUTF8(body)
        }

        /// Whether two ranges of the file hold the same bytes.
        func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && (a.isEmpty || memcmp(buf.baseAddress! + a.lowerBound, buf.baseAddress! + b.lowerBound, a.count) == 0)
        }

        /// The number `table` gives the trimmed cell, if it holds it.
        mutating func find(_ row: Int, _ column: Int?, in table: ByteKeyTable) -> Int? {
            if let range = plainRange(row, column) {
                return table.find(range.isEmpty ? UnsafeBufferPointer(start: nil, count: 0) : UnsafeBufferPointer(rebasing: buf[range]))
            }
            return withBytes(row, column) { table.find($0) }
        }

        /// A cell's trimmed text.
        public mutating func string(_ row: Int, _ column: Int?) -> String {
            withBytes(row, column) { String(decoding: $0, as: UTF8.self) }
        }

        /// A cell's text as it is in the file (unescaped, not trimmed).
        public mutating func untrimmed(_ row: Int, _ column: Int?) -> String {
            guard let span = span(row, column) else { return "" }
            return string(raw: span)
        }

        private mutating func string(raw span: CSVSpan) -> String {
            CSVLayout.withText(span, in: buf, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
        }

        public mutating func isEmpty(_ row: Int, _ column: Int?) -> Bool {
            withBytes(row, column) { $0.isEmpty }
        }

        /// Whether the trimmed cell equals `lower` (ASCII, lower case) ignoring case, as
        /// `cell.lowercased() == lower` would say.
        public mutating func equalsIgnoringCase(_ row: Int, _ column: Int?, _ lower: StaticString) -> Bool {
            let target = UnsafeBufferPointer(start: lower.utf8Start, count: lower.utf8CodeUnitCount)
            let fast: Bool? = withBytes(row, column) { bytes in
                if bytes.count != target.count {
                    // Only a non-ASCII cell can lower-case to another length.
                    return bytes.contains { $0 >= 0x80 } ? nil : false
                }
                for (b, t) in zip(bytes, target) {
                    if b >= 0x80 { return nil }
                    let l = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                    if l != t { return false }
                }
                return true
            }
            if let fast { return fast }
            return string(row, column).lowercased() == lower.description
        }
    }
}

/// Byte-level helpers for cells.
enum CSVText {
    /// ASCII white space as `Character.isWhitespace` sees it.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}
