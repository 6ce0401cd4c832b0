import GRDB
import PathwayModel

/// Writes a change set that only adds new things — a framework imported for the first time, a
/// new document's contents — as plain inserts, much faster than the general writer.
///
/// The general writer upserts each row and replaces its child rows, and SQLite checks every
/// foreign key of every inserted row (for 130,000 occupation–skill links that check alone costs
/// more than the inserts). Here nothing can exist yet, so rows are inserted with statements
/// prepared once; the connection's foreign-key enforcement is off for this one transaction and
/// the tables written are checked once, before commit, with `PRAGMA foreign_key_check` (except
/// alternative labels and occupation–skill links, whose row ids were all read from the database
/// in this transaction); the search index is filled by one statement at the end. All of it is one transaction, so a
/// failure anywhere leaves the file as it was.
///
/// Only for sets that remove nothing and put each thing once (so no cascade is needed and no
/// row is written twice); `DocumentStore` checks that nothing put exists before using it.
final class BulkWriter {
    /// When the bulk writer is used; tests force it on or off.
    struct Options: Sendable {
        /// Smaller sets go through the general writer: checking whole tables at commit would
        /// cost a one-competency edit more than it saves.
        var minimumChanges = 500
        /// From this many new occupation–skill links (and at least as many as the table holds),
        /// rebuilding their index by competency beats inserting into it.
        var minimumLinksToRebuildIndex = 20_000

        static let standard = Options()
        static let never = Options(minimumChanges: .max)
    }

    let db: Database
    let options: Options
    private let general: CatalogWriter
    /// Tables rows were inserted into whose foreign keys must be checked before commit.
    private var written: Set<String> = []

