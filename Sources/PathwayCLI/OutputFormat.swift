import ArgumentParser

/// `--format text|json`: text for people (aligned columns), JSON for scripts.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
