import ArgumentParser
import Foundation

/// `--dry-run`, `--db` and `--read-only`: what every standards import takes besides its files
/// and its `--framework` (whose help differs per format), so the wording stays the same in each.
struct ImportRunOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Show what the import would change without changing anything.")
    var dryRun = false
    @OptionGroup var document: DocumentOptions
}

/// `--out`, `--db` and `--read-only`: what every standards export takes besides what it exports.
struct ExportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var out: String?
    @OptionGroup var document: DocumentOptions

    /// Writes the exported text to --out (atomically) or stdout.
    func write(_ text: String, what: String) throws { try StandardsExport.write(text, to: out, what: what) }
}

/// `--framework CODE` and the output options, for the exports of one framework (CASE, Moodle).
struct FrameworkExportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The framework's code.", valueName: "code"))
    var framework: String
    @OptionGroup var output: ExportOutputOptions
}
