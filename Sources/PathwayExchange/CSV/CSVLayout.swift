/// Where one cell lies in the file's bytes. A cell that needs unescaping (doubled quotes, a CR
/// inside quotes, text after the closing quote) covers its raw text from the opening quote, so
/// it is the only kind whose first byte is a quote; any other cell is its text as it stands.
struct CSVSpan: Hashable, Sendable {
    var start: Int32
    var end: Int32

    var isEmpty: Bool { start == end }
}

/// The cells of a CSV file as byte ranges, found in one pass and decoded only when asked for:
/// an import reads a few columns of each row, and most cells never become a `String`.
///
/// RFC 4180 as real exports write it: a UTF-8 byte order mark, records ending in CRLF, LF or CR
/// (mixed in one file), line breaks inside quoted cells, doubled quotes, ragged rows and a
/// missing final line break; blank lines are skipped. The whole file is checked to be UTF-8 in
/// one pass first (ASCII eight bytes at a time); a bad byte is reported at the line of the cell
/// holding it. It scans eight bytes at a time for the next separator, quote or line break, never
/// recurses, and every step advances, so no input can make it crash or hang.
struct CSVLayout: Sendable {
    /// Every kept record's cells, one after another.
    var spans: [CSVSpan] = []
    /// Record `r`'s cells are `spans[recordStart[r]..<recordStart[r + 1]]`.
    var recordStart: [Int32] = [0]
    /// The line each record starts on (1-based), for messages.
    var recordLine: [Int32] = []

    var count: Int { recordLine.count }

    func cells(_ record: Int) -> Range<Int> {
        Int(recordStart[record])..<Int(recordStart[record + 1])
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let invalidUTF8 = "the text is not valid UTF-8; save the file as UTF-8 and try again"

    /// Finds every record of `buf` (the bytes of `file`).
    init(scanning buf: UnsafeBufferPointer<UInt8>, file: String, separator: UInt8) throws {
        let n = buf.count
        guard n < Int(Int32.max) else {
            throw ImportError(file: file, message: "the file is larger than 2 GB; split it into smaller files and import them one by one")
        }
        var i = 0
        if n >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { i = 3 }
        // UTF-8 is self-synchronising at ASCII bytes (separators, quotes, line breaks), so the
        // first bad byte of the file is the first bad byte of the cell that holds it.
        let bad = UTF8Check.firstInvalid(in: buf, from: i) ?? n
        spans.reserveCapacity(n / 24)
        recordLine.reserveCapacity(n / 160)
        recordStart.reserveCapacity(n / 160 + 1)
        var line = 1
        var recordLine = 1
        var first = 0   // the current record's first cell in `spans`

        func finishRecord() {
            if spans.count - first == 1 && spans[first].isEmpty {
                spans.removeLast()
            } else if spans.count > first {
                self.recordStart.append(Int32(spans.count))
                self.recordLine.append(Int32(recordLine))
            }
            first = spans.count
        }

        while i < n {
            // At the start of a field.
            if buf[i] == Self.quote {
                let openLine = line
                let open = i
                i += 1
                let start = i
                var simple = true
                // Find the closing quote; note whether the cell needs unescaping.
                while true {
                    i = ByteScan.next(in: buf, from: i, Self.quote, Self.lf, Self.cr)
                    guard i < n else {
                        throw ImportError.line(file, openLine, "a quoted cell starting here is never closed; the file may be cut short, or a quote is missing")
                    }
                    let b = buf[i]
                    if b == Self.quote {
                        if i + 1 < n && buf[i + 1] == Self.quote { simple = false; i += 2; continue }
                        break
                    }
                    if b == Self.lf { line += 1 } else if b == Self.cr {
                        simple = false
                        if !(i + 1 < n && buf[i + 1] == Self.lf) { line += 1 }
                    }
                    i += 1
                }
                let end = i
                i += 1  // past the closing quote
                // Tolerate text between the closing quote and the separator, as spreadsheets do.
                let tail = i
                i = ByteScan.next(in: buf, from: i, separator, Self.lf, Self.cr)
                if i > tail { simple = false }
                if bad < i {
                    throw ImportError.line(file, bad < end ? openLine : line, Self.invalidUTF8)
                }
                spans.append(simple ? CSVSpan(start: Int32(start), end: Int32(end))
                                    : CSVSpan(start: Int32(open), end: Int32(i)))
            } else {
                let start = i
                i = ByteScan.next(in: buf, from: i, separator, Self.lf, Self.cr)
                if bad < i { throw ImportError.line(file, line, Self.invalidUTF8) }
                spans.append(CSVSpan(start: Int32(start), end: Int32(i)))
            }
            // After a field: a separator, a record end, or the end of input.
            if i >= n {
                finishRecord()
                break
            }
            let b = buf[i]
            if b == separator {
                i += 1
                if i >= n {
                    spans.append(CSVSpan(start: Int32(i), end: Int32(i)))
                    finishRecord()
                }
                continue
            }
            i += (b == Self.cr && i + 1 < n && buf[i + 1] == Self.lf) ? 2 : 1
            line += 1
            finishRecord()
            recordLine = line
        }
    }

    /// The text of a cell: its bytes as they stand, or for a cell that needs it, unescaped into
    /// `scratch` (doubled quotes made single, CR and CRLF inside quotes made LF).
    @inline(__always)
    static func withText<R>(_ span: CSVSpan, in buf: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
                            _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = Int(span.start), end = Int(span.end)
        if start == end || buf[start] != quote {
            return try body(UnsafeBufferPointer(rebasing: buf[start..<end]))
        }
        scratch.removeAll(keepingCapacity: true)
        var j = start + 1
        while j < end {
            let b = buf[j]
            if b == quote {
                if j + 1 < end && buf[j + 1] == quote { scratch.append(quote); j += 2; continue }
                j += 1
                break   // the closing quote; what follows is kept as it is
            }
            if b == cr {
                scratch.append(lf)
                j += (j + 1 < end && buf[j + 1] == lf) ? 2 : 1
                continue
            }
            scratch.append(b)
            j += 1
        }
        if j < end { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[j..<end])) }
        return try scratch.withUnsafeBufferPointer(body)
    }
}
