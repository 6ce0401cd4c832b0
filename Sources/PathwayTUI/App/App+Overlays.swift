/// Keys while an overlay is open. Overlays take raw keys (they hold text fields), so their keys
/// are fixed: Esc closes, Enter chooses, arrows and PgUp/PgDn move, typing filters.
extension App {
    mutating func handleOverlay(_ overlay: Overlay, _ key: Key) {
        switch overlay {
        case .help(var help):
            switch key {
            case .escape:
                if help.query.text.isEmpty { state.overlay = nil; return }
                help.query = TextField()
            case .char("q") where help.query.text.isEmpty, .char("?") where help.query.text.isEmpty, .function(1):
                state.overlay = nil; return
            case .up, .down, .pageUp, .pageDown, .home, .end:
                help.cursor.move(movement(key), pageSize: helpPageSize)
            default:
                _ = help.query.edit(key)
            }
            help.rows = helpRows(filter: help.query.text)
            help.cursor.setCount(help.rows.count)
            help.cursor.keepVisible(height: helpPageSize)
            state.overlay = .help(help)

        case .palette(var palette):
            switch key {
            case .escape: state.overlay = nil; return
            case .enter:
                state.overlay = nil
                guard !palette.matches.isEmpty else { return }
                perform(palette.commands[palette.matches[palette.cursor.selected]].action)
                return
            case .up, .down, .pageUp, .pageDown, .home, .end, .ctrl("p"), .ctrl("n"):
                palette.cursor.move(movement(key), pageSize: overlayPageSize)
            default:
                if palette.query.edit(key) {
                    palette.matches = App.rank(palette.commands, palette.query.text)
                    palette.cursor = ListCursor(count: palette.matches.count)
                }
            }
            palette.cursor.keepVisible(height: overlayPageSize)
            state.overlay = .palette(palette)

        case .filter(var field):
            switch key {
            case .escape:
                state.overlay = nil
                setFilter("")
            case .enter:
                state.overlay = nil
                say(field.text.isEmpty ? "Filter cleared." : "Filter \"\(field.text)\" kept: n and N go to the next and previous match, Esc clears it.", .info)
            case .up, .down:
                send(.action(key == .up ? .findPrevious : .findNext))
            default:
                if field.edit(key) {
                    state.overlay = .filter(field)
                    setFilter(field.text)
                }
            }

        case .prompt(var p):
            switch key {
            case .escape: state.overlay = nil; say("Cancelled.", .info)
            case .enter:
                if let problem = p.prompt.validate?(p.field.text) { say(problem, .error); return }
                state.overlay = nil
                send(.submitted(tag: p.prompt.tag, text: p.field.text), to: p.screen)
            default:
                if p.field.edit(key) { state.overlay = .prompt(p) }
            }

        case .confirm(let c):
            switch key {
            case .char("y"), .char("Y"):
                state.overlay = nil
                send(.confirmed(tag: c.tag))
            case .char("n"), .char("N"), .escape, .char("q"):
                state.overlay = nil
                say("Cancelled; nothing was changed.", .info)
            default:
                say("Press y to confirm or n to cancel.", .info)
            }

        case .picker(var p):
            switch key {
            case .escape: state.overlay = nil; say("Cancelled.", .info); return
            case .enter:
                state.overlay = nil
                guard !p.matches.isEmpty else { return }
                let item = p.picker.items[p.matches[p.cursor.selected]]
                if p.picker.tag == "app.theme" {
                    state.themeName = item.id
                    say("Theme: \(item.id).", .info)
                } else {
                    send(.picked(tag: p.picker.tag, id: item.id), to: p.screen)
                }
                return
            case .up, .down, .pageUp, .pageDown, .home, .end, .ctrl("p"), .ctrl("n"):
                p.cursor.move(movement(key), pageSize: overlayPageSize)
            default:
                if p.query.edit(key) {
                    p.matches = p.picker.matches(p.query.text)
                    p.cursor = ListCursor(count: p.matches.count)
                }
            }
            p.cursor.keepVisible(height: overlayPageSize)
            state.overlay = .picker(p)

        case .exchange(let o):
            handleExchange(o, key)
        }
    }

    func movement(_ key: Key) -> Action {
        switch key {
        case .up, .ctrl("p"): return .up
        case .down, .ctrl("n"): return .down
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home: return .top
        default: return .bottom
        }
    }

    /// Rows of list inside the palette and picker boxes.
    var overlayPageSize: Int { max(1, AppView.overlayRect(state).height - 4) }
    var helpPageSize: Int { max(1, AppView.overlayRect(state).height - 4) }

    mutating func openHelp() {
        let rows = helpRows(filter: "")
        state.overlay = .help(HelpOverlay(cursor: ListCursor(count: rows.count), rows: rows))
    }

    /// The bindings of the current screen, then the global ones, matching the filter.
    func helpRows(filter: String) -> [Binding] {
        let all = state.keys.active(on: state.current)
        let words = filter.lowercased().split(separator: " ")
        if words.isEmpty { return all }
        return all.filter { b in
            let hay = (b.keyText + " " + b.short + " " + b.long + " " + b.action.rawValue).lowercased()
            return words.allSatisfy { hay.contains($0) }
        }
    }

    mutating func openPalette() {
        var seen = Set<Action>()
        var commands: [PaletteOverlay.Command] = []
        for b in state.keys.active(on: state.current) where b.inPalette && seen.insert(b.action).inserted {
            commands.append(.init(action: b.action, title: b.long, keys: b.keyText, scope: b.scope.title))
        }
        state.overlay = .palette(PaletteOverlay(cursor: ListCursor(count: commands.count), commands: commands,
                                                matches: Array(commands.indices)))
    }

    /// Commands matching the query, best first.
    static func rank(_ commands: [PaletteOverlay.Command], _ query: String) -> [Int] {
        let scored = commands.indices.compactMap { i -> (Int, Int)? in
            let c = commands[i]
            guard let s = Fuzzy.score(query, c.title + " " + c.action.rawValue) else { return nil }
            return (i, s)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
    }
}
