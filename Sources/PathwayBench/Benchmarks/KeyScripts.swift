import PathwayTUI

/// The keys pressed on each screen: moving through a long list or tree (rows, pages, both
/// ends), expanding and collapsing, switching panes, and for the filter, typing a query over
/// the whole competency map one letter at a time, then deleting and clearing it.
enum KeyScripts {
    static let width = 160
    static let height = 48

    static var navigation: [Key] {
        Array(repeating: .char("j"), count: 12) + [.pageDown, .pageDown, .pageDown, .char("l"), .char("j"), .char("l"),
            .char("h"), .char("k"), .char("k"), .pageUp, .char("G"), .home, .tab, .char("j"), .char("j"), .backTab]
    }

    /// `/` then "manage proc" typed, three Backspaces, Enter to keep it, then `/` and Esc to clear.
    static var filter: [Key] {
        [.char("/")] + "manage proc".map { Key.char($0) } + [.backspace, .backspace, .backspace, .enter,
            .char("j"), .char("j"), .char("/"), .escape, .escape]
    }

    /// The screens the issue names, by the ids the app registers them under.
    static let screens: [(id: ScreenID, name: String)] = [
        (.competencyMap, "competency tree"), (.pathways, "pathway designer"), (.coverage, "coverage matrix"),
        (.overview, "overview"), (.credentials, "credential editor"), (.learners, "learner preview"),
        (.review, "review"),
    ]
}
