import Foundation
import PathwayExchange
import PathwayModel

/// Shared by the standards importers of the command line and the terminal UI: read and parse the
/// files first (so a bad file never opens, creates or changes the database), plan the merge,
/// check the result, apply it in one transaction, say what it did.
struct StandardsImport {
    static func run(document: DocumentOptions, code: String?, dryRun: Bool,
                    read: () throws -> ImportedFramework) throws {
        let imported = try read()
        let context = try document.open()
        let plan = try Self.plan(imported, into: context.catalog, code: code)
        if dryRun {
            print("Dry run, nothing changed. Importing into \(context.path) would do this:")
            print(plan.summary)
            return
        }
        if !plan.changeSet.isEmpty { try context.apply(plan.changeSet) }
        print(plan.summary)
    }

    /// The merge of `imported` into `catalog`, refused (with a `CLIError` naming the file) when the
    /// result would break the document. Pure: nothing is written.
    static func plan(_ imported: ImportedFramework, into catalog: Catalog, code: String?) throws -> ImportPlan {
        let plan = try ImportPlan(importing: imported, into: catalog, code: code)
        var after = catalog
        after.apply(plan.changeSet)
        if let problem = after.integrityProblems().first(where: { isAbout(plan.framework.code, $0) }) {
            throw CLIError("Nothing was imported: \(imported.source) would break the document (\(problem)); fix the file and try again.")
        }
        return plan
    }

    static func isAbout(_ framework: String, _ p: IntegrityProblem) -> Bool {
        p.location.contains(framework) || p.message.contains("\(framework)/")
    }

    static func source(_ path: String) throws -> ImportSource { try ImportSource(path: path) }
}
