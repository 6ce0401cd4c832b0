/// Themes that exist without any file: the default (a copy of Themes/default-dark.theme, kept
/// equal by a test) so a missing or broken Themes folder never leaves the app colourless, and
/// monochrome for terminals without colour and for `NO_COLOR`.
public enum BuiltinThemes {
    public static let defaultName = "default-dark"

    public static let defaultDarkSource = """
    # Pathway Designer theme: the default, for dark terminals.
    # Format: see docs/themes.md. Colours are 0-255 (xterm palette), names, or "default".
    name = default-dark
    description = Calm colours on the terminal's own dark background
    tier = 256

    background = default
    text = 252
    muted = 245
    accent = 75 bold
    title = 81 bold
    border = 240
    header = 252 bold
    selection = 16 on 75
    selection-inactive = 252 on 238
    status = 252 on 236
    hint-key = 81 bold
    hint-text = 245
    error = 203 bold
    warning = 214
    ok = 114
    input = 231 on 237
    heat-0 = 240
    heat-1 = 16 on 24
    heat-2 = 16 on 31
    heat-3 = 16 on 38
    heat-4 = 16 on 45
    gap = 203 bold
    overlap = 214 bold

    """

    public static let monochromeSource = """
    # Built in: no colour at all, only bold, underline and reverse.
    name = monochrome
    description = No colour; for NO_COLOR and terminals without colour
    tier = mono
    text = default
    muted = default dim
    accent = default bold
    title = default bold underline
    selection = default reverse
    selection-inactive = default underline
    status = default reverse
    error = default bold underline
    warning = default bold
    ok = default
    input = default underline
    heat-0 = default dim
    heat-1 = default
    heat-2 = default
    heat-3 = default bold
    heat-4 = default bold reverse
    gap = default bold reverse

    """

    // Both sources are fixed text checked by tests, so parsing cannot fail.
    public static let defaultDark: Theme = try! ThemeParser.parse(defaultDarkSource, file: "built-in default-dark")
}

extension Theme {
    public static let monochrome: Theme = try! ThemeParser.parse(BuiltinThemes.monochromeSource, file: "built-in monochrome")
}
