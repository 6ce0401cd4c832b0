import PathwayModel

/// One project file read into model values, with what is needed to check it against others:
/// where each entity was defined and every reference it makes (resolved once all files are in).
struct DecodedProject {
    /// Something a file refers to by code, with the JSON path of the reference.
    struct Reference {
        enum Target {
            case competency(CompetencyKey)
            case credential(String)
            case framework(String)
            case pathway(String)
        }
        var target: Target
        var path: String
        var line: Int
    }

    var source: String
    var catalog = Catalog()
    /// JSON path of each entity's definition, keyed by `IntegrityLabel`-style text ("credential X").
    var origins: [String: String] = [:]
    var references: [Reference] = []
}

/// Walks the JSON tree of a project file and builds the model, checking types, enums, ranges,
/// duplicate codes and local rules on the way. References are collected, not resolved.
struct ProjectDecoder {
    private var result: DecodedProject
    private let source: String

    private init(source: String) {
        self.source = source
        self.result = DecodedProject(source: source)
    }

    static func decode(_ bytes: [UInt8], source: String) throws(ProjectFileError) -> DecodedProject {
        let root: JSONNode
        do {
            root = try JSONParser.parseDocument(bytes)
        } catch {
            throw ProjectFileError(file: source, path: error.path.description,
                                   message: "the file is not valid JSON at column \(error.column): \(error.message)",
                                   line: error.line)
        }
        var decoder = ProjectDecoder(source: source)
        try decoder.readRoot(root)
        return decoder.result
    }

    // MARK: root

    private mutating func readRoot(_ node: JSONNode) throws(ProjectFileError) {
        guard let members = node.members else {
            throw ProjectFileError(file: source, path: "$",
                                   message: "a project file is a JSON object starting with {\"format\": \"\(ProjectFile.formatName)\", …}, not \(node.value.kindName)",
                                   line: node.line)
        }
        try checkFormatAndVersion(members, line: node.line)
        let root = try ObjectReader(node, path: "$", what: "a project file", keys: ProjectKeys.root, source: source)
        for (n, p) in try root.list("frameworks") { try readFramework(n, p) }
        for (n, p) in try root.list("occupations") { try readOccupation(n, p) }
        for (n, p) in try root.list("credentials") { try readCredential(n, p) }
        for (n, p) in try root.list("pathways") { try readPathway(n, p) }
        for (n, p) in try root.list("learners") { try readLearner(n, p) }
        try readComments(root.list("comments"))
        try checkParentCycles()
    }

    /// The format name and version come first: a file from a newer app may use keys this one
    /// does not know, and the user should hear "update the app", not "unknown key".
    private func checkFormatAndVersion(_ members: [(key: String, value: JSONNode)], line: Int) throws(ProjectFileError) {
        let start = "{\"format\": \"\(ProjectFile.formatName)\", \"version\": \(ProjectFile.currentVersion), …}"
        guard let format = members.first(where: { $0.key == "format" })?.value else {
            throw ProjectFileError(file: source, path: "$.format",
                                   message: "this is not a Pathway Designer project file: the \"format\" key is missing; a project file starts with \(start)",
                                   line: line)
        }
        guard case .string(let name) = format.value, name == ProjectFile.formatName else {
            let found: String
            if case .string(let s) = format.value { found = "\"\(s)\"" } else { found = format.value.kindName }
            throw ProjectFileError(file: source, path: "$.format",
                                   message: "this is not a Pathway Designer project file: \"format\" is \(found), expected \"\(ProjectFile.formatName)\"",
                                   line: format.line)
        }
        guard let version = members.first(where: { $0.key == "version" })?.value else {
            throw ProjectFileError(file: source, path: "$.version",
                                   message: "the format \"version\" is missing; add \"version\": \(ProjectFile.currentVersion)", line: line)
        }
        guard case .number(let text) = version.value, let n = Int(text), n >= 1 else {
            throw ProjectFileError(file: source, path: "$.version",
                                   message: "the format \"version\" must be a whole number such as \(ProjectFile.currentVersion)", line: version.line)
        }
        if n > ProjectFile.currentVersion {
            throw ProjectFileError(file: source, path: "$.version",
                                   message: "the file is format version \(n), made by a newer Pathway Designer (this one reads up to version \(ProjectFile.currentVersion)); update the app",
                                   line: version.line)
        }
    }

