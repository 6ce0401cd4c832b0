import Foundation

/// Where the document lives when no `--db` or `PATHWAY_DB` says otherwise: the XDG data folder,
/// `$XDG_DATA_HOME/pathway-designer/pathway.sqlite`, else `~/.local/share/pathway-designer/pathway.sqlite`.
///
/// Only this default database is created (with the sample data) on first use. A database named
/// with `--db` or `PATHWAY_DB` must exist: a mistyped path then gives an error instead of a
/// new, unexpected document (`pathway init` makes a new one on purpose).
public enum DefaultDatabase {
    public static let environmentVariable = "PATHWAY_DB"

    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        return path(environment: environment)
    }

    /// How the database was chosen, for messages and for whether a missing one may be created.
    public enum Source: Equatable, Sendable {
        case option, environment, standard
    }

    public static func source(option: String?, environment: [String: String]) -> Source {
        if let option, !option.isEmpty { return .option }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return .environment }
        return .standard
    }

    public static func path(environment: [String: String]) -> String {
        // The XDG spec ignores a relative XDG_DATA_HOME.
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/pathway-designer/pathway.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/pathway-designer/pathway.sqlite"
    }

    /// The default path as shown in help, with the home folder written `~`.
    static var displayPath: String {
        let environment = ProcessInfo.processInfo.environment
        let full = path(environment: environment)
        if let home = environment["HOME"], !home.isEmpty, full.hasPrefix(home + "/") {
            return "~" + full.dropFirst(home.count)
        }
        return full
    }

    /// The error for a named database that does not exist, with the command that makes one.
    static func missing(_ path: String, source: Source) -> CLIError {
        let named = source == .environment ? " (named by \(environmentVariable))" : ""
        return CLIError("No database at \(path)\(named). To start a new one, run: pathway init --db \(shellWord(path)) "
                        + "(add --sample for the sample sectors).")
    }

    /// `path` as one word for a shell, quoted only when it needs to be.
    static func shellWord(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-+=:,@%".unicodeScalars.contains($0)
        }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
