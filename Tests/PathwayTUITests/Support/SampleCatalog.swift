import Foundation
import PathwayExchange
import PathwayModel
import PathwaySamples
import PathwayTUI

/// The shipped sample data, as a new database holds it, for screen tests and snapshots.
enum SampleCatalog {
    static func catalog() throws -> Catalog {
        try ProjectFile.loadAll(SampleData.projectFiles())
    }

    static func app(width: Int = 80, height: Int = 24, readOnly: Bool = false) throws -> (App, MemorySession) {
        let session = MemorySession(displayName: "samples.pathway", readOnly: readOnly)
        return (App(catalog: try catalog(), session: session, width: width, height: height), session)
    }
}
