/// Europass / ELM concept URIs used in exports (from the EU vocabularies the ELM sample uses).
enum ELMVocabulary {
    static let context = "http://data.europa.eu/snb/model/context/edc-ap"
    static let eqfScheme = "http://data.europa.eu/snb/eqf/25831c2"
    static let ects = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
    static let ectsScheme = "http://data.europa.eu/snb/education-credit/25831c2"
    static let escoSkills = "http://data.europa.eu/esco/concept-scheme/skills"
    static let iscedPrefix = "http://data.europa.eu/snb/isced-f/"
    static let iscedScheme = "http://data.europa.eu/snb/isced-f/25831c2"
    static let languagePrefix = "http://publications.europa.eu/resource/authority/language/"
    static let languageScheme = "http://publications.europa.eu/resource/authority/language"
    static let blendedMode = "http://data.europa.eu/snb/learning-assessment/e92d221e4d"
    static let modeScheme = "http://data.europa.eu/snb/learning-assessment/25831c2"

    /// ISO 639-1 → the EU language authority's code and English name, for the EU's languages
    /// and a few more common ones.
    static let languages: [String: (code: String, name: String)] = [
        "bg": ("BUL", "Bulgarian"), "cs": ("CES", "Czech"), "da": ("DAN", "Danish"), "de": ("DEU", "German"),
        "el": ("ELL", "Greek"), "en": ("ENG", "English"), "es": ("SPA", "Spanish"), "et": ("EST", "Estonian"),
        "fi": ("FIN", "Finnish"), "fr": ("FRA", "French"), "ga": ("GLE", "Irish"), "hr": ("HRV", "Croatian"),
        "hu": ("HUN", "Hungarian"), "it": ("ITA", "Italian"), "lt": ("LIT", "Lithuanian"), "lv": ("LAV", "Latvian"),
        "mt": ("MLT", "Maltese"), "nl": ("NLD", "Dutch"), "pl": ("POL", "Polish"), "pt": ("POR", "Portuguese"),
        "ro": ("RON", "Romanian"), "sk": ("SLK", "Slovak"), "sl": ("SLV", "Slovenian"), "sv": ("SWE", "Swedish"),
        "no": ("NOR", "Norwegian"), "is": ("ISL", "Icelandic"), "tr": ("TUR", "Turkish"), "uk": ("UKR", "Ukrainian"),
        "sr": ("SRP", "Serbian"), "mk": ("MKD", "Macedonian"), "sq": ("SQI", "Albanian"),
    ]

    /// ISO 8601 duration for a number of hours: 60 → `PT60H`, 7.5 → `PT7H30M`.
    static func duration(hours: Double) -> String {
        guard hours.isFinite, hours > 0 else { return "PT0H" }
        let minutes = Int((min(hours, 1e9) * 60).rounded())
        let h = minutes / 60, m = minutes % 60
        if m == 0 { return "PT\(h)H" }
        return h == 0 ? "PT\(m)M" : "PT\(h)H\(m)M"
    }
}
