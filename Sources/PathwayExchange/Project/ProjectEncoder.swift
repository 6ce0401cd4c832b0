import PathwayModel

/// Builds the JSON tree of a project file from a catalog: entities sorted by code, keys in the
/// order of `ProjectKeys`, optional fields left out when they hold their default value.
struct ProjectEncoder {
    private typealias Members = [(String, JSONTree)]

    static func encode(_ catalog: Catalog) -> JSONTree {
        var root: Members = []
        put(&root, "format", .string(ProjectFile.formatName))
        put(&root, "version", .number(String(ProjectFile.currentVersion)))
        var frameworkCodes = Set(catalog.frameworks.keys)
        // Competencies whose framework is missing still get written (the decoder will then
        // report the missing title instead of the data vanishing).
        for c in catalog.competencies.values where !frameworkCodes.contains(c.framework) { frameworkCodes.insert(c.framework) }
        list(&root, "frameworks", frameworkCodes.sorted().map { framework($0, catalog) })
        list(&root, "occupations", catalog.occupationList.map(occupation))
        list(&root, "credentials", catalog.credentialList.map(credential))
        list(&root, "pathways", catalog.pathwayList.map(pathway))
        list(&root, "learners", catalog.learnerList.map(learner))
        list(&root, "comments", catalog.commentList.map(comment))
        return .object(root)
    }

    // MARK: helpers

    private static func put(_ m: inout Members, _ key: String, _ value: JSONTree) {
        m.append((key, value))
    }

    private static func text(_ m: inout Members, _ key: String, _ value: String, default d: String = "") {
        if value != d { put(&m, key, .string(value)) }
    }

    private static func optionalText(_ m: inout Members, _ key: String, _ value: String?) {
        if let value { put(&m, key, .string(value)) }
    }

    private static func list(_ m: inout Members, _ key: String, _ values: [JSONTree]) {
        if !values.isEmpty { put(&m, key, .array(values)) }
    }

    private static func strings(_ m: inout Members, _ key: String, _ values: [String]) {
        list(&m, key, values.map(JSONTree.string))
    }

    private static func number(_ m: inout Members, _ key: String, _ value: Double?) {
        if let value { put(&m, key, JSONTree.number(value)) }
    }

    private static func level(_ m: inout Members, _ key: String, _ value: EQFLevel?) {
        if let value { put(&m, key, .number(String(value.value))) }
    }

    private static func levels(_ m: inout Members, _ key: String, _ values: [CompetencyLevel]) {
        list(&m, key, values.map { cl in
            var o: Members = []
            put(&o, "competency", .string(cl.competency.description))
            put(&o, "level", .number(String(cl.level.value)))
            return .object(o)
        })
    }

    // MARK: entities

    private static func framework(_ code: String, _ catalog: Catalog) -> JSONTree {
        var m: Members = []
        put(&m, "code", .string(code))
        if let f = catalog.frameworks[code] {
            put(&m, "title", .string(f.title))
            text(&m, "sector", f.sector)
            text(&m, "description", f.description)
            text(&m, "source", f.source.rawValue, default: FrameworkSource.own.rawValue)
            text(&m, "version", f.version, default: "1.0")
            text(&m, "language", f.language, default: "en")
            text(&m, "reviewStatus", f.reviewStatus.rawValue, default: ReviewStatus.draft.rawValue)
            optionalText(&m, "uri", f.uri)
            strings(&m, "scale", f.scale)
            optionalText(&m, "scaleConfiguration", f.scaleConfiguration)
            strings(&m, "taxonomy", f.taxonomy)
        }
        list(&m, "competencies", competencies(in: code, catalog))
        return .object(m)
    }

    /// Tree order (depth first, siblings by position), then anything the tree cannot reach.
    /// `position` is written only where it differs from the place among siblings in this order,
    /// which is what the decoder assumes when it is left out.
    private static func competencies(in framework: String, _ catalog: Catalog) -> [JSONTree] {
        let members = catalog.competencies.values.filter { $0.framework == framework }
        let tree = CompetencyTree(competencies: members, framework: framework)
        var ordered = tree.depthFirst.map(\.competency)
        if ordered.count < members.count {
            let placed = Set(ordered.map(\.code))
            ordered += members.filter { !placed.contains($0.code) }.sorted { $0.code < $1.code }
        }
        var siblingsSeen: [String: Int] = [:]
        return ordered.map { c in
            let implicit = siblingsSeen[c.parent ?? "", default: 0]
            siblingsSeen[c.parent ?? ""] = implicit + 1
            var m: Members = []
            put(&m, "code", .string(c.code))
            put(&m, "title", .string(c.title))
            put(&m, "type", .string(c.type.rawValue))
            optionalText(&m, "parent", c.parent)
            if c.position != implicit { put(&m, "position", .number(String(c.position))) }
            optionalText(&m, "uri", c.uri)
            text(&m, "description", c.description)
            strings(&m, "altLabels", c.altLabels)
            list(&m, "relations", c.relations.map { r in
                var o: Members = []
                put(&o, "kind", .string(r.kind.rawValue))
                optionalText(&o, "target", r.target?.description)
                optionalText(&o, "targetURI", r.targetURI)
                return .object(o)
            })
            return .object(m)
        }
    }

