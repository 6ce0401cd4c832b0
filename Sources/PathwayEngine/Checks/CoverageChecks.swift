import PathwayModel

extension PathwayChecker {
    /// Every target competency at its required level, on every route.
    ///
    /// Coverage is by exact competency: teaching a narrower competency does not cover a broader
    /// one, nor the reverse. With a learner, competencies they already hold count as covered.
    mutating func checkCoverage() {
        for cover in targetCoverage where !cover.coveredOnEveryRoute {
            let k = cover.target.competency, l = cover.target.level
            let name = context.competencyName(k)
            // The pathway's credentials teaching it that some route takes, in route order.
            let onRoutes = cover.teachers.filter { routeRank[$0.id] >= 0 }
                .sorted { routeRank[$0.id] < routeRank[$1.id] }
            if cover.coveredOnSomeRoute {
                let who = onRoutes.filter { $0.level >= l }.map { code($0.id) }
                add(.coverageSomeRoutes, "\(name) is covered at \(l) only for learners who choose \(listed(who, or: true)).",
                    fix: "Teach \(name) at \(l) in a core credential, or in every option of a group.",
                    entities(.competency(k), p, credentials: who))
                continue
            }
            if let top = onRoutes.max(by: { $0.level < $1.level }) {
                let topCode = code(top.id)
                add(.coverageBelowLevel, "The target requires \(name) at \(l), but the pathway teaches it only up to \(top.level) (\(topCode)).",
                    fix: "Raise the level of an outcome of \(topCode) mapped to \(name), or add a credential teaching it at \(l).",
                    entities(.competency(k), p, credentials: CollectionOfOne(topCode)))
            } else {
                add(.coverageNotCovered, "The target requires \(name) at \(l), but no credential in the pathway teaches it.",
                    fix: "Map a learning outcome of one of the pathway's credentials to \(name), or add a credential that teaches it.",
                    entities(.competency(k), p, credentials: EmptyCollection()))
            }
        }
    }

    /// The same competency at the same level taught by several credentials a learner may take
    /// together (alternatives in a "choose 1" group are not overlap).
    mutating func checkOverlap() {
        // Candidates first (a competency taught at one level by several credentials), so that
        // only they are put in the order of their competency's key.
        var candidates: [(cid: Int, level: EQFLevel, ids: [Int])] = []
        var byLevel: [(level: EQFLevel, id: Int)] = []
        var start = 0
        while start < teaching.count {
            var end = start + 1
            while end < teaching.count && teaching[end].competency == teaching[start].competency { end += 1 }
            defer { start = end }
            guard end - start > 1 else { continue }
            byLevel.removeAll(keepingCapacity: true)
            for t in teaching[start..<end] { byLevel.append((t.level, t.credential)) }
            byLevel.sort { $0.level != $1.level ? $0.level < $1.level : $0.id < $1.id }
            var from = 0
            while from < byLevel.count {
                var to = from + 1
                while to < byLevel.count && byLevel[to].level == byLevel[from].level { to += 1 }
                if to - from > 1 {
                    let ids = byLevel[from..<to].map(\.id)
                    if canTakeTogether(ids) { candidates.append((teaching[start].competency, byLevel[from].level, ids)) }
                }
                from = to
            }
        }
        if candidates.count > 1 {
            // Stable: one competency's levels stay in ascending order.
            candidates = candidates.enumerated().sorted { a, b in
                if a.element.cid != b.element.cid {
                    return index.competencyKeys[a.element.cid] < index.competencyKeys[b.element.cid]
                }
                return a.offset < b.offset
            }.map(\.element)
        }
        for c in candidates {
            let k = index.competencyKeys[c.cid], l = c.level
            let codes = c.ids.map { routes.codes[$0] }
            add(.coverageOverlap, "\(listed(codes)) \(codes.count == 2 ? "both" : "all") teach \(context.competencyName(k)) at \(l).",
                fix: "Check whether the overlap is intended; if not, refocus one of the outcomes.",
                entities(.competency(k), credentials: codes, then: p))
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
        let required = requiredTargets.count
        let held = targetCoverage.filter(\.held).count
        var result: [StageFigures] = []
        var everySoFar = [Bool](repeating: false, count: targetCoverage.count)
        var someSoFar = everySoFar
        for s in routes.allStages {
            var stage = CoverageCount(everyRoute: 0, someRoute: 0, required: required)
            var cumulative = CoverageCount(everyRoute: held, someRoute: held, required: required)
            for (i, cover) in targetCoverage.enumerated() where !cover.held {
                if cover.everyRoute(s) { stage.everyRoute += 1; everySoFar[i] = true }
                if cover.someRoute(s) { stage.someRoute += 1; someSoFar[i] = true }
                if everySoFar[i] { cumulative.everyRoute += 1 }
                if someSoFar[i] { cumulative.someRoute += 1 }
            }
            let e = routes.range(in: s..<s + 1, of: ectsOf)
            result.append(StageFigures(index: s, title: pathway.stages[s].title, eqfLevel: EQFLevel(stageLevel(s)),
                                       ectsMin: e.min, ectsMax: e.max, coverage: stage, cumulativeCoverage: cumulative))
        }
        return result
    }
}
