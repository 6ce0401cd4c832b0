import GRDB

extension StoreError {
    /// Translates whatever SQLite or GRDB threw into a `StoreError` naming the file.
    init(_ error: Error, path: String) {
        if let error = error as? StoreError {
            // The reader reports damage without knowing the file; name it here.
            if case .corrupt(let p, let detail) = error, p.isEmpty {
                self = .corrupt(path: path, detail: detail)
            } else if case .brokenReference(let p, let detail) = error, p.isEmpty {
                self = .brokenReference(path: path, detail: detail)
            } else {
                self = error
            }
            return
        }
        guard let e = error as? DatabaseError else {
            self = .sqlite(path: path, message: String(describing: error))
            return
        }
        let message = e.message ?? "\(e.resultCode)"
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_READONLY: self = .readOnly(path: path)
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_CORRUPT: self = .corrupt(path: path, detail: message)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self = .unreadable(path: path)
        case .SQLITE_CONSTRAINT:
            if e.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                self = .brokenReference(path: path, detail: "a reference to something that does not exist")
            } else {
                self = .invalidValue(path: path, detail: message)
            }
        case .SQLITE_FULL: self = .cannotCreate(path: path, reason: "the disk is full")
        default: self = .sqlite(path: path, message: message)
        }
    }
}
