import PathwayModel

/// What an importer read from a file: one framework with its competencies, and the occupations
/// that refer to them. Nothing is in the document yet: `ImportPlan` decides how it merges.
public struct ImportedFramework: Hashable, Sendable {
    public var framework: CompetencyFramework
    public var competencies: [Competency]
    public var occupations: [Occupation]
    /// Things the user should know that did not stop the import ("3 cross references name no
    /// competency and were left out").
    public var notes: [String]
    /// The file it came from, to name in messages.
    public var source: String

    public init(framework: CompetencyFramework, competencies: [Competency],
                occupations: [Occupation] = [], notes: [String] = [], source: String = "") {
        self.source = source
        self.framework = framework
        self.competencies = competencies
        self.occupations = occupations
        self.notes = notes
    }

    /// The same content under another framework code: competencies, parent links, relations and
    /// occupation skills inside this framework all follow.
    public func recoded(to code: String) -> ImportedFramework {
        let old = framework.code
        guard code != old else { return self }
        func move(_ k: CompetencyKey) -> CompetencyKey {
            k.framework == old ? CompetencyKey(framework: code, code: k.code) : k
        }
        var copy = self
        copy.framework.code = code
        copy.competencies = competencies.map { c in
            var c = c
            c.framework = code
            c.relations = c.relations.map { r in
                var r = r
                r.target = r.target.map(move)
                return r
            }
            return c
        }
        copy.occupations = occupations.map { o in
            var o = o
            o.essentialSkills = o.essentialSkills.map(move)
            o.optionalSkills = o.optionalSkills.map(move)
            return o
        }
        return copy
    }
}
