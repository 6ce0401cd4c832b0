/// Why a document could not be opened, read or written, in words that say what to do next.
///
/// Every case names the file: the CLI prints `description` as is, and the UI shows it in its
/// status line.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file does not exist. Opening an existing document never creates one; only `create`
    /// and `openOrCreate` do (the CLI's `pathway init`, and its default database on first use).
    case missingFile(path: String)
    case isDirectory(path: String)
    case unreadable(path: String)
    /// The file exists but is not an SQLite database at all.
    case notADatabase(path: String)
    /// An SQLite database, but not one made by Pathway Designer.
    case foreignDatabase(path: String)
    /// Made by a newer Pathway Designer, whose schema this version does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// Made by an older version and opened read-only, so it cannot be upgraded now.
    case needsUpgrade(path: String, found: Int, supported: Int)
    /// Another program holds the database's write lock longer than the busy timeout.
    case busy(path: String)
    /// A write was attempted on a document opened for review only.
    case readOnly(path: String)
    /// The write would leave something referring to what does not exist; nothing was written.
    case brokenReference(path: String, detail: String)
    /// A value the schema does not allow (a level outside 1–8, an unknown status…); nothing was written.
    case invalidValue(path: String, detail: String)
    /// The file could not be created (missing folder, no permission, disk full…).
    case cannotCreate(path: String, reason: String)
    /// The database file is damaged.
    case corrupt(path: String, detail: String)
    /// Any other SQLite failure, with SQLite's own words.
    case sqlite(path: String, message: String)

    public var path: String {
        switch self {
        case .missingFile(let p), .isDirectory(let p), .unreadable(let p), .notADatabase(let p),
             .foreignDatabase(let p), .busy(let p), .readOnly(let p):
            return p
        case .newerSchema(let p, _, _), .needsUpgrade(let p, _, _), .brokenReference(let p, _),
             .invalidValue(let p, _), .cannotCreate(let p, _), .corrupt(let p, _), .sqlite(let p, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .missingFile(let p):
            return "\(p) does not exist; check the path (nothing was created; `pathway init --db FILE` starts a new database)."
        case .isDirectory(let p):
            return "\(p) is a folder, not a database file; give the path of a .sqlite file inside it."
        case .unreadable(let p):
            return "\(p) cannot be read (permission denied); ask its owner for read access or copy it somewhere you can read."
        case .notADatabase(let p):
            return "\(p) is not an SQLite database; check that you named the right file (project files are imported with `pathway import project`)."
        case .foreignDatabase(let p):
            return "\(p) is an SQLite database but not a Pathway Designer document; choose another file, or a new path to create one."
        case .newerSchema(let p, let found, let supported):
            return "\(p) was made by a newer Pathway Designer (schema version \(found), this version knows up to \(supported)); open it with that version or newer. The file was not changed."
        case .needsUpgrade(let p, let found, let supported):
            return "\(p) uses an older schema (version \(found), current \(supported)) and was opened read-only, so it cannot be upgraded; open it once without --read-only (with write access) to upgrade it."
        case .busy(let p):
            return "\(p) is in use by another program that is writing to it; try again in a moment, or open it with --read-only."
        case .readOnly(let p):
            return "\(p) is open read-only, so nothing was changed; to edit, open it without --read-only and make sure you may write to the file and its folder."
        case .brokenReference(let p, let detail):
            return "Nothing was saved to \(p): the change would leave \(detail); change or remove what refers to it first."
        case .invalidValue(let p, let detail):
            return "Nothing was saved to \(p): a value is not allowed (\(detail)); correct it and try again."
        case .cannotCreate(let p, let reason):
            return "\(p) could not be created (\(reason)); check that its folder exists and that you may write there."
        case .corrupt(let p, let detail):
            return "\(p) is damaged (\(detail)); restore it from a backup (see `pathway backup`)."
        case .sqlite(let p, let message):
            return "\(p) could not be used: \(message)."
        }
    }
}
