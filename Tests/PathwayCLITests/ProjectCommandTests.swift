import Foundation
import Testing
import PathwayExchange
import PathwayModel
import PathwaySamples
import PathwayStore
import PathwayTestSupport

/// `import project` and `export project`, and seeding from the sample data.
@Suite struct ProjectCommandTests {
    @Test func initSampleHoldsExactlyTheSampleData() throws {
        let folder = TempFolder()
        let db = folder.path("seeded.sqlite")
        let created = try PathwayBinary.run(["init", "--sample", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created a new database at \(db) with 3 frameworks"))
        let result = try PathwayBinary.run(["list", "frameworks", "--format", "json", "--db", db])
        #expect(result.status == 0)
        let samples = try ProjectFile.loadAll(SampleData.projectFiles())
        #expect(!samples.isEmpty)
        #expect(try DocumentStore(path: db).load() == samples)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["code"] as? String } == samples.frameworkList.map(\.code))
    }

    @Test func exportThenImportIntoANewDatabaseIsLossless() throws {
        let folder = TempFolder()
        let first = try folder.sampleDatabase("first.sqlite"), second = try folder.emptyDatabase("second.sqlite")
        let file = folder.path("project.json")
        #expect(try PathwayBinary.run(["export", "project", "--db", first, "--out", file]).status == 0)
        let imported = try PathwayBinary.run(["import", "project", file, "--db", second])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("Imported"))
        #expect(try DocumentStore(path: second).load() == DocumentStore(path: first).load())
        // And out again: the same bytes.
        let again = try PathwayBinary.run(["export", "project", "--db", second])
        #expect(again.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
    }

    @Test func importMergesByCodeAndKeepsTheRest() throws {
        let folder = TempFolder()
        let db = folder.path("doc.sqlite")
        let mine = Catalog(frameworks: [CompetencyFramework(code: "MINE", title: "Mine")],
                           competencies: [Competency(framework: "MINE", code: "M1", title: "Mine one")])
        _ = try DocumentStore.create(at: db, seed: mine)
        let file = folder.path("other.json")
        let other = Catalog(frameworks: [CompetencyFramework(code: "OTHER", title: "Other")],
                            competencies: [Competency(framework: "OTHER", code: "O1", title: "Other one")])
        try ProjectFile.encode(other).write(to: URL(fileURLWithPath: file))
        let result = try PathwayBinary.run(["import", "project", file, "--db", db])
        #expect(result.status == 0)
        let merged = try DocumentStore(path: db).load()
        #expect(Set(merged.frameworks.keys) == ["MINE", "OTHER"])
        #expect(merged.competencies.count == 2)
        // --replace makes the database exactly the file.
        #expect(try PathwayBinary.run(["import", "project", file, "--replace", "--db", db]).status == 0)
        #expect(try DocumentStore(path: db).load() == other)
    }

    @Test func aBrokenProjectFileImportsNothing() throws {
        let folder = TempFolder()
        let db = try folder.sampleDatabase("doc.sqlite")
        let before = try DocumentStore(path: db).load()
        let file = folder.path("broken.json")
        try Data("{\"format\": \"pathway-designer-project\", \"version\": 1, \"frameworks\": [ {\"code\": }".utf8)
            .write(to: URL(fileURLWithPath: file))
        let result = try PathwayBinary.run(["import", "project", file, "--db", db])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.json"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try DocumentStore(path: db).load() == before)
    }

    @Test func importingIntoAReadOnlyDatabaseIsRefused() throws {
        let folder = TempFolder()
        let db = try folder.sampleDatabase("doc.sqlite"), file = folder.path("p.json")
        #expect(try PathwayBinary.run(["export", "project", "--db", db, "--out", file]).status == 0)
        let result = try PathwayBinary.run(["import", "project", file, "--replace", "--read-only", "--db", db])
        #expect(result.status == 2)
        #expect(result.stderr.contains("read-only"))
    }

    @Test func importingAMissingFileIsAClearError() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["import", "project", folder.path("nope.json"), "--db", folder.path("d.sqlite")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nope.json does not exist"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("d.sqlite")))
    }

    @Test func backupWritesAnOpenableCopy() throws {
        let folder = TempFolder()
        let db = try folder.sampleDatabase("doc.sqlite"), copy = folder.path("copy.sqlite")
        let result = try PathwayBinary.run(["backup", "--out", copy, "--db", db])
        #expect(result.status == 0)
        #expect(try DocumentStore(path: copy).load() == DocumentStore(path: db).load())
    }
}
