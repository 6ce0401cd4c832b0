import ArgumentParser
import PathwayEngine
import PathwayModel

/// `pathway progress --pathway CODE --learner NAME [--what-if CODE,…]`: a learner's progression,
/// as a trainer previews it. The what-if never changes the stored learner.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show where a learner stands on a pathway and what to take next.",
        discussion: """
            Lists each credential as completed, available, blocked (and by what) or not chosen, with \
            credits earned and still needed, target coverage, the next credentials ranked by how many \
            others they unblock, and the EQF level the learner will reach. --what-if counts more \
            credentials as completed for this answer only; the database is not changed.
            """)

    @Option(help: ArgumentHelp("The pathway (its code).", valueName: "code"))
    var pathway: String

    @Option(help: ArgumentHelp("The learner (name as in `pathway list learners`).", valueName: "name"))
    var learner: String

    @Option(name: .customLong("what-if"), parsing: .singleValue,
            help: ArgumentHelp("Treat these credentials as completed, comma-separated (repeatable).", valueName: "codes"))
    var whatIf: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var document: DocumentOptions

    var whatIfCodes: [String] {
        whatIf.flatMap { $0.split(separator: ",") }.map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    func run() throws {
        let doc = try document.open()
        let catalog = doc.catalog
        let person = try CheckCommand.learner(named: learner, in: catalog, path: doc.path)
        guard let path = catalog.pathways[pathway] else {
            throw CheckCommand.unknownPathway(pathway, in: catalog, path: doc.path)
        }
        let unknown = whatIfCodes.filter { catalog.credentials[$0] == nil }
        if !unknown.isEmpty {
            throw CLIError("--what-if names \(unknown.count == 1 ? "a credential" : "credentials") that \(doc.path) does not have: \(unknown.joined(separator: ", ")); use codes from `pathway list credentials`.")
        }
        let progression = EngineContext(catalog: catalog).progression(path, learner: person, whatIf: whatIfCodes)
        let output = ProgressOutput(catalog: catalog, pathway: path, progression: progression)
        Console.out(format == .json ? output.json() : output.text())
    }
}

/// A progression as text for trainers or JSON for scripts.
struct ProgressOutput {
    let catalog: Catalog
    let pathway: Pathway
    let progression: Progression

    func name(_ k: CompetencyKey) -> String {
        catalog.competencies[k].map { "‘\($0.title)’" } ?? k.description
    }

    // MARK: Text

    func text() -> String {
        let p = progression
        var out = "\(TerminalText.visible(p.learner)) on \(TerminalText.visible(pathway.code))  \(TerminalText.visible(pathway.title))\n"
        if !p.assumed.isEmpty { out += "What-if: \(p.assumed.joined(separator: ", ")) counted as completed (not saved).\n" }
        let now = p.currentEQF.map { "EQF \($0.value) now" } ?? "no EQF level yet"
        let end = p.projectedEQF.map { ", at least EQF \($0.value) at the end" } ?? ""
        out += "Credits: \(number(p.earnedECTS)) ECTS earned, \(number(p.remainingECTS)) ECTS still needed · target coverage \(p.coverage.held)/\(p.coverage.required) · \(now)\(end)\n"
        if p.isComplete { out += "The pathway is complete.\n" }
        let width = p.credentials.map { $0.code.count }.max() ?? 0
        for (s, stage) in pathway.stages.enumerated() {
            out += "\nStage \(s + 1)\(stage.title.isEmpty ? "" : "  \(TerminalText.visible(stage.title))")\n"
            for c in p.credentials where c.stage == s {
                let state = c.state.label.padding(19)
                let code = TerminalText.visible(c.code).padding(width)
                var line = "  \(state) \(code)  \(TerminalText.visible(c.title))"
                if let g = c.group { line += "  [option of ‘\(TerminalText.visible(stage.electiveGroups[g].title))’]" }
                if case .blocked(let b) = c.state { line += " — needs " + blockers(b) }
                out += line + "\n"
            }
        }
        if !p.next.isEmpty {
            out += "\nNext, most useful first:\n"
            for (i, step) in p.next.enumerated() {
                var why: [String] = []
                if !step.unblocks.isEmpty { why.append("unblocks \(step.unblocks.joined(separator: ", "))") }
                if !step.coverageGain.isEmpty {
                    why.append("adds \(step.coverageGain.count) target competenc\(step.coverageGain.count == 1 ? "y" : "ies")")
                }
                let title = catalog.credentials[step.code]?.title ?? ""
                out += "  \(i + 1). \(TerminalText.visible(step.code))  \(TerminalText.visible(title))\(why.isEmpty ? "" : " — " + why.joined(separator: "; "))\n"
            }
        }
        if !p.coverage.missing.isEmpty {
            out += "\nTarget competencies still missing:\n"
            for m in p.coverage.missing { out += "  \(TerminalText.visible(name(m.competency))) at EQF \(m.level.value)\n" }
        }
        return out
    }

