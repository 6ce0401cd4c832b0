/// Reads a CSV file into records of strings, for files small enough that every cell is wanted
/// (Moodle frameworks). Big files are read through `CSVTable`, which decodes only the cells an
/// importer asks for; both share `CSVLayout`, so they agree on every edge case.
public enum CSVReader {
    /// Every record of the file, blank lines skipped.
    public static func records(_ source: ImportSource, separator: UInt8 = UInt8(ascii: ",")) throws -> [CSVRecord] {
        try source.bytes.withUnsafeBufferPointer { buf in
            let layout = try CSVLayout(scanning: buf, file: source.name, separator: separator)
            var scratch: [UInt8] = []
            var records: [CSVRecord] = []
            records.reserveCapacity(layout.count)
            for r in 0..<layout.count {
                let fields = layout.cells(r).map { c in
                    CSVLayout.withText(layout.spans[c], in: buf, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
                }
                records.append(CSVRecord(fields: fields, line: Int(layout.recordLine[r])))
            }
            return records
        }
    }
}
