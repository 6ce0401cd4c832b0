import PathwayModel

/// Checks of one credential's own design, independent of any pathway: Annex I completeness,
/// size, hours per credit, outcome levels and unmapped outcomes.
///
/// They run once per version of a credential (when the engine's index is built or updated);
/// each pathway that holds the credential repeats them with its own stage and pathway added.
enum CredentialChecks {
    /// The credential's findings, without pathway or stage.
    static func findings(for c: MicroCredential, options: EngineOptions) -> [CredentialFinding] {
        var out = designFindings(for: c, options: options)
        for o in c.learningOutcomes {
            if let f = outcomeFinding(c, o, top: o.mappings.max(by: { $0.level < $1.level })) { out.append(f) }
        }
        return out
    }

    /// Annex I completeness, size and hours per credit: the findings that come before the
    /// outcomes' (`outcomeFinding`, one outcome at a time, in outcome order).
    static func designFindings(for c: MicroCredential, options: EngineOptions) -> [CredentialFinding] {
        var out: [CredentialFinding] = []
        func add(_ code: FindingCode, _ message: CredentialFinding.Message, fix: String?) {
            out.append(CredentialFinding(code: code, message: message, fix: fix, entities: [.credential(c.code)]))
        }
        if !looksComplete(c) {
            let missing = c.missingAnnexIElements
            if !missing.isEmpty {
                add(.annexIIncomplete, .text("\(c.code) lacks the Annex I element\(missing.count == 1 ? "" : "s") \(listed(missing.map(\.label)))."),
                    fix: "Fill in the missing element\(missing.count == 1 ? "" : "s") in the credential's design.")
            }
        }
        if let e = c.ects, e > 0, !options.credentialECTS.contains(e) {
            let side = e < options.credentialECTS.lowerBound ? "smaller" : "larger"
            add(.credentialSize, .text("\(c.code) is \(credits(e)) ECTS, \(side) than a micro-credential's usual \(credits(options.credentialECTS.lowerBound))–\(credits(options.credentialECTS.upperBound)) ECTS."),
                fix: side == "smaller" ? "Merge it with a related credential, or check its workload."
                                       : "Split it into smaller credentials, or check its workload.")
        }
        if let h = c.hoursPerCredit, !options.hoursPerCredit.contains(h) {
            let range = "\(credits(options.hoursPerCredit.lowerBound))–\(credits(options.hoursPerCredit.upperBound))"
            add(.hoursPerCredit, .text("\(c.code) has \(credits(c.hours!)) hours for \(credits(c.ects!)) ECTS, \(credits(h)) hours per credit instead of \(range)."),
                fix: "Correct the hours or the ECTS so that one credit is \(range) hours of work.")
        }
        return out
    }

    /// An outcome mapped to nothing, or mapped above the credential's level (`top` is its first
    /// mapping at the highest level).
    static func outcomeFinding(_ c: MicroCredential, _ o: LearningOutcome, top: CompetencyLevel?) -> CredentialFinding? {
        guard let top else {
            return CredentialFinding(code: .unmappedOutcome, message: .text("Outcome \(o.id) of \(c.code) is mapped to no competency."),
                                     fix: "Map it to the competencies it develops.",
                                     entities: [.outcome(credential: c.code, id: o.id), .credential(c.code)])
        }
        guard let level = c.eqfLevel, top.level > level else { return nil }
        // The competency's name is looked up when the finding is made: titles can change
        // without the credential changing.
        return CredentialFinding(code: .eqfOutcomeAboveCredential,
                                 message: .naming(before: "Outcome \(o.id) of \(c.code) is mapped to ", top.competency,
                                                  after: " at \(top.level), above the credential's \(level)."),
                                 fix: "Lower the mapping's level or raise the credential's level.",
                                 entities: [.outcome(credential: c.code, id: o.id), .credential(c.code), .competency(top.competency)])
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

/// One of a credential's own findings, made once and given to every pathway that holds it.
struct CredentialFinding: Sendable {
    enum Message: Sendable {
        case text(String)
        /// A sentence that names a competency by its current title.
        case naming(before: String, CompetencyKey, after: String)
    }

    let code: FindingCode
    let message: Message
    let fix: String?
    let entities: [EntityRef]

    /// The finding as reported in a pathway's stage, or at catalog level (no pathway).
    func finding(pathway: String?, stage: Int?, context: EngineContext) -> Finding {
        let text: String
        switch message {
        case .text(let t): text = t
        case .naming(let before, let key, let after): text = "\(before)\(context.competencyName(key))\(after)"
        }
        var all = entities
        if let pathway {
            all.reserveCapacity(entities.count + 2)
            if let stage { all.append(.stage(pathway: pathway, index: stage)) }
            all.append(.pathway(pathway))
        }
        return Finding(code, text, fix: fix, pathway: pathway, entities: all)
    }
}
