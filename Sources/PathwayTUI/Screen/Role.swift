/// What a piece of text *means* on screen. Views pick roles; the theme decides the colours, so
/// every screen reads the same in every theme, including monochrome.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case text, muted, accent, title, border, header
    case selection, selectionInactive = "selection-inactive"
    case status, hintKey = "hint-key", hintText = "hint-text"
    case error, warning, ok, input
    case heat0 = "heat-0", heat1 = "heat-1", heat2 = "heat-2", heat3 = "heat-3", heat4 = "heat-4"
    case gap, overlap

    /// The heat-map ramp from none (0) to strongest (4).
    public static func heat(_ step: Int) -> Role {
        [Role.heat0, .heat1, .heat2, .heat3, .heat4][max(0, min(4, step))]
    }
}

/// A role plus the attributes a view may add on top of the theme's own.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var underline: Bool

    public init(_ role: Role = .text, bold: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
    }

    public static let text = Style(.text)
}
