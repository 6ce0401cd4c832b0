import Foundation

/// A goal from issue 6: a limit on the median, on the worst sample, or both.
struct Goal: Sendable {
    var median: Double?
    var worst: Double?
    var text: String

    static func under(_ ms: Double) -> Goal { Goal(median: ms, worst: nil, text: "< \(format(ms)) ms") }
    static let keystroke = Goal(median: 5, worst: 16, text: "< 5 ms median, < 16 ms worst")
    /// The key that builds a screen on its first visit: within a frame (the README's goal).
    static let firstVisit = Goal(median: nil, worst: 16, text: "< 16 ms worst")
    /// A slice of work between keys: a key pressed meanwhile waits for it, then takes its own
    /// few milliseconds, within 16 ms.
    static let idleSlice = Goal(median: nil, worst: 10, text: "< 10 ms worst")
    static func atMost(ratio: Double) -> Goal { Goal(median: ratio, worst: nil, text: "≤ \(format(ratio))×") }
    static func underMB(_ mb: Double) -> Goal { Goal(median: mb, worst: nil, text: "< \(format(mb)) MB") }
}

/// One line of the results.
struct Figure: Sendable {
    enum Unit: String, Sendable { case ms, mb = "MB", ratio = "×", count = "" }

    var id: String
    var title: String
    var unit: Unit
    var median: Double?
    var worst: Double?
    /// Median CPU time (thread) of the same samples: the figure without waiting for a core.
    var cpuMedian: Double?
    var samples: Int
    var goal: Goal?
    /// What was measured, or why nothing was.
    var note: String

    init(_ id: String, _ title: String, unit: Unit = .ms, stats: Stats?, goal: Goal?, note: String = "") {
        self.id = id
        self.title = title
        self.unit = unit
        self.median = stats?.median
        self.worst = stats?.worst
        self.cpuMedian = stats?.cpuMedian
        self.samples = stats?.count ?? 0
        self.goal = goal
        self.note = note
    }

    init(_ id: String, _ title: String, unit: Unit, value: Double?, goal: Goal?, note: String = "") {
        self.init(id, title, unit: unit, stats: nil, goal: goal, note: note)
        median = value
        samples = value == nil ? 0 : 1
    }

    /// nil when there is no goal or no figure.
    var met: Bool? {
        guard let goal, let median else { return nil }
        if let limit = goal.median, !(unit == .ratio ? median <= limit : median < limit) { return false }
        if let limit = goal.worst, let worst, !(worst < limit) { return false }
        return true
    }

    var verdict: String {
        guard goal != nil else { return "" }
        guard median != nil else { return "not measured" }
        return met == true ? "met" : "MISSED"
    }
}

struct Report {
    var machine: Machine
    var size: String
    var scale: Double
    var repeats: Int
    var seed: UInt64
    var figures: [Figure] = []

    func table() -> String {
        var rows: [[String]] = [["measurement", "median", "worst", "CPU median", "goal", "verdict"]]
        for f in figures {
            rows.append([f.title, f.median.map { value($0, f.unit) } ?? "—",
                         f.worst.map { value($0, f.unit) } ?? "", f.cpuMedian.map { value($0, f.unit) } ?? "",
                         f.goal?.text ?? "", f.verdict])
        }
        let widths = (0..<6).map { c in rows.map { $0[c].count }.max()! }
        var out = ""
        for (i, r) in rows.enumerated() {
            out += r.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        let notes = figures.filter { !$0.note.isEmpty }
        if !notes.isEmpty {
            out += "\n" + notes.map { "- \($0.title): \($0.note)" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// The same table in Markdown, for the README.
    func markdown() -> String {
        var out = "| measurement | median | worst | CPU median | goal | verdict |\n|---|---:|---:|---:|---|---|\n"
        for f in figures {
            out += "| \(f.title) | \(f.median.map { value($0, f.unit) } ?? "—") | \(f.worst.map { value($0, f.unit) } ?? "") | \(f.cpuMedian.map { value($0, f.unit) } ?? "") | \(f.goal?.text ?? "") | \(f.verdict) |\n"
        }
        return out
    }

    private func value(_ v: Double, _ unit: Figure.Unit) -> String {
        switch unit {
        case .ms: return format(v) + " ms"
        case .mb: return format(v) + " MB"
        case .ratio: return format(v) + "×"
        case .count: return format(v)
        }
    }

    func json() -> String {
        func str(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default:
                    if u.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16) }
                    else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        }
        func num(_ d: Double?) -> String { d.map { format($0, digits: 4) } ?? "null" }
        var lines: [String] = []
        for f in figures {
            var fields = ["\"id\": \(str(f.id))", "\"title\": \(str(f.title))", "\"unit\": \(str(f.unit.rawValue))",
                          "\"median\": \(num(f.median))", "\"worst\": \(num(f.worst))", "\"cpuMedian\": \(num(f.cpuMedian))", "\"samples\": \(f.samples)"]
            if let g = f.goal {
                fields.append("\"goal\": {\"median\": \(num(g.median)), \"worst\": \(num(g.worst)), \"text\": \(str(g.text))}")
                fields.append("\"met\": \(f.met.map { $0 ? "true" : "false" } ?? "null")")
            }
            if !f.note.isEmpty { fields.append("\"note\": \(str(f.note))") }
            lines.append("    {" + fields.joined(separator: ", ") + "}")
        }
        return """
            {
              "machine": {"cores": \(machine.cores), "cpu": \(str(machine.cpu)), "memoryMB": \(machine.memoryMB), "system": \(str(machine.system))},
              "workload": {"scale": \(format(scale, digits: 4)), "seed": \(seed), "size": \(str(size))},
              "repeats": \(repeats),
              "figures": [
            \(lines.joined(separator: ",\n"))
              ]
            }

            """
    }
}

/// A number with up to `digits` decimals, trailing zeros dropped (2, 2.5, 0.031).
func format(_ v: Double, digits: Int = 2) -> String {
    if v.isNaN || v.isInfinite { return "null" }
    let significant = v != 0 && abs(v) < 0.1 ? max(digits, 3) : digits
    var s = String(format: "%.\(significant)f", v)
    if s.contains(".") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
    }
    return s
}
