import PathwayModel

/// How an imported framework goes into the document: the change set to apply in one transaction
/// and a summary of what it does. Re-importing a newer version of a framework updates it by
/// identifier (framework URI or code, competency code) rather than duplicating it.
///
/// Pure: it reads the catalog and returns values, so it can be tested and previewed without a
/// database. Applying `changeSet` to the catalog gives a document with no integrity problems.
public struct ImportPlan: Hashable, Sendable {
    public var changeSet: ChangeSet
    public var summary: ImportSummary
    /// The framework as it will be stored (its code may differ from the file's default).
    public var framework: CompetencyFramework

    /// Plans the merge. `code` forces the framework code; otherwise a framework with the same URI
    /// is updated, then one with the same code, and a clash with an unrelated framework gets a
    /// numbered code (`ESCO-2`).
    public init(importing imported: ImportedFramework, into catalog: Catalog, code: String? = nil) throws {
        let target = try ImportPlan.resolveCode(for: imported.framework, requested: code, in: catalog)
        let incoming = imported.recoded(to: target)
        try ImportPlan.validate(incoming)
        let existing = catalog.frameworks[target]

        var framework = incoming.framework
        if let existing {
            // Local workflow fields are the document's own, not the source's.
            framework.reviewStatus = existing.reviewStatus
            if framework.sector.isEmpty { framework.sector = existing.sector }
        }
        var summary = ImportSummary(framework: target, frameworkTitle: framework.title,
                                    frameworkIsNew: existing == nil)
        summary.notes = incoming.notes
        var changes: [Change] = []
        changes.reserveCapacity(1 + incoming.competencies.count + incoming.occupations.count)
        if existing != framework { changes.append(.putFramework(framework)) }

        // A brand-new framework (the common case) has nothing in the document to compare with:
        // every competency is added without a lookup, unless broken leftovers already use its code.
        let mayMatch = existing != nil || catalog.competencies.keys.contains { $0.framework == target }
        var seen = Set<String>()
        if existing != nil { seen.reserveCapacity(incoming.competencies.count) }
        for c in incoming.competencies {
            if mayMatch {
                if existing != nil { seen.insert(c.code) }
                if let old = catalog.competencies[c.key] {
                    if old == c { summary.unchanged += 1; continue }
                    summary.changed += 1
                } else {
                    summary.added += 1
                }
            } else {
                summary.added += 1
            }
            changes.append(.putCompetency(c))
        }

        for o in incoming.occupations {
            if let old = catalog.occupations.isEmpty ? nil : catalog.occupations[o.code] {
                if old == o { continue }
                summary.occupationsChanged += 1
            } else {
                summary.occupationsAdded += 1
            }
            changes.append(.putOccupation(o))
        }

        if existing != nil {
            let gone = catalog.competencies.keys.filter { $0.framework == target && !seen.contains($0.code) }
            if !gone.isEmpty {
                let goneSet = Set(gone)
                var after = catalog
                after.apply(ChangeSet("", changes))
                let mending = after.mendingReferences(toCompetencies: goneSet)
                summary.referencesMended = mending.count
                changes += mending
                changes += after.comments.values.filter {
                    if case .competency(let k) = $0.subject { return goneSet.contains(k) } else { return false }
                }.sorted { $0.id < $1.id }.map { .removeComment($0.id) }
                changes += gone.sorted().map { .removeCompetency($0) }
                summary.removed = gone.count
            }
        }
        self.changeSet = ChangeSet("Import \(framework.title)", changes)
        self.summary = summary
        self.framework = framework
    }

    /// Refuses content that would break the document: repeated codes, parents that are missing,
    /// parent loops, relations with no target.
    static func validate(_ imported: ImportedFramework) throws {
        let file = imported.source.isEmpty ? imported.framework.title : imported.source
        var codes = Set<String>()
        for c in imported.competencies {
            if let p = Codes.problem(with: c.code) {
                throw ImportError(file: file, message: "competency '\(c.title)' has an unusable code: \(p)")
            }
            guard codes.insert(c.code).inserted else {
                throw ImportError(file: file, message: "the code \(c.code) is used by more than one competency; codes must be unique")
            }
        }
        let alone = Catalog(frameworks: [imported.framework], competencies: imported.competencies)
        let occupationCodes = Set(imported.occupations.map(\.code))
        guard occupationCodes.count == imported.occupations.count else {
            throw ImportError(file: file, message: "an occupation code is used twice; codes must be unique")
        }
        // Links to other frameworks are checked against the whole document when it is applied.
        let own = "refers to competency \(imported.framework.code)/"
        let problem = alone.integrityProblems().first { p in
            !(p.message.hasPrefix("refers to competency ") && !p.message.hasPrefix(own))
        }
        if let problem {
            throw ImportError(file: file, message: "\(problem.location) \(problem.message)")
        }
    }

    static func resolveCode(for framework: CompetencyFramework, requested: String?, in catalog: Catalog) throws -> String {
        if let requested {
            if let p = Codes.problem(with: requested) {
                throw ImportError(file: "--framework", message: "'\(requested)' cannot be a framework code: \(p)")
            }
            return requested
        }
        if let uri = framework.uri, !uri.isEmpty,
           let match = catalog.frameworkList.first(where: { $0.uri == uri }) {
            return match.code
        }
        let base = framework.code
        func fits(_ code: String) -> Bool {
            guard let other = catalog.frameworks[code] else { return true }
            guard let a = other.uri, let b = framework.uri, !a.isEmpty, !b.isEmpty else {
                return other.source == framework.source
            }
            return a == b
        }
        if fits(base) { return base }
        var n = 2
        while catalog.frameworks["\(base)-\(n)"] != nil { n += 1 }
        return "\(base)-\(n)"
    }
}
