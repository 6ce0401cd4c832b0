import Testing
@testable import PathwayTUI

/// Every registered screen, drawn over the demo document at 80×24 and 160×48.
@Suite struct ScreenSnapshotTests {
    static let screens: [ScreenID] = ScreenRegistry.standard.map(\.id)

    @Test(arguments: ScreenSnapshotTests.screens)
    func screenAtBothSizes(_ id: ScreenID) {
        for (w, h) in [(80, 24), (160, 48)] {
            var (app, _) = Demo.app(width: w, height: h)
            app.go(to: id, subject: nil)
            let text = app.screenText
            #expect(text.contains(id.title), "the tab bar names the screen")
            Snapshot.check(text, named: "screen-\(id.rawValue)-\(w)x\(h)")
        }
    }

    @Test(arguments: ScreenSnapshotTests.screens)
    func screenSurvivesTheMinimumSizeAndAscii(_ id: ScreenID) {
        let session = MemorySession(displayName: "demo.pathway")
        var app = App(catalog: Demo.catalog, session: session, width: AppState.minimumWidth, height: AppState.minimumHeight,
                      options: App.Options(ascii: true))
        app.go(to: id, subject: nil)
        let buffer = AppView.render(app.state)
        #expect(buffer.line(0).contains(id.title))
        #expect(!buffer.text.contains("─"))
    }
}
