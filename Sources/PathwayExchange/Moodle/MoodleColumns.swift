/// The 14 columns of Moodle's competency framework CSV (admin/tool/lpimportcsv), by position:
/// Moodle reads them by position and their header wording differs between versions.
enum MoodleColumn: Int, CaseIterable {
    case parentIDNumber, idNumber, shortName, description, descriptionFormat, scaleValues,
         scaleConfiguration, ruleType, ruleOutcome, ruleConfig, crossReferences, exportedID,
         isFramework, taxonomy

    static let count = 14

    /// The header Moodle 4.x writes.
    var header: String {
        switch self {
        case .parentIDNumber: return "Parent ID number"
        case .idNumber: return "ID number"
        case .shortName: return "Short name"
        case .description: return "Description"
        case .descriptionFormat: return "Description format"
        case .scaleValues: return "Scale values"
        case .scaleConfiguration: return "Scale configuration"
        case .ruleType: return "Rule type (optional)"
        case .ruleOutcome: return "Rule outcome (optional)"
        case .ruleConfig: return "Rule config (optional)"
        case .crossReferences: return "Cross-referenced competency ID numbers"
        case .exportedID: return "Exported ID (optional)"
        case .isFramework: return "Is framework"
        case .taxonomy: return "Taxonomy"
        }
    }
}

/// Moodle's text formats (FORMAT_MOODLE 0, FORMAT_HTML 1, FORMAT_PLAIN 2, FORMAT_MARKDOWN 4).
enum MoodleFormat {
    static let html = "1"
    static let plain = "2"

    /// Plain text for a description in the given format: HTML (and Moodle auto-format) are
    /// converted to readable text; plain and Markdown text are kept as written.
    static func text(_ description: String, format: String) -> String {
        switch TextTools.trim(format) {
        case "2", "4": return description
        default: return TextTools.trim(HTMLText.toText(description))
        }
    }
}
