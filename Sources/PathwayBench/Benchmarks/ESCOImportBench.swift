import Foundation
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

    /// With `PATHWAY_BENCH_PHASES=1` in the environment, each run prints the thread CPU time of
    /// its phases to stderr, to see where an import's time goes.
    static let showPhases = ProcessInfo.processInfo.environment["PATHWAY_BENCH_PHASES"] == "1"

    static func run(folder: Workspace, into path: String) throws -> Result {
        var phases: [(String, Duration)] = []
        var mark = Timing.processCPU()
        func phase(_ name: String) {
            let now = Timing.processCPU()
            phases.append((name, now - mark))
            mark = now
        }
        func source(_ name: String) throws -> ImportSource { try ImportSource(path: folder.path(name)) }
        let files = ESCOFiles(skills: [try source(ESCOCSV.skillsFile)],
                              occupations: try source(ESCOCSV.occupationsFile),
                              relations: try source(ESCOCSV.relationsFile),
                              hierarchy: try source(ESCOCSV.hierarchyFile),
                              broader: try source(ESCOCSV.broaderFile))
        phase("read files")
        let imported = try ESCOImporter.read(files)
        phase("parse")
        let store = try DocumentStore.create(at: path)
        let catalog = try store.load()
        phase("create")
        let plan = try ImportPlan(importing: imported, into: catalog)
        phase("plan")
        var after = catalog
        after.apply(plan.changeSet)
        phase("apply to catalog")
        if let problem = after.integrityProblems().first {
            throw BenchError("the import would break the document: \(problem)")
        }
        phase("integrity")
        try store.apply(plan.changeSet)
        try store.close()
        phase("store")
        if showPhases {
            // Reading the imported document back, as opening it does.
            let rssBefore = residentKB()
            mark = Timing.processCPU()
            let loaded = try DocumentStore(path: path, mode: .readOnly).load()
            phase("load")
            let rss = "resident memory \(rssBefore / 1024) MB before the load, \(residentKB() / 1024) MB with \(loaded.competencies.count) competencies loaded"
            let text = phases.map { "\($0.0) \(Int($0.1.milliseconds)) ms" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("import phases (CPU): \(text); \(rss)\n".utf8))
        }
        return Result(competencies: after.competencies.count, occupations: after.occupations.count,
                      links: after.occupations.values.reduce(0) { $0 + $1.essentialSkills.count + $1.optionalSkills.count })
    }
}

/// VmRSS of this process in KiB, 0 when /proc cannot be read.
private func residentKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}
