import PathwayModel

extension PathwayChecker {
    /// Required credentials and competency levels, checked against what comes earlier in the
    /// pathway (and, with a learner, what they already hold).
    ///
    /// "Earlier" means a lower stage: credentials of the same stage are taken side by side. A
    /// required credential outside the pathway is no problem for a learner who completed it or
    /// whose record already holds every competency it teaches at its level (recognised prior
    /// learning). Edges that are part of a prerequisite cycle are reported as the cycle only.
    mutating func checkPrerequisites() {
        for y in members {
            guard let slot = routes.firstSlot[y.code] else { continue }
            if learner?.completed.contains(y.code) == true { continue }
            let s = slot.stage
            let earlier = 0..<s
            let yEveryRoute = routes.isOnEveryRoute(y.code)
            var seen = Set<String>()
            for x in y.prerequisites.credentials where seen.insert(x).inserted {
                let refs: [EntityRef] = [.credential(y.code), .credential(x), stageRef(s), p]
                guard context.credential(x) != nil else {
                    add(.prerequisiteUnknown, "\(y.code) requires credential \(x), which does not exist.",
                        fix: "Remove \(x) from the prerequisites of \(y.code), or create it.", refs)
                    continue
                }
                if context.cycles.isCyclicEdge(from: y.code, to: x) { continue }
                if let learner, learner.satisfies(x, context: context) { continue }
                guard let xSlot = routes.firstSlot[x] else {
                    add(.prerequisiteMissing, "\(y.code) in \(stageName(s)) requires \(x), which is not in the pathway.",
                        fix: s == 0 ? "Add \(x) to a new first stage, or remove the requirement from \(y.code)."
                                    : "Add \(x) to a stage before \(stageName(s)), or remove the requirement from \(y.code).",
                        refs)
                    continue
                }
                if xSlot.stage >= s {
                    let place = xSlot.stage == s ? "in the same stage" : "later, in \(stageName(xSlot.stage))"
                    add(.prerequisiteOrder, "\(y.code) in \(stageName(s)) requires \(x), which comes \(place).",
                        fix: "Move \(x) to a stage before \(stageName(s)), or move \(y.code) after it.",
                        [.credential(y.code), .credential(x), stageRef(s), stageRef(xSlot.stage), p])
                    continue
                }
                if yEveryRoute && !routes.everyRoute(in: earlier, has: { $0 == x }) {
                    add(.prerequisiteElectiveOnly, "\(y.code) is taken on every route but requires \(x), an elective option that learners may not choose.",
                        fix: "Make \(x) a core credential, or make \(y.code) an option that goes with it.",
                        [.credential(y.code), .credential(x), stageRef(s), stageRef(xSlot.stage), p])
                }
            }
            for need in y.prerequisites.competencies {
                checkCompetencyPrerequisite(of: y.code, need, stage: s, yEveryRoute: yEveryRoute)
            }
            for x in Set(y.prerequisites.recommendedAfter).sorted() where x != y.code {
                guard let xSlot = routes.firstSlot[x], xSlot.stage >= s else { continue }
                if learner?.completed.contains(x) == true { continue }
                let place = xSlot.stage == s ? "in the same stage" : "later, in \(stageName(xSlot.stage))"
                add(.recommendedOrder, "\(y.code) is best taken after \(x), but \(x) comes \(place).",
                    fix: "Move \(x) to a stage before \(stageName(s)) if the order matters.",
                    [.credential(y.code), .credential(x), stageRef(s), stageRef(xSlot.stage), p])
            }
        }
    }

    private mutating func checkCompetencyPrerequisite(of y: String, _ need: CompetencyLevel, stage s: Int, yEveryRoute: Bool) {
        let k = need.competency, l = need.level
        if learner?.holds(k, at: l) == true { return }
        let earlier = 0..<s
        let ctx = context
        let reaches: (String) -> Bool = { ctx.taughtCompetencies(of: $0)[k].map { $0 >= l } ?? false }
        let name = context.competencyName(k)
        let refs: [EntityRef] = [.credential(y), .competency(k), stageRef(s), p]
        if !routes.someRoute(in: earlier, has: reaches) {
            var detail = "nothing earlier in the pathway teaches it"
            let below = routes.codes(in: earlier).compactMap { c in level(of: c, teaching: k).map { (c, $0) } }
            if let best = below.max(by: { $0.1 < $1.1 }) {
                detail = "earlier stages reach only \(best.1) (\(best.0))"
            } else if let held = learner?.held[k] {
                detail = "the learner holds only \(held)"
            }
            let later = routes.codes(in: s..<routes.stageCount).filter { $0 != y && reaches($0) }
            let fix = later.first.map { "Move \($0) before \(stageName(s)), or lower the required level." }
                ?? "Add a credential teaching \(name) at \(l) before \(stageName(s)), or lower the required level."
            add(.prerequisiteCompetencyUnmet, "\(y) requires \(name) at \(l), but \(detail).", fix: fix, refs)
        } else if yEveryRoute && !routes.everyRoute(in: earlier, has: reaches) {
            let who = routes.codes(in: earlier).filter(reaches)
            add(.prerequisiteCompetencySomeRoutes, "\(y) requires \(name) at \(l), which earlier stages teach only in elective options (\(listed(who))).",
                fix: "Teach \(name) in a core credential before \(stageName(s)).", refs + who.map(EntityRef.credential))
        }
    }

    /// Each prerequisite cycle touching the pathway, once, with the whole cycle.
    mutating func checkCycles() {
        var reported = Set<Int>()
        for c in members {
            for i in context.cyclesByCredential[c.code] ?? [] where reported.insert(i).inserted {
                let cycle = context.cycles.cycles[i]
                let loop = (cycle + [cycle[0]]).joined(separator: " → ")
                let message = cycle.count == 1
                    ? "\(cycle[0]) requires itself, so no learner can ever take it."
                    : "Prerequisites form a cycle, \(loop), so none of them can be taken first."
                add(.prerequisiteCycle, message,
                    fix: "Remove one of the requirements in the cycle.", cycle.map(EntityRef.credential) + [p])
            }
        }
    }
}
