import Foundation

/// Where the document lives when no `--db` or `PATHWAY_DB` says otherwise: the XDG data folder,
/// `$XDG_DATA_HOME/pathway-designer/pathway.sqlite`, else `~/.local/share/pathway-designer/pathway.sqlite`.
public enum DefaultDatabase {
    public static let environmentVariable = "PATHWAY_DB"

    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        return path(environment: environment)
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
}
