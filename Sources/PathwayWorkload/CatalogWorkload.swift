import PathwayModel

/// The designer's side of the workload on top of the pillar: micro-credentials whose outcomes
/// teach skills of a few related groups, pathways aimed at occupations and built from credentials
/// that teach their skills, learners part-way along them, and review comments.
struct CatalogWorkload {
    var credentials: [MicroCredential] = []
    var pathways: [Pathway] = []
    var learners: [Learner] = []
    var comments: [ReviewComment] = []
    /// Credentials (indexes) whose outcomes mostly teach skills of each level-3 group.
    private var credentialsByGroup: [Int: [Int]] = [:]

    static let ectsValues: [Double] = [1, 2, 2.5, 3, 3, 4, 5, 5, 6, 7.5, 10]

    init(pillar: ESCOPillar, size: WorkloadSize, rng: inout SeededGenerator) {
        makeCredentials(pillar, size, &rng)
        makePathways(pillar, size, &rng)
        makeLearners(pillar, size, &rng)
        makeComments(size, &rng)
    }

    static func code(_ prefix: String, _ i: Int, width: Int = 4) -> String {
        let n = String(i + 1)
        return prefix + String(repeating: "0", count: max(0, width - n.count)) + n
    }

    private mutating func makeCredentials(_ pillar: ESCOPillar, _ size: WorkloadSize, _ rng: inout SeededGenerator) {
        let outcomes = rng.split(size.learningOutcomes, into: size.credentials, each: 2...8)
        credentials.reserveCapacity(size.credentials)
        for (i, outcomeCount) in outcomes.enumerated() {
            let home = rng.pick(pillar.leafGroups)
            let pool = pillar.skillsInGroup[home] ?? []
            let eqf = rng.int(3...7)
            var los: [LearningOutcome] = []
            for o in 0..<outcomeCount {
                var mappings: [CompetencyLevel] = []
                var used = Set<Int>()
                for _ in 0..<rng.int(1...3) {
                    let skill = !pool.isEmpty && rng.chance(0.8) ? rng.pick(pool) : rng.index(pillar.skills.count)
                    guard used.insert(skill).inserted else { continue }
                    mappings.append(CompetencyLevel(competency: pillar.key(ofSkill: skill),
                                                    level: EQFLevel(max(1, min(8, eqf + rng.int(-1...0))))!))
                }
                let verb = rng.pick(Vocabulary.verbs), object = rng.pick(Vocabulary.objects)
                los.append(LearningOutcome(id: "LO\(o + 1)", statement: "Learners can \(verb) \(object) \(rng.pick(Vocabulary.settings)).",
                                           mappings: mappings))
            }
            var prerequisites = Prerequisites()
            let sameGroup = credentialsByGroup[home] ?? []
            if !sameGroup.isEmpty, rng.chance(0.3) {
                // Earlier credentials only, so the generated prerequisites never loop.
                prerequisites.credentials = [Self.code("MC-", rng.pick(sameGroup))]
            }
            if i > 0, rng.chance(0.1) {
                let after = Self.code("MC-", rng.index(i))
                if !prerequisites.credentials.contains(after) { prerequisites.recommendedAfter = [after] }
            }
            if rng.chance(0.2) { prerequisites.note = "Basic digital skills and a school-leaving certificate." }
            let ects = rng.chance(0.95) ? rng.pick(Self.ectsValues) : nil
            let complete = rng.chance(0.9)   // one in ten is still a draft missing Annex I elements
            credentials.append(MicroCredential(
                code: Self.code("MC-", i),
                title: "\(rng.pick(Vocabulary.verbs).capitalizedFirst) \(rng.pick(Vocabulary.objects))"
                    + (rng.chance(0.3) ? " \(rng.pick(Vocabulary.settings))" : ""),
                awardingBody: rng.pick(Vocabulary.bodies), issuerCountry: rng.pick(Vocabulary.countries),
                learningOutcomes: los, ects: ects, hours: ects.map { $0 * Double(rng.int(25...30)) },
                eqfLevel: EQFLevel(eqf), qfEheaCycle: eqf >= 6 && rng.chance(0.5) ? [.first, .second, .third][min(2, eqf - 6)] : nil,
                assessment: complete ? rng.pick(["Written exam", "Practical assessment", "Portfolio and interview", "Project work"]) : "",
                participation: complete ? rng.pick(ParticipationForm.allCases) : nil,
                qualityAssurance: complete ? rng.pick(["Internal QA (ISO 9001)", "External accreditation by the national agency", "EQAVET-aligned internal QA"]) : "",
                prerequisites: prerequisites, supervision: rng.chance(0.5) ? rng.pick(Supervision.allCases) : nil,
                gradingScheme: rng.chance(0.5) ? "Pass/fail" : "",
                stackability: rng.chance(0.6) ? .stackable(towards: ["Sector certificate"]) : .standAlone,
                summary: Vocabulary.sentence(&rng, words: 12...24), languages: rng.chance(0.7) ? ["en"] : ["en", rng.pick(["pt", "de", "fr", "it", "fi"])],
                iscedField: rng.pick(["0413", "0713", "0715", "0722", "0811", "1013", "0912", "0612"]),
                status: rng.chance(0.8) ? .active : .draft))
            credentialsByGroup[home, default: []].append(i)
        }
    }

