import Foundation
import PathwayEngine
import PathwayExchange
import PathwayModel
import PathwayStore
import PathwayTUI
import PathwayWorkload

/// One run of the benchmark: generate, write the files, measure each goal of issue 6, report.
struct Bench {
    let options: Options
    let workspace: Workspace
    var report: Report
    var workload: Workload!
    let documentName = "workload.pathway"
    var documentCatalogCache: Catalog?

    init(options: Options) throws {
        self.options = options
        workspace = try Workspace()
        let size = options.scale == 1 ? WorkloadSize.esco : .scaled(options.scale)
        report = Report(machine: .current(), size: size.description, scale: options.scale,
                        repeats: options.repeats, seed: options.seed)
    }

    func say(_ text: String) {
        if !options.quiet { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }

    /// Measures everything and returns the report (also written as JSON with `--json`).
    mutating func run() throws -> Report {
        defer { if !options.keepFiles { workspace.remove() } }
        say("Machine: \(report.machine.summary)")
        let size = options.scale == 1 ? WorkloadSize.esco : .scaled(options.scale)
        let (w, generation) = Timing.once { Workload(size: size, seed: options.seed) }
        workload = w
        say("Workload: \(size) — generated in \(format(generation.milliseconds)) ms")
        for f in workload.escoFiles { try workspace.write(f.bytes, to: f.name) }
        say("ESCO CSV files in \(workspace.folder)")

        func wanted(_ group: String) -> Bool { options.only == nil || options.only == group }
        if wanted("import") { try measureImport() }
        if options.only != "import" { try writeDocument() }
        if wanted("open") { try measureOpen() }
        if wanted("engine") { try measureEngine() }
        if wanted("save") { try measureSave() }
        if wanted("keys") { try measureKeystrokes() }
        if wanted("memory") { try measureMemory() }

        if let path = options.jsonPath {
            try report.json().write(toFile: path, atomically: true, encoding: .utf8)
            say("JSON written to \(path)")
        }
        if options.keepFiles { say("Files kept in \(workspace.folder)") }
        return report
    }

    // MARK: - Import

    mutating func measureImport() throws {
        say("Import…")
        let names = workload.escoFiles.map(\.name)
        var baseline: Stats?
        if let tool = SQLiteBaseline.toolPath {
            let samples = try Timing.samples(repeats: options.repeats) {
                _ = try SQLiteBaseline.run(tool: tool, files: names, workspace: workspace)
            }
            baseline = Stats(samples)
            _ = Timing.takeCPU()
            let rows = try SQLiteBaseline.rowCount(tool: tool, workspace: workspace, tables: names.count)
            report.figures.append(Figure("import.sqlite3", "sqlite3 .import of the same CSV rows", stats: baseline, goal: nil,
                                         note: "\(rows) rows into plain tables made from the headers, one process, timed start to exit"))
        } else {
            report.figures.append(Figure("import.sqlite3", "sqlite3 .import of the same CSV rows", stats: nil, goal: nil,
                                         note: "the sqlite3 command-line tool is not installed (apt-get install sqlite3)"))
        }
        var result: ESCOImportBench.Result?
        let full = Stats.withCPU(try Timing.samples(repeats: options.repeats) {
            result = try ESCOImportBench.run(folder: workspace, into: workspace.freshDatabase("import.pathway"))
        })
        try checkImported(workspace.path("import.pathway"))
        let r = result!
        guard r.links == workload.pillar.linkCount else {
            throw BenchError("the import kept \(r.links) occupation–skill links; the files have \(workload.pillar.linkCount)")
        }
        report.figures.append(Figure("import.esco", "ESCO CSV import (importer + store)", stats: full, goal: nil,
                                     note: "\(r.competencies) competencies, \(r.occupations) occupations, \(r.links) skill links: read, parse, plan, integrity check, one transaction into a new document"))
        let set = StoreBench.importChangeSet(workload)
        let store = Stats.withCPU(try Timing.samples(repeats: options.repeats) {
            try StoreBench.createAndApply(set, at: workspace.freshDatabase("import-store.pathway"))
        })
        report.figures.append(Figure("import.store", "  of which: store write of the same change set", stats: store, goal: nil,
                                     note: "\(set.changes.count) changes in one transaction into a new document, without reading the CSV"))
        report.figures.append(importRatio(ours: full, baseline: baseline, what: "the whole import against sqlite3 .import of the same five files"))
    }

    func importRatio(ours: Stats, baseline: Stats?, what: String) -> Figure {
        guard let baseline, baseline.median > 0 else {
            return Figure("import.ratio", "ESCO import time ÷ sqlite3 .import time", unit: .ratio, value: nil,
                          goal: .atMost(ratio: 2), note: "no sqlite3 baseline")
        }
        return Figure("import.ratio", "ESCO import time ÷ sqlite3 .import time", unit: .ratio,
                      value: ours.median / baseline.median, goal: .atMost(ratio: 2), note: "medians; \(what)")
    }

    func checkImported(_ path: String) throws {
        let catalog = try DocumentStore(path: path, mode: .readOnly).load()
        guard catalog.competencies.count == workload.pillar.competencies.count,
              catalog.occupations.count == workload.pillar.occupationEntries.count else {
            throw BenchError("the import stored \(catalog.competencies.count) competencies and \(catalog.occupations.count) occupations; expected \(workload.pillar.competencies.count) and \(workload.pillar.occupationEntries.count)")
        }
    }

    // MARK: - The document

    mutating func writeDocument() throws {
        say("Writing the whole document…")
        let path = workspace.freshDatabase(documentName)
        let (_, elapsed) = try Timing.once { try DocumentStore.create(at: path, seed: workload.catalog).close() }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        say("Document written in \(format(elapsed.milliseconds)) ms (\(bytes / 1024) KB)")
    }

    /// The document as the app and `pathway check` have it: read back from the database, where
    /// every reference to a competency shares that competency's key (the generated catalog
    /// makes a key per reference, which no user ever checks).
    mutating func documentCatalog() throws -> Catalog {
        if let documentCatalogCache { return documentCatalogCache }
        let store = try DocumentStore(path: workspace.path(documentName))
        let catalog = try store.load()
        guard catalog.competencies.count == workload.catalog.competencies.count,
              catalog.pathways.count == workload.catalog.pathways.count else {
            throw BenchError("the document read back differs from the workload in size")
        }
        documentCatalogCache = catalog
        return catalog
    }

    // MARK: - Open to first frame

    mutating func measureOpen() throws {
        say("Open to first frame…")
        let path = workspace.path(documentName)
        var parts: [String: [Duration]] = [:]
        var partsCPU: [String: [Duration]] = [:]
        var order: [String] = []
        let samples = try Timing.samples(repeats: options.repeats) {
            let opened = try TUIBench.openToFirstFrame(path)
            guard opened.app.state.document.catalog.competencies.count == workload.catalog.competencies.count else {
                throw BenchError("the document opened with the wrong number of competencies")
            }
            for (name, wall, cpu) in opened.parts {
                if parts[name] == nil { order.append(name) }
                parts[name, default: []].append(wall)
                partsCPU[name, default: []].append(cpu)
            }
        }
        let cpu = Timing.takeCPU()
        // The warm-up run is in the parts too: take the last `repeats` of each.
        for name in order {
            parts[name] = Array(parts[name]!.suffix(samples.count))
            partsCPU[name] = Array(partsCPU[name]!.suffix(samples.count))
        }
        let beforeChecks = order.filter { $0 != "checks after it" && $0 != TUIBench.occupationsPart }
        let breakdown = beforeChecks.map { "\($0) \(format(Stats(parts[$0]!).median)) (CPU \(format(Stats(partsCPU[$0]!).median)))" }
            .joined(separator: ", ")
        // The first frame is drawn before the checks; the whole open is both.
        let first = samples.indices.map { i in beforeChecks.reduce(Duration.zero) { $0 + parts[$1]![i] } }
        let firstCPU = samples.indices.map { i in beforeChecks.reduce(Duration.zero) { $0 + partsCPU[$1]![i] } }
        report.figures.append(Figure("open.firstFrame", "open → first frame (\(KeyScripts.width)×\(KeyScripts.height))",
                                     stats: Stats(first, cpu: firstCPU), goal: .under(150),
                                     note: "median ms of each part: \(breakdown); the first screen only is built (the others on their first visit); the occupations, read on a second connection meanwhile, are put in after it and findings are checked after that, between keys"))
        Timing.cpuSamples = cpu
        report.figures.append(Figure("open.checked", "open → every finding checked", stats: Stats.withCPU(samples), goal: nil,
                                     note: "first frame, then the occupations read meanwhile put in (\(format(Stats(parts[TUIBench.occupationsPart]!).median)) ms more), then the work between keys in \(Int(App.backgroundSlice.milliseconds.rounded())) ms slices, the competency map prepared and the document checked (\(format(Stats(parts["checks after it"]!).median)) ms); the status line says \"checking… N%\" meanwhile"))
    }

    // MARK: - Engine

    mutating func measureEngine() throws {
        say("Engine…")
        let catalog = try documentCatalog()
        var result = (pathways: 0, findings: 0)
        let full = Stats.withCPU(Timing.samples(repeats: options.repeats) { result = EngineBench.fullCheck(catalog) })
        guard result.pathways == catalog.pathways.count else {
            throw BenchError("the full check reported \(result.pathways) pathways; the document has \(catalog.pathways.count)")
        }
        var generated = (pathways: 0, findings: 0)
        let fromGenerator = Stats.withCPU(Timing.samples(repeats: options.repeats) { generated = EngineBench.fullCheck(workload.catalog) })
        guard generated == result else {
            throw BenchError("the document read back from the database checks differently from the generated catalog")
        }
        let (context, build) = Timing.once { EngineContext(catalog: catalog) }
        report.figures.append(Figure("engine.full", "full engine check of \(catalog.pathways.count) pathways", stats: full,
                                     goal: .under(50), note: "the document as read from the database; context build + every pathway + catalog findings (\(result.findings) findings); context build alone \(format(build.milliseconds)) ms"))

        report.figures.append(Figure("engine.fullGenerated", "full engine check of the generated catalog (same findings)", stats: fromGenerator,
                                     goal: nil, note: "the catalog as the generator makes it, with a key per reference (no user checks this; sessions 1–4 measured it)"))

        let (pathway, edited) = workload.sampleEdit()
        var findings = 0
        let recheck = Stats.withCPU(Timing.samples(repeats: max(20, options.repeats * 10)) {
            findings = EngineBench.recheckAfterPathwayEdit(context, edited)
        })
        report.figures.append(Figure("engine.recheck", "re-check of one pathway after one edit", stats: recheck,
                                     goal: .under(2), note: "\(pathway.code) (\(pathway.allCredentialCodes.count) credentials) with one credential added; \(findings) findings"))
        let credentialEdit = Stats.withCPU(Timing.samples(repeats: options.repeats) {
            findings = EngineBench.recheckAfterCredentialEdit(catalog, pathway: pathway)
        })
        report.figures.append(Figure("engine.recheckCredential", "re-check after editing a credential (context rebuilt)",
                                     stats: credentialEdit, goal: nil, note: "not a goal of its own; shows the cost of rebuilding the engine's indexes"))
        try measureModelChecks(catalog, context: context)
    }

    // MARK: - Saving an edit in the UI

    /// `Document.apply` on a checked document: the catalog changed and every finding brought
    /// up to date (what a save costs the UI besides the store's transaction).
    mutating func measureSave() throws {
        say("Saving one edit in the UI…")
        let catalog = try documentCatalog()
        var document = Document(catalog: catalog)
        let (pathway, edited) = workload.sampleEdit()
        let used = pathway.allCredentialCodes.first.flatMap { catalog.credentials[$0] }
        let mapped = used?.learningOutcomes.first?.mappings.first.flatMap { catalog.competencies[$0.competency] }
        var edits: [(String, String, ChangeSet)] = [("pathway", "a credential added to a pathway", ChangeSet("Edit", [.putPathway(edited)]))]
        if var c = used {
            c.ects = (c.ects ?? 0) + 1
            edits.append(("credential", "the ECTS of a credential in use changed", ChangeSet("Edit", [.putCredential(c)])))
        }
        if var k = mapped {
            k.title += " (renamed)"
            edits.append(("competency", "a competency taught by it renamed", ChangeSet("Edit", [.putCompetency(k)])))
        }
        for (id, what, set) in edits {
            var samples: [Duration] = []
            _ = Timing.takeCPU()
            for _ in 0..<max(5, options.repeats) {
                let cpu = Timing.processCPU()
                let start = Timing.clock.now
                let undo = document.apply(set)
                samples.append(Timing.clock.now - start)
                Timing.cpuSamples.append(Timing.processCPU() - cpu)
                document.apply(undo)
            }
            guard document.isChecked else { throw BenchError("the document was left unchecked after an edit") }
            report.figures.append(Figure("save.\(id)", "save in the UI: \(what)", stats: Stats.withCPU(samples), goal: .under(16),
                                         note: "Document.apply: the edit plus re-checking what it affects (the store's transaction not included)"))
        }
    }

    // MARK: - Keystrokes

    mutating func measureKeystrokes() throws {
        say("Keystroke to frame…")
        try measureFirstVisits()
        var opened = try TUIBench.openToFirstFrame(workspace.path(documentName))
        let registered = TUIBench.registered(opened.app)
        let wanted: [(ScreenID, String, [Key])] = [
            (.competencyMap, "competency tree", KeyScripts.navigation),
            (.competencyMap, "`/` filter over the competency map", KeyScripts.filter),
            (.pathways, "pathway designer", KeyScripts.navigation),
            (.coverage, "coverage matrix", KeyScripts.navigation),
            (.overview, "overview", KeyScripts.navigation),
            (.credentials, "credential editor", KeyScripts.navigation),
            (.learners, "learner preview", KeyScripts.navigation),
        ]
        for (id, name, keys) in wanted {
            let figureID = "key." + (name.hasPrefix("`/`") ? "filter" : id.rawValue)
            guard registered.contains(id) else {
                report.figures.append(Figure(figureID, "keystroke → frame: \(name)", stats: nil, goal: .keystroke,
                                             note: "the \(id.title) screen is not on main yet"))
                continue
            }
            var samples: [Duration] = []
            _ = Timing.takeCPU()
            for _ in 0..<options.repeats {
                samples += TUIBench.keystrokes(&opened.app, screen: id, keys: keys)
            }
            report.figures.append(Figure(figureID, "keystroke → frame: \(name)", stats: Stats.withCPU(samples), goal: .keystroke,
                                         note: "\(keys.count) keys × \(options.repeats)"))
        }
    }

    /// The keystroke that opens a screen for the first time builds it: timed on a freshly opened
    /// document, once per repetition, for every screen: cold (pressed at once, no work done
    /// between keys) and after the work between keys (screens prepared, document checked).
    /// Then the slices of that work, which a key pressed meanwhile waits for.
    mutating func measureFirstVisits() throws {
        let path = workspace.path(documentName)
        let screens = KeyScripts.screens.map(\.id)
        for afterIdle in [false, true] {
            var wall: [ScreenID: [Duration]] = [:], cpu: [ScreenID: [Duration]] = [:]
            for _ in 0..<options.repeats {
                for (id, w, c) in try TUIBench.firstVisits(path, screens: screens, afterIdle: afterIdle) {
                    wall[id, default: []].append(w)
                    cpu[id, default: []].append(c)
                }
            }
            for (id, name) in KeyScripts.screens {
                let figureID = (afterIdle ? "key.firstAfterIdle." : "key.first.") + id.rawValue
                let title = afterIdle ? "first visit after the work between keys: \(name)" : "first visit (builds the screen): \(name)"
                guard let w = wall[id], let c = cpu[id] else {
                    report.figures.append(Figure(figureID, title, stats: nil, goal: .firstVisit,
                                                 note: "the first screen, built with the app: its time is in \"build app\" of open → first frame"))
                    continue
                }
                report.figures.append(Figure(figureID, title, stats: Stats(w, cpu: c), goal: .firstVisit,
                                             note: afterIdle ? "its key pressed once the work between keys after opening is done (screens prepared, document checked); one fresh open per repetition"
                                                : "its key pressed right after the first frame, no work between keys, the screens visited in turn; one fresh open per repetition"
                                                  + (id == .competencyMap ? " (at this scale the map's coverage marks follow in the slices between keys after it: see the map's own work below)" : "")))
            }
        }
        var preparing: [Duration] = [], screen: [Duration] = [], checking: [Duration] = []
        for _ in 0..<options.repeats {
            let slices = try TUIBench.backgroundSlices(path)
            preparing += slices.preparing
            checking += slices.checking
            // The map visited cold: its coverage and search text are read between keys after.
            screen += try TUIBench.backgroundSlices(path, visit: .competencyMap).screen
        }
        let budget = Int(App.backgroundSlice.milliseconds.rounded())
        let repeats = max(1, options.repeats)
        let perOpen = { (n: Int) in n / repeats }
        report.figures.append(Figure("idle.slice.prepare", "work between keys: one slice preparing screens (competency map)",
                                     stats: preparing.isEmpty ? nil : Stats(preparing), goal: .idleSlice,
                                     note: preparing.isEmpty ? "no screen is prepared between keys"
                                        : "\(perOpen(preparing.count)) slices of \(budget) ms budget per open; worst = the longest a key pressed meanwhile waits"))
        report.figures.append(Figure("idle.slice.screen", "work between keys: one slice of the map's own work after a cold visit",
                                     stats: screen.isEmpty ? nil : Stats(screen), goal: .idleSlice,
                                     note: screen.isEmpty ? "the map has no work left after its first visit"
                                        : "\(perOpen(screen.count)) slices of \(budget) ms budget per open: its coverage marks, then its search text"))
        report.figures.append(Figure("idle.slice.check", "work between keys: one slice checking the document",
                                     stats: checking.isEmpty ? nil : Stats(checking), goal: .idleSlice,
                                     note: checking.isEmpty ? "nothing to check" : "\(perOpen(checking.count)) slices of \(budget) ms budget per open; a part (the integrity check, the engine's index) is never split"))
    }

    // MARK: - Memory

    mutating func measureMemory() throws {
        say("Peak memory…")
        guard options.memoryProbeInChild else {
            let value = try MemoryProbe.run(workspace.path(documentName))
            report.figures.append(Figure("memory.peak", "peak resident memory (VmHWM)", unit: .mb, value: value,
                                         goal: .underMB(60), note: "measured in this process (no child process)"))
            return
        }
        let process = Process()
        process.executableURL = RealBinaryMemory.benchExecutable
        process.arguments = ["--memory-probe", workspace.path(documentName)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let value = process.terminationStatus == 0 ? Double(text) : nil
        report.figures.append(Figure("memory.peak", "peak resident memory (VmHWM)", unit: .mb, value: value, goal: .underMB(60),
                                     note: value == nil ? "the memory probe failed: \(text)"
                                        : "a fresh process that opens the document, draws every screen, presses every key script and runs the checks"))
        measureRealBinaryMemory()
        if let own = Machine.peakResidentMB() {
            report.figures.append(Figure("memory.bench", "peak memory of the benchmark process itself", unit: .mb, value: own, goal: nil,
                                         note: "includes the generator and every database it wrote"))
        }
    }

    /// The same document in the real `pathway` executable: a terminal session in tmux, `check`,
    /// and `check --format json`. Skipped, with the reason in the figure, where the executable or
    /// tmux is missing (the README's bench command builds both).
    mutating func measureRealBinaryMemory() {
        let database = workspace.path(documentName)
        guard let pathway = RealBinaryMemory.pathwayExecutable else {
            let why = "not measured: build the release `pathway` beside the benchmark first (swift build -c release)"
            for (id, title) in [("memory.binary.ui", "peak resident memory of the `pathway` UI in tmux (every screen, filter, checks)"),
                                ("memory.binary.check", "peak resident memory of `pathway check`"),
                                ("memory.binary.checkJSON", "peak resident memory of `pathway check --format json`")] {
                report.figures.append(Figure(id, title, unit: .mb, value: nil, goal: .underMB(60), note: why))
            }
            return
        }
        say("Peak memory of the real pathway executable…")
        var ui: Double?, uiNote = "the release executable in a \(KeyScripts.width)×\(KeyScripts.height) tmux session: keys 1–7, `/` filter, background checks finished"
        do { ui = try RealBinaryMemory.terminalSession(pathway, database: database, width: KeyScripts.width, height: KeyScripts.height) }
        catch { uiNote = "not measured: \(error)" }
        report.figures.append(Figure("memory.binary.ui", "peak resident memory of the `pathway` UI in tmux (every screen, filter, checks)",
                                     unit: .mb, value: ui, goal: .underMB(60), note: uiNote))
        for (id, title, args) in [("memory.binary.check", "peak resident memory of `pathway check` (text)", ["check", "--db", database]),
                                  ("memory.binary.checkJSON", "peak resident memory of `pathway check --format json`", ["check", "--format", "json", "--db", database])] {
            var value: Double?, note = "output to /dev/null; the kernel's peak (ru_maxrss) of the child"
            do {
                let r = try RealBinaryMemory.command(pathway, args)
                if r.status <= 1 { value = r.mb } else { note = "not measured: `pathway \(args.joined(separator: " "))` exited with \(r.status)" }
            } catch { note = "not measured: \(error)" }
            report.figures.append(Figure(id, title, unit: .mb, value: value, goal: .underMB(60), note: note))
        }
    }
}
