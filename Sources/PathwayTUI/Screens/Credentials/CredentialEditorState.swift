import PathwayModel

extension Action {
    static let credAdd = Action("credential.add")
    static let credDelete = Action("credential.delete")
    static let credAddOutcome = Action("credential.add-outcome")
    static let credMapOutcome = Action("credential.map-outcome")
    static let credAddPrerequisite = Action("credential.add-prerequisite")
    static let credEdit = Action("credential.edit")
}

/// The micro-credential editor: the list of credentials and a form with every element of the
/// design, validated as typed, with outcomes mapped to competencies and a completeness gauge for
/// the EU mandatory elements.
public struct CredentialEditorScreen: Screen {
    public var id: ScreenID { .credentials }

    public enum Focus: Sendable { case list, form }

    /// One line of the form.
    public enum Row: Hashable, Sendable {
        case field(CredentialField)
        case outcomesHeading
        case outcome(Int)
        case mapping(Int, Int)
        case prerequisitesHeading
        case prerequisite(Int)
    }

    public var codes: [String] = []
    public var listCursor = ListCursor()
    public var focus = Focus.list
    public var formRows: [Row] = []
    public var formCursor = ListCursor()
    public var filter = ""
    var allCodes: [String] = []
    /// Search text of each of `allCodes`, made on the first filter after a change.
    var searchIndex: SearchIndex?
    var pendingCode: String?
    var pendingMapping: (outcome: Int, competency: CompetencyKey)?
    var pendingSelection: String?
    /// Competency picker items, built once per document version (14,000 at ESCO scale).
    var competencyItems: [Picker.Item] = []
    var competencyItemsVersion = -1
    var version = 0

    public init(document: Document) { refresh(document) }

    public static let descriptor = ScreenDescriptor(
        id: .credentials, keys: ["3"], summary: "Go to the micro-credential editor",
        bindings: CredentialEditorScreen.bindings, make: { CredentialEditorScreen(document: $0) })

    public var selectedCode: String? { codes.indices.contains(listCursor.selected) ? codes[listCursor.selected] : nil }
    public var selectedSubject: Subject? { selectedCode.map(Subject.credential) }
    public var selectedRow: Row? { formRows.indices.contains(formCursor.selected) ? formRows[formCursor.selected] : nil }

    public var statusText: String {
        if codes.isEmpty { return "No micro-credential yet: press a to add one." }
        return focus == .list ? "\(codes.count) micro-credentials · Enter or Tab edits the selected one"
                              : "Enter edits the field · o adds an outcome · m maps it · Tab back to the list"
    }
}
