import PathwayModel

extension Action {
    static let pathAddCredential = Action("pathway.add-credential")
    static let pathRemove = Action("pathway.remove")
    static let pathMoveEarlier = Action("pathway.move-to-earlier-stage")
    static let pathMoveLater = Action("pathway.move-to-later-stage")
    static let pathMoveUp = Action("pathway.move-up")
    static let pathMoveDown = Action("pathway.move-down")
    static let pathAddStage = Action("pathway.add-stage")
    static let pathAddGroup = Action("pathway.add-elective-group")
    static let pathRename = Action("pathway.rename")
    static let pathChoose = Action("pathway.choose")
    static let pathNew = Action("pathway.new")
}

/// The pathway designer: stages side by side (stacked when narrow) with their credentials and
/// elective groups, a totals bar, and the findings of the design, each one a jump to what it
/// concerns.
public struct PathwayDesignerScreen: Screen {
    public var id: ScreenID { .pathways }

    public enum Focus: Sendable { case stages, findings }

    /// One line inside a stage.
    public enum Item: Hashable, Sendable {
        case core(String)
        case group(Int)
        case option(Int, String)
    }

    public var pathway: String?
    public var stage = 0
    /// The selected line in each stage.
    public var itemIndex: [Int] = []
    public var focus = Focus.stages
    public var findingsCursor = ListCursor()
    public var filter = ""
    var items: [[Item]] = []
    var totals: PathwayTotals?
    var findings: [Finding] = []
    var pendingCode: String?
    var pendingGroupTitle: String?
    var pendingSelection: String?

    public init(document: Document) { refresh(document) }

    public static let descriptor = ScreenDescriptor(
        id: .pathways, keys: ["4"], summary: "Go to the pathway designer",
        bindings: PathwayDesignerScreen.bindings, make: { PathwayDesignerScreen(document: $0) })

    public var selectedItem: Item? {
        guard items.indices.contains(stage), itemIndex.indices.contains(stage) else { return nil }
        let list = items[stage]
        return list.indices.contains(itemIndex[stage]) ? list[itemIndex[stage]] : nil
    }

    public var selectedCredential: String? {
        switch selectedItem {
        case .core(let c)?, .option(_, let c)?: return c
        default: return nil
        }
    }

    public var selectedSubject: Subject? {
        if focus == .findings, findings.indices.contains(findingsCursor.selected) { return findings[findingsCursor.selected].subject }
        return selectedCredential.map(Subject.credential) ?? pathway.map(Subject.pathway)
    }

    public var statusText: String {
        guard pathway != nil else { return "No pathway yet: press P to create one." }
        return focus == .stages ? "h/l stage · j/k item · a add · H/L move between stages · Tab findings"
                                : "Enter opens what the finding concerns · Tab back to the stages"
    }
}
