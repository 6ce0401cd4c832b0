/// A parsed JSON value that remembers where it was written, so that errors can name the line.
///
/// Objects keep their keys in file order (and the parser refuses duplicate keys), numbers keep
/// their text so that `4` and `4.0` can be told apart where a whole number is required.
struct JSONNode: Sendable {
    var value: JSONValue
    /// 1-based line of the value's first character.
    var line: Int
}

enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])

    /// The name of the value's kind as a person would say it ("a string", "an array").
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
