/// The files of an ESCO CSV download that make one import. Only `skills` (or `hierarchy`) is
/// needed; each other file adds to it. Collection files (transversalSkillsCollection_en.csv,
/// digCompSkillsCollection_en.csv, …) may be given as skills files.
public struct ESCOFiles: Sendable {
    /// skills_en.csv and/or collection files.
    public var skills: [ImportSource]
    /// occupations_en.csv: occupations become pathway targets.
    public var occupations: ImportSource?
    /// occupationSkillRelations_en.csv: essential and optional skills of each occupation.
    public var relations: ImportSource?
    /// skillsHierarchy_en.csv: the skill groups, which become the upper tree.
    public var hierarchy: ImportSource?
    /// broaderRelationsSkillPillar_en.csv: which group (or skill) each skill hangs under.
    public var broader: ImportSource?

    public init(skills: [ImportSource] = [], occupations: ImportSource? = nil, relations: ImportSource? = nil,
                hierarchy: ImportSource? = nil, broader: ImportSource? = nil) {
        self.skills = skills
        self.occupations = occupations
        self.relations = relations
        self.hierarchy = hierarchy
        self.broader = broader
    }

    var all: [ImportSource] {
        skills + [hierarchy, broader, occupations, relations].compactMap { $0 }
    }
}
