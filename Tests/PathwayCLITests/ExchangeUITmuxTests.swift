import Foundation
import Testing
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Imports, exports and restores from the terminal UI's palette, with the real `pathway` binary
/// in tmux, checked afterwards with the command line.
@Suite(.serialized) struct ExchangeUITmuxTests {
    static let shared = ExchangeCommandsTests.shared

    /// Starts the UI on `work.pathway` in `folder` (so files the UI writes by default land there).
    static func start(folder: TempFolder) throws -> TmuxTerminal? {
        try TmuxTerminal.startPathway(database: "work.pathway", width: 100, height: 30, folder: folder)
    }

    func pathway(_ args: [String]) throws -> PathwayBinary.Result { try PathwayBinary.run(args) }

    @Test func importAMoodleFrameworkThenExportItAsCASE() throws {
        guard let oecd = ExchangeCommandsTests.fixture("fixtures/moodle/oecd-competency-framework.csv") else { return }
        let folder = TempFolder()
        _ = try folder.sampleDatabase("work.pathway")
        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        try t.type(":")
        try t.type("import a comp")
        // The palette lists every command before the typing narrows it: wait for the typed text.
        try t.waitFor("import a comp")
        try t.press("Enter")
        let chooser = try t.waitFor("Import a framework")
        #expect(chooser.contains("Moodle competency framework (CSV)"), "\(chooser)")
        try t.type(oecd)
        try t.waitFor("oecd-competency-framework.csv")
        try t.press("Enter")
        // Wait for the whole summary: a box can be on screen a moment before all its text is.
        let summary = try t.wait(timeout: 60) {
            $0.contains("Import finished") && $0.contains("64 competencies:") && $0.contains("u undoes the whole import")
        }
        #expect(summary.contains("Created framework OECD-CORE (OECD)"), "\(summary)")
        #expect(summary.contains("64 competencies: 64 added · 0 changed · 0 removed · 0 unchanged"), "\(summary)")
        #expect(summary.contains("u undoes the whole import"), "\(summary)")
        try t.press("Escape")
        try t.waitUntilGone("Import finished")

        // Export it: choose the framework by typing, the file name follows its code.
        try t.type(":")
        try t.type("export a fr")
        try t.waitFor("export a fr")
        try t.press("Enter")
        try t.waitFor("Enter writes")
        try t.press("Up", "Up")                 // from the file, past the framework, to the format
        let form = try t.waitFor("▸ Format")
        #expect(form.contains("◂ CASE 1.1 package (JSON) ▸"), "export form:\n\(form)")
        try t.press("Down")
        try t.waitFor("type to search")
        try t.type("oecd")
        // Wait for the file name that follows the chosen framework: "1 of 4" alone is no sign the
        // typing was handled, since the format row shows "(1 of 4)" from the start.
        let chosen = try t.waitFor("OECD-CORE.case.json")
        #expect(chosen.contains("OECD-CORE.case.json"), "export form after typing oecd:\n\(chosen)")
        #expect(chosen.contains(" OECD-CORE "), "export form after typing oecd:\n\(chosen)")
        try t.press("Enter")
        let written = try t.waitFor("Wrote the CASE package", timeout: 30)
        #expect(written.contains("Wrote the CASE package of OECD-CORE to OECD-CORE.case.json"), "\(written)")
        try t.press("Q")
        let end = try t.waitFor("[exit 0]")
        #expect(end.contains("[exit 0]"), "\(end)")

        // The import is in the database.
        let listed = try pathway(["list", "frameworks", "--db", folder.path("work.pathway")])
        #expect(listed.stdout.contains("OECD-CORE  64"))
        // The export is a CASE package with the 64 competencies, valid against 1EdTech's schema,
        // and importing it back changes nothing.
        let file = folder.path("OECD-CORE.case.json")
        let data = try #require(FileManager.default.contents(atPath: file), "no export written")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["CFItems"] as? [Any])?.count == 64)
        #expect(((json["CFDocument"] as? [String: Any])?["title"] as? String) == "OECD")
        if let errors = Self.schemaErrors(file: file, schema: "case-v1p1-cfpackage.schema.json") {
            #expect(errors.isEmpty, "schema errors: \(errors.prefix(5))")
        }
        let back = try pathway(["import", "case", file, "--framework", "OECD-CORE", "--dry-run", "--db", folder.path("work.pathway")])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("Updated framework OECD-CORE (OECD): 64 competencies — 0 added"))
        #expect(back.stdout.contains(" 0 removed"))
    }

    @Test func restoreFromABackupInTheUI() throws {
        let folder = TempFolder()
        let db = try folder.sampleDatabase("work.pathway")
        let backup = try pathway(["backup", "--db", db])
        #expect(backup.status == 0, "\(backup.stderr)")
        let later = folder.path("later.csv")
        try """
            Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,Rule type,Rule outcome,Rule config,Cross-referenced competency ID numbers,Exported ID,Is framework,Taxonomy
            ,LATER,Added later,,1,"Not yet,Competent","[{""scaleid"":""2""},{""id"":2,""scaledefault"":1,""proficient"":1}]",,,,,,1,competency
            LATER,L1,First,,1,,,,,,,,,
            """.write(toFile: later, atomically: true, encoding: .utf8)
        #expect(try pathway(["import", "moodle", later, "--db", db]).status == 0)

        guard let t = try Self.start(folder: folder) else { return }
        defer { t.close() }
        try t.waitFor("F10Quit")
        let opened = try t.waitFor("Frameworks                   4")
        #expect(opened.contains("Frameworks                   4"), "\(opened)")
        try t.type(":")
        try t.type("restore")
        try t.waitFor("Restore from backup")
        try t.press("Enter")
        // The list shows first, the backup's counts once they are read: wait for the counts.
        let list = try t.waitFor("3 frameworks, 116 competencies, 26 credentials, 8 pathways, 9 learners", timeout: 30)
        #expect(list.contains("newest first"), "\(list)")
        #expect(list.contains("work-backup-"), "\(list)")
        #expect(list.contains("3 frameworks, 116 competencies, 26 credentials, 8 pathways, 9 learners"), "\(list)")
        try t.press("Enter")
        // Wait for the question's text, not its title: a box can be on screen a moment before its text.
        let question = try t.waitFor("Replace everything in work.pathway with the backup of")
        #expect(question.contains("Replace everything in work.pathway with the backup of"), "\(question)")
        try t.press("y")
        let done = try t.wait(timeout: 30) {
            $0.contains("Restored from") && $0.contains("undo history cleared") && $0.contains("Frameworks                   3")
        }
        #expect(done.contains("undo history cleared"), "\(done)")
        #expect(done.contains("Frameworks                   3"), "\(done)")
        try t.press("Q")
        let end = try t.waitFor("[exit 0]")
        #expect(end.contains("[exit 0]"), "\(end)")

        let listed = try pathway(["list", "frameworks", "--db", db]).stdout
        #expect(!listed.contains("LATER"))
        #expect(listed.contains("SPV"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        let safety = try #require(names.first { $0.hasPrefix("work.before-restore-") }, "no safety backup in \(names)")
        #expect(try pathway(["list", "frameworks", "--db", folder.path(safety)]).stdout.contains("LATER"))
    }

    /// Errors from python3's jsonschema, or nil (with a note) when it cannot run here.
    static func schemaErrors(file: String, schema: String) -> [String]? {
        let schemaPath = shared.appendingPathComponent("standards/\(schema)").path
        guard FileManager.default.fileExists(atPath: schemaPath) else {
            print("SKIPPED: \(schemaPath) is missing; schema validation not done")
            return nil
        }
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("NO-JSONSCHEMA"); sys.exit(0)
        v = jsonschema.Draft201909Validator(json.load(open(sys.argv[1])), format_checker=jsonschema.FormatChecker())
        for e in v.iter_errors(json.load(open(sys.argv[2]))):
            print("ERROR", "/".join(str(p) for p in e.path), e.message[:300])
        print("DONE")
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, schemaPath, file]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { print("SKIPPED: python3 cannot run; schema validation not done"); return nil }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard text.contains("DONE"), !text.contains("NO-JSONSCHEMA") else {
            print("SKIPPED: python3's jsonschema is missing; schema validation not done")
            return nil
        }
        return text.split(separator: "\n").filter { $0.hasPrefix("ERROR") }.map(String.init)
    }
}