    // MARK: bookkeeping

    private mutating func define(_ label: String, at path: String, line: Int, duplicateMessage: String) throws(ProjectFileError) {
        if let first = result.origins[label] {
            throw ProjectFileError(file: source, path: path, message: "\(duplicateMessage) is already defined at \(first); keep one", line: line)
        }
        result.origins[label] = path
    }

    private mutating func refer(_ target: DecodedProject.Reference.Target, _ path: String, _ line: Int) {
        result.references.append(.init(target: target, path: path, line: line))
    }

    private mutating func competencyRef(_ r: ObjectReader, _ key: String) throws(ProjectFileError) -> CompetencyKey {
        let k = try r.competencyKey(key)
        refer(.competency(k), r.path(key), r.node(key)?.line ?? r.line)
        return k
    }

    /// A list of `FRAMEWORK/CODE` strings, each recorded as a reference.
    private mutating func competencyRefList(_ r: ObjectReader, _ key: String) throws(ProjectFileError) -> [CompetencyKey] {
        var keys: [CompetencyKey] = []
        for (node, path) in try r.list(key) {
            guard case .string(let text) = node.value else {
                throw ProjectFileError(file: source, path: path,
                                       message: "every item of \"\(key)\" must be a competency reference string such as \"PROC/K1\", not \(node.value.kindName)",
                                       line: node.line)
            }
            guard let k = CompetencyKey(text) else {
                throw ProjectFileError(file: source, path: path, message: ObjectReader.badReference(text), line: node.line)
            }
            refer(.competency(k), path, node.line)
            keys.append(k)
        }
        return keys
    }

    /// A list of credential codes, each recorded as a reference.
    private mutating func credentialRefList(_ r: ObjectReader, _ key: String) throws(ProjectFileError) -> [String] {
        let codes = try r.stringList(key)
        for (i, (node, path)) in try r.list(key).enumerated() { refer(.credential(codes[i]), path, node.line) }
        return codes
    }

    private mutating func competencyLevels(_ r: ObjectReader, _ key: String, what: String) throws(ProjectFileError) -> [CompetencyLevel] {
        var levels: [CompetencyLevel] = []
        for (node, path) in try r.list(key) {
            let m = try ObjectReader(node, path: path, what: what, keys: ProjectKeys.competencyLevel, source: source)
            let k = try competencyRef(m, "competency")
            levels.append(CompetencyLevel(competency: k, level: try m.requiredEQF("level")))
        }
        return levels
    }

    // MARK: frameworks and competencies

    private mutating func readFramework(_ node: JSONNode, _ path: String) throws(ProjectFileError) {
        let r = try ObjectReader(node, path: path, what: "a framework", keys: ProjectKeys.framework, source: source)
        let code = try r.code("code")
        try define("framework \(code)", at: path, line: r.line, duplicateMessage: "framework \(code)")
        let framework = CompetencyFramework(
            code: code, title: try r.requiredString("title"), sector: try r.string("sector"),
            description: try r.string("description"),
            source: try r.enumValue("source", FrameworkSource.self, meaning: "a framework source") ?? .own,
            version: try r.string("version", default: "1.0"), language: try r.string("language", default: "en"),
            reviewStatus: try r.enumValue("reviewStatus", ReviewStatus.self, meaning: "a review status") ?? .draft,
            uri: try r.optionalString("uri"), scale: try r.stringList("scale"),
            scaleConfiguration: try r.optionalString("scaleConfiguration"), taxonomy: try r.stringList("taxonomy"))
        result.catalog.frameworks[code] = framework
        var siblingsSeen: [String: Int] = [:]
        for (n, p) in try r.list("competencies") {
            try readCompetency(n, p, framework: code, siblingsSeen: &siblingsSeen)
        }
    }

