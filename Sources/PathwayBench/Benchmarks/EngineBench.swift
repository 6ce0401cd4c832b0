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

/// What the UI computes from the model when it opens a document, measured part by part: the
/// integrity check, the engine's catalog-wide findings, and a credential edit that updates the
/// engine's index instead of rebuilding it.
extension Bench {
    mutating func measureModelChecks(_ catalog: Catalog, context: EngineContext) throws {
        var problems = 0
        let integrity = Stats.withCPU(Timing.samples(repeats: options.repeats) { problems = catalog.integrityProblems().count })
        report.figures.append(Figure("engine.integrity", "integrity check of the whole catalog", stats: integrity, goal: nil,
                                     note: "Catalog.integrityProblems(): every reference, \(problems) problems"))
        var findings = 0
        let catalogWide = Stats.withCPU(Timing.samples(repeats: options.repeats) { findings = context.catalogFindings().count })
        report.figures.append(Figure("engine.catalogFindings", "catalog findings (uncovered map, unused credentials)",
                                     stats: catalogWide, goal: nil, note: "EngineContext.catalogFindings(): \(findings) findings; part of the full check"))
        let atOpen = Stats.withCPU(Timing.samples(repeats: options.repeats) {
            findings = catalog.integrityProblems().count + EngineContext(catalog: catalog).checkAll().allFindings.count
        })
        report.figures.append(Figure("engine.atOpen", "integrity check + full engine check (what the UI derives at open)",
                                     stats: atOpen, goal: .under(50), note: "\(findings) problems and findings, before the UI turns them into rows"))
        let pathway = workload.sampleEdit().pathway
        var changed = catalog
        let code = pathway.allCredentialCodes[0]
        changed.credentials[code]!.ects = (changed.credentials[code]!.ects ?? 0) + 1
        let edit = ChangeSet("Edit \(code)", [.putCredential(changed.credentials[code]!)])
        let incremental = Stats.withCPU(Timing.samples(repeats: max(20, options.repeats * 10)) {
            findings = EngineContext(catalog: changed, applying: edit, to: context).check(pathway).findings.count
        })
        report.figures.append(Figure("engine.recheckCredentialIncremental", "re-check after editing a credential (index updated)",
                                     stats: incremental, goal: .under(2),
                                     note: "EngineContext(catalog:applying:to:) for \(code), then \(pathway.code) re-checked (\(findings) findings)"))
        try measureIntegrityUpdates(catalog, credentialEdit: edit, changed: changed)
        var affected = 0
        let everyAffected = Stats.withCPU(Timing.samples(repeats: max(20, options.repeats * 10)) {
            let updated = EngineContext(catalog: changed, applying: edit, to: context)
            let codes = updated.pathways(affectedBy: edit, since: context)
            affected = codes.count
            findings = codes.reduce(0) { $0 + (updated.check(pathway: $1)?.findings.count ?? 0) }
        })
        report.figures.append(Figure("engine.recheckAffected", "  and every pathway the edit affects re-checked",
                                     stats: everyAffected, goal: nil,
                                     note: "pathways(affectedBy:since:) named \(affected) pathways holding \(code) or depending on it (\(findings) findings)"))
    }
}

/// The integrity problems kept up to date by an `IntegrityLedger` (what a save in the UI does
/// instead of checking the whole catalog again).
extension Bench {
    mutating func measureIntegrityUpdates(_ catalog: Catalog, credentialEdit: ChangeSet, changed: Catalog) throws {
        let ledger = IntegrityLedger(catalog)
        var problems = 0
        let update = Stats.withCPU(Timing.samples(repeats: max(20, options.repeats * 10)) {
            var copy = ledger
            copy.update(credentialEdit, from: catalog, to: changed)
            problems = copy.problems.count
        })
        report.figures.append(Figure("engine.integrityUpdate", "integrity kept up to date after editing a credential",
                                     stats: update, goal: nil, note: "IntegrityLedger.update: the credential re-checked, \(problems) problems"))
        // Removing a competency that others name: every reference is searched for it.
        guard let key = catalog.occupations.values.lazy.compactMap(\.essentialSkills.first).first else { return }
        let removal = ChangeSet("Remove", [.removeCompetency(key)])
        var removed = catalog
        removed.apply(removal)
        let remove = Stats.withCPU(Timing.samples(repeats: max(5, options.repeats)) {
            var copy = ledger
            copy.update(removal, from: catalog, to: removed)
            problems = copy.problems.count
        })
        report.figures.append(Figure("engine.integrityRemoval", "  after removing a competency others name (raw removal)",
                                     stats: remove, goal: nil, note: "IntegrityLedger.update: every reference searched, \(problems) problems found"))
    }
}
