/// Work the host runs between keys: the shown screen's own (such as the competency map's
/// search index), then building screens not visited yet that can be built in steps (the
/// competency map's outline), then checking a document opened with `Options.checkInBackground`,
/// a part at a time, so no key waits for more than one part.
extension App {
    /// How long the host works between two looks for a key: a key pressed meanwhile waits at
    /// most this long, plus the one step under way when it ran out.
    public static let backgroundSlice: Duration = .milliseconds(4)

    /// True while the shown screen has work to do, a screen not visited yet is still to be
    /// prepared, or parts of the document are still to be checked.
    public var hasBackgroundWork: Bool {
        !state.document.isChecked || (state.screens[state.current]?.hasBackgroundWork ?? false)
            || screenToPrepare != nil || shownScreenIsBehind
    }

    /// True when the shown screen has not caught up with the document yet: the slice that
    /// finished the checks ran out of time, and left the screen's refresh to the next slice.
    var shownScreenIsBehind: Bool {
        state.screens[state.current] != nil && state.seenVersion[state.current] != state.document.version
    }

    /// True while a screen not visited yet is still being prepared between keys (the
    /// benchmark tells these slices from the checks').
    public var isPreparingScreens: Bool { screenToPrepare != nil }

    /// The first registered screen, not visited yet, that can be prepared and is not up to date.
    var screenToPrepare: ScreenDescriptor? {
        state.descriptors.first { d in
            guard d.prepare != nil, state.screens[d.id] == nil else { return false }
            return state.prepared[d.id].map { $0.needsPreparing(state.document) } ?? true
        }
    }

    /// Does one kind of work while `keepGoing` says so (at least one step): the shown screen's
    /// if it has any, else preparing screens not visited yet, else checking parts of the
    /// document. Returns true when the screen should be drawn again (the screen's work changed
    /// what it draws, checking finished, or its progress moved on by a tenth).
    @discardableResult
    public mutating func doBackgroundWork(while keepGoing: () -> Bool) -> Bool {
        let id = state.current
        if state.screens[id]?.hasBackgroundWork == true {
            refreshCurrent()
            // A slice that does a screen's work does nothing else, so that it ends soon after
            // its time (the next part of the checks may be long).
            return state.screens[id]!.doBackgroundWork(state.document, while: keepGoing)
        }
        if screenToPrepare != nil {
            while let d = screenToPrepare {
                if state.prepared[d.id] == nil { state.prepared[d.id] = d.prepare!(state.document) }
                state.prepared[d.id]!.prepareSome(state.document, while: keepGoing)
                if !keepGoing() { break }
            }
            return false
        }
        guard !state.document.isChecked else {
            guard shownScreenIsBehind else { return false }
            refreshCurrent()
            return true
        }
        let before = Int(state.document.checkProgress * 10)
        if state.document.checkSome(while: keepGoing) {
            // The screen catches up with the findings now if time is left, else in the next
            // slice (≈ 6 ms for the overview at ESCO scale): a key meanwhile waits for one of them.
            guard keepGoing() else { return false }
            refreshCurrent()
            return true
        }
        return Int(state.document.checkProgress * 10) != before
    }
}
