import PathwayModel

/// A generated skills pillar and occupations shaped like ESCO v1.2: four pillars, three levels of
/// skill groups below them, skills under the deepest groups (and some under other skills), and
/// occupations linked to essential and optional skills.
///
/// The same values are written as ESCO CSV files (`ESCOCSV`) and turned into model values here,
/// with the codes, parents and sibling order the ESCO importer gives them, so an import of the
/// files can be compared with `competencies` and `occupations` one for one.
public struct ESCOPillar: Sendable {
    public static let framework = "ESCO"
    public static let skillBase = "http://data.europa.eu/esco/skill/"
    public static let occupationBase = "http://data.europa.eu/esco/occupation/"
    public static let isco = "http://data.europa.eu/esco/isco/C"

    public struct Group: Sendable {
        public var uri: String
        public var code: String
        public var title: String
        public var description: String
        /// 0 for a pillar, 1–3 below.
        public var level: Int
        public var parent: Int?
        /// Index of the pillar (0 skills, 1 knowledge, 2 transversal, 3 language).
        public var pillar: Int
    }

    public struct Skill: Sendable {
        public var uri: String
        public var code: String
        public var title: String
        public var altLabels: [String]
        public var description: String
        public var skillType: String
        public var reuseLevel: String
        /// The broader concept: a group, or another skill.
        public var broader: Broader
    }

    public enum Broader: Sendable {
        case group(Int)
        case skill(Int)
    }

    public struct OccupationEntry: Sendable {
        public var uri: String
        public var code: String
        public var title: String
        public var description: String
        public var iscoGroup: String
        /// Skill indexes with whether each is essential, in the order of the relations file.
        public var links: [(skill: Int, essential: Bool)]
        /// Level-3 groups the occupation draws its skills from (credentials are matched to them).
        public var homeGroups: [Int]
    }

    public private(set) var groups: [Group] = []
    public private(set) var skills: [Skill] = []
    public private(set) var occupationEntries: [OccupationEntry] = []
    /// Indexes of the level-3 groups, where most skills hang.
    public private(set) var leafGroups: [Int] = []
    /// The level-3 group each skill sits under (directly, or through its parent skill).
    public private(set) var homeGroupOfSkill: [Int] = []
    /// Skills per level-3 group (index into `groups` → skill indexes).
    public private(set) var skillsInGroup: [Int: [Int]] = [:]

    static let pillarCodes = ["S", "K", "T", "L"]
    static let pillarTitles = ["skills", "knowledge", "transversal skills and competences", "language skills and knowledge"]

    public init(size: WorkloadSize, rng: inout SeededGenerator) {
        makeGroups(size, &rng)
        makeSkills(size, &rng)
        makeOccupations(size, &rng)
    }

    private mutating func makeGroups(_ size: WorkloadSize, _ rng: inout SeededGenerator) {
        for p in 0..<4 {
            groups.append(Group(uri: Self.skillBase + Self.pillarCodes[p], code: Self.pillarCodes[p],
                                title: Self.pillarTitles[p], description: "", level: 0, parent: nil, pillar: p))
        }
        var previousLevel = Array(0..<4)
        for (depth, count) in size.groupsPerLevel.enumerated() {
            var thisLevel: [Int] = []
            var childCount: [Int: Int] = [:]
            for i in 0..<count {
                let parent = previousLevel[i % previousLevel.count]
                childCount[parent, default: 0] += 1
                let parentCode = groups[parent].code
                let code = depth == 0 ? "\(parentCode)\(childCount[parent]!)" : "\(parentCode).\(childCount[parent]!)"
                let title = depth == 2
                    ? "\(rng.pick(Vocabulary.verbs)) \(rng.pick(Vocabulary.objects))"
                    : rng.pick(Vocabulary.groupWords)
                let description = depth == 2 ? Vocabulary.sentence(&rng, words: 10...22) : ""
                groups.append(Group(uri: Self.skillBase + rng.uuid(), code: code, title: title,
                                    description: description, level: depth + 1, parent: parent,
                                    pillar: groups[parent].pillar))
                thisLevel.append(groups.count - 1)
            }
            previousLevel = thisLevel
        }
        leafGroups = previousLevel
    }

    private mutating func makeSkills(_ size: WorkloadSize, _ rng: inout SeededGenerator) {
        skills.reserveCapacity(size.skills)
        homeGroupOfSkill.reserveCapacity(size.skills)
        for i in 0..<size.skills {
            // About one skill in ten hangs under another skill, as in ESCO.
            let broader: Broader
            let home: Int
            if i > 20, rng.chance(0.1) {
                var parent = rng.index(i)
                if case .skill(let grand) = skills[parent].broader { parent = grand }
                broader = .skill(parent)
                home = homeGroupOfSkill[parent]
            } else {
                home = leafGroups[i % leafGroups.count]
                broader = .group(home)
            }
            let pillar = groups[home].pillar
            let skillType = pillar == 1 ? "knowledge" : "skill/competence"
            let reuse = pillar == 2 ? "transversal"
                : rng.pick(["cross-sector", "sector-specific", "sector-specific", "occupation-specific"])
            let title: String
            if pillar == 1 {
                title = rng.chance(0.5) ? rng.pick(Vocabulary.knowledgeAreas)
                    : "\(rng.pick(Vocabulary.knowledgeAreas)) \(rng.pick(Vocabulary.settings))"
            } else {
                title = "\(rng.pick(Vocabulary.verbs)) \(rng.pick(Vocabulary.objects))"
                    + (rng.chance(0.4) ? " \(rng.pick(Vocabulary.settings))" : "")
            }
            var alt: [String] = []
            for _ in 0..<rng.int(0...8) {
                let label = "\(rng.pick(Vocabulary.verbs)) \(rng.pick(Vocabulary.objects))"
                if label != title && !alt.contains(label) { alt.append(label) }
            }
            skills.append(Skill(uri: Self.skillBase + rng.uuid(), code: "", title: title, altLabels: alt,
                                description: Vocabulary.description(&rng, sentences: 1...3),
                                skillType: skillType, reuseLevel: reuse, broader: broader))
            skills[i].code = String(skills[i].uri.dropFirst(Self.skillBase.count))
            homeGroupOfSkill.append(home)
            skillsInGroup[home, default: []].append(i)
        }
    }