    private mutating func readCompetency(_ node: JSONNode, _ path: String, framework: String,
                                         siblingsSeen: inout [String: Int]) throws(ProjectFileError) {
        let r = try ObjectReader(node, path: path, what: "a competency", keys: ProjectKeys.competency, source: source)
        let code = try r.requiredString("code")
        if code.isEmpty { throw r.fail("code", "a competency code must not be empty") }
        let key = CompetencyKey(framework: framework, code: code)
        try define("competency \(key)", at: path, line: r.line, duplicateMessage: "competency \(code) of framework \(framework)")
        let parent = try r.optionalString("parent")
        if let parent {
            refer(.competency(CompetencyKey(framework: framework, code: parent)), r.path("parent"), r.node("parent")?.line ?? r.line)
        }
        // A position left out is the competency's place among its siblings in the file.
        let implicit = siblingsSeen[parent ?? "", default: 0]
        siblingsSeen[parent ?? ""] = implicit + 1
        var relations: [CompetencyRelation] = []
        for (n, p) in try r.list("relations") {
            let rel = try ObjectReader(n, path: p, what: "a relation", keys: ProjectKeys.relation, source: source)
            let kind = RelationKind(rawValue: try rel.requiredString("kind"))
            guard kind.isValid else {
                throw rel.fail("kind", "\"\(kind.rawValue)\" is not a relation kind; use one of: \(RelationKind.known.map(\.rawValue).joined(separator: ", ")), or an extension kind starting with ext:")
            }
            let target = rel.has("target") ? try competencyRef(rel, "target") : nil
            let uri = try rel.optionalString("targetURI")
            if target == nil && (uri ?? "").isEmpty {
                throw ProjectFileError(file: source, path: p, message: "a relation needs a \"target\" (FRAMEWORK/CODE) or a \"targetURI\"", line: rel.line)
            }
            relations.append(CompetencyRelation(kind: kind, target: target, targetURI: uri))
        }
        result.catalog.competencies[key] = Competency(
            framework: framework, code: code, uri: try r.optionalString("uri"), title: try r.requiredString("title"),
            description: try r.string("description"),
            type: try r.enumValue("type", CompetencyType.self, meaning: "a competency type") ?? .skillCompetence,
            parent: parent, position: try r.optionalInt("position") ?? implicit,
            altLabels: try r.stringList("altLabels"), relations: relations)
    }

    private func checkParentCycles() throws(ProjectFileError) {
        guard let cycle = result.catalog.parentCycles().first else { return }
        let key = CompetencyKey(framework: cycle.framework, code: cycle.codes[0])
        let path = (result.origins["competency \(key)"] ?? "$") + ".parent"
        throw ProjectFileError(file: source, path: path,
                               message: "the parents of framework \(cycle.framework) form a cycle (\(cycle.codes.joined(separator: " → "))); give one of them another parent")
    }

    // MARK: occupations

    private mutating func readOccupation(_ node: JSONNode, _ path: String) throws(ProjectFileError) {
        let r = try ObjectReader(node, path: path, what: "an occupation", keys: ProjectKeys.occupation, source: source)
        let code = try r.code("code")
        try define("occupation \(code)", at: path, line: r.line, duplicateMessage: "occupation \(code)")
        result.catalog.occupations[code] = Occupation(
            code: code, uri: try r.optionalString("uri"), title: try r.requiredString("title"),
            description: try r.string("description"), iscoGroup: try r.string("iscoGroup"),
            essentialSkills: try competencyRefList(r, "essentialSkills"),
            optionalSkills: try competencyRefList(r, "optionalSkills"))
    }

    // MARK: credentials

