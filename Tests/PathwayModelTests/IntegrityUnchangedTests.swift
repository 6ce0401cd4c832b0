import Testing
import PathwayWorkload
@testable import PathwayModel

/// `integrityProblems()` is pinned on a generated ESCO-shaped document with a flaw of every kind
/// planted in it: the list (each problem's location and message, in order) must stay what it was
/// before the check was sped up.
@Suite struct IntegrityUnchangedTests {
    static let workload = Workload(size: .scaled(0.05), seed: Workload.defaultSeed)

    /// FNV-1a over the problems' text (stable across processes, unlike `Hasher`).
    static func digest(_ problems: [IntegrityProblem]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for p in problems {
            for byte in (p.description + "\n").utf8 {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01b3
            }
        }
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    @Test func theSoundWorkloadHasNone() {
        #expect(Self.workload.catalog.integrityProblems() == [])
    }

    @Test func plantedProblemsAreReportedAsBefore() {
        let catalog = Self.planted(in: Self.workload.catalog)
        let problems = catalog.integrityProblems()
        // A few the digest stands for, readable when it fails.
        #expect(problems.count == Self.expectedCount)
        #expect(problems.first?.description == Self.expectedFirst)
        #expect(problems.contains { $0.message.hasPrefix("parent cycle: ") })
        #expect(Self.digest(problems) == Self.expectedDigest, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    // Taken at main 9dfc1c4, before the speed work of issue 6.
    static let expectedCount = 202
    static let expectedFirst = "framework 'bad/code': the code contains '/', which is reserved"
    static let expectedDigest = "0d6ab9350bde00aa"

    /// A flaw of every kind the integrity check knows, spread over the document.
    static func planted(in original: Catalog) -> Catalog {
        var c = original
        let f = Workload.framework.code
        c.frameworks["bad/code"] = CompetencyFramework(code: "bad/code", title: "Bad")
        let keys = c.competencies.keys.sorted()
        for (i, key) in keys.enumerated() {
            var comp = c.competencies[key]!
            switch i % 97 {
            case 1: comp.framework = "MISSING"
            case 2: comp.parent = "no-such-parent"
            case 3: comp.relations.append(CompetencyRelation(kind: RelationKind(rawValue: "weird"), target: CompetencyKey(framework: f, code: "ghost-\(i)")))
            case 4: comp.relations.append(CompetencyRelation(kind: .related))
            default: break
            }
            c.competencies[key] = comp
        }
        // A parent cycle of three and one competency that is its own parent.
        for (n, code) in ["loop-a", "loop-b", "loop-c"].enumerated() {
            c.competencies[CompetencyKey(framework: f, code: code)] = Competency(
                framework: f, code: code, title: code, parent: ["loop-c", "loop-a", "loop-b"][n])
        }
        c.competencies[CompetencyKey(framework: f, code: "self")] = Competency(framework: f, code: "self", title: "s", parent: "self")
        c.competencies[CompetencyKey(framework: f, code: "")] = Competency(framework: f, code: "", title: "empty")
        let codes = c.credentials.keys.sorted()
        for (i, code) in codes.enumerated() {
            var cred = c.credentials[code]!
            switch i % 11 {
            case 1: cred.ects = -1
            case 2: cred.hours = .infinity
            case 3 where cred.learningOutcomes.count > 1: cred.learningOutcomes[1].id = cred.learningOutcomes[0].id
            case 4: cred.learningOutcomes.first?.mappings.isEmpty == false
                ? cred.learningOutcomes[0].mappings[0].competency = CompetencyKey(framework: f, code: "gone-\(i)") : ()
            case 5: cred.prerequisites.credentials.append("NOPE-\(i)")
            case 6: cred.prerequisites.recommendedAfter.append("LATER-\(i)")
            case 7: cred.prerequisites.competencies.append(CompetencyLevel(competency: CompetencyKey(framework: "X", code: "y"), level: EQFLevel(3)!))
            default: break
            }
            c.credentials[code] = cred
        }
        c.credentials[" padded "] = MicroCredential(code: " padded ", title: "Padded")
        for (i, code) in c.pathways.keys.sorted().enumerated() {
            var p = c.pathways[code]!
            switch i % 5 {
            case 0: p.target.competencies.append(CompetencyLevel(competency: CompetencyKey(framework: f, code: "aim-\(i)"), level: EQFLevel(4)!))
            case 1: p.target.minECTS = 30; p.target.maxECTS = 10
            case 2: p.stages[0].core.append("GHOST-\(i)")
            case 3: p.stages[0].electiveGroups.append(ElectiveGroup(title: "G\(i)", choose: 0, options: ["OPT-\(i)"]))
            default: break
            }
            c.pathways[code] = p
        }
        c.pathways[""] = Pathway(code: "", title: "No code")
        for (i, name) in c.learners.keys.sorted().enumerated() where i % 2 == 0 {
            c.learners[name]!.completions.append(Completion(credential: "UNKNOWN-\(i)", date: Day("2025-01-01")!))
            c.learners[name]!.priorLearning.append(CompetencyLevel(competency: CompetencyKey(framework: f, code: "prior-\(i)"), level: EQFLevel(2)!))
        }
        c.learners[""] = Learner(name: "")
        for (i, code) in c.occupations.keys.sorted().enumerated() where i % 7 == 0 {
            c.occupations[code]!.essentialSkills.append(CompetencyKey(framework: f, code: "ess-\(i)"))
            c.occupations[code]!.optionalSkills.insert(CompetencyKey(framework: f, code: "opt-\(i)"), at: 0)
        }
        c.occupations["a/b"] = Occupation(code: "a/b", title: "Slash")
        let day = Day("2025-03-04")!
        c.comments[9001] = ReviewComment(id: 9001, author: "R", date: day, text: "x", subject: .framework("NOFW"))
        c.comments[9002] = ReviewComment(id: 9002, author: "R", date: day, text: "x", subject: .competency(CompetencyKey(framework: f, code: "nc")))
        c.comments[9003] = ReviewComment(id: 9003, author: "R", date: day, text: "x", subject: .credential("NOCRED"))
        c.comments[9004] = ReviewComment(id: 9004, author: "R", date: day, text: "x", subject: .pathway("NOPATH"))
        return c
    }
}
