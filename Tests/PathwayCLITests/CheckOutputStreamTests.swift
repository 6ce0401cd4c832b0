import Foundation
import Testing
@testable import PathwayCLI
import PathwayEngine
import PathwayModel

/// `pathway check` writes its output a piece at a time (`Console.Stream`) so a large check never
/// holds the whole text or JSON in memory; the pieces must add up to exactly the one-string output.
@Suite struct CheckOutputStreamTests {
    func sampleOutput(learner: Learner? = nil) throws -> CheckOutput {
        let catalog = try SampleCatalog.load()
        let all = EngineContext(catalog: catalog).checkAll(learner: learner)
        #expect(all.pathways.count == 8, "the sample data has eight pathways")
        return CheckOutput(catalog: catalog, reports: all.pathways, catalogFindings: all.catalogFindings, learner: learner?.name)
    }

    func pieces(limit: Int, _ write: (inout Console.Stream) -> Void) -> [String] {
        var got: [String] = []
        var stream = Console.Stream(limit: limit) { got.append($0) }
        write(&stream)
        stream.flush()
        return got
    }

    @Test func jsonInSmallPiecesIsTheSameBytesAsInOne() throws {
        let output = try sampleOutput()
        let whole = output.json()
        let parts = pieces(limit: 256) { output.writeJSON(to: &$0) }
        #expect(parts.count >= 8, "a 256-byte limit writes at least one piece per pathway")
        #expect(parts.dropLast().allSatisfy { $0.utf8.count >= 256 })
        #expect(parts.joined() == whole)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary["errors"] == output.errorCount && output.errorCount == 3)
    }

    @Test func textInSmallPiecesIsTheSameAsInOne() throws {
        let output = try sampleOutput()
        let parts = pieces(limit: 100) { output.writeText(to: &$0) }
        #expect(parts.count > 10)
        let text = parts.joined()
        #expect(text == output.text())
        #expect(text.hasSuffix("Total: 3 errors, 0 warnings, \(output.totals.info) info in 8 pathways and the catalog.\n"))
    }

    @Test func nothingIsWrittenUntilALimitOrFlush() {
        var got: [String] = []
        var stream = Console.Stream(limit: 10) { got.append($0) }
        stream.write("12345")
        #expect(got.isEmpty)
        stream.write("67890")
        #expect(got == ["1234567890"])
        stream.write("ab")
        stream.flush()
        stream.flush()
        #expect(got == ["1234567890", "ab"])
    }
}
