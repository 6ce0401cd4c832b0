import PathwayModel

/// Works out a `Progression`. Availability follows prerequisites only: stages suggest an
/// order but do not gate enrolment, as in CTDL where only prerequisites are requirements.
struct ProgressionBuilder {
    let context: EngineContext
    let pathway: Pathway
    let record: LearnerRecord
    let routes: RouteModel

    init(context: EngineContext, pathway: Pathway, record: LearnerRecord) {
        self.context = context
        self.pathway = pathway
        self.record = record
        self.routes = RouteModel(pathway)
    }

    func build() -> Progression {
        let slots = orderedSlots()
        var rows: [CredentialProgress] = []
        for (code, slot) in slots {
            guard let c = context.credential(code) else { continue }
            rows.append(CredentialProgress(code: code, title: c.title, stage: slot.stage, group: slot.group,
                                           ects: c.ects, eqfLevel: c.eqfLevel, state: state(of: code, slot: slot, record: record)))
        }
        let targets = targetList()
        let missing = targets.filter { !record.holds($0.competency, at: $0.level) }
        let completedHere = rows.filter { $0.state.isCompleted }
        let current = completedHere.compactMap(\.eqfLevel).max()
        let levels = routes.codes.map { context.credential($0)?.eqfLevel?.value ?? 0 }
        let guaranteed = EQFLevel(routes.levels(in: routes.allStages, of: levels).guaranteed)
        return Progression(
            pathway: pathway.code, learner: record.name,
            assumed: record.assumed.filter { context.credential($0) != nil }.sorted(),
            credentials: rows,
            earnedECTS: completedHere.reduce(0) { $0 + ($1.ects ?? 0) },
            remainingECTS: remainingECTS(),
            coverage: TargetProgress(held: targets.count - missing.count, required: targets.count, missing: missing),
            next: nextSteps(rows: rows, targets: missing),
            currentEQF: current,
            projectedEQF: [current, guaranteed].compactMap { $0 }.max(),
            isComplete: isComplete())
    }

    /// Each credential once, where it first appears.
    private func orderedSlots() -> [(String, RouteModel.Slot)] {
        Array(zip(routes.codes, routes.firstSlot))
    }

    private func targetList() -> [CompetencyLevel] {
        var seen = Set<CompetencyKey>()
        return pathway.target.competencies.filter { seen.insert($0.competency).inserted }
    }

    private func state(of code: String, slot: RouteModel.Slot, record: LearnerRecord) -> CredentialState {
        if record.completed.contains(code) { return .completed(assumed: record.assumed.contains(code)) }
        if let g = slot.group {
            let group = routes.groups[slot.stage][g]
            if doneCount(group) >= group.need { return .notChosen }
        }
        let b = blockers(of: code, record: record)
        return b.isEmpty ? .available : .blocked(b)
    }

    func blockers(of code: String, record: LearnerRecord) -> Blockers {
        guard let c = context.credential(code) else { return Blockers(credentials: [], competencies: []) }
        var seen = Set<String>()
        let creds = c.prerequisites.credentials.filter {
            seen.insert($0).inserted && !record.satisfies($0, context: context)
        }
        let gaps = c.prerequisites.competencies.filter { !record.holds($0.competency, at: $0.level) }
            .map { CompetencyGap(competency: $0.competency, required: $0.level, held: record.held[$0.competency]) }
        return Blockers(credentials: creds, competencies: gaps)
    }

    private func done(_ id: Int) -> Bool { record.completed.contains(routes.codes[id]) }

    private func doneCount(_ group: RouteModel.Group) -> Int { group.options.filter(done).count }

    private func remainingECTS() -> Double {
        let value: (Int) -> Double = { context.credential(routes.codes[$0])?.ects ?? 0 }
        var total = 0.0
        var counted = Set<Int>()
        for s in routes.allStages {
            for c in routes.core[s] where !done(c) && counted.insert(c).inserted { total += value(c) }
            for g in routes.groups[s] {
                let still = max(0, g.need - doneCount(g))
                let open = g.options.filter { !done($0) }.map(value).sorted()
                total += open.prefix(still).reduce(0, +)
            }
        }
        return total
    }

    private func isComplete() -> Bool {
        for s in routes.allStages {
            if routes.core[s].contains(where: { !done($0) }) { return false }
            for g in routes.groups[s] where doneCount(g) < g.need { return false }
        }
        return true
    }

    private func nextSteps(rows: [CredentialProgress], targets missing: [CompetencyLevel]) -> [NextStep] {
        let blocked = rows.filter { if case .blocked = $0.state { return true } else { return false } }.map(\.code)
        var steps: [(step: NextStep, stage: Int)] = []
        for row in rows where row.state == .available {
            let after = record.adding(row.code, context: context)
            let unblocks = blocked.filter { blockers(of: $0, record: after).isEmpty }
            let gain = missing.filter { after.holds($0.competency, at: $0.level) }.map(\.competency)
            steps.append((NextStep(code: row.code, unblocks: unblocks, coverageGain: gain), row.stage))
        }
        return steps.sorted { a, b in
            if a.step.unblocks.count != b.step.unblocks.count { return a.step.unblocks.count > b.step.unblocks.count }
            if a.step.coverageGain.count != b.step.coverageGain.count { return a.step.coverageGain.count > b.step.coverageGain.count }
            if a.stage != b.stage { return a.stage < b.stage }
            return a.step.code < b.step.code
        }.map(\.step)
    }
}