    private mutating func readCredential(_ node: JSONNode, _ path: String) throws(ProjectFileError) {
        let r = try ObjectReader(node, path: path, what: "a credential", keys: ProjectKeys.credential, source: source)
        let code = try r.code("code")
        try define("credential \(code)", at: path, line: r.line, duplicateMessage: "credential \(code)")
        var outcomes: [LearningOutcome] = []
        var ids: [String: String] = [:]
        for (n, p) in try r.list("learningOutcomes") {
            let o = try ObjectReader(n, path: p, what: "a learning outcome", keys: ProjectKeys.outcome, source: source)
            let id = try o.requiredString("id")
            if let first = ids[id] { throw o.fail("id", "the outcome id \"\(id)\" is already used at \(first); give each outcome its own id") }
            ids[id] = p
            outcomes.append(LearningOutcome(id: id, statement: try o.requiredString("statement"),
                                            mappings: try competencyLevels(o, "mappings", what: "a competency mapping")))
        }
        var prerequisites = Prerequisites()
        if let p = try r.object("prerequisites", what: "the prerequisites", keys: ProjectKeys.prerequisites) {
            prerequisites = Prerequisites(
                credentials: try credentialRefList(p, "credentials"),
                competencies: try competencyLevels(p, "competencies", what: "a required competency"),
                recommendedAfter: try credentialRefList(p, "recommendedAfter"), note: try p.string("note"))
        }
        let stackWord = try r.enumValue("stackability", StackabilityWord.self, meaning: "a stackability") ?? .standAlone
        let stackability: Stackability
        switch stackWord {
        case .standAlone:
            if r.has("stackableTowards") {
                throw r.fail("stackableTowards", "\"stackableTowards\" needs \"stackability\": \"stackable\"; add it or remove the list")
            }
            stackability = .standAlone
        case .stackable:
            stackability = .stackable(towards: try r.stringList("stackableTowards"))
        }
        result.catalog.credentials[code] = MicroCredential(
            code: code, title: try r.requiredString("title"), awardingBody: try r.string("awardingBody"),
            issuerCountry: try r.string("issuerCountry"), learningOutcomes: outcomes,
            ects: try r.optionalDouble("ects", atLeast: 0), hours: try r.optionalDouble("hours", atLeast: 0),
            eqfLevel: try r.optionalEQF("eqfLevel"),
            qfEheaCycle: try r.enumValue("qfEheaCycle", QFEHEACycle.self, meaning: "a QF-EHEA cycle"),
            assessment: try r.string("assessment"),
            participation: try r.enumValue("participation", ParticipationForm.self, meaning: "a form of participation"),
            qualityAssurance: try r.string("qualityAssurance"), prerequisites: prerequisites,
            supervision: try r.enumValue("supervision", Supervision.self, meaning: "a kind of supervision"),
            gradingScheme: try r.string("gradingScheme"), stackability: stackability,
            furtherInformation: try r.string("furtherInformation"), summary: try r.string("summary"),
            languages: try r.stringList("languages"), iscedField: try r.string("iscedField"),
            status: try r.enumValue("status", CredentialStatus.self, meaning: "a credential status") ?? .draft)
    }

    // MARK: pathways

    private mutating func readPathway(_ node: JSONNode, _ path: String) throws(ProjectFileError) {
        let r = try ObjectReader(node, path: path, what: "a pathway", keys: ProjectKeys.pathway, source: source)
        let code = try r.code("code")
        try define("pathway \(code)", at: path, line: r.line, duplicateMessage: "pathway \(code)")
        var target = PathwayTarget()
        if let t = try r.object("target", what: "a pathway target", keys: ProjectKeys.target) {
            target = PathwayTarget(
                occupation: try t.string("occupation"), occupationURI: try t.optionalString("occupationURI"),
                eqfLevel: try t.optionalEQF("eqfLevel"),
                minECTS: try t.optionalDouble("minECTS", atLeast: 0), maxECTS: try t.optionalDouble("maxECTS", atLeast: 0),
                competencies: try competencyLevels(t, "competencies", what: "a target competency"))
            if let lo = target.minECTS, let hi = target.maxECTS, lo > hi {
                throw t.fail("maxECTS", "the ECTS range is reversed: \"minECTS\" \(JSONTree.numberText(lo)) is above \"maxECTS\" \(JSONTree.numberText(hi))")
            }
        }
        var stages: [Stage] = []
        for (n, p) in try r.list("stages") {
            let s = try ObjectReader(n, path: p, what: "a stage", keys: ProjectKeys.stage, source: source)
            var groups: [ElectiveGroup] = []
            for (gn, gp) in try s.list("electiveGroups") {
                let g = try ObjectReader(gn, path: gp, what: "an elective group", keys: ProjectKeys.electiveGroup, source: source)
                let choose = try g.requiredInt("choose")
                if choose < 1 { throw g.fail("choose", "\"choose\" must be 1 or more, not \(choose)") }
                groups.append(ElectiveGroup(title: try g.string("title"), choose: choose,
                                            options: try credentialRefList(g, "options")))
            }
            stages.append(Stage(title: try s.string("title"), core: try credentialRefList(s, "core"), electiveGroups: groups))
        }
        result.catalog.pathways[code] = Pathway(
            code: code, title: try r.requiredString("title"), description: try r.string("description"),
            reviewStatus: try r.enumValue("reviewStatus", ReviewStatus.self, meaning: "a review status") ?? .draft,
            target: target, stages: stages)
    }

