/// How many colours a theme needs from the terminal.
public enum ColorTier: String, Sendable, CaseIterable, Comparable {
    case mono, eight = "8", full = "256"

    /// Colours the tier uses (0 for mono).
    public var colors: Int {
        switch self { case .mono: return 0; case .eight: return 8; case .full: return 256 }
    }

    public static func < (a: ColorTier, b: ColorTier) -> Bool { a.colors < b.colors }

    /// The richest tier a terminal with `colors` colours can show.
    public static func forTerminal(colors: Int) -> ColorTier {
        colors >= 256 ? .full : colors >= 8 ? .eight : .mono
    }
}

/// A terminal colour: the terminal's own default, or an index into the 256-colour palette
/// (0–7 the basic colours, 8–15 their bright forms).
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case index(Int)

    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The nearest of the 8 basic colours, for terminals that have only those.
    public var basic: ThemeColor {
        guard case .index(let i) = self else { return self }
        if i < 8 { return self }
        if i < 16 { return .index(i - 8) }
        let (r, g, b) = ThemeColor.rgb(i)
        var best = 0, bestDistance = Int.max
        for c in 0..<8 {
            let (cr, cg, cb) = ThemeColor.rgb(c)
            let d = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if d < bestDistance { best = c; bestDistance = d }
        }
        return .index(best)
    }

    /// The xterm palette's approximate red, green and blue for an index.
    static func rgb(_ i: Int) -> (Int, Int, Int) {
        let basic = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        if i < 8 { return basic[i] }
        if i < 16 { let (r, g, b) = basic[i - 8]; return (min(255, r + 50), min(255, g + 50), min(255, b + 50)) }
        if i < 232 {
            let n = i - 16, steps = [0, 95, 135, 175, 215, 255]
            return (steps[n / 36], steps[(n / 6) % 6], steps[n % 6])
        }
        let v = 8 + (i - 232) * 10
        return (v, v, v)
    }
}

/// How one role is drawn: colours and attributes.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}

/// A named set of role styles. Views only name roles; a theme turns them into colours.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String
    public var tier: ColorTier
    public var styles: [Role: RoleStyle]

    public init(name: String, description: String = "", tier: ColorTier, styles: [Role: RoleStyle]) {
        self.name = name
        self.description = description
        self.tier = tier
        self.styles = styles
    }

    public func style(for role: Role) -> RoleStyle { styles[role] ?? styles[.text] ?? RoleStyle() }

    /// The same theme for a terminal that offers fewer colours: 256-colour entries become their
    /// nearest basic colour; without colour, the monochrome theme.
    public func adapted(toTerminalColors colors: Int) -> Theme {
        let available = ColorTier.forTerminal(colors: colors)
        if available >= tier { return self }
        if available == .mono { return Theme.monochrome }
        var copy = self
        copy.tier = available
        for (role, s) in styles {
            var t = s
            t.foreground = s.foreground.basic
            t.background = s.background.basic
            copy.styles[role] = t
        }
        return copy
    }
}
