import PathwayModel
import PathwayWorkload
import Testing

/// The generated workload has the shape and size the benchmark claims, and is reproducible.
@Suite struct WorkloadTests {
    static let size = WorkloadSize.scaled(0.01)
    static let workload = Workload(size: size)

    @Test func sameSeedGivesTheSameWorkloadAndAnotherSeedDoesNot() {
        let again = Workload(size: Self.size)
        #expect(again.catalog == Self.workload.catalog)
        #expect(again.escoFiles.map(\.bytes) == Self.workload.escoFiles.map(\.bytes))
        #expect(Workload(size: Self.size, seed: 7).catalog != Self.workload.catalog)
    }

    @Test func countsMatchTheRequestedSize() {
        let c = Self.workload.catalog, size = Self.size
        #expect(c.frameworks.count == 1)
        #expect(c.competencies.count == size.competencies)
        #expect(c.occupations.count == size.occupations)
        #expect(c.occupations.values.reduce(0) { $0 + $1.essentialSkills.count + $1.optionalSkills.count } == size.occupationSkillLinks)
        #expect(c.credentials.count == size.credentials)
        #expect(c.credentials.values.reduce(0) { $0 + $1.learningOutcomes.count } == size.learningOutcomes)
        #expect(c.pathways.count == size.pathways)
        #expect(c.learners.count == size.learners)
        #expect(c.comments.count == size.comments)
    }

    @Test func fullSizeIsTheIssuesESCOScale() {
        let s = WorkloadSize.esco
        #expect(s.competencies == 14_000 && s.occupations == 3_000 && s.occupationSkillLinks == 130_000)
        #expect(s.credentials == 2_000 && s.learningOutcomes == 10_000 && s.pathways == 500 && s.learners == 200)
        #expect(s.skillGroups == 640)
    }

    @Test func theDocumentHasNoIntegrityProblems() {
        #expect(Self.workload.catalog.integrityProblems() == [])
    }

    @Test func theMapIsATreeFourToFiveLevelsDeepLikeESCOsPillar() throws {
        let tree = CompetencyTree(catalog: Self.workload.catalog, framework: ESCOPillar.framework)
        let nodes = tree.depthFirst
        #expect(nodes.count == Self.size.competencies)
        #expect(tree.roots.map { tree.byCode[$0]!.title } == ["knowledge", "language skills and knowledge", "skills", "transversal skills and competences"])
        let deepest = try #require(nodes.map(\.depth).max())
        #expect(deepest >= 4 && deepest <= 5)
        // Siblings have distinct positions 0…n-1.
        for (_, children) in tree.childrenByParent {
            #expect(children.map { tree.byCode[$0]!.position } == Array(0..<children.count))
        }
    }

    @Test func pathwaysHaveFiveToFortyCredentialsInStagesWithElectives() {
        let pathways = Self.workload.catalog.pathwayList
        for p in pathways {
            let codes = p.allCredentialCodes
            #expect((5...40).contains(codes.count), "\(p.code) has \(codes.count) credentials")
            #expect(Set(codes).count == codes.count, "\(p.code) names a credential twice")
            #expect(!p.target.competencies.isEmpty)
            for g in p.stages.flatMap(\.electiveGroups) { #expect(g.choose >= 1 && g.choose < g.options.count) }
        }
        let full = Workload(size: .scaled(0.1)).catalog
        #expect(full.pathways.values.contains { !$0.stages.flatMap(\.electiveGroups).isEmpty })
        #expect(full.credentials.values.contains { !$0.prerequisites.credentials.isEmpty })
    }

    @Test func escoFilesHaveTheV12ColumnsAndOneRecordPerConcept() throws {
        let files = Dictionary(uniqueKeysWithValues: Self.workload.escoFiles.map { ($0.name, $0.bytes) })
        let skills = try #require(files[ESCOCSV.skillsFile])
        let header = String(decoding: skills.prefix { $0 != 0x0D }, as: UTF8.self)
        #expect(header == "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description")
        #expect(Self.records(skills) == Self.workload.pillar.skills.count + 1)
        #expect(Self.records(try #require(files[ESCOCSV.hierarchyFile])) == Self.size.skillGroups + 1)
        #expect(Self.records(try #require(files[ESCOCSV.occupationsFile])) == Self.size.occupations + 1)
        #expect(Self.records(try #require(files[ESCOCSV.relationsFile])) == Self.size.occupationSkillLinks + 1)
        #expect(Self.records(try #require(files[ESCOCSV.broaderFile])) == Self.workload.pillar.skills.count + 1)
    }

    /// CRLF record ends outside quoted cells.
    static func records(_ bytes: [UInt8]) -> Int {
        var quoted = false, count = 0, previous: UInt8 = 0
        for b in bytes {
            if b == 0x22 { quoted.toggle() }
            if b == 0x0A && previous == 0x0D && !quoted { count += 1 }
            previous = b
        }
        return count
    }
}

@Suite struct SampleEditTests {
    @Test func theEditChangesThePathwayAtEveryScale() {
        for scale in [0.001, 0.01, 0.1] {
            let w = Workload(size: .scaled(scale))
            let (before, after) = w.sampleEdit()
            #expect(before != after)
            #expect(before.code == after.code)
        }
    }
}
