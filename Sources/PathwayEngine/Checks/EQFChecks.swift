import PathwayModel

extension PathwayChecker {
    /// Stage levels that fall back, and the level the pathway reaches against its target.
    ///
    /// A stage's level is the highest EQF level of any credential in it, core or option. The
    /// pathway's level is the highest level every route reaches (a learner avoiding demanding
    /// options still gets there); a target above it is an error when no route reaches the
    /// target and a warning when only some do.
    mutating func checkEQF() -> EQFFigures {
        var best: (stage: Int, level: Int)? = nil
        for s in routes.allStages {
            let level = stageLevel(s)
            guard level > 0 else { continue }
            if let b = best, level < b.level {
                add(.eqfStageDrop, "\(stageName(s).capitalizedFirst) is at EQF \(level), below EQF \(b.level) reached earlier in \(stageName(b.stage)).",
                    fix: "Check the order of the stages, or the EQF levels of their credentials.", [stageRef(s), stageRef(b.stage), p])
            }
            if best == nil || level > best!.level { best = (s, level) }
        }
        let reached = routes.levels(in: routes.allStages, of: eqfOf)
        let figures = EQFFigures(guaranteed: EQFLevel(reached.guaranteed), highest: EQFLevel(reached.highest),
                                 target: pathway.target.eqfLevel)
        if let target = pathway.target.eqfLevel {
            if reached.highest < target.value {
                let what = reached.highest == 0 ? "no credential in it has an EQF level" : "its highest level is EQF \(reached.highest)"
                add(.eqfBelowTarget, "The pathway targets \(target), but \(what).",
                    fix: "Add a credential at \(target), or lower the target level.", [p])
            } else if reached.guaranteed < target.value {
                add(.eqfSomeRoutesBelowTarget, "The pathway targets \(target), but some elective choices reach only EQF \(reached.guaranteed).",
                    fix: "Make a credential at \(target) core, or raise the level of the options.", [p])
            }
        }
        return figures
    }

    /// The highest EQF level of the stage's credentials (0 when none has a level).
    func stageLevel(_ s: Int) -> Int {
        var level = routes.core[s].reduce(0) { max($0, eqfOf[$1]) }
        for g in routes.groups[s] { level = g.options.reduce(level) { max($0, eqfOf[$1]) } }
        return level
    }
}
