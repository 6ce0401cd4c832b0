import PathwayModel
import PathwayStore
import PathwayTUI

/// Saves the UI's edits through the SQLite store, as the app does: one transaction per change.
final class StoreSession: DocumentSession {
    let store: DocumentStore
    init(_ store: DocumentStore) { self.store = store }
    var isReadOnly: Bool { store.isReadOnly }
    var displayName: String { "bench.pathway" }
    func apply(_ changes: ChangeSet) throws { try store.apply(changes) }
}
