/// A theme file that cannot be used, with the line and what to change.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String {
        line.map { "\(file), line \($0): \(message)" } ?? "\(file): \(message)"
    }
}

/// Reads the `.theme` format (documented in docs/themes.md):
///
///     # comment
///     name = default-dark
///     tier = 256                 # 256, 8 or mono
///     background = default       # the background every role sits on unless it says "on …"
///     text = 252
///     selection = black on 39 bold
///
/// A role's value is `FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim]`, where a
/// colour is `default`, a name (`black` … `white`, `bright-red` …) or a number 0–255.
public enum ThemeParser {
    /// Roles every theme must set; the others default to something sensible from these.
    public static let requiredRoles: [Role] = [.text, .muted, .accent, .selection, .error, .warning, .ok,
                                               .heat0, .heat1, .heat2, .heat3, .heat4]

    public static func parse(_ source: String, file: String) throws -> Theme {
        var name: String?
        var description = ""
        var tier: ColorTier?
        var background = ThemeColor.terminalDefault
        var raw: [(Role, String, Int)] = []
        var seen = Set<String>()
        for (i, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let n = i + 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let text = line.trimmingSpaces
            if text.isEmpty { continue }
            guard let eq = text.firstIndex(of: "=") else {
                throw ThemeError(file: file, line: n, message: "expected 'key = value', found '\(Sanitizer.clean(String(text)))'")
            }
            let key = text[..<eq].trimmingSpaces.lowercased()
            let value = String(text[text.index(after: eq)...].trimmingSpaces)
            guard seen.insert(key).inserted else {
                throw ThemeError(file: file, line: n, message: "'\(key)' is set twice; keep one")
            }
            switch key {
            case "name": name = value
            case "description": description = value
            case "tier":
                guard let t = ColorTier(rawValue: value.lowercased()) else {
                    throw ThemeError(file: file, line: n, message: "tier must be 256, 8 or mono, not '\(Sanitizer.clean(value))'")
                }
                tier = t
            case "background":
                background = try color(value, file: file, line: n)
            default:
                guard let role = Role(rawValue: key) else {
                    let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ThemeError(file: file, line: n, message: "unknown role '\(Sanitizer.clean(key))'; roles are background, \(known)")
                }
                raw.append((role, value, n))
            }
        }
        guard let name, !name.isEmpty else { throw ThemeError(file: file, line: nil, message: "missing 'name = …'") }
        guard let tier else { throw ThemeError(file: file, line: nil, message: "missing 'tier = 256', 'tier = 8' or 'tier = mono'") }
        var styles: [Role: RoleStyle] = [:]
        for (role, value, n) in raw {
            let s = try style(value, background: background, file: file, line: n)
            try check(s, tier: tier, file: file, line: n)
            styles[role] = s
        }
        let missing = requiredRoles.filter { styles[$0] == nil }
        if !missing.isEmpty {
            throw ThemeError(file: file, line: nil, message: "missing roles: " + missing.map(\.rawValue).joined(separator: ", "))
        }
        fillDefaults(&styles, background: background)
        return Theme(name: name, description: description, tier: tier, styles: styles)
    }

    /// Roles a theme may leave out take their look from the required ones.
    static func fillDefaults(_ styles: inout [Role: RoleStyle], background: ThemeColor) {
        func derive(_ role: Role, from base: Role, _ change: (inout RoleStyle) -> Void = { _ in }) {
            guard styles[role] == nil, var s = styles[base] else { return }
            change(&s)
            styles[role] = s
        }
        derive(.title, from: .accent) { $0.bold = true }
        derive(.border, from: .muted)
        derive(.header, from: .text) { $0.bold = true }
        derive(.selectionInactive, from: .muted) { $0.reverse = true }
        derive(.status, from: .text) { $0.reverse = true }
        derive(.hintKey, from: .accent) { $0.bold = true }
        derive(.hintText, from: .muted)
        derive(.input, from: .text) { $0.underline = true }
        derive(.gap, from: .error) { $0.bold = true }
        derive(.overlap, from: .warning)
    }

    static func style(_ value: String, background: ThemeColor, file: String, line: Int) throws -> RoleStyle {
        var s = RoleStyle(foreground: .terminalDefault, background: background)
        var words = value.split(separator: " ").map { $0.lowercased() }
        guard !words.isEmpty else { throw ThemeError(file: file, line: line, message: "the value is empty; give a colour such as 'default' or '252'") }
        var colourSeen = false
        while !words.isEmpty {
            let w = words.removeFirst()
            switch w {
            case "bold": s.bold = true
            case "underline": s.underline = true
            case "reverse": s.reverse = true
            case "dim": s.dim = true
            case "on":
                guard !words.isEmpty else { throw ThemeError(file: file, line: line, message: "'on' must be followed by a background colour") }
                s.background = try color(words.removeFirst(), file: file, line: line)
            default:
                guard !colourSeen else {
                    throw ThemeError(file: file, line: line, message: "unexpected '\(Sanitizer.clean(w))'; write FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim]")
                }
                s.foreground = try color(w, file: file, line: line)
                colourSeen = true
            }
        }
        return s
    }

    static func color(_ word: String, file: String, line: Int) throws -> ThemeColor {
        let w = word.lowercased()
        if w == "default" || w == "none" { return .terminalDefault }
        if let i = ThemeColor.names.firstIndex(of: w) { return .index(i) }
        if w.hasPrefix("bright-"), let i = ThemeColor.names.firstIndex(of: String(w.dropFirst(7))) { return .index(i + 8) }
        if let n = Int(w), (0...255).contains(n) { return .index(n) }
        throw ThemeError(file: file, line: line, message: "'\(Sanitizer.clean(word))' is not a colour; use default, a name such as cyan or bright-red, or a number 0–255")
    }

    static func check(_ s: RoleStyle, tier: ColorTier, file: String, line: Int) throws {
        for c in [s.foreground, s.background] {
            guard case .index(let i) = c else { continue }
            if tier == .mono { throw ThemeError(file: file, line: line, message: "a mono theme cannot use colours; use default with bold, underline or reverse") }
            if tier == .eight && i >= 16 { throw ThemeError(file: file, line: line, message: "colour \(i) needs tier 256; an 8-colour theme uses 0–15 or names") }
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s
    }
}
