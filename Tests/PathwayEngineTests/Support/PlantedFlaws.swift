import PathwayModel

/// Plants every kind of flaw the engine reports into a generated (and otherwise sound) catalog,
/// deterministically, so that a digest of the engine's results covers every check: cycles,
/// unknown and repeated credentials, odd elective groups, competency prerequisites, outcome
/// levels above the credential, unmapped outcomes, odd sizes, learners with prior learning.
enum PlantedFlaws {
    static func plant(in original: Catalog) -> Catalog {
        var catalog = original
        let codes = catalog.credentials.keys.sorted()
        let n = codes.count
        guard n >= 6 else { return catalog }
        // A cycle of three, a self-requirement, and a cycle of two.
        catalog.credentials[codes[0]]!.prerequisites.credentials.append(codes[1])
        catalog.credentials[codes[1]]!.prerequisites.credentials.append(codes[2])
        catalog.credentials[codes[2]]!.prerequisites.credentials.append(codes[0])
        catalog.credentials[codes[3]]!.prerequisites.credentials.append(codes[3])
        catalog.credentials[codes[4]]!.prerequisites.credentials += [codes[5], "NO-SUCH-CREDENTIAL"]
        catalog.credentials[codes[5]]!.prerequisites.credentials.append(codes[4])
        for (i, code) in codes.enumerated() {
            var c = catalog.credentials[code]!
            let other = catalog.credentials[codes[(i + 3) % n]]!
            if i % 7 == 0, let m = other.learningOutcomes.first?.mappings.first {
                let level = EQFLevel(min(8, m.level.value + (i % 14 == 0 ? 1 : 0)))!
                c.prerequisites.competencies.append(CompetencyLevel(competency: m.competency, level: level))
            }
            if i % 9 == 0 { c.prerequisites.recommendedAfter.append(codes[(i + 1) % n]) }
            if i % 11 == 0, let level = c.eqfLevel, level.value < 8, !c.learningOutcomes.isEmpty,
               !c.learningOutcomes[0].mappings.isEmpty {
                c.learningOutcomes[0].mappings[0].level = EQFLevel(level.value + 1)!
            }
            if i % 13 == 0, c.learningOutcomes.count > 1 { c.learningOutcomes[1].mappings = [] }
            if i % 17 == 0 { c.ects = 40 }
            if i % 19 == 0, let h = c.hours { c.hours = h * 3 }
            if i % 23 == 0 { c.title = " " }
            catalog.credentials[code] = c
        }
        let pathways = catalog.pathways.keys.sorted()
        for (i, code) in pathways.enumerated() {
            var p = catalog.pathways[code]!
            guard !p.stages.isEmpty else { continue }
            switch i % 8 {
            case 0: p.stages[0].core.append("GHOST-\(i)")
            case 1: p.stages[p.stages.count - 1].core.append(p.stages[0].core.first ?? codes[0])
            case 2: p.stages.append(Stage(title: "Nothing"))
            case 3: p.target.competencies.append(CompetencyLevel(competency: CompetencyKey(framework: "NOPE", code: "x"), level: EQFLevel(3)!))
            case 4: p.stages[0].electiveGroups.append(ElectiveGroup(title: "Pick", choose: 3, options: Array(codes[6..<8])))
            case 5: p.stages[0].electiveGroups.append(ElectiveGroup(title: "None", choose: 0, options: [codes[8 % n]]))
            case 6: p.target.competencies = []
            default: p.stages.insert(Stage(title: "Cycle", core: [codes[0], codes[1]]), at: 0)
            }
            catalog.pathways[code] = p
        }
        for (i, name) in catalog.learners.keys.sorted().enumerated() where i % 3 == 0 {
            let taught = catalog.credentials[codes[(i * 5) % n]]!.taughtCompetencies
            catalog.learners[name]!.priorLearning += taught.sorted { $0.key < $1.key }.map {
                CompetencyLevel(competency: $0.key, level: $0.value)
            }
        }
        return catalog
    }
}
