import PathwayModel

/// The application's update loop: one key in, a new state out, edits saved through the session.
/// Runs without a terminal, so tests drive it key by key and read the screen from `render`.
public struct App {
    public internal(set) var state: AppState
    public let session: DocumentSession
    /// Files for imports, exports, backups and restores (nil: those commands say they need it).
    public var exchange: (any ExchangeHost)?

    /// Options chosen on the command line.
    public struct Options: Sendable {
        public var ascii: Bool
        public var themeName: String
        public var themeNames: [String]
        public var keysConfig: (text: String, file: String)?
        public var startScreen: ScreenID?
        /// Draw the first frame before checking the document; the host then calls
        /// `doBackgroundWork` between keys until `hasBackgroundWork` is false.
        public var checkInBackground: Bool

        public init(ascii: Bool = false, themeName: String = BuiltinThemes.defaultName,
                    themeNames: [String] = [BuiltinThemes.defaultName, "monochrome"],
                    keysConfig: (text: String, file: String)? = nil, startScreen: ScreenID? = nil,
                    checkInBackground: Bool = false) {
            self.ascii = ascii
            self.themeName = themeName
            self.themeNames = themeNames
            self.keysConfig = keysConfig
            self.startScreen = startScreen
            self.checkInBackground = checkInBackground
        }
    }

