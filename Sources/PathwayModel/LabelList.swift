/// A competency's alternative labels, kept as one string joined by newlines.
///
/// ESCO gives 53,000 alternative labels to 14,000 skills, 25 characters on average: as separate
/// strings each is a heap object of its own (≈ 70 bytes with the allocator's overhead) plus an
/// array per competency. Joined they are one string per competency. A label that itself holds a
/// newline (possible from CASE, Moodle or a project file, never from ESCO's CSV) keeps the list as
/// it is. The form depends only on the labels, so equal lists are equal `LabelList`s.
struct LabelList: Hashable, Sendable {
    private enum Form: Hashable, Sendable {
        case none
        case joined(String, count: Int)
        case list([String])
    }

    private let form: Form

    init(_ labels: [String]) {
        if labels.isEmpty {
            form = .none
        } else if labels.contains(where: { $0.utf8.contains(LabelList.separator) }) {
            form = .list(labels)
        } else if labels.count == 1 {
            form = .joined(labels[0], count: 1)
        } else {
            form = .joined(labels.joined(separator: "\n"), count: labels.count)
        }
    }

    /// At least one label, given joined by newlines (none of them holding a newline itself):
    /// what `init(_:)` makes of them, without a string per label.
    init(joinedByNewlines text: String) {
        var text = text
        let count = text.withUTF8 { bytes in bytes.reduce(1) { $0 + ($1 == LabelList.separator ? 1 : 0) } }
        form = .joined(text, count: count)
    }

    private static let separator = UInt8(ascii: "\n")

    var count: Int {
        switch form {
        case .none: return 0
        case .joined(_, let count): return count
        case .list(let list): return list.count
        }
    }

    /// The labels joined by newlines; nil when a label holds a newline of its own (then only
    /// `strings` says where each one ends).
    var joined: String? {
        switch form {
        case .none: return ""
        case .joined(let text, _): return text
        case .list: return nil
        }
    }

    var strings: [String] {
        switch form {
        case .none: return []
        case .joined(let text, 1): return [text]
        case .joined(let text, _):
            return text.utf8.split(separator: LabelList.separator, omittingEmptySubsequences: false)
                .map { String(Substring($0)) }
        case .list(let list): return list
        }
    }
}
