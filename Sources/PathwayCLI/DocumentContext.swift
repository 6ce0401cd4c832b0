import Foundation
import PathwayModel
import PathwayStore

/// An open document: the store and the catalog loaded from it, kept in step.
///
/// Commands read `catalog`; anything that edits calls `apply(_:)`, which writes the change set to
/// the file first and only then to memory, so a refused write leaves both as they were.
///
/// Before each write it checks that the file at `path` is still the one it opened: SQLite keeps
/// writing into a deleted file without a word, so a database deleted while the UI is open would
/// otherwise lose every later edit when the UI quits.
public final class DocumentContext {
    public private(set) var store: DocumentStore
    public private(set) var catalog: Catalog
    /// True when this run created the database (and filled it with the seed).
    public let wasCreated: Bool
    /// Which file `store` has open (device and inode), to notice it being deleted or replaced.
    private var opened: FileIdentity?
    /// The occupations of a document opened `staged`, still being read; nil once `catalog` is
    /// the whole document.
    private var remainder: LoadRemainder?

    /// False while a document opened `staged` still lacks its occupations (`finishLoading`).
    public var isLoaded: Bool { remainder == nil }

    public var path: String { store.path }
    public var isReadOnly: Bool { store.isReadOnly }

    public init(store: DocumentStore, catalog: Catalog, wasCreated: Bool, remainder: LoadRemainder? = nil) {
        self.store = store
        self.catalog = catalog
        self.wasCreated = wasCreated
        self.remainder = remainder
        opened = FileIdentity(path: store.path)
    }

    /// Opens the document at `path`. When `seed` is given and the file is missing, creates it from
    /// `seed` first and (if `announce`) says so on stderr; without a seed a missing file is an error.
    ///
    /// `staged` (the terminal UI) returns before a large document's occupations are read: they
    /// are read on another connection meanwhile, and `finishLoading` puts them in. Until then
    /// `catalog` has no occupations; `apply` and `replaceAll` finish loading first.
    public static func open(path: String, readOnly: Bool, announce: Bool = true,
                            seed: (() throws -> Catalog)?, staged: Bool = false) throws -> DocumentContext {
        let mode: DocumentStore.Mode = readOnly ? .readOnly : .readWrite
        let (store, created) = try seed.map { try DocumentStore.openOrCreate(at: path, mode: mode, seed: $0) }
            ?? (try DocumentStore(path: path, mode: mode), false)
        let (catalog, remainder) = staged && !created ? try store.loadInStages() : (try store.load(), nil)
        if created && announce {
            Console.note("Created a new database at \(path) with \(CatalogSummary(catalog)).")
        }
        return DocumentContext(store: store, catalog: catalog, wasCreated: created, remainder: remainder)
    }

    /// Waits for the rest of a document opened `staged` and puts it into `catalog`; does nothing
    /// when the catalog is whole. Throws what loading it at once would have thrown.
    public func finishLoading() throws {
        guard let remainder else { return }
        try remainder.complete(&catalog)
        self.remainder = nil
    }

    /// Writes one user action and applies it in memory; returns the change set that undoes it.
    @discardableResult
    public func apply(_ set: ChangeSet) throws -> ChangeSet {
        try finishLoading()
        try ensureTheFileIsStillOurs()
        try store.apply(set)
        return catalog.apply(set)
    }

    /// Replaces the whole document (file and memory) in one transaction.
    public func replaceAll(with newCatalog: Catalog) throws {
        try finishLoading()
        try ensureTheFileIsStillOurs()
        try store.replaceAll(with: newCatalog)
        catalog = newCatalog
    }

    /// Reads the document again from the file (after another program changed it).
    public func reload() throws {
        catalog = try store.load()
        remainder = nil
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

extension DocumentContext {
    /// Throws (with nothing written) when the file was deleted, moved or replaced since it was
    /// opened. A deleted or moved file is first written back to `path` from the open document,
    /// so the work done so far is safe and the next edit is saved normally.
    func ensureTheFileIsStillOurs() throws {
        guard let opened, !store.isReadOnly else { return }
        let now = FileIdentity(path: path)
        if now == opened { return }
        // Short, with the file's name only: the UI shows this in its one-line status bar.
        let name = (path as NSString).lastPathComponent
        if now != nil {
            throw CLIError("\(name) was replaced by another file; quit and open it again (that file was left alone)")
        }
        try writeBack()
        throw CLIError("\(name) was deleted; it is written back, make the change again")
    }

    /// Copies the open document to `path` again (SQLite's online backup), then reopens it there.
    private func writeBack() throws {
        let copy = (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".rescued-\(getpid())"
        do {
            try store.backup(to: copy)
            // Closing checkpoints into the deleted file and removes its -wal and -shm, so the
            // copy does not meet another database's log under the same name.
            try? store.close()
            guard link(copy, path) == 0 else {
                throw CLIError("\(path) was deleted or moved while open, and could not be written back (\(String(cString: strerror(errno)))); your document is safe in \(copy) until you quit: copy it somewhere now.")
            }
            unlink(copy)
            store = try DocumentStore(path: path)
            self.opened = FileIdentity(path: path)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(path) was deleted or moved while open, and could not be written back (\(error)); nothing was saved.")
        }
    }
}

/// A file's device and inode: the same path naming another file means it was replaced.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
