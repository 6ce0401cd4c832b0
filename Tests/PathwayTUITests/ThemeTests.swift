import Foundation
import Testing
@testable import PathwayTUI

@Suite struct ThemeTests {
    static var themesDir: String { Snapshot.packageRoot.appendingPathComponent("Themes").path }

    @Test func everyShippedThemeLoads() throws {
        let library = ThemeLibrary.load(directories: [ThemeTests.themesDir])
        #expect(library.problems.isEmpty, "\(library.problems)")
        let names = Set(library.themes.map(\.name))
        for required in ["default-dark", "light", "high-contrast", "colour-blind-safe", "monochrome"] {
            #expect(names.contains(required), "missing theme \(required)")
        }
        for theme in library.themes {
            for role in Role.allCases { #expect(theme.styles[role] != nil, "\(theme.name) has no \(role)") }
        }
    }

    @Test func builtInDefaultIsTheShippedFile() throws {
        let file = try String(contentsOfFile: ThemeTests.themesDir + "/default-dark.theme", encoding: .utf8)
        #expect(file == BuiltinThemes.defaultDarkSource, "Themes/default-dark.theme and BuiltinThemes.defaultDarkSource must match")
    }

    @Test func parsesColoursAttributesAndBackground() throws {
        let t = try ThemeParser.parse(BuiltinThemes.defaultDarkSource, file: "x")
        #expect(t.tier == .full)
        #expect(t.style(for: .selection) == RoleStyle(foreground: .index(16), background: .index(75)))
        #expect(t.style(for: .accent).bold)
        #expect(t.style(for: .text).background == .terminalDefault)
    }

    @Test(arguments: [
        ("tier = 256\ntext = 1", "missing 'name"),
        ("name = x\ntext = 1", "missing 'tier"),
        ("name = x\ntier = 16", "line 2: tier must be 256, 8 or mono"),
        ("name = x\ntier = 8\ntext = 200", "line 3: colour 200 needs tier 256"),
        ("name = x\ntier = 256\ntext = purple", "line 3: 'purple' is not a colour"),
        ("name = x\ntier = 256\nsparkle = 1", "line 3: unknown role 'sparkle'"),
        ("name = x\ntier = 256\njust words", "line 3: expected 'key = value'"),
        ("name = x\ntier = 256\ntext = 1\ntext = 2", "line 4: 'text' is set twice"),
        ("name = x\ntier = mono\ntext = red", "line 3: a mono theme cannot use colours"),
        ("name = x\ntier = 256\ntext = 1", "missing roles: muted"),
    ])
    func malformedThemesAreRejectedWithTheLine(source: String, expected: String) {
        do {
            _ = try ThemeParser.parse(source, file: "bad.theme")
            Issue.record("accepted a malformed theme")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
            #expect("\(error)".hasPrefix("bad.theme"))
        }
    }

    @Test func aBrokenFileIsReportedAndTheRestStillLoad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name = broken\ntier = 256\ntext = 999\n".write(to: dir.appendingPathComponent("broken.theme"), atomically: true, encoding: .utf8)
        let library = ThemeLibrary.load(directories: [dir.path])
        #expect(library.problems.count == 1)
        #expect("\(library.problems[0])".contains("broken.theme, line 3"))
        #expect(library.theme(named: "default-dark") != nil)
        #expect(library.theme(named: "monochrome") != nil)
        #expect(library.theme(named: "broken") == nil)
    }

    @Test func adaptsToEightColoursAndToNone() throws {
        let t = BuiltinThemes.defaultDark.adapted(toTerminalColors: 8)
        #expect(t.tier == .eight)
        for s in t.styles.values {
            for c in [s.foreground, s.background] { if case .index(let i) = c { #expect(i < 8) } }
        }
        #expect(BuiltinThemes.defaultDark.adapted(toTerminalColors: 0).name == "monochrome")
        #expect(BuiltinThemes.defaultDark.adapted(toTerminalColors: 256) == BuiltinThemes.defaultDark)
    }
}
