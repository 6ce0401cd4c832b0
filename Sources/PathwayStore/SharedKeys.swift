import PathwayModel

/// The keys of the competencies read, so that every reference to a competency holds the very
/// strings of that competency's own key instead of a copy read from its row: at ESCO scale there
/// are tens of thousands of references, each otherwise two strings on the heap.
struct SharedKeys: @unchecked Sendable {
    // Only read, never changed, by whichever thread holds it (see `ParallelLoad`).
    private let competencies: [CompetencyKey: Competency]

    init(_ competencies: [CompetencyKey: Competency]) { self.competencies = competencies }

    /// `key` as the catalog holds it; `key` itself when no competency has it.
    func shared(_ key: CompetencyKey) -> CompetencyKey {
        competencies.index(forKey: key).map { competencies.keys[$0] } ?? key
    }

    /// The key in columns `i` (framework) and `i + 1` (code) of the current row.
    func key(_ row: RowCursor, _ i: Int) -> CompetencyKey {
        shared(CompetencyKey(framework: row[i], code: row[i + 1]))
    }
}
