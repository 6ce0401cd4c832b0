import PathwayModel

/// Writes European Learning Model v3 JSON-LD learning achievement specifications, in the shape
/// of the Commission's Annex I sample (`Sample-MC-Annex1-unsigned.jsonld`) and with terms of the
/// EDC application profile context.
///
/// A credential becomes a `Qualification` when it has an EQF level (ELM puts `eqfLevel` on
/// Qualification), else a `LearningAchievementSpecification`; a pathway becomes one whose
/// `hasPart` holds its credentials' specifications, stage by stage. ECTS go in `creditPoint`
/// with `point` as a string; hours in `volumeOfLearning` as an ISO 8601 duration (`PT60H`).
/// Annex I elements with no ELM property of their own (awarding body, country, assessment,
/// participation, quality assurance, supervision, stacking) travel as `additionalNote`s.
public enum ELMExporter {
    public static func credentialText(_ code: String, in catalog: Catalog) throws -> String {
        guard let c = catalog.credentials[code] else {
            throw ExportError("there is no credential \(code); `pathway list credentials` shows the codes")
        }
        return JSONWriter.text(withContext(specification(c, in: catalog)))
    }

    public static func pathwayText(_ code: String, in catalog: Catalog) throws -> String {
        guard let p = catalog.pathways[code] else {
            throw ExportError("there is no pathway \(code); `pathway list pathways` shows the codes")
        }
        return JSONWriter.text(withContext(specification(p, in: catalog)))
    }

    static func withContext(_ spec: JSONTree) -> JSONTree {
        guard case .object(let members) = spec else { return spec }
        return .object([("@context", .string(ELMVocabulary.context))] + members)
    }

    static func lang(_ languages: [String]) -> String {
        let first = languages.first?.split(separator: "-").first.map(String.init) ?? "en"
        return first.isEmpty ? "en" : first
    }

    static func concept(_ id: String, scheme: String?, label: String, lang: String, notation: String? = nil) -> JSONTree {
        var o = JSONTreeObject()
        o.set("id", id)
        o.set("type", "Concept")
        if let scheme { o.set("inScheme", .object([("id", .string(scheme)), ("type", .string("ConceptScheme"))])) }
        o.set("notation", notation)
        o.set("prefLabel", .object([(lang, .string(label))]))
        return o.value
    }

    static func note(_ id: String, _ text: String, lang: String) -> JSONTree {
        .object([("id", .string(id)), ("type", .string("Note")), ("noteLiteral", .object([(lang, .string(text))]))])
    }

    static func creditPoint(_ ects: Double, id: String, lang: String) -> JSONTree {
        .object([
            ("id", .string("urn:epass:creditPoint:\(id)")),
            ("type", .string("CreditPoint")),
            ("framework", concept(ELMVocabulary.ects, scheme: ELMVocabulary.ectsScheme, label: "European Credit Transfer System", lang: lang)),
            ("point", .string(JSONTree.number(ects).plainNumber)),
        ])
    }

    static func skills(_ keys: [CompetencyKey], in catalog: Catalog, lang: String) -> (esco: [JSONTree], other: [JSONTree]) {
        var esco: [JSONTree] = [], other: [JSONTree] = []
        for key in keys {
            let c = catalog.competencies[key]
            let uri = c?.uri ?? "urn:pathway:competency:\(key)"
            let label = c?.title ?? key.code
            if uri.hasPrefix("http://data.europa.eu/esco/") {
                esco.append(concept(uri, scheme: ELMVocabulary.escoSkills, label: label, lang: lang, notation: "Skill"))
            } else {
                other.append(concept(uri, scheme: nil, label: label, lang: lang))
            }
        }
        return (esco, other)
    }

    static func outcome(_ id: String, title: String, keys: [CompetencyKey], in catalog: Catalog, lang: String) -> JSONTree {
        var o = JSONTreeObject()
        o.set("id", "urn:epass:learningOutcome:\(id)")
        o.set("type", "LearningOutcome")
        o.set("title", .object([(lang, .string(title))]))
        let (esco, other) = skills(keys, in: catalog, lang: lang)
        if !esco.isEmpty { o.set("relatedESCOSkill", .array(esco)) }
        if !other.isEmpty { o.set("relatedSkill", .array(other)) }
        return o.value
    }