    private func blockers(_ b: Blockers) -> String {
        let gaps = b.competencies.map { g in
            "\(name(g.competency)) at EQF \(g.required.value)" + (g.held.map { " (holds EQF \($0.value))" } ?? "")
        }
        return TerminalText.visible((b.credentials + gaps).joined(separator: "; "))
    }

    // MARK: JSON

    func json() -> String {
        let p = progression
        func s(_ x: String) -> String { JSONText.string(x) }
        func level(_ l: EQFLevel?) -> String { l.map { String($0.value) } ?? "null" }
        var out = "{\n"
        out += "  \"pathway\": \(s(p.pathway)),\n  \"learner\": \(s(p.learner)),\n"
        out += "  \"whatIf\": [\(p.assumed.map(s).joined(separator: ", "))],\n"
        out += "  \"earnedECTS\": \(number(p.earnedECTS)),\n  \"remainingECTS\": \(number(p.remainingECTS)),\n"
        out += "  \"coverage\": {\"held\": \(p.coverage.held), \"required\": \(p.coverage.required), \"missing\": ["
            + p.coverage.missing.map { "{\"competency\": \(s($0.competency.description)), \"level\": \($0.level.value)}" }.joined(separator: ", ")
            + "]},\n"
        out += "  \"currentEQF\": \(level(p.currentEQF)),\n  \"projectedEQF\": \(level(p.projectedEQF)),\n"
        out += "  \"complete\": \(p.isComplete),\n"
        let rows = p.credentials.map { c -> String in
            var fields = ["\"code\": \(s(c.code))", "\"title\": \(s(c.title))", "\"stage\": \(c.stage + 1)",
                          "\"group\": \(c.group.map { String($0 + 1) } ?? "null")",
                          "\"ects\": \(c.ects.map(number) ?? "null")", "\"eqf\": \(level(c.eqfLevel))",
                          "\"state\": \(s(stateCode(c.state)))"]
            if case .completed(let assumed) = c.state { fields.append("\"whatIf\": \(assumed)") }
            if case .blocked(let b) = c.state {
                let gaps = b.competencies.map {
                    "{\"competency\": \(s($0.competency.description)), \"required\": \($0.required.value), \"held\": \(level($0.held))}"
                }
                fields.append("\"blockedBy\": {\"credentials\": [\(b.credentials.map(s).joined(separator: ", "))], \"competencies\": [\(gaps.joined(separator: ", "))]}")
            }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        out += "  \"credentials\": [\n" + rows.joined(separator: ",\n") + (rows.isEmpty ? "" : "\n") + "  ],\n"
        let next = p.next.map {
            "    {\"code\": \(s($0.code)), \"unblocks\": [\($0.unblocks.map(s).joined(separator: ", "))], \"coverageGain\": [\($0.coverageGain.map { s($0.description) }.joined(separator: ", "))]}"
        }
        out += "  \"next\": [\n" + next.joined(separator: ",\n") + (next.isEmpty ? "" : "\n") + "  ]\n"
        return out + "}\n"
    }

    /// `completed`, `available`, `blocked` or `not-chosen`.
    private func stateCode(_ state: CredentialState) -> String {
        switch state {
        case .completed: return "completed"
        case .available: return "available"
        case .blocked: return "blocked"
        case .notChosen: return "not-chosen"
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
