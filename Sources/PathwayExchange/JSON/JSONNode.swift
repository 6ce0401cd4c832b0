/// A value of a parsed document together with the line it starts on, and the same for every value
/// inside it, so readers such as the project-file decoder can name the line of any problem.
///
/// The lines live in one table per document (two integers per value, in document order) rather
/// than in the tree, so `JSONTree` stays a plain value that exporters build and compare.
struct JSONNode: Sendable {
    let value: JSONTree
    /// 1-based line of the value's first character.
    let line: Int
    private let index: Int
    private let table: JSONLineTable

    init(_ value: JSONTree, index: Int, table: JSONLineTable) {
        self.value = value
        self.line = Int(table.lines[index])
        self.index = index
        self.table = table
    }

    /// An object's members with their lines, in file order; nil for anything else.
    var members: [(key: String, value: JSONNode)]? {
        guard case .object(let list) = value else { return nil }
        var child = index + 1
        return list.map { member in
            defer { child = Int(table.ends[child]) }
            return (member.0, JSONNode(member.1, index: child, table: table))
        }
    }

    /// A list's items with their lines; nil for anything else.
    var items: [JSONNode]? {
        guard case .array(let list) = value else { return nil }
        var child = index + 1
        return list.map { item in
            defer { child = Int(table.ends[child]) }
            return JSONNode(item, index: child, table: table)
        }
    }
}

/// For each value in document order: its line, and the position just after its last descendant
/// (which is where its next sibling starts).
final class JSONLineTable: Sendable {
    let lines: [Int32]
    let ends: [Int32]

    init(lines: [Int32], ends: [Int32]) {
        self.lines = lines
        self.ends = ends
    }
}