    public init(catalog: Catalog, session: DocumentSession, width: Int = 80, height: Int = 24,
                options: Options = Options(), screens: [ScreenDescriptor] = ScreenRegistry.standard) {
        let document = Document(catalog: catalog, checked: !options.checkInBackground)
        var registry = KeyRegistry(App.bindings(for: screens))
        var problems: [String] = []
        if let config = options.keysConfig { problems = registry.remap(with: config.text, file: config.file) }
        // Only the first screen is built now; the others on their first visit (`build`), so
        // opening a 14,000-competency document does not wait for screens nobody has looked at.
        let first = options.startScreen.flatMap { id in screens.contains { $0.id == id } ? id : nil } ?? screens.first!.id
        var made: [ScreenID: any Screen] = [:]
        if let d = screens.first(where: { $0.id == first }) { made[first] = d.make(document) }
        state = AppState(document: document, screens: made, descriptors: screens, current: first,
                         width: width, height: height, glyphs: options.ascii ? .ascii : .unicode,
                         keys: registry, isReadOnly: session.isReadOnly, documentName: session.displayName,
                         themeName: options.themeName, themeNames: options.themeNames)
        state.seenVersion[first] = document.version
        self.session = session
        if let p = problems.first {
            say(p + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""), .error)
        } else if session.isReadOnly {
            say("Opened read-only for review: nothing can be changed. Press ? for help.", .info)
        } else {
            say("Every change is saved at once. Press ? for help.", .info)
        }
    }

    /// Every binding: the global ones, one key per screen to open it, and each screen's own.
    public static func bindings(for screens: [ScreenDescriptor]) -> [Binding] {
        var all = GlobalBindings.all + ExchangeCommands.bindings
        for d in screens {
            all.append(Binding(d.keys, d.openAction, d.id.title, d.summary))
        }
        for d in screens { all += d.bindings }
        return all
    }

    // MARK: - Input

    /// The terminal changed size.
    public mutating func resize(width: Int, height: Int) {
        state.width = max(0, width)
        state.height = max(0, height)
    }

    /// Handles one key press.
    public mutating func handle(_ key: Key) {
        if key == .resize { return }
        if key == .ctrl("c") { state.shouldQuit = true; return }
        if state.isTooSmall {
            if key == .char("q") || key == .char("Q") || key == .function(10) { state.shouldQuit = true }
            return
        }
        refreshCurrent()
        if let overlay = state.overlay {
            handleOverlay(overlay, key)
        } else {
            handleNormal(key)
        }
        refreshCurrent()
    }

    private mutating func handleNormal(_ key: Key) {
        state.pendingKeys.append(key)
        switch state.keys.match(state.pendingKeys, on: state.current) {
        case .prefix:
            say(describe(state.pendingKeys) + "…", .info)
            return
        case .action(let action):
            endSequence()
            perform(action)
        case .none:
            let retry = state.pendingKeys.count > 1
            endSequence()
            if retry { handleNormal(key); return }
            say("\(key) does nothing here. Press ? to see the keys of this screen.", .info)
        }
    }

    /// Forgets the keys typed so far, and the "g…" hint they put in the status line (a finished
    /// sequence must not look as if it still waits for a key).
    private mutating func endSequence() {
        let typed = state.pendingKeys
        state.pendingKeys = []
        if typed.count > 1, state.status.text == describe(Array(typed.dropLast())) + "…" { state.status = StatusLine() }
    }

    /// Runs an action as if its key had been pressed (the palette uses this too).
    public mutating func perform(_ action: Action) {
        if let binding = state.keys.binding(for: action, on: state.current), binding.edits, state.isReadOnly {
            say(StatusText.readOnlyRefusal, .error)
            return
        }
        switch action {
        case .quit: state.shouldQuit = true
        case .back:
            if let previous = state.history.popLast() { state.current = previous } else { state.shouldQuit = true }
        case .help: openHelp()
        case .palette: openPalette()
        case .filter: state.overlay = .filter(TextField(state.filters[state.current] ?? ""))
        case .cancel:
            if let f = state.filters[state.current], !f.isEmpty { setFilter("") ; say("Filter cleared.", .info) }
        case .undo: undo()
        case .redo: redo()
        case .switchTheme:
            let items = state.themeNames.map { Picker.Item(id: $0, label: $0, detail: $0 == state.themeName ? "(current)" : "") }
            var picker = PickerOverlay(picker: Picker(tag: "app.theme", title: "Colour theme", items: items),
                                       matches: Array(items.indices), cursor: ListCursor(count: items.count), screen: state.current)
            picker.cursor.select(state.themeNames.firstIndex(of: state.themeName) ?? 0)
            state.overlay = .picker(picker)
        default:
            if performExchange(action) { return }
            if let d = state.descriptors.first(where: { $0.openAction == action }) {
                go(to: d.id, subject: nil)
                return
            }
            send(.action(action))
        }
    }

    /// Shows another screen, remembering where we came from.
    public mutating func go(to id: ScreenID, subject: Subject?) {
        guard build(id) else { return }
        if id != state.current {
            state.history.removeAll { $0 == id }
            state.history.append(state.current)
            if state.history.count > 20 { state.history.removeFirst() }
            state.current = id
        }
        refreshCurrent()
        if let s = subject { send(.focus(s)) }
    }

    /// Delivers an event to the current screen and carries out what it asks for.
    mutating func send(_ event: ScreenEvent, to id: ScreenID? = nil) {
        let target = id ?? state.current
        guard build(target) else { return }
        // The context (which holds the document) is gone before the requests are carried out,
        // so that a commit changes the catalog in place rather than copying it.
        let requests = handle(event, on: target)
        for request in requests { carryOut(request, from: target) }
    }

    private mutating func handle(_ event: ScreenEvent, on target: ScreenID) -> [ScreenRequest] {
        var context = ScreenContext(document: state.document, isReadOnly: state.isReadOnly,
                                    pageSize: max(1, state.contentArea.height - 2), keys: state.keys,
                                    today: session.today, width: state.contentArea.width)
        state.screens[target]!.handle(event, &context)
        return context.requests
    }

    private mutating func carryOut(_ request: ScreenRequest, from screen: ScreenID) {
        switch request {
        case .commit(let set): commit(set)
        case .status(let text, let kind): say(text, kind)
        case .prompt(let p): state.overlay = .prompt(PromptOverlay(prompt: p, field: TextField(p.text), screen: screen))
        case .confirm(let c): state.overlay = .confirm(c)
        case .pick(let p):
            state.overlay = .picker(PickerOverlay(picker: p, matches: Array(p.items.indices),
                                                  cursor: ListCursor(count: p.items.count), screen: screen))
        case .open(let id, let subject): go(to: id, subject: subject)
        }
    }

    // MARK: - Edits, undo, redo

    /// Saves a change set, then shows it. On failure nothing changes and the status says why.
    public mutating func commit(_ set: ChangeSet) {
        guard !set.isEmpty else { return }
        guard !state.isReadOnly else { say(StatusText.readOnlyRefusal, .error); return }
        do {
            try session.apply(set)
        } catch {
            say("Not saved: \(error). The document is unchanged.", .error)
            return
        }
        let inverse = state.document.apply(set)
        state.undoStack.append(inverse)
        if state.undoStack.count > 500 { state.undoStack.removeFirst() }
        state.redoStack = []
        say("Saved: \(set.label). Undo with \(state.keys.keyText(for: .undo)).", .saved)
    }

    mutating func undo() {
        guard let inverse = state.undoStack.last else { say("Nothing to undo.", .info); return }
        if saveInBackground(inverse, as: .undo) { return }
        do { try session.apply(inverse) } catch {
            say("Undo not saved: \(error). The document is unchanged.", .error); return
        }
        state.undoStack.removeLast()
        state.redoStack.append(state.document.apply(inverse))
        say("Undone: \(inverse.label). Redo with \(state.keys.keyText(for: .redo)).", .saved)
    }

    mutating func redo() {
        guard let set = state.redoStack.last else { say("Nothing to redo.", .info); return }
        if saveInBackground(set, as: .redo) { return }
        do { try session.apply(set) } catch {
            say("Redo not saved: \(error). The document is unchanged.", .error); return
        }
        state.redoStack.removeLast()
        state.undoStack.append(state.document.apply(set))
        say("Redone: \(set.label).", .saved)
    }

    mutating func say(_ text: String, _ kind: StatusKind) { state.status = StatusLine(text: text, kind: kind) }

    mutating func setFilter(_ text: String) {
        state.filters[state.current] = text.isEmpty ? nil : text
        send(.filter(text))
    }

    /// Lets the current screen rebuild what it derives from the document, once per change.
    mutating func refreshCurrent() {
        let id = state.current
        guard build(id) else { return }
        if state.seenVersion[id] != state.document.version {
            if state.descriptors.first(where: { $0.id == id })?.usesEngine == true { state.document.prepareEngine() }
            state.screens[id]!.refresh(state.document)
            state.seenVersion[id] = state.document.version
        }
    }
}

extension App {
    /// Makes a registered screen on its first visit, from the document as it is now (edits made
    /// elsewhere before the visit are in it). Returns false for a screen that is not registered.
    @discardableResult
    mutating func build(_ id: ScreenID) -> Bool {
        if state.screens[id] != nil { return true }
        guard let d = state.descriptors.first(where: { $0.id == id }) else { return false }
        if d.usesEngine { state.document.prepareEngine() }
        if var screen = state.prepared.removeValue(forKey: id) {
            // Built between keys, perhaps not to the end, perhaps for an older document.
            screen.refresh(state.document)
            state.screens[id] = screen
        } else {
            state.screens[id] = d.make(state.document)
        }
        state.seenVersion[id] = state.document.version
        return true
    }

    /// Whether a screen has been built yet (screens are built on their first visit).
    public func isBuilt(_ id: ScreenID) -> Bool { state.screens[id] != nil }

    /// Shows a message in the status line (used at start for theme and keys.conf problems).
    public mutating func announce(_ text: String, kind: StatusKind = .info) { say(text, kind) }
}
