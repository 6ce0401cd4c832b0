import PathwayModel

extension PathwayChecker {
    /// The pathway's credit total over elective choices against the target range.
    mutating func checkECTS() -> ECTSFigures {
        let total = routes.range(in: routes.allStages, of: ectsOf)
        let unknown = members.filter { ectsOf[$0] <= 0 }.map { routes.codes[$0] }
        let figures = ECTSFigures(min: total.min, max: total.max, targetMin: pathway.target.minECTS,
                                  targetMax: pathway.target.maxECTS, unknownWorkload: unknown)
        let span = total.min == total.max ? "\(credits(total.min)) ECTS"
            : "\(credits(total.min))–\(credits(total.max)) ECTS depending on the electives"
        if let lo = pathway.target.minECTS {
            if total.max < lo {
                add(.ectsBelowTarget, "The pathway gives \(span), below the target minimum of \(credits(lo)) ECTS.",
                    fix: "Add credentials worth at least \(credits(lo - total.max)) ECTS, or lower the target minimum.", [p])
            } else if total.min < lo {
                add(.ectsSomeRoutesBelowTarget, "Some elective choices total only \(credits(total.min)) ECTS, below the target minimum of \(credits(lo)) ECTS.",
                    fix: "Raise the smallest options' credits or the number to choose, or lower the target minimum.", [p])
            }
        }
        if let hi = pathway.target.maxECTS {
            if total.min > hi {
                add(.ectsAboveTarget, "The pathway gives \(span), above the target maximum of \(credits(hi)) ECTS.",
                    fix: "Remove credentials worth at least \(credits(total.min - hi)) ECTS, or raise the target maximum.", [p])
            } else if total.max > hi {
                add(.ectsSomeRoutesAboveTarget, "Some elective choices total \(credits(total.max)) ECTS, above the target maximum of \(credits(hi)) ECTS.",
                    fix: "Lower the largest options' credits or the number to choose, or raise the target maximum.", [p])
            }
        }
        return figures
    }
}
