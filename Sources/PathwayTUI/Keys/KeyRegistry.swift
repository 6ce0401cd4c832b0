/// The one table of key bindings. Everything that shows keys (hint bar, F-key bar, help overlay,
/// command palette, docs/keys.md) reads it, and key presses are looked up in it, so what the
/// screen says is always what the keys do, also after remapping in keys.conf.
public struct KeyRegistry: Sendable {
    public private(set) var bindings: [Binding]

    public init(_ bindings: [Binding]) { self.bindings = bindings }

    /// The result of looking up the keys pressed so far.
    public enum Match: Equatable, Sendable {
        case action(Action)
        /// The keys start a longer binding (the first `g` of `gg`): wait for the next key.
        case prefix
        case none
    }

    /// Looks up a key sequence on a screen: the screen's own bindings first, then global ones.
    public func match(_ keys: [Key], on screen: ScreenID) -> Match {
        var prefix = false
        for scope in [BindingScope.screen(screen), .global] {
            for b in bindings where b.scope == scope {
                for seq in b.keys {
                    if seq == keys { return .action(b.action) }
                    if seq.count > keys.count, Array(seq.prefix(keys.count)) == keys { prefix = true }
                }
            }
            if prefix { return .prefix }
        }
        return .none
    }

    /// Bindings that apply on a screen, the screen's own first.
    public func active(on screen: ScreenID) -> [Binding] {
        bindings.filter { $0.scope == .screen(screen) } + bindings.filter { $0.scope == .global }
    }

    /// The binding for an action in a scope (screen first, then global).
    public func binding(for action: Action, on screen: ScreenID? = nil) -> Binding? {
        if let s = screen, let b = bindings.first(where: { $0.action == action && $0.scope == .screen(s) }) { return b }
        return bindings.first { $0.action == action && $0.scope == .global }
    }

    /// The first key of an action, written out (for messages such as "undo with u").
    public func keyText(for action: Action, on screen: ScreenID? = nil) -> String {
        binding(for: action, on: screen).flatMap { $0.keys.first.map(describe) } ?? action.rawValue
    }

    /// Applies a keys.conf: each line `action = key, key …` replaces that action's keys.
    /// Returns the problems (unknown actions, unreadable keys) with line numbers; good lines
    /// still apply.
    public mutating func remap(with config: String, file: String) -> [String] {
        var problems: [String] = []
        let known = Set(bindings.map(\.action))
        for (i, raw) in config.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Whole-line comments only, so that `#` can itself be a key.
            let line = Substring(raw)
            if line.trimmingSpaces.hasPrefix("#") { continue }
            let text = line.trimmingSpaces
            if text.isEmpty { continue }
            let here = "\(file), line \(i + 1)"
            guard let eq = text.firstIndex(of: "=") else {
                problems.append("\(here): expected 'action = key, key'"); continue
            }
            let action = Action(String(text[..<eq].trimmingSpaces))
            guard known.contains(action) else {
                problems.append("\(here): unknown action '\(Sanitizer.clean(action.rawValue))'; see docs/keys.md for the names")
                continue
            }
            var keys: [[Key]] = []
            var bad = false
            for part in text[text.index(after: eq)...].split(separator: ",") {
                let p = String(part.trimmingSpaces)
                if p.isEmpty { continue }
                // "," itself cannot be written inside a list; "comma" names it.
                let spelled = p.lowercased() == "comma" ? "," : p
                guard let seq = Key.parseSequence(spelled) else {
                    problems.append("\(here): cannot read the key '\(Sanitizer.clean(p))'"); bad = true; break
                }
                keys.append(seq)
            }
            if bad { continue }
            guard !keys.isEmpty else { problems.append("\(here): no keys given for \(action.rawValue)"); continue }
            for i in bindings.indices where bindings[i].action == action { bindings[i].keys = keys }
        }
        return problems
    }

    /// The key table as Markdown (docs/keys.md), grouped by scope.
    public func markdownTable() -> String {
        var out = "# Keys\n\n"
        out += "Generated from the keybinding registry (`swift run pathway --print-keys` prints it; a test keeps\n"
        out += "this file in sync). Remap any action in `$XDG_CONFIG_HOME/pathway-designer/keys.conf` with lines\n"
        out += "such as `undo = u, Ctrl-Z`. Keys marked *edit* do nothing in read-only mode.\n"
        let scopes = Array(Set(bindings.map(\.scope))).sorted()
        for scope in scopes {
            out += "\n## \(scope.title)\n\n| keys | action | what it does |\n|---|---|---|\n"
            for b in bindings where b.scope == scope {
                let keys = b.keys.map { "`" + describe($0).map { $0 == "|" ? "\\|" : String($0) }.joined() + "`" }.joined(separator: " ")
                    + (b.keys.isEmpty ? "palette `:`" : "")
                let edit = b.edits ? " *(edit)*" : ""
                out += "| \(keys) | `\(b.action.rawValue)` | \(b.long)\(edit) |\n"
            }
        }
        return out
    }
}
