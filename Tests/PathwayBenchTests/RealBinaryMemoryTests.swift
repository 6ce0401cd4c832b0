import Foundation
import Testing
@testable import PathwayBench

/// The plain spawn the benchmark uses to measure the real `pathway` executable: exit status
/// and output must come back right. (Its peak memory is read through a fresh `--peak-of` process,
/// because Linux counts the memory of whoever called exec: in the test runner it would be the runner's.)
@Suite struct RealBinaryMemoryTests {
    @Test func spawnReturnsTheExitStatusAndWritesTheOutputFile() throws {
        let out = NSTemporaryDirectory() + "/real-binary-memory-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try RealBinaryMemory.spawn("/bin/sh", ["-c", "echo measured; exit 3"], output: out)
        #expect(r.status == 3)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "measured\n")
    }

    @Test func aMissingExecutableIsAnErrorOrExit127() {
        let r = try? RealBinaryMemory.spawn("/nonexistent/pathway", [])
        #expect(r == nil || r?.status == 127)
    }
}
