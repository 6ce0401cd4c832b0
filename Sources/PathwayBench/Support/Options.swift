/// The benchmark's command line. Kept by hand (a few flags) so the benchmark depends on nothing
/// the app does not.
struct Options {
    var scale = 1.0
    var repeats = 5
    var jsonPath: String?
    var seed = UInt64(20_260_601)
    var keepFiles = false
    /// Run one group of measurements only (import, open, engine, save, keys, memory), e.g. to profile it.
    var only: String?
    /// Internal: run the memory probe on this database and print its peak memory.
    var memoryProbe: String?
    /// Peak memory from a fresh child process (the benchmark executable itself); off in tests,
    /// where the running executable is the test runner.
    var memoryProbeInChild = true
    /// No progress lines on stderr.
    var quiet = false

    static let usage = """
        usage: pathway-bench [--scale F] [--repeat N] [--json FILE] [--seed N] [--keep]

        Generates an ESCO-scale workload (14,000 competencies, 3,000 occupations with 130,000 skill
        links, 2,000 micro-credentials, 500 pathways, 200 learners) and measures import, opening,
        engine checks, keystroke-to-frame on each screen, and peak memory. Build in release (the
        `pathway` executable too: its own peak memory is measured, in tmux for the UI):

            swift build -c release && .build/release/pathway-bench

          --scale F    shrink every count by F (0.1 for a quick run; default 1)
          --repeat N   repetitions per measurement (default 5); the table shows median and worst
          --json FILE  also write the figures as JSON
          --seed N     workload seed (default 20260601)
          --keep       keep the temporary folder with the CSV files and databases
          --only G     run one group only: import, open, engine, save, keys or memory (for profiling)
        """

    static func parse(_ args: [String]) throws -> Options {
        var o = Options()
        var i = 0
        func value(_ flag: String) throws -> String {
            i += 1
            guard i < args.count else { throw UsageError("\(flag) needs a value") }
            return args[i]
        }
        while i < args.count {
            let a = args[i]
            switch a {
            case "--scale":
                guard let v = Double(try value(a)), v > 0, v <= 4 else { throw UsageError("--scale takes a number above 0 and at most 4, e.g. 0.1") }
                o.scale = v
            case "--repeat":
                guard let v = Int(try value(a)), v >= 1 else { throw UsageError("--repeat takes a whole number of 1 or more") }
                o.repeats = v
            case "--json": o.jsonPath = try value(a)
            case "--seed":
                guard let v = UInt64(try value(a)) else { throw UsageError("--seed takes a whole number") }
                o.seed = v
            case "--keep": o.keepFiles = true
            case "--only":
                let v = try value(a)
                guard ["import", "open", "engine", "save", "keys", "memory"].contains(v) else {
                    throw UsageError("--only takes one of import, open, engine, save, keys, memory")
                }
                o.only = v
            case "--memory-probe": o.memoryProbe = try value(a)
            case "-h", "--help": throw UsageError(nil)
            default: throw UsageError("unknown option \(a)")
            }
            i += 1
        }
        return o
    }
}

struct UsageError: Error {
    var message: String?
    init(_ message: String?) { self.message = message }
}
