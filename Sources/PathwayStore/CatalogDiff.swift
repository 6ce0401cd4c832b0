import PathwayModel

extension Catalog {
    /// The change set that turns this catalog into `target`: puts for what is new or different,
    /// removes for what is gone. Applying it (to the catalog or the store) gives `target` exactly,
    /// and it undoes like any user action. Used by imports that merge into a document.
    public func changeSet(to target: Catalog, label: String) -> ChangeSet {
        var changes: [Change] = []
        func diff<K: Comparable, V: Equatable>(_ old: [K: V], _ new: [K: V], put: (V) -> Change, remove: (K) -> Change) {
            for key in new.keys.sorted() where old[key] != new[key] { changes.append(put(new[key]!)) }
            for key in old.keys.sorted() where new[key] == nil { changes.append(remove(key)) }
        }
        // Frameworks removed as a whole take their competencies with them; list only the others.
        let removedFrameworks = Set(frameworks.keys).subtracting(target.frameworks.keys)
        let keptCompetencies = competencies.filter { !removedFrameworks.contains($0.key.framework) }
        diff(frameworks, target.frameworks, put: Change.putFramework, remove: Change.removeFramework)
        diff(keptCompetencies, target.competencies, put: Change.putCompetency, remove: Change.removeCompetency)
        diff(credentials, target.credentials, put: Change.putCredential, remove: Change.removeCredential)
        diff(pathways, target.pathways, put: Change.putPathway, remove: Change.removePathway)
        diff(learners, target.learners, put: Change.putLearner, remove: Change.removeLearner)
        diff(occupations, target.occupations, put: Change.putOccupation, remove: Change.removeOccupation)
        diff(comments, target.comments, put: Change.putComment, remove: Change.removeComment)
        return ChangeSet(label, changes)
    }
}
