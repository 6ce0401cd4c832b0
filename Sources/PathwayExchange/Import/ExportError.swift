/// Why an export could not be made: something named on the command line is missing, or the
/// document lacks what the format needs. One plain sentence that says what to do.
public struct ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
