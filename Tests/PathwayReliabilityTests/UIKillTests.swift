import Foundation
import Testing
import PathwayModel
import PathwayTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The terminal UI killed with SIGKILL while someone edits and undoes: scripted work in tmux,
/// each action confirmed on screen before the next, and at a random (seeded) moment after the
/// last key of an action, `kill -9`. The database must pass SQLite's checks, open normally and
/// hold every action the screen confirmed; only the action in flight may be missing.
@Suite(.serialized) struct UIKillTests {
    enum Action: CustomStringConvertible {
        case add(String)
        case undo(String)
        var description: String {
            switch self {
            case .add(let code): return "add \(code)"
            case .undo(let code): return "undo adding \(code)"
            }
        }
    }

    static let rounds = 10

    /// The codes of credentials the tests made (they start with K), as the file holds them.
    static func keptCodes(_ db: String) throws -> Set<String> {
        Set(try DatabaseCheck.load(db).credentials.keys.filter { $0.hasPrefix("K") })
    }

    @Test(.timeLimit(.minutes(15)))
    func killedDuringEditsAndUndoLosesAtMostTheActionInFlight() throws {
        let folder = TempFolder("ui-kill")
        let db = try folder.sampleDatabase("work.pathway")
        let seed = SeededRandom.seed(23)
        var random = SeededRandom(seed: seed)
        var confirmed: Set<String> = []
        var kills = 0, confirmedActions = 0, inFlightSaved = 0, inFlightLost = 0
        for round in 0..<Self.rounds {
            guard let pane = try TmuxTerminal.startPathway(database: db, width: 100, height: 30, folder: folder) else { return }
            defer { pane.close() }
            try #require(try pane.waitFor("F10Quit").contains("F10Quit"), "round \(round): the UI did not start")
            try pane.press("3")
            try pane.waitFor(" 3 Credentials")
            var undoable: [String] = []
            let steps = Int.random(in: 1...5, using: &random)
            for step in 0..<steps {
                let action: Action = !undoable.isEmpty && Int.random(in: 0..<3, using: &random) == 0
                    ? .undo(undoable.last!) : .add("K\(round)-\(step)")
                // Everything but the key that carries the action out.
                if case .add(let code) = action {
                    try pane.typeNewCredential(code, title: "Kurs \(code) – Grün")
                }
                let finalKey = { if case .add = action { "Enter" } else { "u" } }()
                if step < steps - 1 {
                    try pane.press(finalKey)
                    let expected: String
                    switch action {
                    case .add(let code): expected = "Saved: Add credential \(code)."
                    case .undo(let code): expected = "Undone: Add credential \(code)."
                    }
                    let screen = try pane.waitFor(expected)
                    try #require(screen.contains(expected), "round \(round): \(action) was not confirmed:\n\(screen)")
                    switch action {
                    case .add(let code): confirmed.insert(code); undoable.append(code)
                    case .undo(let code): confirmed.remove(code); undoable.removeLast()
                    }
                    confirmedActions += 1
                    continue
                }
                // The last action: its key, then SIGKILL somewhere in the next 0–80 ms.
                let pid = try pane.pid()
                try pane.press(finalKey)
                usleep(UInt32.random(in: 0...80_000, using: &random))
                #expect(kill(pid, SIGKILL) == 0)
                kills += 1
                // The shell's "[exit 137]" may wrap on the screen the killed UI leaves behind, so
                // wait for the process itself to be gone.
                let gone = try pane.wait { _ in kill(pid, 0) != 0 }
                try #require(kill(pid, 0) != 0, "round \(round): the UI still runs after SIGKILL:\n\(gone)")
                #expect(try DatabaseCheck.problems(db) == [], "round \(round) (seed \(seed))")
                let found = try Self.keptCodes(db)
                var after = confirmed
                switch action {
                case .add(let code): after.insert(code)
                case .undo(let code): after.remove(code)
                }
                #expect(found == confirmed || found == after,
                        "round \(round) (seed \(seed)), killed during \(action): the file holds \(found.sorted()), confirmed \(confirmed.sorted())")
                if found == after { inFlightSaved += 1; confirmed = after } else { inFlightLost += 1 }
            }
        }
        // The binary opens the file normally, and lists what was confirmed.
        let listed = try PathwayBinary.run(["list", "credentials", "--db", db], folder: folder)
        #expect(listed.status == 0, "\(listed.stderr)")
        for code in confirmed { #expect(listed.stdout.contains(code), "\(code) is missing from the listing") }
        #expect(kills == Self.rounds)
        Figures.report("kills survived (UI edits and undo)", kills,
                       "\(confirmedActions) confirmed actions all kept; the action in flight saved \(inFlightSaved)×, not yet saved \(inFlightLost)×; seed \(seed)")
    }
}
