import PathwayModel
import PathwayStore
import PathwayWorkload

/// Writing into the store: the ESCO framework as an import's change set (one transaction into a
/// new document), and the whole workload document.
enum StoreBench {
    /// The change set an import of the pillar into an empty document amounts to.
    static func importChangeSet(_ workload: Workload) -> ChangeSet {
        var changes: [Change] = [.putFramework(Workload.framework)]
        changes += workload.pillar.competencies.map(Change.putCompetency)
        changes += workload.pillar.occupations.map(Change.putOccupation)
        return ChangeSet("Import ESCO skills pillar", changes)
    }

    /// A new empty document, then the change set in one transaction.
    static func createAndApply(_ set: ChangeSet, at path: String) throws {
        let store = try DocumentStore.create(at: path)
        try store.apply(set)
        try store.close()
    }
}
