import PathwayModel

/// Checks of one credential's own design, independent of any pathway: Annex I completeness,
/// size, hours per credit, outcome levels and unmapped outcomes.
enum CredentialChecks {
    static func findings(for c: MicroCredential, context: EngineContext) -> [Finding] {
        var out: [Finding] = []
        check(c, context: context, pathway: nil, stage: nil, into: &out)
        return out
    }

    /// Appends the credential's findings; with a pathway, they name it and the credential's stage.
    static func check(_ c: MicroCredential, context: EngineContext, pathway: String?, stage: Int?,
                      into out: inout [Finding]) {
        let me: EntityRef = .credential(c.code)
        func add(_ code: FindingCode, _ message: String, fix: String?, _ entities: [EntityRef]) {
            var all = entities
            if let pathway {
                if let stage { all.append(.stage(pathway: pathway, index: stage)) }
                all.append(.pathway(pathway))
            }
            out.append(Finding(code, message, fix: fix, pathway: pathway, entities: all))
        }
        let missing = looksComplete(c) ? [] : c.missingAnnexIElements
        if !missing.isEmpty {
            add(.annexIIncomplete, "\(c.code) lacks the Annex I element\(missing.count == 1 ? "" : "s") \(listed(missing.map(\.label))).",
                fix: "Fill in the missing element\(missing.count == 1 ? "" : "s") in the credential's design.", [me])
        }
        let options = context.options
        if let e = c.ects, e > 0, !options.credentialECTS.contains(e) {
            let side = e < options.credentialECTS.lowerBound ? "smaller" : "larger"
            add(.credentialSize, "\(c.code) is \(credits(e)) ECTS, \(side) than a micro-credential's usual \(credits(options.credentialECTS.lowerBound))–\(credits(options.credentialECTS.upperBound)) ECTS.",
                fix: side == "smaller" ? "Merge it with a related credential, or check its workload."
                                       : "Split it into smaller credentials, or check its workload.", [me])
        }
        if let h = c.hoursPerCredit, !options.hoursPerCredit.contains(h) {
            let range = "\(credits(options.hoursPerCredit.lowerBound))–\(credits(options.hoursPerCredit.upperBound))"
            add(.hoursPerCredit, "\(c.code) has \(credits(c.hours!)) hours for \(credits(c.ects!)) ECTS, \(credits(h)) hours per credit instead of \(range).",
                fix: "Correct the hours or the ECTS so that one credit is \(range) hours of work.", [me])
        }
        for o in c.learningOutcomes {
            let here: EntityRef = .outcome(credential: c.code, id: o.id)
            if o.mappings.isEmpty {
                add(.unmappedOutcome, "Outcome \(o.id) of \(c.code) is mapped to no competency.",
                    fix: "Map it to the competencies it develops.", [here, me])
                continue
            }
            if let level = c.eqfLevel, let top = o.mappings.max(by: { $0.level < $1.level }), top.level > level {
                add(.eqfOutcomeAboveCredential, "Outcome \(o.id) of \(c.code) is mapped to \(context.competencyName(top.competency)) at \(top.level), above the credential's \(level).",
                    fix: "Lower the mapping's level or raise the credential's level.", [here, me, .competency(top.competency)])
            }
        }
    }

    /// A quick test that every Annex I element is filled in (a text starting with a visible
    /// character is not blank), so the full check runs only for credentials that may lack one.
    private static func looksComplete(_ c: MicroCredential) -> Bool {
        func filled(_ s: String) -> Bool {
            guard let first = s.utf8.first else { return false }
            return first != 32 && first != 10 && first != 9
        }
        return filled(c.title) && filled(c.issuerCountry) && filled(c.awardingBody) && filled(c.assessment)
            && filled(c.qualityAssurance) && !c.learningOutcomes.isEmpty && (c.ects ?? 0) > 0
            && c.eqfLevel != nil && c.participation != nil
    }
}
