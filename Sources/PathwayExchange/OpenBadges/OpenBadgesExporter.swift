import PathwayModel

/// Writes a micro-credential as an Open Badges 3.0 `Achievement`, and an issued one as an
/// unsigned `OpenBadgeCredential` (AchievementCredential), valid against 1EdTech's schema.
///
/// OB 3.0 has no EQF, ECTS or stacking fields, so this follows practice (see docs/exchange.md):
/// `achievementType` MicroCredential; ECTS in `creditsAvailable`; the EQF level as an alignment
/// with `targetType: "ext:EQF"` and `targetCode` the level; each competency the outcomes teach as
/// a `ceasn:Competency` alignment whose `targetUrl` is its ESCO (or other) URI.
public enum OpenBadgesExporter {
    public static let contexts: [JSONTree] = [
        .string("https://www.w3.org/ns/credentials/v2"),
        .string("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
    ]

    /// The Achievement for a credential design, with its own `@context` when standing alone.
    public static func achievement(_ c: MicroCredential, in catalog: Catalog, standalone: Bool = true) -> JSONTree {
        var a = JSONTreeObject()
        if standalone { a.set("@context", .array(contexts)) }
        a.set("id", "urn:uuid:" + Identifiers.uuid(named: "credential:" + c.code))
        a.set("type", .array([.string("Achievement")]))
        a.set("achievementType", "MicroCredential")
        a.set("name", c.title)
        a.set("description", c.summary.isEmpty ? "Micro-credential: \(c.title)" : c.summary)
        a.set("criteria", .object([("narrative", .string(criteria(c)))]))
        a.set("creator", profile(c))
        if let ects = c.ects { a.set("creditsAvailable", JSONTree.number(ects)) }
        a.set("humanCode", c.code)
        if let lang = c.languages.first(where: isOBLanguage) { a.set("inLanguage", lang) }
        if !c.iscedField.isEmpty { a.set("fieldOfStudy", "ISCED-F \(c.iscedField)") }
        a.set("alignment", .array(alignments(c, in: catalog)))
        if !c.learningOutcomes.isEmpty {
            a.set("tag", .array(["micro-credential"].map { .string($0) }))
        }
        return a.value
    }

    /// The unsigned credential for a learner who completed the credential.
    public static func credential(_ issued: IssuedCredential, in catalog: Catalog) -> JSONTree {
        let c = issued.credential
        let date = "\(issued.issued)T00:00:00Z"
        var subject = JSONTreeObject()
        subject.set("type", .array([.string("AchievementSubject")]))
        subject.set("identifier", .array([.object([
            ("type", .string("IdentityObject")),
            ("identityType", .string("name")),
            ("hashed", .bool(false)),
            ("identityHash", .string(issued.learner)),
        ])]))
        subject.set("achievement", achievement(c, in: catalog, standalone: false))
        if let ects = c.ects { subject.set("creditsEarned", JSONTree.number(ects)) }
        var result = JSONTreeObject()
        result.set("type", .array([.string("Result")]))
        result.set("status", "Completed")
        if let grade = issued.grade, !grade.isEmpty { result.set("value", grade) }
        subject.set("result", .array([result.value]))

        var vc = JSONTreeObject()
        vc.set("@context", .array(contexts))
        vc.set("id", "urn:uuid:" + Identifiers.uuid(named: "issued:\(c.code):\(issued.learner):\(issued.issued)"))
        vc.set("type", .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]))
        vc.set("name", c.title)
        vc.set("issuer", profile(c))
        vc.set("validFrom", date)
        vc.set("awardedDate", date)
        vc.set("credentialSubject", subject.value)
        return vc.value
    }

    /// `pathway export ob3`: the Achievement, or with a learner the credential they were awarded.
    public static func text(credential code: String, learner: String?, in catalog: Catalog) throws -> String {
        guard let c = catalog.credentials[code] else {
            throw ExportError("there is no credential \(code); `pathway list credentials` shows the codes")
        }
        guard let learner else { return JSONWriter.text(achievement(c, in: catalog)) }
        guard let l = catalog.learners[learner] else {
            throw ExportError("there is no learner \(learner); `pathway list learners` shows the names")
        }
        guard let done = l.completions.filter({ $0.credential == code }).max(by: { $0.date < $1.date }) else {
            throw ExportError("\(learner) has not completed \(code); record the completion first, then export the credential")
        }
        return JSONWriter.text(credential(IssuedCredential(credential: c, learner: learner, issued: done.date), in: catalog))
    }

    static func profile(_ c: MicroCredential) -> JSONTree {
        let name = c.awardingBody.isEmpty ? "Awarding body not set" : c.awardingBody
        var p = JSONTreeObject()
        p.set("id", "urn:uuid:" + Identifiers.uuid(named: "organisation:" + name))
        p.set("type", .array([.string("Profile")]))
        p.set("name", name)
        if !c.issuerCountry.isEmpty {
            let isCode = c.issuerCountry.count == 2 && c.issuerCountry.allSatisfy { $0.isASCII && $0.isUppercase }
            p.set("address", .object([
                ("type", .array([.string("Address")])),
                (isCode ? "addressCountryCode" : "addressRegion", .string(c.issuerCountry)),
            ]))
        }
        return p.value
    }

    static func criteria(_ c: MicroCredential) -> String {
        var parts: [String] = []
        if !c.learningOutcomes.isEmpty {
            parts.append("Learning outcomes:\n" + c.learningOutcomes.map { "- \($0.statement)" }.joined(separator: "\n"))
        }
        if !c.assessment.isEmpty { parts.append("Assessment: \(c.assessment)") }
        if let p = c.participation { parts.append("Form of participation: \(p.rawValue)") }
        if let s = c.supervision { parts.append("Supervision: \(s.label)") }
        if !c.qualityAssurance.isEmpty { parts.append("Quality assurance: \(c.qualityAssurance)") }
        if !c.prerequisites.note.isEmpty { parts.append("Entry requirements: \(c.prerequisites.note)") }
        if let h = c.hours { parts.append("Notional workload: \(JSONTree.number(h).plainNumber) hours") }
        return parts.isEmpty ? "Complete the micro-credential \(c.title)." : parts.joined(separator: "\n\n")
    }

    static func alignments(_ c: MicroCredential, in catalog: Catalog) -> [JSONTree] {
        var result: [JSONTree] = []
        for (key, level) in c.taughtCompetencies.sorted(by: { $0.key < $1.key }) {
            let comp = catalog.competencies[key]
            var a = JSONTreeObject()
            a.set("type", .array([.string("Alignment")]))
            a.set("targetName", comp?.title ?? key.code)
            a.set("targetUrl", comp?.uri ?? "urn:pathway:competency:\(key)")
            if let d = comp?.description, !d.isEmpty { a.set("targetDescription", d) }
            a.set("targetCode", key.code)
            a.set("targetFramework", catalog.frameworks[key.framework]?.title ?? key.framework)
            a.set("targetType", "ceasn:Competency")
            _ = level
            result.append(a.value)
        }
        if let eqf = c.eqfLevel {
            result.append(.object([
                ("type", .array([.string("Alignment")])),
                ("targetName", .string("EQF level \(eqf.value)")),
                ("targetUrl", .string(eqf.uri)),
                ("targetCode", .string(String(eqf.value))),
                ("targetFramework", .string("European Qualifications Framework")),
                ("targetType", .string("ext:EQF")),
            ]))
        }
        return result
    }

    /// BCP 47 tags in the shape the OB 3.0 schema accepts (`en`, `pt-BR`, `sr-Latn-RS`).
    static func isOBLanguage(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, (2...4).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.first!.isUppercase, script.dropFirst().allSatisfy({ $0.isASCII && $0.isLowercase }) {
            rest = rest.dropFirst()
        }
        if let region = rest.first {
            let ok = (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase })
                || (region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber })
            guard ok else { return false }
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }
}

extension JSONTree {
    /// A number's text ("2.5"), or "" for other values.
    var plainNumber: String { if case .number(let n) = self { return n } else { return "" } }
}
