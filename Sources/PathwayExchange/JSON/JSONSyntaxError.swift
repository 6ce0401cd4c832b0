/// Why bytes are not JSON, with where: the line and column (in characters, both from 1) and the
/// JSON path of the value being read, so a person can go straight to the spot in an editor.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// The value being read when the error was found; `$` when it is the document itself.
    public var path: JSONPath
    /// What is wrong and what to do, as a plain phrase without a final full stop.
    public var message: String

    public init(line: Int, column: Int, path: JSONPath = .root, message: String) {
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// "line 4, column 8" followed by the path when there is one: "line 4, column 8 ($.CFItems[2].title)".
    public var location: String {
        let position = "line \(line), column \(column)"
        return path.components.isEmpty ? position : "\(position) (\(path))"
    }

    public var description: String { "\(location): \(message)" }

    /// The same error one level further out: `inside(.key("CFItems"))` turns `$[2]` into `$.CFItems[2]`.
    func inside(_ component: JSONPath.Component) -> JSONSyntaxError {
        var e = self
        e.path.components.insert(component, at: 0)
        return e
    }
}

extension ImportError {
    /// A syntax error of an imported file: "pkg.json, line 4, column 8 ($.CFItems[2].title): …".
    public init(file: String, syntax: JSONSyntaxError) {
        self.init(file: file, location: syntax.location, message: syntax.message)
    }
}