    /// Competencies with the row id each is given, and their alternative labels, many to a
    /// statement.
    private lazy var competencyRows = batched(table: "competency", columns: [
        "id", "framework", "code", "uri", "title", "description", "type", "parent", "position",
    ]) { (s, i, row: (id: Int64, competency: Competency)) in
        let c = row.competency
        s.bind(i, row.id)
        s.bind(i + 1, c.framework)
        s.bind(i + 2, c.code)
        s.bind(i + 3, c.uri)
        s.bind(i + 4, c.title)
        s.bind(i + 5, c.description)
        s.bind(i + 6, c.type.rawValue)
        s.bind(i + 7, c.parent)
        s.bind(i + 8, c.position)
    }
    private lazy var altLabelRows = batched(table: "competency_alt_label", columns: ["competency", "position", "label"]) {
        (s, i, row: (competency: Int64, position: Int, label: Substring)) in
        s.bind(i, row.competency)
        s.bind(i + 1, row.position)
        s.bind(i + 2, row.label)
    }
    private lazy var insertRelation = prepare("""
        INSERT INTO competency_relation (competency, position, kind, target_framework, target_code, target_uri)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    private lazy var insertOccupation = prepare(
        "INSERT INTO occupation (code, uri, title, description, isco_group) VALUES (?, ?, ?, ?, ?)")
    private lazy var insertOccupationSkill = prepare(
        "INSERT INTO occupation_skill (occupation, essential, position, competency) VALUES (?, ?, ?, ?)")
    /// Row ids of the competencies links name: those inserted here, and any already in the file.
    private let ids: CompetencyIDs
    private var prepareFailure: Error?

    init(_ db: Database, options: Options = .standard) {
        self.db = db
        self.options = options
        general = CatalogWriter(db)
        ids = CompetencyIDs(db)
    }

    private func prepare(_ sql: String) -> PreparedStatement? {
        do { return try PreparedStatement(db, sql) } catch {
            prepareFailure = prepareFailure ?? error
            return nil
        }
    }

    private func batched<Row>(table: String, columns: [String],
                              bind: @escaping (PreparedStatement, Int32, Row) -> Void) -> BatchedInsert<Row>? {
        do { return try BatchedInsert(db, table: table, columns: columns, bind: bind) } catch {
            prepareFailure = prepareFailure ?? error
            return nil
        }
    }

    private func use<Row>(_ insert: BatchedInsert<Row>?) throws -> BatchedInsert<Row> {
        guard let insert else { throw prepareFailure ?? StoreError.corrupt(path: "", detail: "a statement could not be prepared") }
        return insert
    }

    private func use(_ statement: PreparedStatement?) throws -> PreparedStatement {
        guard let statement else { throw prepareFailure ?? StoreError.corrupt(path: "", detail: "a statement could not be prepared") }
        return statement
    }

    // MARK: Which sets qualify

    /// True when `set` is big enough, removes nothing and puts each thing at most once.
    static func mayTake(_ set: ChangeSet, options: Options = .standard) -> Bool {
        guard set.changes.count >= options.minimumChanges else { return false }
        var frameworks = Set<String>(), competencies = Set<CompetencyKey>(), credentials = Set<String>()
        var pathways = Set<String>(), learners = Set<String>(), comments = Set<Int>(), occupations = Set<String>()
        competencies.reserveCapacity(set.changes.count)
        for change in set.changes {
            let fresh: Bool
            switch change {
            case .putFramework(let f): fresh = frameworks.insert(f.code).inserted
            case .putCompetency(let c): fresh = competencies.insert(c.key).inserted
            case .putCredential(let c): fresh = credentials.insert(c.code).inserted
            case .putPathway(let p): fresh = pathways.insert(p.code).inserted
            case .putLearner(let l): fresh = learners.insert(l.name).inserted
            case .putComment(let c): fresh = comments.insert(c.id).inserted
            case .putOccupation(let o): fresh = occupations.insert(o.code).inserted
            case .removeFramework, .removeCompetency, .removeCredential, .removePathway,
                 .removeLearner, .removeComment, .removeOccupation:
                fresh = false
            }
            if !fresh { return false }
        }
        return true
    }

    /// True when nothing `set` puts is in the database yet. Run inside the transaction.
    static func nothingExists(of set: ChangeSet, in db: Database) throws -> Bool {
        func lookup(_ sql: String) throws -> Statement { try db.makeStatement(sql: sql) }
        let framework = try lookup("SELECT 1 FROM framework WHERE code = ?")
        let competency = try lookup("SELECT 1 FROM competency WHERE framework = ? AND code = ?")
        let credential = try lookup("SELECT 1 FROM credential WHERE code = ?")
        let pathway = try lookup("SELECT 1 FROM pathway WHERE code = ?")
        let learner = try lookup("SELECT 1 FROM learner WHERE name = ?")
        let comment = try lookup("SELECT 1 FROM comment WHERE id = ?")
        let occupation = try lookup("SELECT 1 FROM occupation WHERE code = ?")
        var frameworkExists: [String: Bool] = [:]
        func exists(_ s: Statement, _ arguments: StatementArguments) throws -> Bool {
            try Int.fetchOne(s, arguments: arguments) != nil
        }
        for change in set.changes {
            switch change {
            case .putFramework(let f):
                if try exists(framework, [f.code]) { return false }
            case .putCompetency(let c):
                // A framework not in the file has no competencies there either.
                let inFile: Bool
                if let known = frameworkExists[c.framework] { inFile = known } else {
                    inFile = try exists(framework, [c.framework])
                    frameworkExists[c.framework] = inFile
                }
                if inFile, try exists(competency, [c.framework, c.code]) { return false }
            case .putCredential(let c): if try exists(credential, [c.code]) { return false }
            case .putPathway(let p): if try exists(pathway, [p.code]) { return false }
            case .putLearner(let l): if try exists(learner, [l.name]) { return false }
            case .putComment(let c): if try exists(comment, [c.id]) { return false }
            case .putOccupation(let o): if try exists(occupation, [o.code]) { return false }
            default: return false
            }
        }
        return true
    }

    // MARK: Writing

    /// Inserts every put of `changes`, then fills the search index for the new competencies.
    ///
    /// Competencies go in by key and occupations by code, whatever the order of the set: rows
    /// then arrive in the order of their tables' keys, which SQLite appends instead of inserting
    /// at random places (for 130,000 links keyed by UUIDs, several times faster). With many
    /// links, their index by competency is dropped and made again at the end, which sorts once.
    func insert(_ changes: [Change]) throws {
        var competencies: [Competency] = [], occupations: [Occupation] = []
        var linkCount = 0
        for change in changes {
            switch change {
            case .putFramework(let f): try general.put(f)
            case .putCompetency(let c): competencies.append(c)
            case .putOccupation(let o):
                occupations.append(o)
                linkCount += o.essentialSkills.count + o.optionalSkills.count
            default: break
            }
        }
        competencies = Competency.sortedByKeyBytes(competencies)
        ids.reserve(competencies.count)
        // Each competency is given its row id (the next after the largest, as SQLite would), so
        // its row and its labels can wait for a full batch.
        let firstID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM competency") ?? 0) + 1
        for (i, c) in competencies.enumerated() { try insert(c, id: firstID + Int64(i)) }
        if !competencies.isEmpty {
            try use(competencyRows).flush()
            try use(altLabelRows).flush()
        }
        let newIDs = firstID..<(firstID + Int64(competencies.count))
        competencies = []
        occupations.sort { $0.code < $1.code }
        let rebuild = try linkCount >= options.minimumLinksToRebuildIndex ? dropLinkIndex(adding: linkCount) : nil
        for o in occupations { try insert(o) }
        try writeLinks()
        occupations = []
        if let rebuild { try db.execute(sql: rebuild) }
        for change in changes {
            switch change {
            case .putFramework, .putCompetency, .putOccupation: break
            case .putCredential(let c):
                try general.put(c, fresh: true)
                written.formUnion(["learning_outcome", "outcome_mapping", "credential_prerequisite", "competency_prerequisite"])
            case .putPathway(let p):
                try general.put(p, fresh: true)
                written.formUnion(["target_competency", "stage", "stage_core", "elective_group", "elective_option"])
            case .putLearner(let l):
                try general.put(l, fresh: true)
                written.formUnion(["completion", "prior_learning"])
            case .putComment(let c):
                try general.put(c)
                written.insert("comment")
            default:
                throw StoreError.corrupt(path: "", detail: "a bulk insert was given a removal")
            }
        }
        try indexForSearch(newIDs)
    }

    /// One statement for every new competency (row ids `ids`), in rowid order, so FTS5 builds
    /// its index in memory and writes it once. (Rows inserted many to a statement instead made
    /// FTS5 write a segment at the end of each statement, and took twice as long.)
    private func indexForSearch(_ ids: Range<Int64>) throws {
        guard !ids.isEmpty else { return }
        try db.execute(sql: """
            INSERT INTO competency_search (rowid, title, alt_labels, description)
            SELECT c.id, c.title,
                   coalesce((SELECT group_concat(label, char(10)) FROM competency_alt_label WHERE competency = c.id), ''),
                   c.description
            FROM competency c WHERE c.id BETWEEN ? AND ? ORDER BY c.id
            """, arguments: [ids.lowerBound, ids.upperBound - 1])
    }

    private func insert(_ c: Competency, id: Int64) throws {
        try use(competencyRows).add((id, c))
        ids.add(c.key, id)
        written.insert("competency")
        // Labels joined by newlines (as the model keeps them) are cut at the newlines, without
        // a string per label.
        if c.altLabelCount > 0 {
            let rows = try use(altLabelRows)
            if let joined = c.altLabelsJoinedByNewlines {
                for (i, label) in joined.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
                    try rows.add((id, i, Substring(label)))
                }
            } else {
                for (i, label) in c.altLabels.enumerated() { try rows.add((id, i, Substring(label))) }
            }
        }
        if !c.relations.isEmpty {
            let relation = try use(insertRelation)
            for (i, r) in c.relations.enumerated() {
                relation.bind(1, id)
                relation.bind(2, i)
                relation.bind(3, r.kind.rawValue)
                relation.bind(4, r.target?.framework)
                relation.bind(5, r.target?.code)
                relation.bind(6, r.targetURI)
                try relation.run()
            }
            written.insert("competency_relation")
        }
    }

    static let linkIndex = "occupation_skill_by_competency"

    /// Drops the links' index by competency when the table is small beside what is added, and
    /// returns the statement that makes it again (exactly as the schema wrote it).
    private func dropLinkIndex(adding links: Int) throws -> String? {
        let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation_skill") ?? 0
        guard existing <= links,
              let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?",
                                            arguments: [Self.linkIndex])
        else { return nil }
        try db.execute(sql: "DROP INDEX \(Self.linkIndex)")
        return sql
    }

    private func insert(_ o: Occupation) throws {
        let row = try use(insertOccupation)
        row.bind(1, o.code)
        row.bind(2, o.uri)
        row.bind(3, o.title)
        row.bind(4, o.description)
        row.bind(5, o.iscoGroup)
        try row.run()
        let occupation = db.lastInsertedRowID
        // Key order: (occupation, essential, position), optional (0) before essential (1).
        for (essential, skills) in [(false, o.optionalSkills), (true, o.essentialSkills)] {
            for (i, key) in skills.enumerated() {
                guard let competency = try ids.id(of: key) else {
                    throw StoreError.brokenReference(
                        path: "", detail: "occupation \(o.code) referring to competency \(key), which does not exist")
                }
                links.append(Link(occupation: occupation, essential: essential, position: i, competency: competency))
                if links.count == Self.linkBatch { try writeLinks() }
            }
        }
        // Not checked before commit: every id written was just read from the database.
    }

    /// Links are inserted this many to a statement: SQLite's work for each run of a statement
    /// (reset, bindings, starting its program) then counts once per batch instead of per link.
    static let linkBatch = 50

    struct Link {
        var occupation: Int64
        var essential: Bool
        var position: Int
        var competency: Int64
    }

    /// Links waiting for a full batch, in key order.
    private var links: [Link] = []

    private lazy var insertLinkBatch = prepare(
        "INSERT INTO occupation_skill (occupation, essential, position, competency) VALUES "
            + Array(repeating: "(?, ?, ?, ?)", count: Self.linkBatch).joined(separator: ", "))

    /// Writes the links waiting: a full batch in one statement, fewer one by one.
    private func writeLinks() throws {
        defer { links.removeAll(keepingCapacity: true) }
        if links.count == Self.linkBatch {
            let batch = try use(insertLinkBatch)
            for (n, link) in links.enumerated() {
                let first = Int32(n * 4)
                batch.bind(first + 1, link.occupation)
                batch.bind(first + 2, link.essential)
                batch.bind(first + 3, link.position)
                batch.bind(first + 4, link.competency)
            }
            try batch.run()
        } else {
            let row = try use(insertOccupationSkill)
            for link in links {
                row.bind(1, link.occupation)
                row.bind(2, link.essential)
                row.bind(3, link.position)
                row.bind(4, link.competency)
                try row.run()
            }
        }
    }

    /// The first row written that refers to something missing, in words; nil when every
    /// reference holds. Checks only the tables written, each once.
    func brokenReference() throws -> String? {
        for table in written.sorted() {
            if try Row.fetchOne(db, sql: "PRAGMA foreign_key_check(\(table.quotedDatabaseIdentifier))") != nil {
                return try ReferenceCheck.firstBrokenReference(db)?.text ?? "a reference to something that does not exist"
            }
        }
        return nil
    }
}
