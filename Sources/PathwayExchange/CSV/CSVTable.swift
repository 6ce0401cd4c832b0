/// A CSV file with a header row, read by column name: ESCO's files put the same columns in
/// different orders, so position means nothing there.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    public var rows: [CSVRecord]
    private var index: [String: Int]

    public init(_ source: ImportSource) throws {
        let records = try CSVReader.records(source)
        guard let first = records.first else {
            throw ImportError(file: source.name, message: "the file is empty; expected a header row and data")
        }
        self.file = source.name
        self.header = first.fields
        self.rows = Array(records.dropFirst())
        var index: [String: Int] = [:]
        for (i, name) in first.fields.enumerated() {
            let key = CSVTable.normalise(name)
            if index[key] == nil { index[key] = i }
        }
        self.index = index
    }

    private static func normalise(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\u{FEFF}" })
    }

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
        for r in rows {
            if r.fields.count > header.count || (!allowShort && r.fields.count < header.count) {
                throw ImportError.line(file, r.line, "the row has \(r.fields.count) cells but the header has \(header.count); check for a missing or extra quote or comma")
            }
        }
    }
}
