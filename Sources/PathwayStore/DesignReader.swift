import GRDB
import PathwayModel

/// Reads credentials, pathways, learners and review comments — what designers build on the
/// competency map — in two steps: `init` reads their own rows, which need nothing else, and
/// `finish` the rows that refer to competencies, which need the competencies read (each
/// reference then holds the strings of its competency's own key).
///
/// Split so that a second connection can do the first step while the first connection reads
/// the competencies (`ParallelLoad`); a single connection does both steps one after the other.
struct DesignReader: Sendable {
    private var credentials: [MicroCredential]
    private var credentialOwners: CatalogReader.OwnerByCode
    private var pathways: [Pathway]
    private var pathwayOwners: CatalogReader.OwnerByCode
    private var learners: [Learner]
    private var learnerOwners: CatalogReader.OwnerByCode

    init(_ db: Database) throws {
        (credentials, credentialOwners) = try CatalogReader.readCredentials(db)
        (pathways, pathwayOwners) = try CatalogReader.readPathways(db)
        (learners, learnerOwners) = try CatalogReader.readLearners(db)
    }

    /// Reads the references to competencies and comments, and moves everything into `catalog`,
    /// leaving this reader empty.
    mutating func finish(_ db: Database, keys: SharedKeys, into catalog: inout Catalog) throws {
        try CatalogReader.readCompetencyReferences(db, keys: keys, credentials: &credentials, owners: &credentialOwners)
        try CatalogReader.readTargets(db, keys: keys, pathways: &pathways, owners: &pathwayOwners)
        try CatalogReader.readPriorLearning(db, keys: keys, learners: &learners, owners: &learnerOwners)
        let comments = try CatalogReader.readComments(db, keys: keys)
        catalog.credentials.reserveCapacity(catalog.credentials.count + credentials.count)
        while let c = credentials.popLast() { catalog.credentials[c.code] = c }
        catalog.pathways.reserveCapacity(catalog.pathways.count + pathways.count)
        while let p = pathways.popLast() { catalog.pathways[p.code] = p }
        catalog.learners.reserveCapacity(catalog.learners.count + learners.count)
        while let l = learners.popLast() { catalog.learners[l.name] = l }
        catalog.comments.reserveCapacity(catalog.comments.count + comments.count)
        for c in comments { catalog.comments[c.id] = c }
    }
}
