import PathwayEngine
import PathwayModel
import PathwayWorkload

/// The engine over the whole workload: a full check (indexes built from the catalog, then every
/// pathway and the catalog-wide findings), and the re-check of one pathway after one edit.
enum EngineBench {
    /// Builds the engine's context and checks everything; returns how many findings it made.
    @discardableResult
    static func fullCheck(_ catalog: Catalog) -> (pathways: Int, findings: Int) {
        let report = EngineContext(catalog: catalog).checkAll()
        return (report.pathways.count, report.allFindings.count)
    }

    /// A designer adds a credential to a pathway's last stage: the edited pathway is checked
    /// against the context already built (pathway edits do not change the context's indexes).
    static func recheckAfterPathwayEdit(_ context: EngineContext, _ edited: Pathway) -> Int {
        context.check(edited).findings.count
    }

    /// A designer edits a credential (its ECTS): the context is rebuilt, then one pathway that
    /// uses it is checked.
    static func recheckAfterCredentialEdit(_ catalog: Catalog, pathway: Pathway) -> Int {
        var changed = catalog
        let code = pathway.allCredentialCodes[0]
        changed.credentials[code]!.ects = (changed.credentials[code]!.ects ?? 0) + 1
        return EngineContext(catalog: changed).check(pathway).findings.count
    }
}