    private mutating func makePathways(_ pillar: ESCOPillar, _ size: WorkloadSize, _ rng: inout SeededGenerator) {
        pathways.reserveCapacity(size.pathways)
        for p in 0..<size.pathways {
            let occupation = pillar.occupationEntries[rng.index(pillar.occupationEntries.count)]
            let count = min(credentials.count, rng.int(5...40))
            // Credentials teaching the occupation's groups first, then any others.
            var chosen: [Int] = [], seen = Set<Int>()
            var candidates = occupation.homeGroups.flatMap { credentialsByGroup[$0] ?? [] }
            for i in candidates.indices.reversed() { candidates.swapAt(i, rng.index(i + 1)) }
            for c in candidates where chosen.count < count * 2 / 3 && seen.insert(c).inserted { chosen.append(c) }
            while chosen.count < count {
                let c = rng.index(credentials.count)
                if seen.insert(c).inserted { chosen.append(c) }
            }
            // Lower levels in earlier stages, as designers stack them.
            chosen.sort { (credentials[$0].eqfLevel?.value ?? 0, $0) < (credentials[$1].eqfLevel?.value ?? 0, $1) }
            let stageCount = min(chosen.count, rng.int(2...6))
            var stages: [Stage] = []
            var next = 0
            for s in 0..<stageCount {
                let remaining = chosen.count - next, stagesLeft = stageCount - s
                let take = s == stageCount - 1 ? remaining : max(1, remaining / stagesLeft + rng.int(-1...1))
                let members = chosen[next..<min(chosen.count, next + take)].map { credentials[$0].code }
                next += members.count
                var stage = Stage(title: ["Foundations", "Core practice", "Specialisation", "Advanced practice", "Capstone", "Leadership"][s])
                var rest = ArraySlice(members)
                if members.count >= 4, rng.chance(0.6) {
                    let options = min(members.count - 1, rng.int(2...5))
                    stage.electiveGroups.append(ElectiveGroup(title: "Choose a specialism", choose: rng.int(1...max(1, options - 1)),
                                                              options: Array(rest.suffix(options))))
                    rest = rest.dropLast(options)
                }
                stage.core = Array(rest)
                stages.append(stage)
            }
            let essentials = occupation.links.filter(\.essential).map(\.skill)
            let targets = Array(essentials.prefix(rng.int(5...15))).map {
                CompetencyLevel(competency: pillar.key(ofSkill: $0), level: EQFLevel(rng.int(3...6))!)
            }
            let total = chosen.reduce(0.0) { $0 + (credentials[$1].ects ?? 0) }
            pathways.append(Pathway(
                code: Self.code("PW-", p, width: 3), title: "Pathway to \(occupation.title)",
                description: Vocabulary.sentence(&rng, words: 15...30),
                reviewStatus: rng.pick(ReviewStatus.allCases),
                target: PathwayTarget(occupation: occupation.title, occupationURI: occupation.uri,
                                      eqfLevel: EQFLevel(rng.int(4...7)), minECTS: Double(Int(total * 0.6)),
                                      maxECTS: Double(Int(total * 1.1) + 1), competencies: targets),
                stages: stages))
        }
    }

    private mutating func makeLearners(_ pillar: ESCOPillar, _ size: WorkloadSize, _ rng: inout SeededGenerator) {
        var names = Set<String>()
        for i in 0..<size.learners {
            var name = "\(rng.pick(Vocabulary.firstNames)) \(rng.pick(Vocabulary.lastNames))"
            if !names.insert(name).inserted { name += " \(i + 1)"; names.insert(name) }
            let pathway = pathways[rng.index(pathways.count)]
            let codes = pathway.allCredentialCodes
            let done = codes.prefix(rng.int(0...min(15, codes.count)))
            let completions = done.enumerated().map { j, code in
                Completion(credential: code, date: Day(year: 2024 + j / 12, month: j % 12 + 1, day: rng.int(1...28))!)
            }
            let prior = (0..<rng.int(0...3)).map { _ in
                CompetencyLevel(competency: pillar.key(ofSkill: rng.index(pillar.skills.count)), level: EQFLevel(rng.int(2...5))!)
            }
            learners.append(Learner(name: name, note: "Following \(pathway.code)", completions: Array(completions),
                                    priorLearning: prior))
        }
    }

    private mutating func makeComments(_ size: WorkloadSize, _ rng: inout SeededGenerator) {
        for i in 0..<size.comments {
            let subject: CommentSubject = rng.chance(0.5)
                ? .pathway(pathways[rng.index(pathways.count)].code)
                : .credential(credentials[rng.index(credentials.count)].code)
            comments.append(ReviewComment(id: i + 1, author: rng.pick(Vocabulary.firstNames),
                                          date: Day(year: 2025, month: rng.int(1...12), day: rng.int(1...28))!,
                                          text: Vocabulary.sentence(&rng, words: 8...30), subject: subject))
        }
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
