import PathwayModel

/// An ESCO-scale document for the benchmark and its guard test: the same seed and size always
/// give the same catalog and the same CSV files.
public struct Workload: Sendable {
    public static let defaultSeed: UInt64 = 20_260_601

    public let size: WorkloadSize
    public let seed: UInt64
    public let pillar: ESCOPillar
    /// The whole document: the ESCO framework and occupations, credentials, pathways, learners
    /// and comments.
    public let catalog: Catalog

    public init(size: WorkloadSize = .esco, seed: UInt64 = Workload.defaultSeed) {
        self.size = size
        self.seed = seed
        var rng = SeededGenerator(seed: seed)
        let pillar = ESCOPillar(size: size, rng: &rng)
        let rest = CatalogWorkload(pillar: pillar, size: size, rng: &rng)
        self.pillar = pillar
        self.catalog = Catalog(frameworks: [Workload.framework], competencies: pillar.competencies,
                               credentials: rest.credentials, pathways: rest.pathways, learners: rest.learners,
                               comments: rest.comments, occupations: pillar.occupations)
    }

    public static let framework = CompetencyFramework(
        code: ESCOPillar.framework, title: "ESCO skills pillar", sector: "All sectors",
        description: "Generated for the benchmark in the shape of ESCO v1.2.", source: .esco, version: "1.2.0",
        language: "en", reviewStatus: .approved, uri: "http://data.europa.eu/esco/concept-scheme/skills")

    /// The ESCO CSV files of this workload's pillar, name → bytes.
    public var escoFiles: [(name: String, bytes: [UInt8])] { ESCOCSV.files(pillar) }

    /// The first pathway and the same pathway after one edit, for "re-check after one edit":
    /// a credential it does not hold yet is added to its last stage (or, when it holds every
    /// credential, as in a tiny workload, its last core credential is removed).
    public func sampleEdit() -> (pathway: Pathway, edited: Pathway) {
        let pathway = catalog.pathwayList[0]
        var edited = pathway
        let present = Set(pathway.allCredentialCodes)
        let last = edited.stages.count - 1
        if let extra = catalog.credentials.keys.sorted().first(where: { !present.contains($0) }) {
            edited.stages[last].core.append(extra)
        } else if !edited.stages[last].core.isEmpty {
            edited.stages[last].core.removeLast()
        } else {
            edited.title += " (revised)"
        }
        return (pathway, edited)
    }
}
