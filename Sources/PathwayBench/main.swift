import Foundation

// pathway-bench: see `Options.usage` and the README's "Speed" section.
do {
    // Internal: `--peak-of EXECUTABLE ARGS…` runs it and prints its peak resident memory (see
    // `RealBinaryMemory.command`); before anything else, so this process stays small.
    if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--peak-of" {
        let r = try RealBinaryMemory.spawn(CommandLine.arguments[2], Array(CommandLine.arguments.dropFirst(3)))
        print(Double(r.usage.ru_maxrss) / 1024, r.status)
        exit(0)
    }
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    if let db = options.memoryProbe {
        print(format(try MemoryProbe.run(db), digits: 1))
    } else {
        var bench = try Bench(options: options)
        let report = try bench.run()
        print(report.table())
        print("Machine: \(report.machine.summary)")
        print("Workload: \(report.size), seed \(report.seed), \(report.repeats) repetitions")
    }
} catch let e as UsageError {
    if let m = e.message { FileHandle.standardError.write(Data("pathway-bench: \(m)\n\n".utf8)) }
    print(Options.usage)
    exit(e.message == nil ? 0 : 2)
} catch {
    FileHandle.standardError.write(Data("pathway-bench: \(error)\n".utf8))
    exit(1)
}
