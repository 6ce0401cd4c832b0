import ArgumentParser
import Foundation
import PathwayExchange
import PathwayModel

/// `pathway import esco --skills skills_en.csv …`
struct ImportESCOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esco",
        abstract: "Import ESCO skills (and occupations) from the official ESCO CSV download.",
        discussion: """
            Reads the v1.2 CSV files by column name. --skills may be given more than once and may \
            name collection files such as transversalSkillsCollection_en.csv. Re-importing a newer \
            ESCO version updates the framework by concept URI and reports what changed. Either the \
            whole import happens or nothing does.
            """)

    @Option(name: .customLong("skills"), help: ArgumentHelp("skills_en.csv or a collection file (repeatable).", valueName: "file"))
    var skills: [String] = []
    @Option(help: ArgumentHelp("occupations_en.csv: occupations become pathway targets.", valueName: "file"))
    var occupations: String?
    @Option(help: ArgumentHelp("occupationSkillRelations_en.csv: each occupation's essential and optional skills.", valueName: "file"))
    var relations: String?
    @Option(help: ArgumentHelp("skillsHierarchy_en.csv: the skill groups above the skills.", valueName: "file"))
    var hierarchy: String?
    @Option(help: ArgumentHelp("broaderRelationsSkillPillar_en.csv: which group each skill belongs to.", valueName: "file"))
    var broader: String?
    @Option(help: ArgumentHelp("Code of the framework to create or update (default ESCO, or ESCO-<collection> for collections alone).", valueName: "code"))
    var framework: String?
    @OptionGroup var options: ImportRunOptions

    func validate() throws {
        if skills.isEmpty && hierarchy == nil {
            throw ValidationError("Give at least --skills FILE (skills_en.csv or a collection file) or --hierarchy FILE.")
        }
    }

    func run() throws {
        try StandardsImport.run(document: options.document, code: framework, dryRun: options.dryRun) {
            let files = ESCOFiles(skills: try skills.map(StandardsImport.source),
                                  occupations: try occupations.map(StandardsImport.source),
                                  relations: try relations.map(StandardsImport.source),
                                  hierarchy: try hierarchy.map(StandardsImport.source),
                                  broader: try broader.map(StandardsImport.source))
            return try ESCOImporter.read(files)
        }
    }
}

/// `pathway import case FILE.json`
struct ImportCASECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Import a CASE 1.0/1.1 CFPackage (JSON), e.g. from OpenSALT.",
        discussion: "CFDocument becomes a framework, CFItems competencies, isChildOf the tree; other associations become relations. Re-importing updates the framework by its CFDocument URI.")

    @Argument(help: ArgumentHelp("The CFPackage JSON file.", valueName: "file"))
    var file: String
    @Option(help: ArgumentHelp("Code of the framework to create or update (default: from the title, or the framework with the same URI).", valueName: "code"))
    var framework: String?
    @OptionGroup var options: ImportRunOptions

    func run() throws {
        try StandardsImport.run(document: options.document, code: framework, dryRun: options.dryRun) {
            try CASEImporter.read(try StandardsImport.source(file))
        }
    }
}

/// `pathway import moodle FILE.csv`
struct ImportMoodleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodle",
        abstract: "Import a Moodle competency framework CSV (Site administration › Competencies › Import).",
        discussion: "Columns are read by position; HTML descriptions become plain text; the scale and taxonomy are kept for export. Re-importing updates the framework with the same ID number.")

    @Argument(help: ArgumentHelp("The Moodle framework CSV file.", valueName: "file"))
    var file: String
    @Option(help: ArgumentHelp("Code of the framework to create or update (default: the framework's ID number).", valueName: "code"))
    var framework: String?
    @OptionGroup var options: ImportRunOptions

    func run() throws {
        try StandardsImport.run(document: options.document, code: framework, dryRun: options.dryRun) {
            try MoodleImporter.read(try StandardsImport.source(file))
        }
    }
}
