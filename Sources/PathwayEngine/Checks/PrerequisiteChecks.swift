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
        for yi in members {
            let entry = entries[yi]!
            let yCode = entry.code
            if let learner, learner.completed.contains(yCode) { continue }
            let s = routes.firstSlot[yi].stage
            let earlier = 0..<s
            var yEveryRouteCache: Bool?
            func yEveryRoute() -> Bool {
                if let known = yEveryRouteCache { return known }
                let v = routes.isOnEveryRoute(yi)
                yEveryRouteCache = v
                return v
            }
            let required = entry.prerequisites.credentials
            for (n, x) in required.enumerated() where !required[..<n].contains(x) {
                var refs: [EntityRef] { [.credential(yCode), .credential(x), stageRef(s), p] }
                guard context.exists(x) else {
                    add(.prerequisiteUnknown, "\(yCode) requires credential \(x), which does not exist.",
                        fix: "Remove \(x) from the prerequisites of \(yCode), or create it.", refs)
                    continue
                }
                if context.cycles.isCyclicEdge(from: yCode, to: x) { continue }
                if let learner, learner.satisfies(x, context: context) { continue }
                guard let xi = routes.id(of: x) else {
                    let notDone = learner.map { ", and \($0.name) has not completed it" } ?? ""
                    add(.prerequisiteMissing, "\(yCode) in \(stageName(s)) requires \(x), which is not in the pathway\(notDone).",
                        fix: s == 0 ? "Add \(x) to a new first stage, or remove the requirement from \(yCode)."
                                    : "Add \(x) to a stage before \(stageName(s)), or remove the requirement from \(yCode).",
                        refs)
                    continue
                }
                let xStage = routes.firstSlot[xi].stage
                if xStage >= s {
                    let place = xStage == s ? "in the same stage" : "later, in \(stageName(xStage))"
                    add(.prerequisiteOrder, "\(yCode) in \(stageName(s)) requires \(x), which comes \(place).",
                        fix: "Move \(x) to a stage before \(stageName(s)), or move \(yCode) after it.",
                        [.credential(yCode), .credential(x), stageRef(s), stageRef(xStage), p])
                    continue
                }
                if yEveryRoute() && !routes.everyRoute(in: earlier, has: { $0 == xi }) {
                    add(.prerequisiteElectiveOnly, "\(yCode) is taken on every route but requires \(x), an elective option that learners may not choose.",
                        fix: "Make \(x) a core credential, or make \(yCode) an option that goes with it.",
                        [.credential(yCode), .credential(x), stageRef(s), stageRef(xStage), p])
                }
            }
            for need in entry.prerequisites.competencies {
                checkCompetencyPrerequisite(of: yi, need, stage: s, yEveryRoute: yEveryRoute())
            }
            let recommended = entry.prerequisites.recommendedAfter
            for (n, x) in recommended.enumerated() where x != yCode && !recommended[..<n].contains(x) {
                guard let xi = routes.id(of: x), routes.firstSlot[xi].stage >= s else { continue }
                if learner?.completed.contains(x) == true { continue }
                let xStage = routes.firstSlot[xi].stage
                let place = xStage == s ? "in the same stage" : "later, in \(stageName(xStage))"
                add(.recommendedOrder, "\(yCode) is best taken after \(x), but \(x) comes \(place).",
                    fix: "Move \(x) to a stage before \(stageName(s)) if the order matters.",
                    [.credential(yCode), .credential(x), stageRef(s), stageRef(xStage), p])
            }
        }
    }

    private mutating func checkCompetencyPrerequisite(of yi: Int, _ need: CompetencyLevel, stage s: Int, yEveryRoute: Bool) {
        let k = need.competency, l = need.level, y = code(yi)
        if learner?.holds(k, at: l) == true { return }
        let earlier = 0..<s
        let cid = index.competencyIDs[k]
        let reaches = teaches(cid, atLeast: l)
        let name = context.competencyName(k)
        if !routes.someRoute(in: earlier, has: { reaches[$0] }) {
            var detail = "nothing earlier in the pathway teaches it"
            let below = routes.ids(in: earlier).compactMap { c in level(c, teaching: cid).map { (code(c), $0) } }
            if let best = below.max(by: { $0.1 < $1.1 }) {
                detail = "earlier stages reach only \(best.1) (\(best.0))"
            } else if let held = learner?.held[k] {
                detail = "the learner holds only \(held)"
            }
            let later = routes.ids(in: s..<routes.stageCount).filter { $0 != yi && reaches[$0] }
            let fix: Sentence = later.first.map { "Move \(code($0)) before \(stageName(s)), or lower the required level." }
                ?? "Add a credential teaching \(name) at \(l) before \(stageName(s)), or lower the required level."
            add(.prerequisiteCompetencyUnmet, "\(y) requires \(name) at \(l), but \(detail).", fix: fix,
                [.credential(y), .competency(k), stageRef(s), p])
        } else if yEveryRoute && !routes.everyRoute(in: earlier, has: { reaches[$0] }) {
            let who = unique(routes.ids(in: earlier).filter { reaches[$0] }).map { routes.codes[$0] }
            add(.prerequisiteCompetencySomeRoutes, "\(y) requires \(name) at \(l), which earlier stages teach only in elective options (\(listed(who))).",
                fix: "Teach \(name) in a core credential before \(stageName(s)).",
                entities(.credential(y), .competency(k), stageRef(s), p, credentials: who))
        }
    }

    /// Each prerequisite cycle touching the pathway, once, with the whole cycle.
    mutating func checkCycles() {
        // Most catalogs have no cycle: then no credential needs looking up.
        if context.cycles.cycles.isEmpty { return }
        var reported = Set<Int>()
        for i in members {
            for c in context.cyclesByCredential[code(i)] ?? [] where reported.insert(c).inserted {
                let cycle = context.cycles.cycles[c]
                add(.prerequisiteCycle, Sentence(PrerequisiteCycles.message(cycle)),
                    fix: "Remove one of the requirements in the cycle.", cycle.map(EntityRef.credential) + [p])
            }
        }
    }

    func unique(_ ids: [Int]) -> [Int] {
        var seen = Set<Int>()
        return ids.filter { seen.insert($0).inserted }
    }
}

extension PrerequisiteCycles {
    static func message(_ cycle: [String]) -> String {
        let loop = (cycle + [cycle[0]]).joined(separator: " → ")
        return cycle.count == 1 ? "\(cycle[0]) requires itself, so no learner can ever take it."
                                : "Prerequisites form a cycle, \(loop), so none of them can be taken first."
    }
}
