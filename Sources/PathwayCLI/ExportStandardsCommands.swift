import ArgumentParser
import Foundation
import PathwayExchange

/// Writes exported text to --out (atomically) or stdout, and says where it went.
enum StandardsExport {
    static func write(_ text: String, to out: String?, what: String) throws {
        try InputFile.write(Data(text.utf8), to: out)
        if let out, out != "-" { Console.note("Wrote \(what) to \(out).") }
    }

    static func exchange<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ExportError { throw CLIError(e.message) }
    }

    /// Now, as ISO 8601 UTC, for formats that stamp records.
    static var now: String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}

/// `pathway export ob3 --credential CODE [--learner NAME]`
struct ExportOB3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ob3",
        abstract: "Write a micro-credential as an Open Badges 3.0 Achievement (or, with --learner, an unsigned credential).")

    @Option(help: ArgumentHelp("The micro-credential's code.", valueName: "code"))
    var credential: String
    @Option(help: ArgumentHelp("A learner who completed it: write their unsigned AchievementCredential.", valueName: "name"))
    var learner: String?
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let context = try output.document.open()
        let text = try StandardsExport.exchange { try OpenBadgesExporter.text(credential: credential, learner: learner, in: context.catalog) }
        try output.write(text, what: learner == nil ? "the Open Badges 3.0 achievement \(credential)" : "\(learner!)'s Open Badges 3.0 credential \(credential)")
    }
}

/// `pathway export elm --credential CODE | --pathway CODE`
struct ExportELMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "elm",
        abstract: "Write a micro-credential or a pathway as European Learning Model v3 JSON-LD.")

    @Option(help: ArgumentHelp("The micro-credential's code.", valueName: "code"))
    var credential: String?
    @Option(help: ArgumentHelp("The pathway's code (its credentials become hasPart).", valueName: "code"))
    var pathway: String?
    @OptionGroup var output: ExportOutputOptions

    func validate() throws {
        if (credential == nil) == (pathway == nil) {
            throw ValidationError("Give exactly one of --credential CODE or --pathway CODE.")
        }
    }

    func run() throws {
        let context = try output.document.open()
        let text = try StandardsExport.exchange {
            if let credential { return try ELMExporter.credentialText(credential, in: context.catalog) }
            return try ELMExporter.pathwayText(pathway!, in: context.catalog)
        }
        try output.write(text, what: "the ELM specification of \(credential ?? pathway!)")
    }
}

/// `pathway export case --framework CODE`
struct ExportCASECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Write a framework as a CASE 1.1 CFPackage (JSON).")

    @OptionGroup var options: FrameworkExportOptions

    func run() throws {
        let framework = options.framework
        let context = try options.output.document.open()
        let text = try StandardsExport.exchange { try CASEExporter.text(framework: framework, in: context.catalog, changed: StandardsExport.now) }
        try options.output.write(text, what: "the CASE package of \(framework)")
    }
}

/// `pathway export moodle --framework CODE`
struct ExportMoodleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodle",
        abstract: "Write a framework as a Moodle competency framework CSV.")

    @OptionGroup var options: FrameworkExportOptions

    func run() throws {
        let framework = options.framework
        let context = try options.output.document.open()
        let text = try StandardsExport.exchange { try MoodleExporter.text(framework: framework, in: context.catalog) }
        try options.output.write(text, what: "the Moodle framework \(framework)")
    }
}
