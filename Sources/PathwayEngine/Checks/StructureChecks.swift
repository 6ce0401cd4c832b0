import PathwayModel

extension PathwayChecker {
    /// Empty pathway or stages, unknown or repeated credentials, an empty or unknown target.
    mutating func checkStructure() {
        if pathway.stages.isEmpty {
            add(.emptyPathway, "The pathway has no stages yet.",
                fix: "Add a stage and put the first credentials in it.", [p])
        }
        // How often each credential (by local id) appears; the stages only matter for repeats.
        var occurrences = [Int](repeating: 0, count: routes.codes.count)
        for s in routes.allStages {
            if pathway.stages[s].isEmpty {
                add(.emptyStage, "\(stageName(s).capitalizedFirst) holds no credentials.",
                    fix: "Add credentials to the stage or remove it.", [stageRef(s), p])
            }
            for id in routes.core[s] {
                if global[id] == nil { unknown(code(id), where: stageName(s), [stageRef(s), p]) }
                occurrences[id] += 1
            }
            for group in routes.groups[s] {
                for id in group.options {
                    if global[id] == nil {
                        unknown(code(id), where: "elective group ‘\(group.title)’ of \(stageName(s))",
                                [groupRef(s, group.index), stageRef(s), p])
                    }
                    occurrences[id] += 1
                }
            }
        }
        for (id, count) in occurrences.enumerated() where count > 1 {
            let c = code(id)
            var unique: [Int] = []
            for s in routes.allStages where routes.core[s].contains(id) || routes.groups[s].contains(where: { $0.options.contains(id) }) {
                unique.append(s)
            }
            let whereText = unique.count == 1 ? "in \(stageName(unique[0]))" : "in " + listed(unique.map { stageName($0) })
            add(.duplicateCredential, "\(c) appears \(count) times \(whereText), so its credits count more than once.",
                fix: "Keep \(c) in one place only.", [.credential(c)] + unique.map(stageRef) + [p])
        }
        if pathway.target.competencies.isEmpty {
            add(.emptyTarget, "The target names no competencies, so coverage cannot be checked.",
                fix: "Add the competencies a learner should hold at the end, e.g. from the target occupation's essential skills.",
                [p])
        }
        for k in unknownTargets {
            add(.unknownTargetCompetency, "The target requires competency \(k), which is not in the document.",
                fix: "Remove it from the target or import the framework it belongs to.", [.competency(k), p])
        }
    }

    private mutating func unknown(_ code: String, where place: String, _ entities: [EntityRef]) {
        add(.unknownCredential, "\(place.capitalizedFirst) lists credential \(code), which does not exist.",
            fix: "Create credential \(code) or remove it from the pathway.", [.credential(code)] + entities)
    }

    /// Groups asking for more than they offer, for nothing, or for everything.
    mutating func checkElectiveGroups() {
        for (s, stage) in pathway.stages.enumerated() {
            for (g, group) in stage.electiveGroups.enumerated() {
                let m = group.options.count
                guard group.choose > m || group.choose < 1 || group.choose == m else { continue }
                let name = "Elective group ‘\(group.title)’ in \(stageName(s))"
                let refs = [groupRef(s, g), stageRef(s), p]
                if group.choose > m {
                    add(.electiveOverAsking, "\(name) asks for \(group.choose) choices but offers only \(m), so no learner can complete it.",
                        fix: "Lower the number to choose to at most \(m), or add options.", refs)
                } else if group.choose < 1 {
                    add(.electiveChooseNone, "\(name) asks for no choice, so its options never count toward the pathway.",
                        fix: "Ask for at least one choice, or move the options out of the group.", refs)
                } else if group.choose == m {
                    let what = m == 1 ? "its only option" : "all \(m) of its options"
                    add(.electiveAllRequired, "\(name) asks for \(what), so there is nothing to choose.",
                        fix: "Make \(m == 1 ? "it" : "them") core credentials, or add options.", refs)
                }
            }
        }
    }
}

extension String {
    /// The string with its first letter in upper case, for sentences that start with a name.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
