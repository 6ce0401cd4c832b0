import Foundation
import Testing
import PathwayTestSupport

/// The exit codes the CLI promises: 0 fine, 2 bad usage or a bad file, help at 0.
@Suite struct ExitCodeTests {
    @Test func unknownSubcommandIsBadUsage() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["frobnicate", "--db", folder.path("x.sqlite")])
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test func unknownListKindIsBadUsage() throws {
        let result = try PathwayBinary.run(["list", "bananas"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bananas"))
    }

    @Test func frameworkFilterOnOtherKindsIsBadUsage() throws {
        let folder = TempFolder()
        let result = try PathwayBinary.run(["list", "pathways", "--framework", "X", "--db", try folder.sampleDatabase()])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--framework applies only"))
    }

    @Test func helpExitsZeroOnStdout() throws {
        let result = try PathwayBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: pathway"))
        #expect(result.stdout.contains("--db"))
        let sub = try PathwayBinary.run(["list", "--help"])
        #expect(sub.status == 0)
        #expect(sub.stdout.contains("competencies"))
    }

    @Test func unknownOptionIsBadUsage() throws {
        let result = try PathwayBinary.run(["list", "pathways", "--colour", "red"])
        #expect(result.status == 2)
    }
}
