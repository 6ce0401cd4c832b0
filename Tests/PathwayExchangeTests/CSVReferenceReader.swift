@testable import PathwayExchange

/// A deliberately plain CSV reader (one byte at a time, one state per step), written from the
/// rules in `CSVLayout`'s documentation, to check the fast reader against on random input.
enum CSVReferenceReader {
    static func records(_ bytes: [UInt8], file: String) throws -> [CSVRecord] {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        let input = Array(b)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var line = 1, recordLine = 1
        var i = 0
        func text(_ cell: [UInt8], _ at: Int) throws -> String {
            guard let s = String(validating: cell, as: UTF8.self) else {
                throw ImportError.line(file, at, "the text is not valid UTF-8; save the file as UTF-8 and try again")
            }
            return s
        }
        func endRecord() {
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(fields: fields, line: recordLine)) }
            fields = []
        }
        while i < input.count {
            var cell: [UInt8] = []
            var value = ""
            if input[i] == 0x22 {
                let openLine = line
                i += 1
                var closed = false
                while i < input.count {
                    let c = input[i]
                    if c == 0x22 {
                        if i + 1 < input.count && input[i + 1] == 0x22 { cell.append(0x22); i += 2; continue }
                        closed = true; i += 1; break
                    }
                    if c == 0x0D {
                        cell.append(0x0A); line += 1
                        i += (i + 1 < input.count && input[i + 1] == 0x0A) ? 2 : 1
                        continue
                    }
                    if c == 0x0A { line += 1 }
                    cell.append(c); i += 1
                }
                if !closed {
                    throw ImportError.line(file, openLine, "a quoted cell starting here is never closed; the file may be cut short, or a quote is missing")
                }
                value = try text(cell, openLine)
                var tail: [UInt8] = []
                while i < input.count, input[i] != 0x2C, input[i] != 0x0A, input[i] != 0x0D { tail.append(input[i]); i += 1 }
                value += try text(tail, line)
            } else {
                while i < input.count, input[i] != 0x2C, input[i] != 0x0A, input[i] != 0x0D { cell.append(input[i]); i += 1 }
                value = try text(cell, line)
            }
            fields.append(value)
            if i >= input.count { endRecord(); break }
            if input[i] == 0x2C {
                i += 1
                if i >= input.count { fields.append(""); endRecord() }
                continue
            }
            i += (input[i] == 0x0D && i + 1 < input.count && input[i + 1] == 0x0A) ? 2 : 1
            line += 1
            endRecord()
            recordLine = line
        }
        return records
    }
}
