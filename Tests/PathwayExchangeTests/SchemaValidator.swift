import Foundation

/// Validates JSON against an official JSON Schema (Draft 2019-09) with python3's `jsonschema`,
/// run as a subprocess. Returns nil (and says why) when python3, jsonschema or the schema is
/// missing, so the calling test can skip instead of failing.
enum SchemaValidator {
    /// The errors found (empty when valid), or nil when validation cannot run here.
    /// `definition` validates against one of the schema's `$defs` instead of the whole schema.
    static func errors(json: String, schema: String, definition: String? = nil) -> [String]? {
        guard let schemaPath = SharedFixtures.path("standards/\(schema)") else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathway-schema-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("doc.json")
        try? Data(json.utf8).write(to: doc)
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("NO-JSONSCHEMA"); sys.exit(0)
        schema = json.load(open(sys.argv[1]))
        if sys.argv[3]:
            sub = dict(schema["$defs"][sys.argv[3]]); sub["$defs"] = schema["$defs"]; schema = sub
        v = jsonschema.Draft201909Validator(schema, format_checker=jsonschema.FormatChecker())
        for e in sorted(v.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path)):
            print("ERROR", "/".join(str(p) for p in e.path), e.message[:300])
        print("DONE")
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, schemaPath, doc.path, definition ?? ""]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch {
            print("SKIPPED: python3 cannot run here (\(error)); schema validation not done")
            return nil
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if text.contains("NO-JSONSCHEMA") || !text.contains("DONE") {
            print("SKIPPED: python3's jsonschema module is missing (pip install jsonschema); schema validation not done")
            return nil
        }
        return text.split(separator: "\n").filter { $0.hasPrefix("ERROR") }.map(String.init)
    }
}
