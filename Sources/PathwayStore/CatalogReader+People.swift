import GRDB
import PathwayModel

extension CatalogReader {
    /// Learners with their completions, in table order, and how to find one by name.
    static func readLearners(_ db: Database) throws -> ([Learner], OwnerByCode) {
        var list: [Learner] = []
        var index: [String: Int] = [:]
        let r = try RowCursor(db, "SELECT name, note FROM learner")
        while try r.next() {
            let name: String = r[0]
            index[name] = list.count
            list.append(Learner(name: name, note: r[1]))
        }
        var owners = OwnerByCode(index)
        index = [:]
        let c = try RowCursor(db, "SELECT learner, credential, date FROM completion ORDER BY learner, position")
        while try c.next() {
            let completion = Completion(credential: c[1], date: try day(c[2], "a completion"))
            if let i = owners.find(c) { list[i].completions.append(completion) }
        }
        return (list, owners)
    }

    /// Learners' prior learning, each holding its competency's own key.
    static func readPriorLearning(_ db: Database, keys: SharedKeys, learners list: inout [Learner], owners: inout OwnerByCode) throws {
        let p = try RowCursor(db, """
            SELECT learner, competency_framework, competency_code, level FROM prior_learning ORDER BY learner, position
            """)
        while try p.next() {
            let held = CompetencyLevel(competency: keys.key(p, 1), level: try level(p[3], "prior learning"))
            if let i = owners.find(p) { list[i].priorLearning.append(held) }
        }
    }

    /// Review comments, in table order.
    static func readComments(_ db: Database, keys: SharedKeys) throws -> [ReviewComment] {
        var list: [ReviewComment] = []
        let r = try RowCursor(db, """
            SELECT id, author, date, text, subject_kind, framework, competency_framework, competency_code,
                credential, pathway FROM comment
            """)
        while try r.next() {
            let subject: CommentSubject
            if r.text(4, equals: "framework") {
                subject = .framework(r[5])
            } else if r.text(4, equals: "competency") {
                subject = .competency(keys.key(r, 6))
            } else if r.text(4, equals: "credential") {
                subject = .credential(r[8])
            } else {
                subject = .pathway(r[9])
            }
            list.append(ReviewComment(id: r[0], author: r[1], date: try day(r[2], "a comment"), text: r[3], subject: subject))
        }
        return list
    }
}
