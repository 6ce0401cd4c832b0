/// The keys that work on every screen. Screens add their own in their descriptor.
public enum GlobalBindings {
    public static let all: [Binding] = [
        Binding(["?", "F1"], .help, "help", "Show every key of this screen (type to filter)", hint: true),
        Binding([":", "F2"], .palette, "commands", "Open the command palette: type to find any command", hint: true),
        Binding(["/", "F3"], .filter, "filter", "Filter the list as you type; Enter keeps the filter, Esc clears it", hint: true),
        Binding(["n"], .findNext, "next match", "Go to the next match of the filter"),
        Binding(["N"], .findPrevious, "previous match", "Go to the previous match of the filter"),
        Binding(["Esc"], .cancel, "cancel", "Cancel: close the overlay or clear the filter"),
        Binding(["u", "F6"], .undo, "undo", "Undo the last change (saved at once)", edits: true),
        Binding(["Ctrl-R", "F7"], .redo, "redo", "Redo the change undone last", edits: true),
        Binding(["T", "F4"], .switchTheme, "theme", "Choose a colour theme"),
        Binding(["q"], .back, "back", "Go back to the previous screen; quit on the first screen", hint: true),
        Binding(["Q", "F10"], .quit, "quit", "Quit Pathway Designer (everything is already saved)"),
        Binding(["k", "Up"], .up, "up", "Move up one row"),
        Binding(["j", "Down"], .down, "down", "Move down one row"),
        Binding(["h", "Left"], .left, "left", "Move left, or collapse the item in a tree"),
        Binding(["l", "Right"], .right, "right", "Move right, or expand the item in a tree"),
        Binding(["PgUp", "Ctrl-B"], .pageUp, "page up", "Move up one page"),
        Binding(["PgDn", "Ctrl-F"], .pageDown, "page down", "Move down one page"),
        Binding(["gg", "Home"], .top, "top", "Go to the first row"),
        Binding(["G", "End"], .bottom, "bottom", "Go to the last row"),
        Binding(["Enter"], .open, "open", "Open or choose the selected item"),
        Binding(["Tab"], .nextFocus, "next pane", "Move the focus to the next pane"),
        Binding(["S-Tab"], .previousFocus, "previous pane", "Move the focus to the previous pane"),
    ]
}
