/// Work the host runs between keys: checking a document opened with
/// `Options.checkInBackground`, a part at a time, so no key waits for more than one part.
extension App {
    /// True while parts of the document are still to be checked.
    public var hasBackgroundWork: Bool { !state.document.isChecked }

    /// Checks parts of the document while `keepGoing` says so. Returns true when the screen
    /// should be drawn again (checking finished, or its progress moved on by a tenth).
    @discardableResult
    public mutating func doBackgroundWork(while keepGoing: () -> Bool) -> Bool {
        let before = Int(state.document.checkProgress * 10)
        if state.document.checkSome(while: keepGoing) {
            refreshCurrent()
            return true
        }
        return Int(state.document.checkProgress * 10) != before
    }
}
