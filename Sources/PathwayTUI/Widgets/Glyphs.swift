/// The characters used for lines and marks: Unicode under a UTF-8 locale, plain ASCII with
/// `--ascii`, on the Linux console, or under any other locale (where box lines print as `lqqk`).
public struct Glyphs: Sendable, Hashable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
    public var teeDown, teeUp, teeRight, teeLeft: Character
    public var expanded, collapsed, leaf, bullet, check, cross, arrow, ellipsis, block: String
    /// Heat-map glyphs from none to strongest, so a heat map reads without colour.
    public var heat: [String]

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤",
        expanded: "▾", collapsed: "▸", leaf: "·", bullet: "•", check: "✓", cross: "✗", arrow: "→",
        ellipsis: "…", block: "█", heat: ["·", "░", "▒", "▓", "█"])

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+",
        expanded: "v", collapsed: ">", leaf: "-", bullet: "*", check: "x", cross: "!", arrow: "->",
        ellipsis: "...", block: "#", heat: [".", "1", "2", "3", "4"])
}