    static func specification(_ c: MicroCredential, in catalog: Catalog) -> JSONTree {
        let uuid = Identifiers.uuid(named: "credential:" + c.code)
        let lang = lang(c.languages)
        var s = JSONTreeObject()
        let isQualification = c.eqfLevel != nil
        s.set("id", "urn:epass:\(isQualification ? "qualification" : "learningAchievementSpecification"):\(uuid)")
        s.set("type", isQualification ? "Qualification" : "LearningAchievementSpecification")
        s.set("title", .object([(lang, .string(c.title))]))
        if !c.summary.isEmpty { s.set("description", .object([(lang, .string(c.summary))])) }
        if let eqf = c.eqfLevel {
            s.set("eqfLevel", concept(eqf.uri, scheme: ELMVocabulary.eqfScheme, label: "Level \(eqf.value)", lang: "en"))
        }
        if !c.iscedField.isEmpty {
            s.set("thematicArea", .array([concept(ELMVocabulary.iscedPrefix + c.iscedField, scheme: ELMVocabulary.iscedScheme, label: "ISCED-F \(c.iscedField)", lang: "en")]))
        }
        if let ects = c.ects { s.set("creditPoint", creditPoint(ects, id: uuid, lang: "en")) }
        if let h = c.hours, h > 0, h.isFinite { s.set("volumeOfLearning", ELMVocabulary.duration(hours: h)) }
        if !c.prerequisites.note.isEmpty { s.set("entryRequirement", note("urn:epass:note:\(uuid)-entry", c.prerequisites.note, lang: lang)) }
        if !c.learningOutcomes.isEmpty {
            s.set("learningOutcome", .array(c.learningOutcomes.map { o in
                outcome("\(uuid)-\(o.id)", title: o.statement, keys: o.mappings.map(\.competency), in: catalog, lang: lang)
            }))
        }
        if c.participation == .blended {
            s.set("mode", concept(ELMVocabulary.blendedMode, scheme: ELMVocabulary.modeScheme, label: "Blended", lang: "en"))
        }
        let languages = c.languages.compactMap { tag -> JSONTree? in
            guard let l = ELMVocabulary.languages[String(tag.prefix(2))] else { return nil }
            return concept(ELMVocabulary.languagePrefix + l.code, scheme: ELMVocabulary.languageScheme, label: l.name, lang: "en", notation: "language")
        }
        if languages.count == 1 { s.set("language", languages[0]) } else if !languages.isEmpty { s.set("language", .array(languages)) }
        var notes: [(String, String)] = []
        if !c.awardingBody.isEmpty { notes.append(("awarding", "Awarding body: \(c.awardingBody)")) }
        if !c.issuerCountry.isEmpty { notes.append(("country", "Country or region of the issuer: \(c.issuerCountry)")) }
        if !c.assessment.isEmpty { notes.append(("assessment", "Type of assessment: \(c.assessment)")) }
        if let p = c.participation { notes.append(("participation", "Form of participation: \(p.rawValue)")) }
        if !c.qualityAssurance.isEmpty { notes.append(("qa", "Type of quality assurance: \(c.qualityAssurance)")) }
        if let sup = c.supervision { notes.append(("supervision", "Supervision and identity verification: \(sup.label)")) }
        if !c.gradingScheme.isEmpty { notes.append(("grading", "Grading: \(c.gradingScheme)")) }
        switch c.stackability {
        case .standAlone: notes.append(("stacking", "Integration and stacking: stand-alone"))
        case .stackable(let towards):
            notes.append(("stacking", "Integration and stacking: stackable" + (towards.isEmpty ? "" : " towards " + towards.joined(separator: ", "))))
        }
        if !c.furtherInformation.isEmpty { notes.append(("further", "Further information: \(c.furtherInformation)")) }
        s.set("additionalNote", .array(notes.map { note("urn:epass:note:\(uuid)-\($0.0)", $0.1, lang: lang) }))
        return s.value
    }

    static func specification(_ p: Pathway, in catalog: Catalog) -> JSONTree {
        let uuid = Identifiers.uuid(named: "pathway:" + p.code)
        let parts = p.allCredentialCodes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .compactMap { catalog.credentials[$0] }
        let lang = lang(parts.first?.languages ?? [])
        var s = JSONTreeObject()
        let isQualification = p.target.eqfLevel != nil
        s.set("id", "urn:epass:\(isQualification ? "qualification" : "learningAchievementSpecification"):\(uuid)")
        s.set("type", isQualification ? "Qualification" : "LearningAchievementSpecification")
        s.set("title", .object([(lang, .string(p.title))]))
        var description = p.description
        if !p.target.occupation.isEmpty {
            description += (description.isEmpty ? "" : "\n\n") + "Leads to: \(p.target.occupation)"
        }
        if !description.isEmpty { s.set("description", .object([(lang, .string(description))])) }
        if let eqf = p.target.eqfLevel {
            s.set("eqfLevel", concept(eqf.uri, scheme: ELMVocabulary.eqfScheme, label: "Level \(eqf.value)", lang: "en"))
        }
        let totals = PathwayTotals(p, in: catalog)
        if totals.minimumECTS > 0 { s.set("creditPoint", creditPoint(totals.minimumECTS, id: uuid, lang: "en")) }
        if totals.minimumHours > 0 { s.set("volumeOfLearning", ELMVocabulary.duration(hours: totals.minimumHours)) }
        if !p.target.competencies.isEmpty {
            s.set("learningOutcome", .array([outcome("\(uuid)-target", title: "Target profile" + (p.target.occupation.isEmpty ? "" : ": \(p.target.occupation)"),
                                                      keys: p.target.competencies.map(\.competency), in: catalog, lang: lang)]))
        }
        var notes: [JSONTree] = []
        for (i, stage) in p.stages.enumerated() {
            var text = "Stage \(i + 1): \(stage.title)"
            if !stage.core.isEmpty { text += ". Core: " + stage.core.joined(separator: ", ") }
            for g in stage.electiveGroups {
                text += ". Choose \(g.choose) of \(g.title): " + g.options.joined(separator: ", ")
            }
            notes.append(note("urn:epass:note:\(uuid)-stage\(i + 1)", text, lang: lang))
        }
        if !notes.isEmpty { s.set("additionalNote", .array(notes)) }
        s.set("hasPart", .array(parts.map { specification($0, in: catalog) }))
        return s.value
    }
}
