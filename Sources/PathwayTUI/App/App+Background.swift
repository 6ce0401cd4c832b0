/// Work the host runs between keys: the shown screen's own (such as the competency map's
/// search index), then checking a document opened with `Options.checkInBackground`, a part at a
/// time, so no key waits for more than one part.
extension App {
    /// True while the shown screen has work to do, or parts of the document are still to be checked.
    public var hasBackgroundWork: Bool {
        !state.document.isChecked || (state.screens[state.current]?.hasBackgroundWork ?? false)
    }

    /// Does the shown screen's work, then checks parts of the document, while `keepGoing` says
    /// so. Returns true when the screen should be drawn again (checking finished, or its
    /// progress moved on by a tenth).
    @discardableResult
    public mutating func doBackgroundWork(while keepGoing: () -> Bool) -> Bool {
        let id = state.current
        if state.screens[id]?.hasBackgroundWork == true {
            refreshCurrent()
            state.screens[id]!.doBackgroundWork(state.document, while: keepGoing)
            if state.screens[id]!.hasBackgroundWork || !keepGoing() { return false }
        }
        guard !state.document.isChecked else { return false }
        let before = Int(state.document.checkProgress * 10)
        if state.document.checkSome(while: keepGoing) {
            refreshCurrent()
            return true
        }
        return Int(state.document.checkProgress * 10) != before
    }
}
