/// The keys of each object in a project file, in the order the encoder writes them. The decoder
/// accepts exactly these; `docs/project-format.md` documents each one.
enum ProjectKeys {
    static let root = ["format", "version", "frameworks", "occupations", "credentials", "pathways", "learners", "comments"]
    static let framework = ["code", "title", "sector", "description", "source", "version", "language", "reviewStatus",
                            "uri", "scale", "scaleConfiguration", "taxonomy", "competencies"]
    static let competency = ["code", "title", "type", "parent", "position", "uri", "description", "altLabels", "relations"]
    static let relation = ["kind", "target", "targetURI"]
    static let occupation = ["code", "title", "uri", "description", "iscoGroup", "essentialSkills", "optionalSkills"]
    static let credential = ["code", "title", "summary", "awardingBody", "issuerCountry", "eqfLevel", "qfEheaCycle",
                             "ects", "hours", "learningOutcomes", "assessment", "participation", "qualityAssurance",
                             "prerequisites", "supervision", "gradingScheme", "stackability", "stackableTowards",
                             "furtherInformation", "languages", "iscedField", "status"]
    static let outcome = ["id", "statement", "mappings"]
    static let competencyLevel = ["competency", "level"]
    static let prerequisites = ["credentials", "competencies", "recommendedAfter", "note"]
    static let pathway = ["code", "title", "description", "reviewStatus", "target", "stages"]
    static let target = ["occupation", "occupationURI", "eqfLevel", "minECTS", "maxECTS", "competencies"]
    static let stage = ["title", "core", "electiveGroups"]
    static let electiveGroup = ["title", "choose", "options"]
    static let learner = ["name", "note", "completions", "priorLearning"]
    static let completion = ["credential", "date"]
    static let comment = ["id", "author", "date", "subject", "text"]
    static let subject = ["kind", "code"]
}

/// The words a project file uses for stackability.
enum StackabilityWord: String, CaseIterable {
    case standAlone = "stand-alone"
    case stackable
}

/// The words a project file uses for comment subjects.
enum SubjectKind: String, CaseIterable {
    case framework, competency, credential, pathway
}
