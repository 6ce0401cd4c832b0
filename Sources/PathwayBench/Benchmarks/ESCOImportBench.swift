import PathwayExchange
import PathwayModel
import PathwayStore
import PathwayWorkload

/// The ESCO CSV import as `pathway import esco` does it: read the files, parse them with the
/// ESCO importer, plan the merge into the document, check the result's integrity, and write the
/// change set in one transaction — here into a new, empty document.
enum ESCOImportBench {
    struct Result {
        var competencies: Int
        var occupations: Int
        var links: Int
    }

    static func run(folder: Workspace, into path: String) throws -> Result {
        func source(_ name: String) throws -> ImportSource { try ImportSource(path: folder.path(name)) }
        let files = ESCOFiles(skills: [try source(ESCOCSV.skillsFile)],
                              occupations: try source(ESCOCSV.occupationsFile),
                              relations: try source(ESCOCSV.relationsFile),
                              hierarchy: try source(ESCOCSV.hierarchyFile),
                              broader: try source(ESCOCSV.broaderFile))
        let imported = try ESCOImporter.read(files)
        let store = try DocumentStore.create(at: path)
        let catalog = try store.load()
        let plan = try ImportPlan(importing: imported, into: catalog)
        var after = catalog
        after.apply(plan.changeSet)
        if let problem = after.integrityProblems().first {
            throw BenchError("the import would break the document: \(problem)")
        }
        try store.apply(plan.changeSet)
        try store.close()
        return Result(competencies: after.competencies.count, occupations: after.occupations.count,
                      links: after.occupations.values.reduce(0) { $0 + $1.essentialSkills.count + $1.optionalSkills.count })
    }
}
