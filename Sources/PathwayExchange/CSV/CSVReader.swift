/// An RFC 4180 CSV reader that copes with what real exports do: a UTF-8 byte order mark, records
/// ending in CRLF, LF or CR (mixed in one file), line breaks inside quoted cells, doubled quotes,
/// ragged rows and a missing final line break. Line breaks inside cells come out as LF.
///
/// Written for speed on large files (the ESCO skills pillar): it scans bytes eight at a time
/// for the next separator, quote or line break, checks UTF-8 itself (ASCII eight bytes at a
/// time) and builds each cell from a slice of the input, copying only cells that hold doubled
/// quotes or CRLF. It never recurses and every step advances, so no input can make it crash or
/// hang.
public enum CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Every record of the file, blank lines skipped.
    public static func records(_ source: ImportSource, separator: UInt8 = UInt8(ascii: ",")) throws -> [CSVRecord] {
        try source.bytes.withUnsafeBufferPointer { try parse($0, file: source.name, separator: separator) }
    }

    private static func parse(_ buf: UnsafeBufferPointer<UInt8>, file: String, separator: UInt8) throws -> [CSVRecord] {
        let n = buf.count
        var i = 0
        if n >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { i = 3 }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var line = 1
        var recordLine = 1
        var scratch: [UInt8] = []

        func text(_ start: Int, _ end: Int, line: Int) throws -> String {
            if start >= end { return "" }
            let slice = UnsafeBufferPointer(rebasing: buf[start..<end])
            guard UTF8Check.isValid(slice) else {
                throw ImportError.line(file, line, "the text is not valid UTF-8; save the file as UTF-8 and try again")
            }
            return String(decoding: slice, as: UTF8.self)
        }
        func finishRecord() {
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while i < n {
            // At the start of a field.
            var value: String
            if buf[i] == quote {
                let openLine = line
                i += 1
                let start = i
                var simple = true
                // Find the closing quote; note whether the cell needs unescaping.
                while true {
                    i = ByteScan.next(in: buf, from: i, quote, lf, cr)
                    guard i < n else {
                        throw ImportError.line(file, openLine, "a quoted cell starting here is never closed; the file may be cut short, or a quote is missing")
                    }
                    let b = buf[i]
                    if b == quote {
                        if i + 1 < n && buf[i + 1] == quote { simple = false; i += 2; continue }
                        break
                    }
                    if b == lf { line += 1 } else if b == cr {
                        simple = false
                        if !(i + 1 < n && buf[i + 1] == lf) { line += 1 }
                    }
                    i += 1
                }
                let end = i
                i += 1  // past the closing quote
                if simple {
                    value = try text(start, end, line: openLine)
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    var j = start
                    while j < end {
                        let b = buf[j]
                        if b == quote { scratch.append(quote); j += 2; continue }
                        if b == cr {
                            scratch.append(lf)
                            j += (j + 1 < end && buf[j + 1] == lf) ? 2 : 1
                            continue
                        }
                        scratch.append(b)
                        j += 1
                    }
                    value = try scratch.withUnsafeBufferPointer { p in
                        guard UTF8Check.isValid(p) else {
                            throw ImportError.line(file, openLine, "the text is not valid UTF-8; save the file as UTF-8 and try again")
                        }
                        return String(decoding: p, as: UTF8.self)
                    }
                }
                // Tolerate text between the closing quote and the separator, as spreadsheets do.
                let tail = i
                i = ByteScan.next(in: buf, from: i, separator, lf, cr)
                if i > tail { value += try text(tail, i, line: line) }
            } else {
                let start = i
                i = ByteScan.next(in: buf, from: i, separator, lf, cr)
                value = try text(start, i, line: line)
            }
            fields.append(value)
            // After a field: a separator, a record end, or the end of input.
            if i >= n {
                finishRecord()
                break
            }
            let b = buf[i]
            if b == separator {
                i += 1
                if i >= n { fields.append(""); finishRecord() }
                continue
            }
            i += (b == cr && i + 1 < n && buf[i + 1] == lf) ? 2 : 1
            line += 1
            finishRecord()
            recordLine = line
        }
        return records
    }
}
