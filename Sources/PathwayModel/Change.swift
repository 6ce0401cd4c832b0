/// One edit to the document. Every user action is a `ChangeSet` of these, applied to the
/// catalog in memory and written by the store in one transaction; its inverse is the undo.
public enum Change: Hashable, Sendable {
    case putFramework(CompetencyFramework)
    /// Removes the framework and every competency in it.
    case removeFramework(String)
    case putCompetency(Competency)
    case removeCompetency(CompetencyKey)
    case putCredential(MicroCredential)
    case removeCredential(String)
    case putPathway(Pathway)
    case removePathway(String)
    case putLearner(Learner)
    case removeLearner(String)
    case putComment(ReviewComment)
    case removeComment(Int)
    case putOccupation(Occupation)
    case removeOccupation(String)
}

/// A user action: a named list of changes that succeed or fail together.
public struct ChangeSet: Hashable, Sendable {
    /// What the user did, in words ("Add credential PROC-01"), shown by undo and redo.
    public var label: String
    public var changes: [Change]

    public init(_ label: String, _ changes: [Change]) {
        self.label = label
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }
}

extension Catalog {
    /// Applies the changes in order and returns the change set that undoes them.
    @discardableResult
    public mutating func apply(_ set: ChangeSet) -> ChangeSet {
        var inverse: [Change] = []
        for change in set.changes { inverse.append(contentsOf: apply(change).reversed()) }
        return ChangeSet(set.label, inverse.reversed())
    }

    /// Applies one change and returns the changes that undo it, in the order to apply them.
    private mutating func apply(_ change: Change) -> [Change] {
        switch change {
        case .putFramework(let f):
            let old = frameworks.updateValue(f, forKey: f.code)
            return [old.map(Change.putFramework) ?? .removeFramework(f.code)]
        case .removeFramework(let code):
            guard let old = frameworks.removeValue(forKey: code) else { return [] }
            let members = competencies.values.filter { $0.framework == code }
            for m in members { competencies.removeValue(forKey: m.key) }
            return [.putFramework(old)] + members.sorted { $0.code < $1.code }.map(Change.putCompetency)
        case .putCompetency(let c):
            let old = competencies.updateValue(c, forKey: c.key)
            return [old.map(Change.putCompetency) ?? .removeCompetency(c.key)]
        case .removeCompetency(let key):
            return competencies.removeValue(forKey: key).map { [.putCompetency($0)] } ?? []
        case .putCredential(let c):
            let old = credentials.updateValue(c, forKey: c.code)
            return [old.map(Change.putCredential) ?? .removeCredential(c.code)]
        case .removeCredential(let code):
            return credentials.removeValue(forKey: code).map { [.putCredential($0)] } ?? []
        case .putPathway(let p):
            let old = pathways.updateValue(p, forKey: p.code)
            return [old.map(Change.putPathway) ?? .removePathway(p.code)]
        case .removePathway(let code):
            return pathways.removeValue(forKey: code).map { [.putPathway($0)] } ?? []
        case .putLearner(let l):
            let old = learners.updateValue(l, forKey: l.name)
            return [old.map(Change.putLearner) ?? .removeLearner(l.name)]
        case .removeLearner(let name):
            return learners.removeValue(forKey: name).map { [.putLearner($0)] } ?? []
        case .putComment(let c):
            let old = comments.updateValue(c, forKey: c.id)
            return [old.map(Change.putComment) ?? .removeComment(c.id)]
        case .removeComment(let id):
            return comments.removeValue(forKey: id).map { [.putComment($0)] } ?? []
        case .putOccupation(let o):
            let old = occupations.updateValue(o, forKey: o.code)
            return [old.map(Change.putOccupation) ?? .removeOccupation(o.code)]
        case .removeOccupation(let code):
            return occupations.removeValue(forKey: code).map { [.putOccupation($0)] } ?? []
        }
    }
}
