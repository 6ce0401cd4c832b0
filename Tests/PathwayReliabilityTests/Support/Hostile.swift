import Foundation
import PathwayModel

/// Text that tries to take over a terminal: escape sequences, an OSC 0 title change, bells, NUL,
/// C1 controls, bidi overrides, line breaks. Imported or typed, none of it may reach the terminal raw.
enum Hostile {
    static let titleChange = "\u{1b}]0;PWNED\u{7}"
    static let strings: [String] = [
        "Title \(titleChange) after",
        "Clear \u{1b}[2J\u{1b}[H\u{1b}[31mred\u{1b}[0m",
        "Bell\u{7}\u{7}ring",
        "Nul\u{0}byte",
        "\u{202E}desrever\u{202C} bidi",
        "Isolate \u{2066}x\u{2069}",
        "C1 \u{9b}31mcsi \u{9d}0;OSC\u{9c}",
        "DCS \u{1b}P1$r\u{1b}\\ end",
        "Line\nbreak\rreturn\ttab",
        "Delete\u{7f}char",
        "Title again \u{1b}]2;PWNED2\u{1b}\\",
    ]

    /// Every scalar that must never be written raw.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        return [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v)
    }

    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { isControl($0) && $0 != "\n" }
    }

    /// A valid document whose every title, name, description and comment is hostile.
    static func catalog(longTitle: String? = nil) -> Catalog {
        func t(_ i: Int) -> String { strings[i % strings.count] }
        let framework = CompetencyFramework(code: "EVIL", title: longTitle ?? t(0), sector: t(1), description: t(2))
        var competencies: [Competency] = []
        for (i, s) in strings.enumerated() {
            competencies.append(Competency(framework: "EVIL", code: "E\(i)", title: s, description: t(i + 1),
                                           parent: i == 0 ? nil : "E0", altLabels: [t(i + 2)]))
        }
        if let longTitle {
            competencies.append(Competency(framework: "EVIL", code: "LONG", title: longTitle, description: longTitle))
        }
        let key = CompetencyKey(framework: "EVIL", code: "E1")
        let credential = MicroCredential(code: "MC-EVIL", title: longTitle ?? t(0), awardingBody: t(3),
                                         learningOutcomes: [LearningOutcome(id: "LO1", statement: t(4),
                                                                            mappings: [CompetencyLevel(competency: key, level: EQFLevel(5)!)])],
                                         ects: 2, eqfLevel: EQFLevel(5)!, assessment: t(5))
        let pathway = Pathway(code: "PW-EVIL", title: longTitle ?? t(6), description: t(7),
                              target: PathwayTarget(occupation: t(8)), stages: [Stage(title: t(9), core: ["MC-EVIL"])])
        let learner = Learner(name: longTitle.map { String($0.prefix(2_000)) } ?? t(10), note: t(0),
                              completions: [Completion(credential: "MC-EVIL", date: Day("2025-01-02")!)])
        let comment = ReviewComment(id: 1, author: t(1), date: Day("2025-01-03")!, text: t(2), subject: .pathway("PW-EVIL"))
        return Catalog(frameworks: [framework], competencies: competencies, credentials: [credential],
                       pathways: [pathway], learners: [learner], comments: [comment])
    }

    /// About 100 KB of text that mixes wide characters, combining marks and control characters.
    static func longTitle(kilobytes: Int = 100) -> String {
        let piece = "Long 中文 title é\u{301} \u{1b}[31m😀 \u{7}"
        var s = ""
        while s.utf8.count < kilobytes * 1_024 { s += piece }
        return s
    }
}
