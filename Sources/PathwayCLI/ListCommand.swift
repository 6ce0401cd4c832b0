import ArgumentParser
import PathwayModel

/// `pathway list frameworks|competencies|credentials|pathways|learners|occupations`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List what the database holds.",
        discussion: "JSON output is an array of objects, each with at least `code` and `title` (for learners both are the name).")

    @Argument(help: ArgumentHelp("What to list: \(ListKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                                 valueName: "kind"))
    var kind: ListKind

    @Option(help: ArgumentHelp("Only the competencies of this framework (its code).", valueName: "code"))
    var framework: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var document: DocumentOptions

    func validate() throws {
        if framework != nil && kind != .competencies {
            throw ValidationError("--framework applies only to `list competencies`.")
        }
    }

    func run() throws {
        let context = try document.open()
        if let framework, context.catalog.frameworks[framework] == nil {
            let known = context.catalog.frameworkList.map(\.code).joined(separator: ", ")
            throw CLIError("\(context.path) has no framework with code '\(framework)'; "
                           + (known.isEmpty ? "it has no frameworks yet." : "use one of: \(known)."))
        }
        let listing = kind.listing(of: context.catalog, framework: framework)
        Console.out(format == .json ? listing.json() : listing.text())
    }
}

/// The kinds of thing `list` shows, and the columns of each.
enum ListKind: String, ExpressibleByArgument, CaseIterable {
    case frameworks, competencies, credentials, pathways, learners, occupations

    func listing(of catalog: Catalog, framework: String?) -> Listing {
        switch self {
        case .frameworks:
            var counts: [String: Int] = [:]
            for key in catalog.competencies.keys { counts[key.framework, default: 0] += 1 }
            var listing = Listing(columns: [("code", "CODE"), ("competencies", "COMPETENCIES"),
                                            ("reviewStatus", "STATUS"), ("title", "TITLE")])
            listing.rows = catalog.frameworkList.map { f in
                [("code", .text(f.code)), ("title", .text(f.title)), ("sector", .text(f.sector)),
                 ("source", .text(f.source.rawValue)), ("version", .text(f.version)),
                 ("language", .text(f.language)), ("reviewStatus", .text(f.reviewStatus.rawValue)),
                 ("competencies", .integer(counts[f.code] ?? 0))]
            }
            return listing
        case .competencies:
            var listing = Listing(columns: [("framework", "FRAMEWORK"), ("code", "CODE"), ("type", "TYPE"),
                                            ("indentedTitle", "TITLE")])
            let codes = framework.map { [$0] } ?? catalog.frameworkList.map(\.code)
            for code in codes {
                for node in CompetencyTree(catalog: catalog, framework: code).depthFirst {
                    let c = node.competency
                    listing.rows.append([
                        ("code", .text(c.code)), ("title", .text(c.title)), ("framework", .text(c.framework)),
                        ("key", .text(c.key.description)), ("type", .text(c.type.rawValue)),
                        ("parent", c.parent.map { .text($0) } ?? .none), ("depth", .integer(node.depth)),
                        ("uri", c.uri.map { .text($0) } ?? .none),
                        ("indentedTitle", .text(String(repeating: "  ", count: node.depth) + c.title)),
                    ])
                }
            }
            listing.jsonExcluded = ["indentedTitle"]
            return listing
        case .credentials:
            var listing = Listing(columns: [("code", "CODE"), ("ects", "ECTS"), ("eqfLevel", "EQF"),
                                            ("status", "STATUS"), ("title", "TITLE")])
            listing.rows = catalog.credentialList.map { c in
                [("code", .text(c.code)), ("title", .text(c.title)), ("awardingBody", .text(c.awardingBody)),
                 ("ects", c.ects.map { .number($0) } ?? .none), ("hours", c.hours.map { .number($0) } ?? .none),
                 ("eqfLevel", c.eqfLevel.map { .integer($0.value) } ?? .none), ("status", .text(c.status.rawValue)),
                 ("learningOutcomes", .integer(c.learningOutcomes.count))]
            }
            return listing
        case .pathways:
            var listing = Listing(columns: [("code", "CODE"), ("stages", "STAGES"), ("credentials", "CREDENTIALS"),
                                            ("reviewStatus", "STATUS"), ("title", "TITLE")])
            listing.rows = catalog.pathwayList.map { p in
                [("code", .text(p.code)), ("title", .text(p.title)), ("occupation", .text(p.target.occupation)),
                 ("reviewStatus", .text(p.reviewStatus.rawValue)), ("stages", .integer(p.stages.count)),
                 ("credentials", .integer(Set(p.allCredentialCodes).count))]
            }
            return listing
        case .learners:
            var listing = Listing(columns: [("code", "NAME"), ("completions", "COMPLETED"),
                                            ("priorLearning", "PRIOR LEARNING"), ("note", "NOTE")])
            listing.rows = catalog.learnerList.map { l in
                [("code", .text(l.name)), ("title", .text(l.name)), ("note", .text(l.note)),
                 ("completions", .integer(l.completions.count)), ("priorLearning", .integer(l.priorLearning.count))]
            }
            return listing
        case .occupations:
            var listing = Listing(columns: [("code", "CODE"), ("iscoGroup", "ISCO"), ("essentialSkills", "ESSENTIAL"),
                                            ("title", "TITLE")])
            listing.rows = catalog.occupationList.map { o in
                [("code", .text(o.code)), ("title", .text(o.title)), ("uri", o.uri.map { .text($0) } ?? .none),
                 ("iscoGroup", .text(o.iscoGroup)), ("essentialSkills", .integer(o.essentialSkills.count)),
                 ("optionalSkills", .integer(o.optionalSkills.count))]
            }
            return listing
        }
    }
}
