import ArgumentParser
import Foundation
import PathwayModel
import PathwayStore

/// `pathway import project FILE [--replace]`: a project file into the database, in one transaction.
///
/// By default the file is merged by code: each framework in the file replaces the framework of the
/// same code (with all its competencies); credentials, pathways, learners and occupations replace
/// those with the same code; everything else in the database stays. Review comments are added
/// unless the same comment is already there. `--replace` makes the database exactly the file.
struct ImportProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Import a project file (the JSON format of the sample data).",
        discussion: """
            Merges by code: what the file defines replaces what has the same code (a framework \
            together with all its competencies), the rest of the database stays. With --replace, \
            the database becomes exactly the file. Either all of the file is imported or nothing.
            """)

    @Argument(help: ArgumentHelp("The project file (.json).", valueName: "file"))
    var file: String

    @Flag(help: "Replace everything in the database with the file's contents.")
    var replace = false

    @OptionGroup var database: DatabaseOption
    // `--read-only` is parsed (by the root command) but not offered here: an import writes.
    @OptionGroup(visibility: .private) var access: ReadOnlyOption

    func validate() throws {
        if access.readOnly {
            throw ValidationError("import project writes the file into the database; run it without --read-only.")
        }
    }

    func run() throws {
        let data = try InputFile.read(file)
        let incoming = try ProjectFiles.decode(data, source: file)
        // A database that does not exist yet starts as the file itself, not the sample data.
        let context = try database.open(readOnly: false, seed: { incoming })
        if context.wasCreated {
            print("Imported \(file) into the new database \(context.path): \(CatalogSummary(incoming)).")
            return
        }
        let target = replace ? incoming : ProjectMerge.merge(incoming, into: context.catalog)
        let problems = target.integrityProblems()
        if !problems.isEmpty {
            let shown = problems.prefix(3).map(\.description).joined(separator: "; ")
            let more = problems.count > 3 ? "; and \(problems.count - 3) more" : ""
            throw CLIError("Nothing was imported: merging \(file) into \(context.path) would break references (\(shown)\(more)); "
                           + "import it with --replace, or add what is missing to the file.")
        }
        let changes = context.catalog.changeSet(to: target, label: "Import \(file)")
        try context.apply(changes)
        print("Imported \(file) into \(context.path) (\(replace ? "replaced everything" : "merged by code")): \(changes.changes.count) change\(changes.changes.count == 1 ? "" : "s"); the database now has \(CatalogSummary(context.catalog)).")
    }
}

/// Merging a project file into a document by code.
enum ProjectMerge {
    static func merge(_ incoming: Catalog, into current: Catalog) -> Catalog {
        var merged = current
        for framework in incoming.frameworks.values {
            // The file's framework is the whole framework: competencies it no longer has go.
            merged.competencies = merged.competencies.filter { $0.key.framework != framework.code }
            merged.frameworks[framework.code] = framework
        }
        merged.competencies.merge(incoming.competencies) { _, new in new }
        merged.credentials.merge(incoming.credentials) { _, new in new }
        merged.pathways.merge(incoming.pathways) { _, new in new }
        merged.learners.merge(incoming.learners) { _, new in new }
        merged.occupations.merge(incoming.occupations) { _, new in new }
        for comment in incoming.commentList {
            let present = merged.comments.values.contains {
                $0.subject == comment.subject && $0.author == comment.author && $0.date == comment.date && $0.text == comment.text
            }
            if present { continue }
            var added = comment
            if merged.comments[added.id] != nil { added.id = merged.nextCommentID }
            merged.comments[added.id] = added
        }
        return merged
    }
}
