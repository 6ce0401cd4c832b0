import PathwayModel

/// What a learner already holds: completed credentials (with any what-if ones) and the
/// competency levels those and their recognised prior learning give them.
struct LearnerRecord: Sendable {
    let name: String
    let completed: Set<String>
    /// Completed only in a what-if, not on the learner's record.
    let assumed: Set<String>
    /// The highest level held per competency.
    let held: [CompetencyKey: EQFLevel]

    init(learner: Learner, whatIf: [String], context: EngineContext) {
        name = learner.name
        let real = learner.completedCodes
        assumed = Set(whatIf).subtracting(real)
        completed = real.union(whatIf)
        var held: [CompetencyKey: EQFLevel] = [:]
        for p in learner.priorLearning where (held[p.competency].map { $0 < p.level } ?? true) {
            held[p.competency] = p.level
        }
        for code in completed {
            for (k, l) in context.taughtCompetencies(of: code) where (held[k].map { $0 < l } ?? true) {
                held[k] = l
            }
        }
        self.held = held
    }

    private init(name: String, completed: Set<String>, assumed: Set<String>, held: [CompetencyKey: EQFLevel]) {
        self.name = name
        self.completed = completed
        self.assumed = assumed
        self.held = held
    }

    /// The same record with one more credential completed.
    func adding(_ credential: String, context: EngineContext) -> LearnerRecord {
        var held = self.held
        for (k, l) in context.taughtCompetencies(of: credential) where (held[k].map { $0 < l } ?? true) {
            held[k] = l
        }
        return LearnerRecord(name: name, completed: completed.union([credential]), assumed: assumed, held: held)
    }

    func holds(_ key: CompetencyKey, at level: EQFLevel) -> Bool {
        held[key].map { $0 >= level } ?? false
    }

    /// Completed, or every competency the credential teaches is already held at its level
    /// (recognised prior learning standing in for the credential).
    func satisfies(_ credential: String, context: EngineContext) -> Bool {
        if completed.contains(credential) { return true }
        let teaches = context.taughtCompetencies(of: credential)
        return !teaches.isEmpty && teaches.allSatisfy { holds($0.key, at: $0.value) }
    }
}
