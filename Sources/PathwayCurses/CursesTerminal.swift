import CNcursesw
import Glibc
import PathwayTUI

/// The one place that talks to ncurses: starts and restores the terminal, reads keys, and copies
/// a `ScreenBuffer` to the screen, sending only the cells that changed since the last frame.
public final class CursesTerminal {
    public private(set) var isUTF8 = true
    public private(set) var colors = 0
    private var started = false
    private var previous: ScreenBuffer?
    private var theme: Theme = Theme.monochrome
    private var rolePairs: [Role: (pair: Int32, attrs: attr_t)] = [:]
    /// ASCII look-alikes for text the terminal cannot show when the locale is not UTF-8.
    private var fallback = AsciiFallback()
    /// Colour off by `NO_COLOR` or by a terminal without colour.
    public private(set) var monochrome = true

    public init() {}

    /// Call first, before reading any text: picks up the user's locale (so wide characters get two
    /// columns) and reports whether it is UTF-8.
    public static func prepareLocale() -> Bool { pd_setlocale_utf8() != 0 }

    /// Takes over the terminal. `noColor` is `NO_COLOR` (set and non-empty).
    public func start(noColor: Bool) {
        isUTF8 = CursesTerminal.prepareLocale()
        // Esc answers at once unless the user chose a delay.
        if getenv("ESCDELAY") == nil { setenv("ESCDELAY", "25", 1) }
        initscr()
        started = true
        raw()                      // Ctrl-C arrives as a key, so quitting restores the terminal.
        noecho()
        nonl()
        keypad(pd_stdscr(), true)
        if getenv("ESCDELAY").map({ String(cString: $0) }) == "25" { set_escdelay(25) }
        wtimeout(pd_stdscr(), 200) // wake up often so a resize is noticed even without a key.
        curs_set(0)
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(pd_colors())
            monochrome = colors < 8
        } else {
            colors = 0
            monochrome = true
        }
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func stop() {
        guard started else { return }
        started = false
        curs_set(1)
        endwin()
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(pd_stdscr())), Int(getmaxy(pd_stdscr())))
    }

    /// Applies a theme (already adapted to the terminal's colours) and redraws everything.
    public func use(_ theme: Theme) {
        let t = monochrome ? Theme.monochrome : theme.adapted(toTerminalColors: colors)
        self.theme = t
        rolePairs = [:]
        for (i, role) in Role.allCases.enumerated() {
            let s = t.style(for: role)
            var attrs = pd_a_normal()
            if s.bold { attrs |= pd_a_bold() }
            if s.underline { attrs |= pd_a_underline() }
            if s.reverse { attrs |= pd_a_reverse() }
            if s.dim { attrs |= pd_a_dim() }
            var pair: Int32 = 0
            if !monochrome {
                pair = Int32(i + 1)
                init_extended_pair(pair, number(s.foreground), number(s.background))
            }
            rolePairs[role] = (pair, attrs)
        }
        previous = nil
    }

    private func number(_ c: ThemeColor) -> Int32 {
        switch c {
        case .terminalDefault: return -1
        case .index(let i): return Int32(min(i, max(0, colors - 1)))
        }
    }

    /// Copies the buffer to the terminal, drawing only changed cells.
    public func draw(_ buffer: ScreenBuffer) {
        let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { wclear(pd_stdscr()) }
        var chars = [wchar_t](repeating: 0, count: 6)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if !full, let p = previous, p[x, y] == cell,
                   cell.width < 2 || (x + 1 < buffer.width && p[x + 1, y] == buffer[x + 1, y]) { continue }
                let look = rolePairs[cell.style.role] ?? (0, pd_a_normal())
                var attrs = look.attrs
                if cell.style.bold { attrs |= pd_a_bold() }
                if cell.style.underline { attrs |= pd_a_underline() }
                if !isUTF8 && !cell.char.isASCII {
                    // One ASCII character per column, so the rest of the row stays in place.
                    for (i, c) in fallback.characters(for: cell.char, width: Int(cell.width)).enumerated() where x + i < buffer.width {
                        chars[0] = wchar_t(bitPattern: c.unicodeScalars.first!.value)
                        chars[1] = 0
                        _ = pd_put_cell(Int32(y), Int32(x + i), chars, attrs, look.pair)
                    }
                    continue
                }
                var n = 0
                for s in cell.char.unicodeScalars where n < 5 {
                    chars[n] = wchar_t(bitPattern: s.value)
                    n += 1
                }
                chars[n] = 0
                _ = pd_put_cell(Int32(y), Int32(x), chars, attrs, look.pair)
            }
        }
        previous = buffer
        wnoutrefresh(pd_stdscr())
        doupdate()
    }

    /// How long `readKey` waits for a key: 200 ms normally, less while a job's progress is shown.
    public func setKeyTimeout(milliseconds: Int32) {
        if started { wtimeout(pd_stdscr(), milliseconds) }
    }

    /// Waits up to 200 ms (see `setKeyTimeout`) for a key; nil when none came.
    public func readKey() -> Key? {
        var wch: wint_t = 0
        let r = wget_wch(pd_stdscr(), &wch)
        if r == ERR { return nil }
        let code = Int32(bitPattern: wch)
        if r == KEY_CODE_YES { return CursesTerminal.functionKey(code) }
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + code))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)), code >= 32 else { return nil }
            return .char(Character(scalar))
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == pd_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }
}
