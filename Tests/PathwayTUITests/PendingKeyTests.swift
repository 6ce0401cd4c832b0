import Testing
@testable import PathwayTUI

/// The status line shows the keys of an unfinished sequence ("g…") and forgets them once the
/// sequence is finished, whether it ran an action or turned out to mean nothing.
@Suite struct PendingKeyTests {
    private func statusRow(_ app: App) -> String {
        let buffer = AppView.render(app.state)
        let lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.last { $0.contains("g…") } ?? ""
    }

    @Test func goToTopClearsTheHint() {
        var (app, _) = Demo.app()
        app.press("G")
        app.press("g")
        #expect(app.screenText.contains("g…"), "the first g should show that a second key is awaited")
        app.press("g")
        #expect(!app.screenText.contains("g…"), "still shown after g g: \(statusRow(app))")
        #expect(app.state.pendingKeys.isEmpty)
    }

    @Test func aSequenceThatMeansNothingClearsTheHintToo() {
        var (app, _) = Demo.app()
        let first = (app.state.screen as! OverviewScreen).cursor.selected
        app.press("g")
        app.press("j")  // g j is no sequence: j runs alone and moves down
        #expect(!app.screenText.contains("g…"), "still shown after g j: \(statusRow(app))")
        #expect((app.state.screen as! OverviewScreen).cursor.selected > first)
    }

    @Test func aKeyAfterGThatStartsNoSequenceStillWorks() {
        var (app, _) = Demo.app()
        app.press("g")
        app.press("?")  // g ? is no sequence: ? opens the help
        #expect(!app.screenText.contains("g…"))
        if case .help = app.state.overlay {} else { Issue.record("? after g did not open the help") }
    }
}
