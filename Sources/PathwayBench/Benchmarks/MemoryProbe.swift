import Foundation
import PathwayModel
import PathwayStore
import PathwayTUI

/// Run in a child process (`--memory-probe DB`): does what a user session does — open, draw,
/// visit every screen, type the filter — and prints the process's peak resident memory in MB.
/// The resident memory after each stage goes to stderr, to see what the peak is made of.
enum MemoryProbe {
    static func run(_ path: String) throws -> Double {
        var stages: [String] = []
        func stage(_ name: String) { stages.append("\(name) \(format(Machine.residentMB() ?? 0, digits: 1))") }
        stage("start")
        let store = try DocumentStore(path: path)
        let catalog = try store.load()
        stage("loaded")
        var app = App(catalog: catalog, session: StoreSession(store), width: KeyScripts.width, height: KeyScripts.height,
                      options: App.Options(checkInBackground: true))
        blackHole(AppView.render(app.state).width)
        stage("first frame")
        TUIBench.finishBackgroundWork(&app)
        stage("checked")
        for d in app.state.descriptors {
            _ = TUIBench.keystrokes(&app, screen: d.id, keys: KeyScripts.navigation)
        }
        stage("every screen")
        _ = TUIBench.keystrokes(&app, screen: .competencyMap, keys: KeyScripts.filter)
        stage("filter")
        guard let peak = Machine.peakResidentMB() else { throw BenchError("cannot read VmHWM from /proc/self/status") }
        FileHandle.standardError.write(Data(("memory probe, resident MB after each stage: " + stages.joined(separator: ", ") + "\n").utf8))
        return peak
    }
}
