import PathwayModel
import PathwayStore
import PathwayTUI

/// Opening the document to its first frame, and keystroke-to-frame on each screen, headless:
/// `App.handle` then `AppView.render` into a screen buffer, exactly what the terminal loop does
/// before it copies changed cells to ncurses.
enum TUIBench {
    struct Opened {
        var app: App
        var frame: ScreenBuffer
        var parts: [(String, Duration)]
    }

    /// Opens the document as the terminal does (checking in the background), draws the first
    /// frame, then runs the background checks to the end as the terminal loop does between keys;
    /// `parts` has both times ("first frame" and "findings ready" after it).
    static func openToFirstFrame(_ path: String) throws -> Opened {
        let (store, open) = try Timing.once { try DocumentStore(path: path) }
        let (catalog, load) = try Timing.once { try store.load() }
        var (app, build) = Timing.once {
            App(catalog: catalog, session: StoreSession(store), width: KeyScripts.width, height: KeyScripts.height,
                options: App.Options(checkInBackground: true))
        }
        let (frame, render) = Timing.once { AppView.render(app.state) }
        let (_, checks) = Timing.once { finishBackgroundWork(&app) }
        return Opened(app: app, frame: frame, parts: [("open", open), ("load", load), ("build app", build), ("render", render),
                                                      ("checks after it", checks)])
    }

    /// What the terminal loop does between keys until the document is checked: slices of about
    /// 12 ms, the screen drawn again when the progress moves on.
    static func finishBackgroundWork(_ app: inout App) {
        while app.hasBackgroundWork {
            let until = Timing.clock.now + .milliseconds(12)
            if app.doBackgroundWork(while: { Timing.clock.now < until }) { blackHole(AppView.render(app.state).width) }
        }
    }

    static func registered(_ app: App) -> Set<ScreenID> { Set(app.state.descriptors.map(\.id)) }

    /// Goes to the screen by its own key, then times each key of the script (handle + render).
    static func keystrokes(_ app: inout App, screen: ScreenID, keys: [Key]) -> [Duration] {
        if let d = app.state.descriptors.first(where: { $0.id == screen }), let key = d.keys.first,
           let parsed = Key.parseSequence(key) {
            for k in parsed { app.handle(k) }
        }
        var samples: [Duration] = []
        samples.reserveCapacity(keys.count)
        for key in keys {
            let cpu = Timing.threadCPU()
            let start = Timing.clock.now
            app.handle(key)
            let frame = AppView.render(app.state)
            samples.append(Timing.clock.now - start)
            Timing.cpuSamples.append(Timing.threadCPU() - cpu)
            blackHole(frame.width)
        }
        return samples
    }
}

@inline(never) func blackHole<T>(_ value: T) { _ = value }
