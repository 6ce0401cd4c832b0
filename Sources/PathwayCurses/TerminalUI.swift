import CNcursesw
import Foundation
import PathwayModel
import PathwayTUI

/// Set by the signal handlers; the loop sees it within 200 ms and restores the terminal.
nonisolated(unsafe) private var stopSignal: sig_atomic_t = 0

/// Runs the app in the terminal until the user quits: reads keys, lets `App` update, draws.
/// The terminal is restored on every way out: `q`, Ctrl-C, SIGTERM, SIGHUP and `exit`.
public enum TerminalUI {
    public struct Options: Sendable {
        public var themeName: String?
        public var ascii: Bool
        public var environment: [String: String]
        public var executablePath: String

        public init(themeName: String? = nil, ascii: Bool = false,
                    environment: [String: String] = ProcessInfo.processInfo.environment,
                    executablePath: String = CommandLine.arguments.first ?? "pathway") {
            self.themeName = themeName
            self.ascii = ascii
            self.environment = environment
            self.executablePath = executablePath
        }
    }

    /// Opens the UI over the catalog; edits go to the session, imports, exports and restores to
    /// the exchange host. Returns when the user quits.
    ///
    /// `completeCatalog`, for a catalog that is only part of the document (its occupations still
    /// being read), gives the whole one: it is called once the first frame is drawn, before any
    /// key is handled. When it throws, the terminal is restored and the error passed on.
    public static func run(catalog: Catalog, session: DocumentSession, exchange: (any ExchangeHost)? = nil,
                           options: Options, completeCatalog: (() throws -> Catalog)? = nil) throws {
        let utf8 = CursesTerminal.prepareLocale()
        let env = options.environment
        let library = ThemeLibrary.load(directories: ThemeLibrary.standardDirectories(
            environment: env, executable: options.executablePath))
        var notes: [String] = library.problems.map { "Theme file skipped: \($0). Using the others." }
        var themeName = options.themeName ?? BuiltinThemes.defaultName
        if library.theme(named: themeName) == nil {
            notes.insert("No theme named '\(themeName)'; using \(BuiltinThemes.defaultName). Themes: "
                         + library.themes.map(\.name).joined(separator: ", ") + ".", at: 0)
            themeName = BuiltinThemes.defaultName
        }
        var keysConfig: (text: String, file: String)?
        if let path = ConfigPaths.keysFile(env), let text = try? String(contentsOfFile: path, encoding: .utf8) {
            keysConfig = (text, path)
        }
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let ascii = options.ascii || !utf8 || env["TERM"] == "linux" && (env["PATHWAY_UNICODE"] ?? "").isEmpty
        let term = CursesTerminal()
        installSignalHandlers()
        term.start(noColor: noColor)
        defer { term.stop() }
        let size = term.size
        var app = App(catalog: catalog, session: session, width: size.width, height: size.height,
                      options: App.Options(ascii: ascii, themeName: themeName,
                                           themeNames: library.themes.map(\.name), keysConfig: keysConfig, checkInBackground: true))
        app.exchange = exchange
        var job: JobRunner?
        if noColor { notes.append("NO_COLOR is set: showing no colours.") }
        if let note = notes.first { app.announce(note, kind: .error) }
        var appliedTheme = ""
        var dirty = true
        var pendingCatalog = completeCatalog
        while !app.state.shouldQuit && stopSignal == 0 {
            if app.state.themeName != appliedTheme {
                appliedTheme = app.state.themeName
                term.use(library.theme(named: appliedTheme) ?? BuiltinThemes.defaultDark)
                dirty = true
            }
            if job == nil, let next = app.takePendingJob(), let host = app.exchange {
                job = JobRunner(job: next, host: host, session: session, catalog: app.state.document.catalog)
                term.setKeyTimeout(milliseconds: 100)   // redraw the progress about ten times a second
            }
            if let running = job {
                if app.isJobCancelRequested { running.cancel() }
                if let result = running.result {
                    job = nil
                    app.finishJob(result, elapsed: running.elapsed)
                    term.setKeyTimeout(milliseconds: 200)
                    dirty = true
                    continue   // a planned import's saving starts at once
                }
                app.jobProgress(running.progress, elapsed: running.elapsed)
                dirty = true
            }
            let now = term.size
            if now.width != app.state.width || now.height != app.state.height {
                app.resize(width: now.width, height: now.height)
                dirty = true
            }
            if dirty {
                term.draw(AppView.render(app.state))
                dirty = false
            }
            if let complete = pendingCatalog {
                // The first frame is on the screen: now the rest of the document, before any key.
                pendingCatalog = nil
                app.catalogLoaded(try complete())
                dirty = true
                continue
            }
            // While the document is still being checked, look for a key without waiting and
            // check a slice between keys, so typing never waits long for the checks.
            let checking = job == nil && app.hasBackgroundWork
            if checking { term.setKeyTimeout(milliseconds: 0) }
            let read = term.readKey()
            if checking { term.setKeyTimeout(milliseconds: 200) }
            guard let key = read else {
                if checking {
                    let until = ContinuousClock.now + App.backgroundSlice
                    if app.doBackgroundWork(while: { ContinuousClock.now < until }) { dirty = true }
                }
                continue
            }
            if key == .resize {
                let s = term.size
                app.resize(width: s.width, height: s.height)
            } else {
                app.handle(key)
            }
            dirty = true
        }
    }

    static func installSignalHandlers() {
        let handler: @convention(c) (Int32) -> Void = { _ in stopSignal = 1 }
        signal(SIGTERM, handler)
        signal(SIGHUP, handler)
        signal(SIGINT, handler)
        CrashRestore.install()
        // Whatever path leads to exit, give the terminal back.
        atexit { if isendwin() == false { endwin() } }
    }
}
