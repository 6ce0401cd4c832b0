/// Where a value sits in a JSON document, written the way people read it: `$.credentials[3].title`,
/// or `credentials[3].title` without the root mark. A key that is not a plain name is quoted:
/// `$.labels["fr-BE"]`. One spelling for every reader, so all error messages point the same way.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = JSONPath()

    /// `$` followed by the components: `$.credentials[3].title`; `$` alone for the whole document.
    public var description: String { "$" + JSONPath.text(components) }

    /// The components without the root mark (`credentials[3].title`), or "" for the whole document.
    public var relative: String {
        let text = JSONPath.text(components)
        return text.hasPrefix(".") ? String(text.dropFirst()) : text
    }

    /// A path string with one more member: `join("$.a", "b")` is `$.a.b`, `join("$", "x y")` is `$["x y"]`.
    public static func join(_ path: String, _ key: String) -> String { path + text(.key(key)) }

    /// Very deep paths (a hostile file nested hundreds of levels) keep their first and last steps.
    private static func text(_ components: [Component]) -> String {
        let shown = components.count <= 12 ? components[...] : components.prefix(6)
        var out = shown.map(text).joined()
        if components.count > 12 { out += "…" + components.suffix(6).map(text).joined() }
        return out
    }

    private static func text(_ component: Component) -> String {
        switch component {
        case .index(let i): return "[\(i)]"
        case .key(let key):
            let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
            }
            return plain ? ".\(key)" : "[\"\(key.replacingOccurrences(of: "\"", with: "\\\""))\"]"
        }
    }
}
