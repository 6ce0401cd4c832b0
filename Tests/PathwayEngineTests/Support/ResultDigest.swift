import PathwayModel
@testable import PathwayEngine

/// A fingerprint of everything the engine says about a catalog — every finding with its code,
/// message, fix, pathway and entities, in order; every figure; every progression — so that a
/// speed-up can be compared against the results the engine gave before it.
///
/// FNV-1a over a plain text rendering: stable across processes and platforms (Swift's `Hasher`
/// is seeded per process, so it cannot be saved as a fixture).
struct ResultDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Findings counted per code, for a readable first clue when the digest differs.
    private(set) var counts: [String: Int] = [:]

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        value ^= 0x0a
        value = value &* 0x100_0000_01b3
    }

    mutating func add(_ f: Finding) {
        counts[f.code.rawValue, default: 0] += 1
        add("\(f.code.rawValue)|\(f.message)|\(f.fix ?? "-")|\(f.pathway ?? "-")|\(f.entities.map(\.description).joined(separator: ","))")
    }

    mutating func add(_ r: PathwayReport) {
        add("pathway \(r.pathway): \(r.ects) \(r.eqf) \(r.stages) \(r.coverage)")
        for f in r.findings { add(f) }
    }

    mutating func add(_ r: CatalogReport) {
        for p in r.pathways { add(p) }
        add("catalog")
        for f in r.catalogFindings { add(f) }
    }

    /// Everything the engine computes for the catalog: the full check, each learner's check of
    /// the pathway they follow (or the first), their progression on it, and the cycles.
    static func of(_ context: EngineContext) -> ResultDigest {
        var d = ResultDigest()
        d.add(context.checkAll())
        let pathways = context.catalog.pathwayList
        for learner in context.catalog.learnerList {
            let followed = pathways.first { learner.note.hasSuffix($0.code) } ?? pathways.first
            guard let pathway = followed else { break }
            d.add("learner \(learner.name) on \(pathway.code)")
            d.add(context.check(pathway, learner: learner))
            d.add("\(context.progression(pathway, learner: learner))")
            let whatIf = Array(pathway.allCredentialCodes.prefix(2))
            d.add("\(context.progression(pathway, learner: learner, whatIf: whatIf))")
        }
        d.add("cycles \(context.prerequisiteCycles)")
        return d
    }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
