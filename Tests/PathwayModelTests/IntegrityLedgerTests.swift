import Testing
import PathwayWorkload
@testable import PathwayModel

/// An `IntegrityLedger` re-checks only what an edit can affect; after every edit its problems
/// must be exactly what checking the whole catalog from scratch gives.
@Suite struct IntegrityLedgerTests {
    /// Applies `steps` random edits (and some undos), comparing after each; returns how many
    /// steps had problems to compare (so a test can tell that it compared something).
    @discardableResult
    static func compare(_ start: Catalog, seed: UInt64, steps: Int, parallel: Bool? = nil) -> Int {
        var catalog = start
        var ledger = parallel.map { IntegrityLedger(catalog, parallel: $0) } ?? IntegrityLedger(catalog)
        #expect(ledger.problems == catalog.integrityProblems())
        var edits = RandomEdits(seed: seed)
        var undo: [ChangeSet] = []
        var withProblems = 0
        for step in 0..<steps {
            let set = !undo.isEmpty && step % 7 == 6 ? undo.removeLast() : edits.next(for: catalog)
            let before = catalog
            undo.append(catalog.apply(set))
            ledger.update(set, from: before, to: catalog)
            let expected = catalog.integrityProblems()
            if !expected.isEmpty { withProblems += 1 }
            #expect(ledger.problems == expected, "after step \(step), \(set.label): \(set.changes.count) changes\n\(diff(ledger.problems, expected))")
            if ledger.problems != expected { return withProblems }
        }
        return withProblems
    }

    static func diff(_ got: [IntegrityProblem], _ want: [IntegrityProblem]) -> String {
        let missing = want.filter { !got.contains($0) }.map { "missing: \($0)" }
        let extra = got.filter { !want.contains($0) }.map { "extra: \($0)" }
        return (missing + extra + (missing.isEmpty && extra.isEmpty ? ["same problems, another order"] : [])).joined(separator: "\n")
    }

    @Test func smallCatalogAfterRandomEdits() {
        var compared = 0
        for seed in 1...6 as ClosedRange<UInt64> { compared += Self.compare(smallCatalog(), seed: seed, steps: 80) }
        #expect(compared > 50, "random edits should leave problems to compare")
    }

    @Test func generatedWorkloadAfterRandomEdits() {
        let catalog = Workload(size: .scaled(0.02), seed: 7).catalog
        #expect(Self.compare(catalog, seed: 11, steps: 120) > 20)
    }

    @Test func brokenWorkloadAfterRandomEdits() {
        // Every kind of problem from the start, parent cycles included.
        let catalog = IntegrityUnchangedTests.planted(in: Workload(size: .scaled(0.01), seed: 5).catalog)
        #expect(catalog.parentCycles().count == 2)
        #expect(Self.compare(catalog, seed: 21, steps: 120) > 100)
    }

    /// A ledger made on two threads files the same problems, and remembers the same missing
    /// targets, as one made on one thread: both are then kept up to date alike.
    @Test func twoThreadsFileWhatOneThreadFiles() {
        let broken = IntegrityUnchangedTests.planted(in: Workload(size: .scaled(0.05), seed: 9).catalog)
        let sound = Workload(size: .scaled(0.3), seed: 4).catalog
        for catalog in [broken, sound, Catalog()] {
            let one = IntegrityLedger(catalog, parallel: false), two = IntegrityLedger(catalog, parallel: true)
            #expect(two.problems == one.problems, "\(Self.diff(two.problems, one.problems))")
            #expect(two.problems == catalog.integrityProblems())
        }
        #expect(!IntegrityLedger(broken, parallel: true).problems.isEmpty)
        #expect(Self.compare(broken, seed: 33, steps: 60, parallel: true) > 40)
        // A catalog this size is checked on two threads by default.
        #expect(sound.occupations.count + sound.credentials.count >= 1_000)
    }

    @Test func aParentLoopMadeAndBrokenByEditsIsListedAndDropped() {
        var catalog = smallCatalog()
        var ledger = IntegrityLedger(catalog)
        var a = catalog.competencies[CompetencyKey(framework: "F", code: "a")]!
        a.parent = "a1x"
        let close = ChangeSet("Loop", [.putCompetency(a)])
        var before = catalog
        let undo = catalog.apply(close)
        ledger.update(close, from: before, to: catalog)
        #expect(ledger.problems.map(\.description).contains("framework F: parent cycle: a → a1x → a1 → a"))
        before = catalog
        catalog.apply(undo)
        ledger.update(undo, from: before, to: catalog)
        #expect(ledger.problems == [])
    }

    @Test func removingWhatOthersNameAndPuttingItBack() {
        var catalog = smallCatalog()
        var ledger = IntegrityLedger(catalog)
        let remove = ChangeSet("Remove", [.removeCredential("A"), .removeCompetency(CompetencyKey(framework: "F", code: "a1"))])
        var before = catalog
        let undo = catalog.apply(remove)
        ledger.update(remove, from: before, to: catalog)
        let texts = ledger.problems.map(\.description)
        #expect(texts.contains("credential B, prerequisites: refers to credential A, which does not exist"))
        #expect(texts.contains("pathway P, stage 1: refers to credential A, which does not exist"))
        #expect(texts.contains("learner Ana, completions: refers to credential A, which does not exist"))
        #expect(texts.contains("competency F/a1x: has parent a1, which is not in the framework"))
        #expect(texts.contains("pathway P, target: refers to competency F/a1, which does not exist"))
        #expect(ledger.problems == catalog.integrityProblems())
        before = catalog
        catalog.apply(undo)
        ledger.update(undo, from: before, to: catalog)
        #expect(ledger.problems == [])
    }
}
