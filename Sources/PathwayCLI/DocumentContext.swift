import Foundation
import PathwayModel
import PathwayStore

/// An open document: the store and the catalog loaded from it, kept in step.
///
/// Commands read `catalog`; anything that edits calls `apply(_:)`, which writes the change set to
/// the file first and only then to memory, so a refused write leaves both as they were.
public final class DocumentContext {
    public let store: DocumentStore
    public private(set) var catalog: Catalog
    /// True when this run created the database (and filled it with the seed).
    public let wasCreated: Bool

    public var path: String { store.path }
    public var isReadOnly: Bool { store.isReadOnly }

    public init(store: DocumentStore, catalog: Catalog, wasCreated: Bool) {
        self.store = store
        self.catalog = catalog
        self.wasCreated = wasCreated
    }

    /// Opens the document at `path`. When `seed` is given and the file is missing, creates it from
    /// `seed` first and (if `announce`) says so on stderr; without a seed a missing file is an error.
    public static func open(path: String, readOnly: Bool, announce: Bool = true,
                            seed: (() throws -> Catalog)?) throws -> DocumentContext {
        let mode: DocumentStore.Mode = readOnly ? .readOnly : .readWrite
        let (store, created) = try seed.map { try DocumentStore.openOrCreate(at: path, mode: mode, seed: $0) }
            ?? (try DocumentStore(path: path, mode: mode), false)
        let catalog = try store.load()
        if created && announce {
            Console.note("Created a new database at \(path) with \(CatalogSummary(catalog)).")
        }
        return DocumentContext(store: store, catalog: catalog, wasCreated: created)
    }

    /// Writes one user action and applies it in memory; returns the change set that undoes it.
    @discardableResult
    public func apply(_ set: ChangeSet) throws -> ChangeSet {
        try store.apply(set)
        return catalog.apply(set)
    }

    /// Replaces the whole document (file and memory) in one transaction.
    public func replaceAll(with newCatalog: Catalog) throws {
        try store.replaceAll(with: newCatalog)
        catalog = newCatalog
    }

    /// Reads the document again from the file (after another program changed it).
    public func reload() throws {
        catalog = try store.load()
    }
}

/// "3 frameworks, 120 competencies, …" for messages.
struct CatalogSummary: CustomStringConvertible {
    let catalog: Catalog
    init(_ catalog: Catalog) { self.catalog = catalog }

    var description: String {
        if catalog.isEmpty { return "nothing in it yet" }
        func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
        return [
            count(catalog.frameworks.count, "framework", "frameworks"),
            count(catalog.competencies.count, "competency", "competencies"),
            count(catalog.credentials.count, "micro-credential", "micro-credentials"),
            count(catalog.pathways.count, "pathway", "pathways"),
            count(catalog.learners.count, "learner", "learners"),
            count(catalog.occupations.count, "occupation", "occupations"),
            count(catalog.comments.count, "comment", "comments"),
        ].compactMap { $0 }.joined(separator: ", ")
    }
}
