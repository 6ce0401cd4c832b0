/// A one-line text question ("Title of the new credential?"), validated as it is typed.
public struct Prompt: Sendable {
    public var tag: String
    public var title: String
    public var text: String
    /// Returns a message when the text is not acceptable yet (shown live; Enter refused).
    public var validate: (@Sendable (String) -> String?)?
    /// Shown under the field when the text is fine (e.g. the hours-per-ECTS hint).
    public var hint: (@Sendable (String) -> String?)?

    public init(tag: String, title: String, text: String = "",
                validate: (@Sendable (String) -> String?)? = nil, hint: (@Sendable (String) -> String?)? = nil) {
        self.tag = tag
        self.title = title
        self.text = text
        self.validate = validate
        self.hint = hint
    }
}

/// A yes/no question before something that loses work (deleting).
public struct Confirmation: Sendable {
    public var tag: String
    public var question: String
    public init(tag: String, question: String) {
        self.tag = tag
        self.question = question
    }
}

/// A searchable list to choose one item from (competencies, credentials, learners, themes…).
public struct Picker: Sendable {
    public struct Item: Sendable, Hashable {
        public var id: String
        public var label: String
        public var detail: String
        public init(id: String, label: String, detail: String = "") {
            self.id = id
            self.label = label
            self.detail = detail
        }
    }

    public var tag: String
    public var title: String
    public var items: [Item]
    /// Lower-cased `label + detail` of each item, computed once so filtering stays fast.
    let haystacks: [[UInt8]]

    public init(tag: String, title: String, items: [Item]) {
        self.tag = tag
        self.title = title
        self.items = items
        haystacks = items.map { Array(($0.label + " " + $0.detail + " " + $0.id).lowercased().utf8) }
    }

    /// Indexes of items matching every word of the query, in order.
    public func matches(_ query: String) -> [Int] {
        let words = query.lowercased().split(separator: " ").map { Array($0.utf8) }
        if words.isEmpty { return Array(items.indices) }
        return haystacks.indices.filter { i in words.allSatisfy { TextSearch.contains(haystacks[i], $0) } }
    }
}

/// Fast substring search over UTF-8 bytes (no allocation per comparison).
public enum TextSearch {
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = haystack.count
        if n == 0 { return true }
        if n > h { return false }
        return haystack.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                let first = np[0]
                var i = 0
                let last = h - n
                while i <= last {
                    if hp[i] == first {
                        var j = 1
                        while j < n && hp[i + j] == np[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Lower-cased bytes of a text, for building search indexes.
    public static func key(_ text: String) -> [UInt8] { Array(text.lowercased().utf8) }
}
