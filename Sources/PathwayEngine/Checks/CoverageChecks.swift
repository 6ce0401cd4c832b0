import PathwayModel

extension PathwayChecker {
    /// Every target competency at its required level, on every route.
    ///
    /// Coverage is by exact competency: teaching a narrower competency does not cover a broader
    /// one, nor the reverse. With a learner, competencies they already hold count as covered.
    mutating func checkCoverage() {
        for t in requiredTargets {
            let k = t.competency, l = t.level
            if learner?.holds(k, at: l) == true { continue }
            let name = context.competencyName(k)
            let ctx = context
            let atLevel: (String) -> Bool = { ctx.taughtCompetencies(of: $0)[k].map { $0 >= l } ?? false }
            if routes.everyRoute(in: routes.allStages, has: atLevel) { continue }
            let refs: [EntityRef] = [.competency(k), p]
            if routes.someRoute(in: routes.allStages, has: atLevel) {
                let who = routes.codes(in: routes.allStages).filter(atLevel)
                add(.coverageSomeRoutes, "\(name) is covered at \(l) only for learners who choose \(listed(unique(who), or: true)).",
                    fix: "Teach \(name) at \(l) in a core credential, or in every option of a group.",
                    refs + unique(who).map(EntityRef.credential))
                continue
            }
            let below = unique(routes.codes(in: routes.allStages)).compactMap { c in level(of: c, teaching: k).map { (c, $0) } }
            if let top = below.max(by: { $0.1 < $1.1 }) {
                add(.coverageBelowLevel, "The target requires \(name) at \(l), but the pathway teaches it only up to \(top.1) (\(top.0)).",
                    fix: "Raise the level of an outcome of \(top.0) mapped to \(name), or add a credential teaching it at \(l).",
                    refs + [.credential(top.0)])
            } else {
                add(.coverageNotCovered, "The target requires \(name) at \(l), but no credential in the pathway teaches it.",
                    fix: "Map a learning outcome of one of the pathway's credentials to \(name), or add a credential that teaches it.",
                    refs)
            }
        }
    }

    /// The same competency at the same level taught by several credentials a learner may take
    /// together (alternatives in a "choose 1" group are not overlap).
    mutating func checkOverlap() {
        for k in teachers.keys.sorted() {
            var byLevel: [EQFLevel: [String]] = [:]
            for t in teachers[k]! { byLevel[t.level, default: []].append(t.code) }
            for (l, codes) in byLevel.sorted(by: { $0.key < $1.key }) where codes.count > 1 && canTakeTogether(codes) {
                add(.coverageOverlap, "\(listed(codes)) all teach \(context.competencyName(k)) at \(l).",
                    fix: "Check whether the overlap is intended; if not, refocus one of the outcomes.",
                    [.competency(k)] + codes.map(EntityRef.credential) + [p])
            }
        }
    }

    private func canTakeTogether(_ codes: [String]) -> Bool {
        let slots = codes.compactMap { routes.firstSlot[$0] }
        guard let first = slots.first, let g = first.group else { return true }
        let group = routes.groups[first.stage][g]
        let sameGroup = slots.allSatisfy { $0.stage == first.stage && $0.group == g }
        return !(sameGroup && group.need <= 1)
    }

    private func unique(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }

    /// Per stage and cumulative coverage of the target.
    func stageFigures() -> [StageFigures] {
        let targets = requiredTargets
        var result: [StageFigures] = []
        var held = 0
        if let learner { held = targets.filter { learner.holds($0.competency, at: $0.level) }.count }
        for s in routes.allStages {
            var stage = CoverageCount(everyRoute: 0, someRoute: 0, required: targets.count)
            var cumulative = stage
            for t in targets {
                if learner?.holds(t.competency, at: t.level) == true { continue }
                let atLevel: (String) -> Bool = { level(of: $0, teaching: t.competency).map { $0 >= t.level } ?? false }
                if routes.everyRoute(in: s..<s + 1, has: atLevel) { stage.everyRoute += 1 }
                if routes.someRoute(in: s..<s + 1, has: atLevel) { stage.someRoute += 1 }
                if routes.everyRoute(in: 0..<s + 1, has: atLevel) { cumulative.everyRoute += 1 }
                if routes.someRoute(in: 0..<s + 1, has: atLevel) { cumulative.someRoute += 1 }
            }
            cumulative.everyRoute += held
            cumulative.someRoute += held
            let e = routes.range(in: s..<s + 1, of: ects)
            result.append(StageFigures(index: s, title: pathway.stages[s].title, eqfLevel: EQFLevel(stageLevel(s)),
                                       ectsMin: e.min, ectsMax: e.max, coverage: stage, cumulativeCoverage: cumulative))
        }
        return result
    }
}
