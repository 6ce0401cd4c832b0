import Foundation

/// The themes a user can pick: the shipped `Themes/*.theme` files, the user's own in
/// `$XDG_CONFIG_HOME/pathway-designer/themes/`, and the built-in default and monochrome.
///
/// Broken files do not stop the app: they are listed in `problems` (shown in the status line)
/// and left out.
public struct ThemeLibrary: Sendable {
    public private(set) var themes: [Theme]
    public private(set) var problems: [ThemeError]

    public init(themes: [Theme], problems: [ThemeError] = []) {
        self.themes = themes
        self.problems = problems
    }

    /// Loads every `*.theme` file in the directories, in order; a later theme with the same name
    /// replaces an earlier one (so a user's file can override a shipped one).
    public static func load(directories: [String]) -> ThemeLibrary {
        var byName: [String: Theme] = [BuiltinThemes.defaultName: BuiltinThemes.defaultDark,
                                       Theme.monochrome.name: Theme.monochrome]
        var problems: [ThemeError] = []
        let fm = FileManager.default
        for dir in directories {
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for name in names.sorted() where name.hasSuffix(".theme") {
                let path = (dir as NSString).appendingPathComponent(name)
                do {
                    guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                        throw ThemeError(file: path, line: nil, message: "cannot be read as UTF-8 text")
                    }
                    let theme = try ThemeParser.parse(text, file: path)
                    byName[theme.name] = theme
                } catch let e as ThemeError {
                    problems.append(e)
                } catch {
                    problems.append(ThemeError(file: path, line: nil, message: "\(error)"))
                }
            }
        }
        let order = ["default-dark", "light", "high-contrast", "colour-blind-safe", "monochrome"]
        let themes = byName.values.sorted {
            let a = order.firstIndex(of: $0.name) ?? order.count, b = order.firstIndex(of: $1.name) ?? order.count
            return (a, $0.name) < (b, $1.name)
        }
        return ThemeLibrary(themes: themes, problems: problems)
    }

    /// Where themes are looked for: `PATHWAY_THEMES` if set, the `Themes` folder next to the
    /// program or above it (a source checkout), the current directory's `Themes`, then the user's.
    public static func standardDirectories(environment: [String: String], executable: String) -> [String] {
        if let dir = environment["PATHWAY_THEMES"], !dir.isEmpty { return [dir] + (userDirectory(environment).map { [$0] } ?? []) }
        var dirs: [String] = []
        var dir = (executable as NSString).deletingLastPathComponent
        for _ in 0..<5 {
            let candidate = (dir as NSString).appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: candidate) { dirs.append(candidate); break }
            dir = (dir as NSString).deletingLastPathComponent
        }
        let cwd = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("Themes")
        if !dirs.contains(cwd) { dirs.append(cwd) }
        if let user = userDirectory(environment) { dirs.append(user) }
        return dirs
    }

    static func userDirectory(_ environment: [String: String]) -> String? {
        ConfigPaths.directory(environment).map { ($0 as NSString).appendingPathComponent("themes") }
    }

    public func theme(named name: String) -> Theme? { themes.first { $0.name == name } }
}

/// Where the user's configuration lives: `$XDG_CONFIG_HOME/pathway-designer` or
/// `~/.config/pathway-designer`.
public enum ConfigPaths {
    public static func directory(_ environment: [String: String]) -> String? {
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return (x as NSString).appendingPathComponent("pathway-designer") }
        if let h = environment["HOME"], !h.isEmpty { return (h as NSString).appendingPathComponent(".config/pathway-designer") }
        return nil
    }

    public static func keysFile(_ environment: [String: String]) -> String? {
        directory(environment).map { ($0 as NSString).appendingPathComponent("keys.conf") }
    }
}
