/// What an import did to the document, in counts a person can check ("64 added, 2 changed").
public struct ImportSummary: Hashable, Sendable, CustomStringConvertible {
    public var framework: String
    public var frameworkTitle: String
    /// True when the framework did not exist before.
    public var frameworkIsNew: Bool
    public var added = 0
    public var changed = 0
    public var removed = 0
    public var unchanged = 0
    public var occupationsAdded = 0
    public var occupationsChanged = 0
    /// References to removed competencies that were taken out of credentials, pathways, learners
    /// and occupations so the document stays whole.
    public var referencesMended = 0
    public var notes: [String] = []

    public init(framework: String, frameworkTitle: String, frameworkIsNew: Bool) {
        self.framework = framework
        self.frameworkTitle = frameworkTitle
        self.frameworkIsNew = frameworkIsNew
    }

    public var competencyCount: Int { added + changed + unchanged }

    /// One or more lines for the terminal.
    public var description: String {
        var lines: [String] = []
        let verb = frameworkIsNew ? "Created" : "Updated"
        lines.append("\(verb) framework \(framework) (\(frameworkTitle)): \(competencyCount) competencies — "
                     + "\(added) added, \(changed) changed, \(removed) removed, \(unchanged) unchanged.")
        if occupationsAdded + occupationsChanged > 0 {
            lines.append("Occupations: \(occupationsAdded) added, \(occupationsChanged) changed.")
        }
        if referencesMended > 0 {
            lines.append("\(referencesMended) items that referred to removed competencies were updated.")
        }
        lines.append(contentsOf: notes.map { "Note: \($0)" })
        return lines.joined(separator: "\n")
    }
}
