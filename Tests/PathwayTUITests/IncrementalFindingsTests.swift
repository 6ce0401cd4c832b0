import PathwayModel
import PathwayTUI
import PathwayWorkload
import Testing

/// The document keeps its findings up to date part by part after each edit; after any sequence
/// of edits they must be exactly what checking the whole catalog from scratch gives.
@Suite struct IncrementalFindingsTests {
    /// Applies `steps` random edits (and some undos) and compares after each.
    static func compare(_ catalog: Catalog, seed: UInt64, steps: Int) {
        var document = Document(catalog: catalog)
        var edits = RandomEdits(seed: seed)
        var undo: [ChangeSet] = []
        for step in 0..<steps {
            let set: ChangeSet
            if !undo.isEmpty && step % 7 == 6 { set = undo.removeLast() } else { set = edits.next(for: document.catalog) }
            undo.append(document.apply(set))
            let expected = Finding.check(document.catalog)
            #expect(document.isChecked)
            #expect(document.findings == expected, "after step \(step), \(set.label): \(set.changes.count) changes")
            #expect(document.errorCount == expected.count { $0.severity == .error })
            #expect(document.warningCount == expected.count { $0.severity == .warning })
            if document.findings != expected { return }
        }
    }

    @Test func sampleDataAfterRandomEdits() throws {
        let catalog = try SampleCatalog.catalog()
        for seed in 1...4 as ClosedRange<UInt64> { IncrementalFindingsTests.compare(catalog, seed: seed, steps: 60) }
    }

    @Test func generatedWorkloadAfterRandomEdits() {
        let catalog = Workload(size: .scaled(0.02), seed: 7).catalog
        #expect(catalog.pathways.count >= 5)
        IncrementalFindingsTests.compare(catalog, seed: 11, steps: 80)
    }

    @Test func checkingInPartsGivesTheSameFindings() throws {
        let catalog = try SampleCatalog.catalog()
        var document = Document(catalog: catalog, checked: false)
        #expect(!document.isChecked)
        #expect(document.checkProgress == 0)
        var parts = 0
        while !document.isChecked {
            let version = document.version
            let finished = document.checkSome(while: { false })
            parts += 1
            #expect(finished == document.isChecked)
            #expect(document.version == (finished ? version + 1 : version))
        }
        // Integrity, each pathway, the catalog-wide findings.
        #expect(parts == catalog.pathways.count + 2)
        #expect(document.checkProgress == 1)
        #expect(document.findings == Finding.check(catalog))
    }

    @Test func editsWhileCheckingInPartsAreNotLost() throws {
        let catalog = try SampleCatalog.catalog()
        var document = Document(catalog: catalog, checked: false)
        var edits = RandomEdits(seed: 3)
        // Each edit makes some part stale again: edit between parts for a while, then finish.
        for _ in 0..<12 {
            document.checkSome(while: { false })
            document.apply(edits.next(for: document.catalog))
        }
        #expect(!document.isChecked)
        document.checkAll()
        #expect(document.isChecked)
        #expect(document.findings == Finding.check(document.catalog))
    }

    @Test func mostSeriousIsTheFindingsSortedBySeverity() throws {
        let document = Document(catalog: try SampleCatalog.catalog())
        let sorted = document.findings.sorted { $0.severity < $1.severity }
        #expect(!sorted.isEmpty)
        #expect(document.mostSerious(limit: 5) == Array(sorted.prefix(5)))
        #expect(document.mostSerious(limit: 1000) == sorted)
    }
}