    private mutating func makeOccupations(_ size: WorkloadSize, _ rng: inout SeededGenerator) {
        let average = max(1, size.occupationSkillLinks / max(1, size.occupations))
        let perOccupation = rng.split(size.occupationSkillLinks, into: size.occupations,
                                      each: max(1, average / 3)...min(skills.count, average * 5 / 3 + 1))
        occupationEntries.reserveCapacity(size.occupations)
        for n in perOccupation {
            let homes = (0..<rng.int(1...3)).map { _ in rng.pick(leafGroups) }
            var chosen = Set<Int>(), links: [(skill: Int, essential: Bool)] = []
            links.reserveCapacity(n)
            var attempts = 0
            while links.count < n {
                attempts += 1
                // Mostly skills of the occupation's own groups, the rest from anywhere.
                let pool = attempts < n * 4 && rng.chance(0.7) ? skillsInGroup[rng.pick(homes)] ?? [] : []
                let skill = pool.isEmpty ? rng.index(skills.count) : rng.pick(pool)
                if chosen.insert(skill).inserted { links.append((skill, rng.chance(0.45))) }
            }
            let uuid = rng.uuid()
            let isco = String(rng.int(1...9)) + String(rng.int(100...999))
            occupationEntries.append(OccupationEntry(
                uri: Self.occupationBase + uuid, code: uuid,
                title: "\(rng.pick(Vocabulary.objects)) \(rng.pick(Vocabulary.occupationHeads))",
                description: Vocabulary.description(&rng, sentences: 2...4), iscoGroup: isco,
                links: links, homeGroups: homes))
        }
    }

    // MARK: - As model values

    public func key(ofSkill i: Int) -> CompetencyKey { CompetencyKey(framework: Self.framework, code: skills[i].code) }

    public static func type(skillType: String, reuseLevel: String) -> CompetencyType {
        reuseLevel == "transversal" ? .transversal : skillType == "knowledge" ? .knowledge : .skillCompetence
    }

    /// Groups and skills as competencies, with the parents and sibling positions an import gives:
    /// groups first in code order, then skills by title (case-insensitive), then code.
    public var competencies: [Competency] {
        var result: [Competency] = []
        result.reserveCapacity(groups.count + skills.count)
        for g in groups {
            let type: CompetencyType = g.pillar == 1 ? .knowledge : g.pillar == 2 ? .transversal : .skillCompetence
            result.append(Competency(framework: Self.framework, code: g.code, uri: g.uri, title: g.title,
                                     description: g.description, type: type,
                                     parent: g.parent.map { groups[$0].code }))
        }
        var childrenOf: [Int: [Int]] = [:]   // parent index in `result` (-1: roots) → children indexes
        for (i, g) in groups.enumerated() { childrenOf[g.parent ?? -1, default: []].append(i) }
        for (i, s) in skills.enumerated() {
            let parent: Int, parentCode: String
            switch s.broader {
            case .group(let g): parent = g; parentCode = groups[g].code
            case .skill(let k): parent = groups.count + k; parentCode = skills[k].code
            }
            result.append(Competency(framework: Self.framework, code: s.code, uri: s.uri, title: s.title,
                                     description: s.description,
                                     type: Self.type(skillType: s.skillType, reuseLevel: s.reuseLevel),
                                     parent: parentCode, altLabels: s.altLabels))
            childrenOf[parent, default: []].append(groups.count + i)
        }
        for (_, children) in childrenOf {
            let ordered = children.sorted { a, b in
                let x = result[a], y = result[b]
                let gx = a < groups.count, gy = b < groups.count
                if gx != gy { return gx }
                // Groups below the pillars are made in their (natural) code order.
                if gx { return groups[a].level == 0 ? x.code < y.code : a < b }
                let tx = x.title.lowercased(), ty = y.title.lowercased()
                return tx != ty ? tx < ty : x.code < y.code
            }
            for (position, index) in ordered.enumerated() { result[index].position = position }
        }
        return result
    }

    public var occupations: [Occupation] {
        occupationEntries.map { o in
            Occupation(code: o.code, uri: o.uri, title: o.title, description: o.description, iscoGroup: o.iscoGroup,
                       essentialSkills: o.links.filter(\.essential).map { key(ofSkill: $0.skill) },
                       optionalSkills: o.links.filter { !$0.essential }.map { key(ofSkill: $0.skill) })
        }
    }

    public var linkCount: Int { occupationEntries.reduce(0) { $0 + $1.links.count } }
}
