import Foundation
import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct ProjectFileRoundTripTests {
    @Test func everyFieldSurvivesARoundTrip() throws {
        let catalog = everyFieldCatalog()
        #expect(catalog.integrityProblems().isEmpty)
        let data = ProjectFile.encode(catalog)
        let back = try ProjectFile.decode(data, source: "every-field.json")
        #expect(back == catalog)
        // Spot checks that would show which part went wrong.
        #expect(back.credentials["PROC-01"]?.ects == 2.5)
        #expect(back.credentials["PROC-01"]?.stackability == .stackable(towards: ["MSc Procurement", "PG-CERT"]))
        #expect(back.credentials["PROC-00"]?.stackability == .stackable(towards: []))
        #expect(back.competencies[CompetencyKey(framework: "PROC", code: "K3")]?.position == 7)
        #expect(back.competencies[CompetencyKey(framework: "CASE-X", code: "a/b")]?.position == -3)
        #expect(back.frameworks["CASE-X"]?.version == "")
    }

    @Test func encodingIsDeterministicAndEndsWithANewline() throws {
        let a = ProjectFile.encode(everyFieldCatalog())
        // The same document built in another order gives the same bytes.
        let c = everyFieldCatalog()
        let shuffled = Catalog(frameworks: c.frameworkList.reversed(), competencies: Array(c.competencies.values).reversed(),
                               credentials: c.credentialList.reversed(), pathways: c.pathwayList.reversed(),
                               learners: c.learnerList.reversed(), comments: c.commentList.reversed(),
                               occupations: c.occupationList.reversed())
        let b = ProjectFile.encode(shuffled)
        #expect(a == b)
        #expect(a.last == 0x0A)
        let again = ProjectFile.encode(try ProjectFile.decode(a, source: "x.json"))
        #expect(again == a)
    }

    @Test func encodedTextIsReadable() throws {
        let text = String(decoding: ProjectFile.encode(everyFieldCatalog()), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"format\": \"pathway-designer-project\",\n  \"version\": 1,\n"))
        #expect(text.contains("\"awardingBody\": \"Universidade do Porto\""))   // UTF-8, not \u escapes
        #expect(text.contains("{\"competency\": \"PROC/K2\", \"level\": 6}"))    // small objects on one line
        #expect(text.contains("\"ects\": 2.5,"))
        #expect(text.contains("\"ects\": 1,"))                                   // whole numbers without ".0"
        #expect(text.contains("\"participation\": \"blended\""))
        #expect(text.contains("\"supervision\": \"supervised-with-id\""))
        #expect(text.contains("\"reviewStatus\": \"in-review\""))
        #expect(text.contains("\"date\": \"2024-02-29\""))
        #expect(!text.contains("\"position\": 0"))                               // implied by the order
        // Credentials are written sorted by code.
        let order = ["\"code\": \"EMPTY\"", "\"code\": \"PROC-00\"", "\"code\": \"PROC-01\"", "\"code\": \"PROC-02\""]
            .map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func aHandWrittenFileFillsInDefaults() throws {
        let catalog = try ProjectFile.decode(Data(baseProjectJSON.utf8), source: "base.json")
        let f = try #require(catalog.frameworks["F"])
        #expect(f.source == .own && f.version == "1.0" && f.language == "en" && f.reviewStatus == .draft)
        let b = try #require(catalog.competencies[CompetencyKey(framework: "F", code: "b")])
        #expect(b.type == .skillCompetence && b.parent == "a" && b.position == 0)
        let c2 = try #require(catalog.credentials["C2"])
        #expect(c2.status == .draft && c2.stackability == .standAlone && c2.ects == nil && c2.learningOutcomes.isEmpty)
        #expect(catalog.credentials["C1"]?.learningOutcomes[0].mappings.map(\.level.value) == [3, 4])
        #expect(catalog.learners["Ana"]?.completions == [Completion(credential: "C1", date: Day("2025-01-31")!)])
        // A comment written without an id is numbered.
        #expect(catalog.comments[1]?.subject == .credential("C1"))
    }

    @Test func positionsLeftOutFollowTheOrderAmongSiblings() throws {
        let json = baseProjectJSON.replacingOccurrences(of: """
        {"code": "b", "title": "B", "parent": "a"}
        """, with: """
        {"code": "z", "title": "Z", "parent": "a"}, {"code": "b", "title": "B", "parent": "a"}, {"code": "c", "title": "C"}
        """)
        let catalog = try ProjectFile.decode(Data(json.utf8), source: "base.json")
        #expect(catalog.children(of: "a", in: "F").map(\.code) == ["z", "b"])
        #expect(catalog.children(of: nil, in: "F").map(\.code) == ["a", "c"])
    }

    @Test func aByteOrderMarkAndEscapesAreAccepted() throws {
        let json = baseProjectJSON.replacingOccurrences(of: "\"title\": \"One\"", with: "\"title\": \"On\\u00e9 \\ud83d\\ude00 \\\"q\\\"\"")
        let catalog = try ProjectFile.decode(Data([0xEF, 0xBB, 0xBF] + Array(json.utf8)), source: "bom.json")
        #expect(catalog.credentials["C1"]?.title == "Oné 😀 \"q\"")
    }
}

@Suite struct ProjectFileLoadAllTests {
    private func write(_ files: [String: String]) throws -> (URL, [URL]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("projectfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let urls = files.keys.sorted().map { dir.appendingPathComponent($0) }
        for url in urls { try Data(files[url.lastPathComponent]!.utf8).write(to: url) }
        return (dir, urls)
    }

    private let second = """
    {"format": "pathway-designer-project", "version": 1,
     "credentials": [{"code": "D1", "title": "Uses F", "learningOutcomes": [{"id": "LO1", "statement": "s", "mappings": [{"competency": "F/b", "level": 2}]}]}],
     "comments": [{"id": 1, "author": "Other", "date": "2025-03-01", "subject": {"kind": "credential", "code": "C2"}, "text": "Cross-file."}]}
    """

    @Test func filesMergeAndMayReferToEachOther() throws {
        let (dir, urls) = try write(["a.json": baseProjectJSON, "b.json": second])
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try ProjectFile.loadAll(urls)
        #expect(catalog.credentials.keys.sorted() == ["C1", "C2", "D1"])
        // Both files numbered their comment 1; the second one moves to the next free id.
        #expect(catalog.comments.count == 2)
        #expect(catalog.comments[1]?.author == "Rev")
        #expect(catalog.comments[2]?.author == "Other")
        // Alone, the second file refers to what it does not define.
        #expect(throws: ProjectFileError.self) { try ProjectFile.decode(Data(second.utf8), source: "b.json") }
    }

    @Test func theSameCodeInTwoFilesNamesBothFiles() throws {
        let clash = second.replacingOccurrences(of: "\"code\": \"D1\"", with: "\"code\": \"C2\"")
        let (dir, urls) = try write(["a.json": baseProjectJSON, "b.json": clash])
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = try #require(throws: ProjectFileError.self) { try ProjectFile.loadAll(urls) }
        #expect(error.file == "b.json")
        #expect(error.path == "$.credentials[0]")
        #expect(error.message == "credential C2 is defined both here and in a.json ($.credentials[1]); keep one")
    }

    @Test func aMissingFileIsReported() throws {
        let url = URL(fileURLWithPath: "/nonexistent/dir/nothing.json")
        let error = try #require(throws: ProjectFileError.self) { try ProjectFile.loadAll([url]) }
        #expect(error.file == "/nonexistent/dir/nothing.json")
        #expect(error.message.contains("cannot be read"))
    }
}
