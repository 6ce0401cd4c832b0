/// Why a project file could not be read, with where: the file, the JSON path of the value
/// (`$.credentials[3].learningOutcomes[0].mappings[1].level`) and, when known, its line.
public struct ProjectFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file name (or another name the caller gave as `source`).
    public var file: String
    /// JSON path of the offending value; `$` is the whole document.
    public var path: String
    /// What is wrong and what to do, as a plain sentence without a final full stop.
    public var message: String
    /// 1-based line in the file, when the problem is tied to one place in the text.
    public var line: Int?

    public init(file: String, path: String, message: String, line: Int? = nil) {
        self.file = file
        self.path = path
        self.message = message
        self.line = line
    }

    /// One sentence: `procurement.json, line 120 ($.credentials[3].eqfLevel): EQF level 9 is out of range; …`.
    public var description: String {
        var whereText = file
        if let line { whereText += ", line \(line)" }
        if path != "$" || line == nil { whereText += " (\(path))" }
        return "\(whereText): \(message)."
    }
}
