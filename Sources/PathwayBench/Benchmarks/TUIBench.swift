import PathwayModel
import PathwayStore
import PathwayTUI

/// Opening the document to its first frame, and keystroke-to-frame on each screen, headless:
/// `App.handle` then `AppView.render` into a screen buffer, exactly what the terminal loop does
/// before it copies changed cells to ncurses.
enum TUIBench {
    /// The part of opening after the first frame that puts the occupations in.
    static let occupationsPart = "occupations after it"

    struct Opened {
        var app: App
        var frame: ScreenBuffer
        /// Each part's wall-clock and CPU time.
        var parts: [(name: String, wall: Duration, cpu: Duration)]
    }

    /// Opens the document as the terminal does (its occupations read on another connection
    /// while the first frame is drawn, then put in before any key; checking in the background)
    /// and draws the first frame; with `finishChecks`, then runs the background checks to the end
    /// as the terminal loop does between keys. `parts` has every step ("occupations after it",
    /// then "checks after it" last).
    static func openToFirstFrame(_ path: String, finishChecks: Bool = true) throws -> Opened {
        let (store, open, openCPU) = try Timing.onceWithCPU { try DocumentStore(path: path) }
        let (loaded, load, loadCPU) = try Timing.onceWithCPU { try store.loadInStages() }
        var (app, build, buildCPU) = Timing.onceWithCPU {
            App(catalog: loaded.catalog, session: StoreSession(store), width: KeyScripts.width, height: KeyScripts.height,
                options: App.Options(checkInBackground: true))
        }
        let (frame, render, renderCPU) = Timing.onceWithCPU { AppView.render(app.state) }
        var parts = [("open", open, openCPU), ("load", load, loadCPU), ("build app", build, buildCPU), ("render", render, renderCPU)]
        let (_, rest, restCPU) = try Timing.onceWithCPU {
            guard let remainder = loaded.remainder else { return }
            var whole = loaded.catalog
            try remainder.complete(&whole)
            app.catalogLoaded(whole)
        }
        parts.append((TUIBench.occupationsPart, rest, restCPU))
        if finishChecks {
            let (_, checks, checksCPU) = Timing.onceWithCPU { finishBackgroundWork(&app) }
            parts.append(("checks after it", checks, checksCPU))
        }
        return Opened(app: app, frame: frame, parts: parts)
    }

    /// Right after the first frame (checks still to run, as when a user presses a key at once),
    /// goes to each screen not built yet by its key in turn: each is that screen's first visit, the keystroke
    /// that builds it, with no time between keys for the work the terminal does there (a cold
    /// visit). With `afterIdle`, the work between keys runs to its end first (screens prepared,
    /// document checked), as when the user reads the first screen before pressing a key.
    /// Returns the time of each (handle + render), and checks the screen shows.
    static func firstVisits(_ path: String, screens: [ScreenID], afterIdle: Bool = false) throws -> [(ScreenID, wall: Duration, cpu: Duration)] {
        var opened = try openToFirstFrame(path, finishChecks: afterIdle)
        var result: [(ScreenID, wall: Duration, cpu: Duration)] = []
        for id in screens {
            guard let d = opened.app.state.descriptors.first(where: { $0.id == id }), let key = d.keys.first,
                  let keys = Key.parseSequence(key), keys.count == 1 else { continue }
            // The first screen is built with the app (its time is in "build app").
            if opened.app.isBuilt(id) { continue }
            let (frame, wall, cpu) = Timing.onceWithCPU { () -> ScreenBuffer in
                opened.app.handle(keys[0])
                return AppView.render(opened.app.state)
            }
            guard opened.app.state.current == id, frame.width == KeyScripts.width else {
                throw BenchError("pressing \(key) did not show the \(id.title) screen")
            }
            result.append((id, wall, cpu))
        }
        return result
    }

    /// The slices of work between keys after opening, as the terminal loop runs them
    /// (`App.backgroundSlice` each), until all is done: each slice's wall time, and whether it
    /// began while screens not visited yet were being prepared, while the shown screen had work
    /// of its own, or else checked the document. With `visit`, that screen's key is pressed
    /// right after the first frame (a cold visit), before the slices.
    static func backgroundSlices(_ path: String, visit: ScreenID? = nil) throws -> (preparing: [Duration], screen: [Duration], checking: [Duration]) {
        var opened = try openToFirstFrame(path, finishChecks: false)
        if let id = visit, let d = opened.app.state.descriptors.first(where: { $0.id == id }), let key = d.keys.first,
           let keys = Key.parseSequence(key) {
            for k in keys { opened.app.handle(k) }
        }
        var preparing: [Duration] = [], screen: [Duration] = [], checking: [Duration] = []
        while opened.app.hasBackgroundWork {
            let kind = opened.app.isPreparingScreens ? 0 : opened.app.state.screen.hasBackgroundWork ? 1 : 2
            let start = Timing.clock.now
            let until = start + App.backgroundSlice
            let redraw = opened.app.doBackgroundWork(while: { Timing.clock.now < until })
            let took = Timing.clock.now - start
            switch kind {
            case 0: preparing.append(took)
            case 1: screen.append(took)
            default: checking.append(took)
            }
            if redraw { blackHole(AppView.render(opened.app.state).width) }
        }
        return (preparing, screen, checking)
    }

    /// What the terminal loop does between keys until the document is checked: slices of
    /// `App.backgroundSlice`, the screen drawn again when the progress moves on.
    static func finishBackgroundWork(_ app: inout App) {
        while app.hasBackgroundWork {
            let until = Timing.clock.now + App.backgroundSlice
            if app.doBackgroundWork(while: { Timing.clock.now < until }) { blackHole(AppView.render(app.state).width) }
        }
    }

    static func registered(_ app: App) -> Set<ScreenID> { Set(app.state.descriptors.map(\.id)) }

    /// Goes to the screen by its own key and lets the work the terminal does between keys run
    /// (the map's search index is built in slices while the user reads the screen), then times
    /// each key of the script (handle + render).
    static func keystrokes(_ app: inout App, screen: ScreenID, keys: [Key]) -> [Duration] {
        if let d = app.state.descriptors.first(where: { $0.id == screen }), let key = d.keys.first,
           let parsed = Key.parseSequence(key) {
            for k in parsed { app.handle(k) }
        }
        finishBackgroundWork(&app)
        var samples: [Duration] = []
        samples.reserveCapacity(keys.count)
        for key in keys {
            let cpu = Timing.processCPU()
            let start = Timing.clock.now
            app.handle(key)
            let frame = AppView.render(app.state)
            samples.append(Timing.clock.now - start)
            Timing.cpuSamples.append(Timing.processCPU() - cpu)
            blackHole(frame.width)
        }
        return samples
    }
}

@inline(never) func blackHole<T>(_ value: T) { _ = value }
