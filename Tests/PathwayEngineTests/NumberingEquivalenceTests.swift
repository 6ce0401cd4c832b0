import Testing
import PathwayModel
import PathwayWorkload
@testable import PathwayEngine

/// The engine works on numbers (competencies and credentials numbered in its index, a
/// pathway's credentials numbered in its route model) and writes its sentences its own way.
/// These tests hold the fast paths against simple references: what the model itself says a
/// credential teaches, the cycle search over codes, plain string interpolation, the ordering
/// by comparison, and a context built from scratch after every one of many random edits
/// (adding, removing and renaming competencies and credentials among them).
@Suite struct NumberingEquivalenceTests {
    static let base = PlantedFlaws.plant(in: Workload(size: .scaled(0.03), seed: 29).catalog)

    /// Every credential's taught competencies read back through the numbering equal what the
    /// model works out from the outcomes.
    func expectTaughtAgrees(_ context: EngineContext, _ what: String) {
        for (code, credential) in context.catalog.credentials {
            #expect(context.taughtCompetencies(of: code) == credential.taughtCompetencies, "\(what): \(code)")
        }
        for code in context.catalog.credentials.keys {
            #expect(context.index.ids[code].flatMap { context.index.entries[$0]?.code } == code, "\(what): \(code) numbered")
        }
        #expect(context.index.codes.count == context.catalog.credentials.count, "\(what): stale credentials in the index")
        // The findings made in the same pass as the numbering equal the credential checked on its own.
        for (code, credential) in context.catalog.credentials {
            let made = context.index.ids[code].flatMap { context.index.entries[$0] }?.findings ?? []
            let reference = CredentialChecks.findings(for: credential, options: context.options)
            #expect(made.map { $0.finding(pathway: nil, stage: nil, context: context) }
                    == reference.map { $0.finding(pathway: nil, stage: nil, context: context) }, "\(what): findings of \(code)")
        }
    }

    @Test func aFreshIndexNumbersWhatEachCredentialTeaches() {
        expectTaughtAgrees(EngineContext(catalog: Self.base), "fresh")
    }

    /// Random edits, one after another; after each, the contexts kept up to date (by change set
    /// and by comparison) say exactly what a context built from scratch says.
    @Test(arguments: [3, 17, 101])
    func contextsKeptAcrossRandomEditsAgreeWithFreshOnes(seed: Int) {
        var edits = RandomEdits(seed: UInt64(seed))
        var catalog = Self.base
        var applied = EngineContext(catalog: catalog)
        var reused = applied
        var coverage = applied.mapCoverage()
        for step in 0..<16 {
            let set = edits.next(for: catalog)
            let before = catalog
            catalog.apply(set)
            let what = "seed \(seed), step \(step): \(set.label)"
            applied = EngineContext(catalog: catalog, applying: set, to: applied)
            reused = EngineContext(catalog: catalog, reusing: reused)
            let fresh = EngineContext(catalog: catalog)
            let expected = ResultDigest.of(fresh)
            #expect(ResultDigest.of(applied).hex == expected.hex, "\(what): applying")
            #expect(ResultDigest.of(reused).hex == expected.hex, "\(what): reusing")
            expectTaughtAgrees(applied, what)
            if !MapCoverage.isUnchanged(by: set, from: before, to: catalog) { coverage = applied.mapCoverage() }
            #expect(coverage == fresh.mapCoverage(), "\(what): map coverage")
            #expect(applied.catalogFindings(mapCoverage: coverage) == fresh.catalogFindings(), "\(what): catalog findings")
        }
    }

    /// Competencies added, removed and renamed, and credentials mapping to them: the numbers
    /// an updated index gives keep naming the right competencies.
    @Test func renumberingFollowsAddedRemovedAndRenamedCompetencies() {
        var catalog = Self.base
        var context = EngineContext(catalog: catalog)
        let codes = catalog.credentials.keys.sorted()
        let keys = catalog.competencies.keys.sorted()
        let framework = keys[0].framework
        var steps: [ChangeSet] = []
        let fresh = Competency(framework: framework, code: "FRESH-1", title: "A fresh skill", parent: keys[0].code)
        var teacher = catalog.credentials[codes[1]]!
        teacher.learningOutcomes[0].mappings = [CompetencyLevel(competency: fresh.key, level: EQFLevel(4)!),
                                               CompetencyLevel(competency: keys[5], level: EQFLevel(3)!)]
        steps.append(ChangeSet("add and teach", [.putCompetency(fresh), .putCredential(teacher)]))
        var renamed = catalog.competencies[keys[5]]!
        renamed.title = "Renamed ‘quoted’ skill"
        steps.append(ChangeSet("rename", [.putCompetency(renamed)]))
        steps.append(ChangeSet("remove taught", [.removeCompetency(keys[5])]))
        var other = catalog.credentials[codes[2]]!
        other.learningOutcomes[0].mappings.append(CompetencyLevel(competency: CompetencyKey(framework: framework, code: "NOT-YET"), level: EQFLevel(5)!))
        steps.append(ChangeSet("map to a missing one", [.putCredential(other)]))
        steps.append(ChangeSet("the missing one appears", [.putCompetency(Competency(framework: framework, code: "NOT-YET", title: "Now here"))]))
        steps.append(ChangeSet("remove the teacher", [.removeCredential(codes[1])]))
        for set in steps {
            catalog.apply(set)
            context = EngineContext(catalog: catalog, applying: set, to: context)
            expectTaughtAgrees(context, set.label)
            #expect(ResultDigest.of(context).hex == ResultDigest.of(EngineContext(catalog: catalog)).hex, "\(set.label)")
        }
    }

    /// The cycle search over credential numbers finds the same cycles and the same components
    /// as the search over codes, on random "requires" graphs (self-requirements, repeats and
    /// requirements of credentials that do not exist among them).
    @Test(arguments: 0..<40)
    func cyclesOverNumbersEqualCyclesOverCodes(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
        let n = 2 + Int(random.next() % 14)
        let codes = (0..<n).map { "C\(Int(random.next() % 1000))-\($0)" }
        var requires: [[Int]] = Array(repeating: [], count: n)
        var byCode: [String: [String]] = [:]
        for i in 0..<n {
            let edges = Int(random.next() % 4)
            for _ in 0..<edges { requires[i].append(Int(random.next() % UInt64(n))) }
            if !requires[i].isEmpty || random.next() % 3 == 0 { byCode[codes[i]] = requires[i].map { codes[$0] } }
        }
        let reference = PrerequisiteCycles(requires: byCode)
        let numbered = PrerequisiteCycles(requires: requires, code: { codes[$0] })
        #expect(numbered.cycles == reference.cycles, "graph \(byCode)")
        for a in codes {
            for b in codes {
                #expect(numbered.isCyclicEdge(from: a, to: b) == reference.isCyclicEdge(from: a, to: b), "\(a) → \(b) in \(byCode)")
            }
        }
    }

    /// A sentence writes names, levels and numbers exactly as string interpolation does.
    @Test(arguments: ["Manage the warehouse", "", "Ökologie – ‘Grundlagen’", "e\u{301}lan"])
    func sentencesReadAsPlainInterpolation(title: String) {
        let key = CompetencyKey(framework: "esco", code: "abc-123")
        let name = CompetencyName(title: title, key: key)
        let level = EQFLevel(6)!
        let sentence: Sentence = "The target requires \(name) at \(level), \(3) of \(4.5) (\("x"))."
        let plain = "The target requires \(title.isEmpty ? key.description : "‘\(title)’") at \(level), \(3) of \(4.5) (\("x"))."
        #expect(sentence.text == plain)
        #expect(name.description == (title.isEmpty ? "esco/abc-123" : "‘\(title)’"))
    }

    /// Findings are put in the order the comparison of severity, stage, code text and message
    /// gives, ties kept as found.
    @Test(arguments: 0..<20)
    func findingsAreOrderedAsByComparison(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &+ 500)
        let codes = FindingCode.allCases
        let messages = ["B", "a", "‘Zeta’ at EQF 5", "‘zeta’ at EQF 5", "e\u{301}", "\u{e9}", "A", ""]
        let findings = (0..<Int(random.next() % 30)).map { i -> Finding in
            let code = codes[Int(random.next() % UInt64(codes.count))]
            let stage = Int(random.next() % 4)
            let entities: [EntityRef] = stage == 0 ? [.pathway("P")] : [.stage(pathway: "P", index: stage - 1), .pathway("P")]
            return Finding(code, messages[Int(random.next() % UInt64(messages.count))], fix: "fix \(i)", pathway: "P", entities: entities)
        }
        let reference = findings.indices.sorted { a, b in
            let x = findings[a], y = findings[b]
            if x.severity.rank != y.severity.rank { return x.severity.rank < y.severity.rank }
            if (x.stageIndex ?? -1) != (y.stageIndex ?? -1) { return (x.stageIndex ?? -1) < (y.stageIndex ?? -1) }
            if x.code.rawValue != y.code.rawValue { return x.code.rawValue < y.code.rawValue }
            if x.message != y.message { return x.message < y.message }
            return a < b
        }.map { findings[$0] }
        #expect(Finding.ordered(findings) == reference)
    }

    /// A pathway's credentials are numbered by first appearance, whether found by searching
    /// (short pathways) or through a table (long ones), repeats included.
    @Test(arguments: [3, 40, 48, 49, 120])
    func routeModelNumbersCodesByFirstAppearance(count: Int) {
        let codes = (0..<count).map { "MC-\($0 % max(1, count - 2))" }   // a few repeats
        let pathway = Pathway(code: "P", title: "P", stages: [
            Stage(title: "one", core: Array(codes.prefix(count / 2))),
            Stage(title: "two", core: [], electiveGroups: [ElectiveGroup(title: "g", choose: 1, options: Array(codes.dropFirst(count / 2)))]),
        ])
        var expected: [String] = []
        for c in codes where !expected.contains(c) { expected.append(c) }
        // Without the catalog's numbering, and with one that knows every other code (the
        // others compared as text), numbers in the index given far apart.
        var catalogIDs: [String: Int] = [:]
        for (i, c) in expected.enumerated() where i % 2 == 0 { catalogIDs[c] = 1_000 - i }
        for routes in [RouteModel(pathway), RouteModel(pathway, catalogIDs: catalogIDs)] {
            #expect(routes.codes == expected)
            for (i, c) in expected.enumerated() { #expect(routes.id(of: c) == i, "\(c)") }
            #expect(routes.id(of: "MC-none") == nil)
            for c in expected {
                let first = codes.firstIndex(of: c)!
                #expect(routes.slot(of: c) == RouteModel.Slot(stage: first < count / 2 ? 0 : 1, group: first < count / 2 ? nil : 0), "\(c)")
            }
        }
        #expect(RouteModel(pathway, catalogIDs: catalogIDs).globals == expected.map { catalogIDs[$0] ?? -1 })
        #expect(RouteModel(pathway).globals.isEmpty)
    }

    /// The order of finding codes by their text, read by each case's number, is the order of
    /// their texts, and a case's number is its place in `allCases`.
    @Test func findingCodesRankAsTheirTexts() {
        let cases = FindingCode.allCases
        for (i, code) in cases.enumerated() { #expect(code.ordinal == i, "\(code)") }
        #expect(cases.sorted { $0.textRank < $1.textRank } == cases.sorted { $0.rawValue < $1.rawValue })
        #expect(Set(cases.map(\.textRank)) == Set(cases.indices))
    }

    /// A pathway's teaching list is sorted by its own quicksort: the same order as the standard
    /// sort, on short and long lists, with repeats, already sorted and reversed.
    @Test(arguments: [0, 1, 2, 16, 17, 40, 300, 2_000])
    func teachingListsSortAsTheStandardSortDoes(count: Int) {
        var random = SeededGenerator(seed: UInt64(count) &+ 77)
        let made = (0..<count).map { _ in
            Teaching(competency: Int(random.next() % 500), credential: Int(random.next() % 40),
                     level: EQFLevel(Int(random.next() % 8) + 1)!)
        }
        for list in [made, made.sorted(), Array(made.sorted().reversed()), made + made] {
            var sorted = list
            Teaching.sort(&sorted)
            #expect(sorted.map(\.bits) == list.map(\.bits).sorted())
        }
    }

    /// Lists read as the joined form they replace: "A", "A and B", "A, B and C", "… or C".
    @Test func listsReadAsJoinedText() {
        let items = ["MC-0001", "‘Ökologie’", "", "e\u{301}lan", "MC-0005"]
        for n in 0...items.count {
            let part = Array(items.prefix(n))
            for or in [false, true] {
                let joined = part.count < 2 ? (part.first ?? "")
                    : part.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + part.last!
                #expect(listed(part, or: or) == joined, "\(n) items, or: \(or)")
            }
        }
    }
}
