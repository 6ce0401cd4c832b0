/// One CSV record: its fields and the line it starts on (1-based), for messages.
public struct CSVRecord: Hashable, Sendable {
    public var fields: [String]
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// The field at `index`, or "" when the row is shorter (ragged rows leave trailing fields off).
    public subscript(_ index: Int) -> String {
        index >= 0 && index < fields.count ? fields[index] : ""
    }
}
