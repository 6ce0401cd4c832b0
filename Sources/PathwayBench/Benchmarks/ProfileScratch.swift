import PathwayEngine
import PathwayModel
import PathwayTUI

/// Temporary profile of the UI's document checks (scratch).
enum ProfileScratch {
    static func run(_ catalog: Catalog, say: (String) -> Void) {
        func t(_ name: String, _ body: () -> Void) {
            var best = Double.infinity
            for _ in 0..<3 {
                let c = Timing.threadCPU()
                body()
                best = min(best, (Timing.threadCPU() - c).milliseconds)
            }
            say("  \(name): \(format(best)) ms CPU")
        }
        t("integrityProblems") { blackHole(catalog.integrityProblems().count) }
        t("EngineContext build") { blackHole(EngineContext(catalog: catalog).catalog.pathways.count) }
        let ctx = EngineContext(catalog: catalog)
        t("all pathway checks") { for p in catalog.pathwayList { blackHole(ctx.check(p).findings.count) } }
        t("catalogFindings") { blackHole(ctx.catalogFindings().count) }
        t("Finding.check total") { blackHole(Finding.check(catalog).count) }
        let doc = Document(catalog: catalog)
        for d in ScreenRegistry.standard {
            t("make \(d.id.rawValue)") { blackHole(d.make(doc).id) }
        }
        t("parentCycles") { blackHole(catalog.parentCycles().count) }
    }
}
