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
            let atLevel = teaches(k, atLeast: l)
            if routes.everyRoute(in: routes.allStages, has: { atLevel[$0] }) { continue }
            let name = context.competencyName(k)
            let refs: [EntityRef] = [.competency(k), p]
            if routes.someRoute(in: routes.allStages, has: { atLevel[$0] }) {
                let who = unique(routes.ids(in: routes.allStages).filter { atLevel[$0] }).map(code)
                add(.coverageSomeRoutes, "\(name) is covered at \(l) only for learners who choose \(listed(who, or: true)).",
                    fix: "Teach \(name) at \(l) in a core credential, or in every option of a group.",
                    refs + who.map(EntityRef.credential))
                continue
            }
            let below = unique(routes.ids(in: routes.allStages)).compactMap { c in level(c, teaching: k).map { (code(c), $0) } }
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
        let shared = teachers.filter { $0.value.count > 1 }
        for (cid, list) in shared.sorted(by: { index.competencyKeys[$0.key] < index.competencyKeys[$1.key] }) {
            let k = index.competencyKeys[cid]
            var byLevel: [EQFLevel: [Int]] = [:]
            for t in list { byLevel[t.level, default: []].append(t.id) }
            for (l, ids) in byLevel.sorted(by: { $0.key < $1.key }) where ids.count > 1 && canTakeTogether(ids) {
                let codes = ids.map(code)
                add(.coverageOverlap, "\(listed(codes)) \(codes.count == 2 ? "both" : "all") teach \(context.competencyName(k)) at \(l).",
                    fix: "Check whether the overlap is intended; if not, refocus one of the outcomes.",
                    [.competency(k)] + codes.map(EntityRef.credential) + [p])
            }
        }
    }

    private func canTakeTogether(_ ids: [Int]) -> Bool {
        let slots = ids.map { routes.firstSlot[$0] }
        guard let first = slots.first, let g = first.group else { return true }
        let sameGroup = slots.allSatisfy { $0 == first }
        return !(sameGroup && routes.groups[first.stage][g].need <= 1)
    }

    /// Per stage and cumulative coverage of the target.
    func stageFigures() -> [StageFigures] {
        let targets = requiredTargets.filter { learner?.holds($0.competency, at: $0.level) != true }
        let held = requiredTargets.count - targets.count
        let masks = targets.map { teaches($0.competency, atLeast: $0.level) }
        var result: [StageFigures] = []
        for s in routes.allStages {
            var stage = CoverageCount(everyRoute: 0, someRoute: 0, required: requiredTargets.count)
            var cumulative = CoverageCount(everyRoute: held, someRoute: held, required: requiredTargets.count)
            for mask in masks {
                let has: (Int) -> Bool = { mask[$0] }
                if routes.everyRoute(in: s..<s + 1, has: has) { stage.everyRoute += 1 }
                if routes.someRoute(in: s..<s + 1, has: has) { stage.someRoute += 1 }
                if routes.everyRoute(in: 0..<s + 1, has: has) { cumulative.everyRoute += 1 }
                if routes.someRoute(in: 0..<s + 1, has: has) { cumulative.someRoute += 1 }
            }
            let e = routes.range(in: s..<s + 1, of: ectsOf)
            result.append(StageFigures(index: s, title: pathway.stages[s].title, eqfLevel: EQFLevel(stageLevel(s)),
                                       ectsMin: e.min, ectsMax: e.max, coverage: stage, cumulativeCoverage: cumulative))
        }
        return result
    }
}
