import Foundation
import Testing
@testable import PathwayBench

/// Runs the benchmark itself at 1% of ESCO scale, so that its code cannot rot: every step runs
/// (generate, write CSV, import, write the document, open, draw, press keys, check) and checks
/// its own results (counts after import and load). Timings are reported, never asserted.
@Suite struct BenchGuardTests {
    @Test func theBenchmarkRunsEndToEndAtSmallScaleAndReportsEveryGoal() throws {
        var options = Options()
        options.scale = 0.01
        options.repeats = 1
        options.quiet = true
        options.memoryProbeInChild = false
        let json = NSTemporaryDirectory() + "pathway-bench-guard-\(getpid()).json"
        options.jsonPath = json
        defer { unlink(json) }
        var bench = try Bench(options: options)
        let report = try bench.run()

        let ids = Set(report.figures.map(\.id))
        for id in ["import.ratio", "open.firstFrame", "open.checked", "save.pathway", "save.credential", "save.competency",
                   "engine.full", "engine.recheck", "key.map", "key.filter", "key.pathways", "key.coverage",
                   "key.overview", "memory.peak"] {
            #expect(ids.contains(id), "no figure \(id)")
        }
        // Whatever exists on main is measured: the overview screen and opening always are.
        for id in ["open.firstFrame", "open.checked", "save.pathway", "save.credential", "save.competency",
                   "engine.full", "engine.recheck", "key.overview", "memory.peak"] {
            let f = try #require(report.figures.first { $0.id == id })
            #expect(f.median != nil && f.samples > 0, "\(id) was not measured: \(f.note)")
        }
        // Every screen but the first is visited cold and after the work between keys, once per
        // repetition; that work is measured in slices, the map's preparation among them.
        for id in ["map", "pathways", "coverage", "credentials", "learners", "review"] {
            for prefix in ["key.first.", "key.firstAfterIdle."] {
                let f = try #require(report.figures.first { $0.id == prefix + id }, "no figure \(prefix + id)")
                #expect(f.samples == options.repeats && f.median != nil, "\(f.id): \(f.samples) samples, \(f.note)")
            }
        }
        for id in ["idle.slice.prepare", "idle.slice.screen", "idle.slice.check"] {
            let f = try #require(report.figures.first { $0.id == id }, "no figure \(id)")
            #expect(f.samples >= 1 && f.worst != nil, "\(id) was not measured: \(f.note)")
        }
        // A figure that was not measured says why.
        for f in report.figures where f.median == nil { #expect(!f.note.isEmpty, "\(f.id) has no figure and no reason") }

        let table = report.table()
        #expect(table.contains("open → first frame"))
        #expect(report.markdown().hasPrefix("| measurement | median | worst | CPU median | goal | verdict |"))

        let data = try Data(contentsOf: URL(fileURLWithPath: json))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let machine = try #require(object["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) >= 1)
        #expect(!(machine["cpu"] as? String ?? "").isEmpty)
        let figures = try #require(object["figures"] as? [[String: Any]])
        #expect(figures.count == report.figures.count)
    }
}