    private static func occupation(_ o: Occupation) -> JSONTree {
        var m: Members = []
        put(&m, "code", .string(o.code))
        put(&m, "title", .string(o.title))
        optionalText(&m, "uri", o.uri)
        text(&m, "description", o.description)
        text(&m, "iscoGroup", o.iscoGroup)
        strings(&m, "essentialSkills", o.essentialSkills.map(\.description))
        strings(&m, "optionalSkills", o.optionalSkills.map(\.description))
        return .object(m)
    }

    private static func credential(_ c: MicroCredential) -> JSONTree {
        var m: Members = []
        put(&m, "code", .string(c.code))
        put(&m, "title", .string(c.title))
        text(&m, "summary", c.summary)
        text(&m, "awardingBody", c.awardingBody)
        text(&m, "issuerCountry", c.issuerCountry)
        level(&m, "eqfLevel", c.eqfLevel)
        optionalText(&m, "qfEheaCycle", c.qfEheaCycle?.rawValue)
        number(&m, "ects", c.ects)
        number(&m, "hours", c.hours)
        list(&m, "learningOutcomes", c.learningOutcomes.map { o in
            var om: Members = []
            put(&om, "id", .string(o.id))
            put(&om, "statement", .string(o.statement))
            levels(&om, "mappings", o.mappings)
            return .object(om)
        })
        text(&m, "assessment", c.assessment)
        optionalText(&m, "participation", c.participation?.rawValue)
        text(&m, "qualityAssurance", c.qualityAssurance)
        if !c.prerequisites.isEmpty {
            var p: Members = []
            strings(&p, "credentials", c.prerequisites.credentials)
            levels(&p, "competencies", c.prerequisites.competencies)
            strings(&p, "recommendedAfter", c.prerequisites.recommendedAfter)
            text(&p, "note", c.prerequisites.note)
            put(&m, "prerequisites", .object(p))
        }
        optionalText(&m, "supervision", c.supervision?.rawValue)
        text(&m, "gradingScheme", c.gradingScheme)
        if case .stackable(let towards) = c.stackability {
            put(&m, "stackability", .string(StackabilityWord.stackable.rawValue))
            strings(&m, "stackableTowards", towards)
        }
        text(&m, "furtherInformation", c.furtherInformation)
        strings(&m, "languages", c.languages)
        text(&m, "iscedField", c.iscedField)
        text(&m, "status", c.status.rawValue, default: CredentialStatus.draft.rawValue)
        return .object(m)
    }

    private static func pathway(_ p: Pathway) -> JSONTree {
        var m: Members = []
        put(&m, "code", .string(p.code))
        put(&m, "title", .string(p.title))
        text(&m, "description", p.description)
        text(&m, "reviewStatus", p.reviewStatus.rawValue, default: ReviewStatus.draft.rawValue)
        var t: Members = []
        text(&t, "occupation", p.target.occupation)
        optionalText(&t, "occupationURI", p.target.occupationURI)
        level(&t, "eqfLevel", p.target.eqfLevel)
        number(&t, "minECTS", p.target.minECTS)
        number(&t, "maxECTS", p.target.maxECTS)
        levels(&t, "competencies", p.target.competencies)
        if !t.isEmpty { put(&m, "target", .object(t)) }
        list(&m, "stages", p.stages.map { s in
            var sm: Members = []
            text(&sm, "title", s.title)
            strings(&sm, "core", s.core)
            list(&sm, "electiveGroups", s.electiveGroups.map { g in
                var gm: Members = []
                text(&gm, "title", g.title)
                put(&gm, "choose", .number(String(g.choose)))
                put(&gm, "options", .array(g.options.map(JSONTree.string)))
                return .object(gm)
            })
            return .object(sm)
        })
        return .object(m)
    }

    private static func learner(_ l: Learner) -> JSONTree {
        var m: Members = []
        put(&m, "name", .string(l.name))
        text(&m, "note", l.note)
        list(&m, "completions", l.completions.map { c in
            var cm: Members = []
            put(&cm, "credential", .string(c.credential))
            put(&cm, "date", .string(c.date.description))
            return .object(cm)
        })
        levels(&m, "priorLearning", l.priorLearning)
        return .object(m)
    }

    private static func comment(_ c: ReviewComment) -> JSONTree {
        var m: Members = []
        put(&m, "id", .number(String(c.id)))
        put(&m, "author", .string(c.author))
        put(&m, "date", .string(c.date.description))
        var s: Members = []
        put(&s, "kind", .string(c.subject.kind))
        put(&s, "code", .string(c.subject.code))
        put(&m, "subject", .object(s))
        put(&m, "text", .string(c.text))
        return .object(m)
    }
}
