import PathwayTUI

/// Run in a child process (`--memory-probe DB`): does what a user session does — open, draw,
/// visit every screen, type the filter — and prints the process's peak resident memory in MB.
enum MemoryProbe {
    static func run(_ path: String) throws -> Double {
        var opened = try TUIBench.openToFirstFrame(path)
        for d in opened.app.state.descriptors {
            _ = TUIBench.keystrokes(&opened.app, screen: d.id, keys: KeyScripts.navigation)
        }
        _ = TUIBench.keystrokes(&opened.app, screen: .competencyMap, keys: KeyScripts.filter)
        guard let peak = Machine.peakResidentMB() else { throw BenchError("cannot read VmHWM from /proc/self/status") }
        return peak
    }
}
