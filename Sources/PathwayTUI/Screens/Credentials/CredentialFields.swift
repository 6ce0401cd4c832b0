import PathwayModel

/// The fields of the micro-credential form: label, whether Annex I makes it mandatory, how it is
/// shown and how it is edited.
public enum CredentialField: String, CaseIterable, Sendable {
    case title, awardingBody, issuerCountry, ects, hours, eqfLevel, qfEheaCycle, assessment,
         participation, qualityAssurance, supervision, gradingScheme, stackability, furtherInformation,
         summary, languages, iscedField, status, entryNote

    public var label: String {
        switch self {
        case .title: return "Title"
        case .awardingBody: return "Awarding body"
        case .issuerCountry: return "Country/region"
        case .ects: return "ECTS"
        case .hours: return "Hours"
        case .eqfLevel: return "EQF level"
        case .qfEheaCycle: return "QF-EHEA cycle"
        case .assessment: return "Assessment"
        case .participation: return "Participation"
        case .qualityAssurance: return "Quality assurance"
        case .supervision: return "Supervision"
        case .gradingScheme: return "Grading"
        case .stackability: return "Stackability"
        case .furtherInformation: return "Further info"
        case .summary: return "Summary"
        case .languages: return "Languages"
        case .iscedField: return "ISCED-F field"
        case .status: return "Status"
        case .entryNote: return "Entry requirements"
        }
    }

    /// One of the EU Council Recommendation's mandatory elements of a design.
    public var isMandatory: Bool {
        switch self {
        case .title, .awardingBody, .issuerCountry, .ects, .eqfLevel, .assessment, .participation, .qualityAssurance: return true
        default: return false
        }
    }

    /// Chosen from a list rather than typed.
    public var choices: [String]? {
        switch self {
        case .qfEheaCycle: return ["none"] + QFEHEACycle.allCases.map(\.rawValue)
        case .participation: return ["none"] + ParticipationForm.allCases.map(\.rawValue)
        case .supervision: return ["none"] + Supervision.allCases.map(\.rawValue)
        case .status: return CredentialStatus.allCases.map(\.rawValue)
        case .eqfLevel: return ["none"] + (1...8).map(String.init)
        default: return nil
        }
    }

    public func value(of c: MicroCredential) -> String {
        switch self {
        case .title: return c.title
        case .awardingBody: return c.awardingBody
        case .issuerCountry: return c.issuerCountry
        case .ects: return c.ects.map(ECTSFormat.text) ?? ""
        case .hours: return c.hours.map(ECTSFormat.text) ?? ""
        case .eqfLevel: return c.eqfLevel.map { String($0.value) } ?? ""
        case .qfEheaCycle: return c.qfEheaCycle?.rawValue ?? ""
        case .assessment: return c.assessment
        case .participation: return c.participation?.rawValue ?? ""
        case .qualityAssurance: return c.qualityAssurance
        case .supervision: return c.supervision?.label ?? ""
        case .gradingScheme: return c.gradingScheme
        case .stackability:
            switch c.stackability {
            case .standAlone: return "stand-alone"
            case .stackable(let towards): return towards.isEmpty ? "stackable" : "stackable towards " + towards.joined(separator: ", ")
            }
        case .furtherInformation: return c.furtherInformation
        case .summary: return c.summary
        case .languages: return c.languages.joined(separator: ", ")
        case .iscedField: return c.iscedField
        case .status: return c.status.rawValue
        case .entryNote: return c.prerequisites.note
        }
    }

    /// The text a prompt starts with when editing.
    public func editText(of c: MicroCredential) -> String {
        switch self {
        case .stackability:
            if case .stackable(let towards) = c.stackability { return towards.joined(separator: ", ") }
            return ""
        case .supervision: return c.supervision?.rawValue ?? ""
        default: return value(of: c)
        }
    }

    /// Why the typed text is not acceptable yet, or nil.
    public static func problem(_ field: CredentialField, _ text: String) -> String? {
        let t = String(text.trimmingSpaces)
        switch field {
        case .ects, .hours:
            if t.isEmpty { return nil }
            guard let v = Double(t.replacingComma), v.isFinite else { return "Type a number such as 2.5 (or leave it empty)." }
            if v <= 0 { return field == .ects ? "ECTS must be a positive number." : "Hours must be a positive number." }
            if field == .ects && v > 180 { return "That is more than a whole degree; a micro-credential is usually 1–30 ECTS." }
            return nil
        case .eqfLevel:
            if t.isEmpty { return nil }
            guard let n = Int(t), EQFLevel(n) != nil else { return "The EQF level is a whole number from 1 to 8." }
            return nil
        case .title:
            return t.isEmpty ? "A micro-credential needs a title." : nil
        case .issuerCountry:
            return t.count > 60 ? "Give the country code (PT) or a region name." : nil
        default:
            return nil
        }
    }

    /// A hint shown under ECTS and hours while typing: hours per credit against the 25–30 convention.
    public static func hint(_ field: CredentialField, _ text: String, _ c: MicroCredential) -> String? {
        guard field == .ects || field == .hours, let v = Double(String(text.trimmingSpaces).replacingComma), v > 0 else { return nil }
        let ects = field == .ects ? v : c.ects
        let hours = field == .hours ? v : c.hours
        guard let e = ects, let h = hours, e > 0 else {
            return field == .ects ? "1 ECTS is 25–30 hours of learning: \(ECTSFormat.text(v * 25))–\(ECTSFormat.text(v * 30)) hours." : nil
        }
        let per = h / e
        let verdict = ECTS.hoursPerCredit.contains(per) ? "within" : "outside"
        return "\(ECTSFormat.text((per * 10).rounded() / 10)) hours per ECTS, \(verdict) the usual 25–30."
    }

    /// The credential with the field set from the text (already validated).
    public func apply(_ text: String, to c: MicroCredential) -> MicroCredential {
        var c = c
        let t = String(text.trimmingSpaces)
        switch self {
        case .title: c.title = t
        case .awardingBody: c.awardingBody = t
        case .issuerCountry: c.issuerCountry = t
        case .ects: c.ects = Double(t.replacingComma)
        case .hours: c.hours = Double(t.replacingComma)
        case .eqfLevel: c.eqfLevel = Int(t).flatMap(EQFLevel.init)
        case .qfEheaCycle: c.qfEheaCycle = QFEHEACycle(rawValue: t)
        case .assessment: c.assessment = t
        case .participation: c.participation = ParticipationForm(rawValue: t)
        case .qualityAssurance: c.qualityAssurance = t
        case .supervision: c.supervision = Supervision(rawValue: t)
        case .gradingScheme: c.gradingScheme = t
        case .stackability:
            let towards = t.split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
            c.stackability = t.isEmpty ? .standAlone : .stackable(towards: towards)
        case .furtherInformation: c.furtherInformation = t
        case .summary: c.summary = t
        case .languages: c.languages = t.split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
        case .iscedField: c.iscedField = t
        case .status: c.status = CredentialStatus(rawValue: t) ?? c.status
        case .entryNote: c.prerequisites.note = t
        }
        return c
    }
}

extension String {
    /// "2,5" read as 2.5, as many European users type it.
    var replacingComma: String { String(map { $0 == "," ? "." : $0 }) }
}