    // MARK: learners and comments

    private mutating func readLearner(_ node: JSONNode, _ path: String) throws(ProjectFileError) {
        let r = try ObjectReader(node, path: path, what: "a learner", keys: ProjectKeys.learner, source: source)
        let name = try r.requiredString("name")
        if name.isEmpty { throw r.fail("name", "a learner's name must not be empty; use an alias if needed") }
        try define("learner \(name)", at: path, line: r.line, duplicateMessage: "learner \"\(name)\"")
        var completions: [Completion] = []
        for (n, p) in try r.list("completions") {
            let c = try ObjectReader(n, path: p, what: "a completion", keys: ProjectKeys.completion, source: source)
            let code = try c.requiredString("credential")
            refer(.credential(code), c.path("credential"), c.node("credential")?.line ?? c.line)
            completions.append(Completion(credential: code, date: try c.requiredDay("date")))
        }
        result.catalog.learners[name] = Learner(
            name: name, note: try r.string("note"), completions: completions,
            priorLearning: try competencyLevels(r, "priorLearning", what: "a recognised prior learning entry"))
    }

    private mutating func readComments(_ items: [(node: JSONNode, path: String)]) throws(ProjectFileError) {
        var pending: [(ReviewComment, Bool)] = []
        for (n, p) in items {
            let r = try ObjectReader(n, path: p, what: "a review comment", keys: ProjectKeys.comment, source: source)
            let id = try r.optionalInt("id")
            if let id {
                if id < 1 { throw r.fail("id", "a comment id must be 1 or more, not \(id)") }
                try define("comment \(id)", at: p, line: r.line, duplicateMessage: "comment id \(id)")
            }
            guard let s = try r.object("subject", what: "a comment subject", keys: ProjectKeys.subject) else { throw r.missing("subject") }
            let kind = try s.enumValue("kind", SubjectKind.self, meaning: "a comment subject kind")
            guard let kind else { throw s.missing("kind") }
            let code = try s.requiredString("code")
            let subject: CommentSubject
            let line = s.node("code")?.line ?? s.line
            switch kind {
            case .framework: subject = .framework(code); refer(.framework(code), s.path("code"), line)
            case .credential: subject = .credential(code); refer(.credential(code), s.path("code"), line)
            case .pathway: subject = .pathway(code); refer(.pathway(code), s.path("code"), line)
            case .competency:
                guard let k = CompetencyKey(code) else { throw s.fail("code", ObjectReader.badReference(code)) }
                subject = .competency(k); refer(.competency(k), s.path("code"), line)
            }
            let comment = ReviewComment(id: id ?? 0, author: try r.requiredString("author"), date: try r.requiredDay("date"),
                                        text: try r.requiredString("text"), subject: subject)
            pending.append((comment, id == nil))
        }
        // Comments written without an id are numbered after the highest id given, in file order.
        var next = (pending.filter { !$0.1 }.map(\.0.id).max() ?? 0) + 1
        for (i, (comment, numbered)) in pending.enumerated() {
            var c = comment
            if numbered {
                c.id = next
                next += 1
                result.origins["comment \(c.id)"] = items[i].path
            }
            result.catalog.comments[c.id] = c
        }
    }
}
