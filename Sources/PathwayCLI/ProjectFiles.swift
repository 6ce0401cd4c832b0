import Foundation
import PathwayExchange
import PathwayModel

/// The CLI's one door to the project-file codec (`ProjectFile` in PathwayExchange).
enum ProjectFiles {
    static func decode(_ data: Data, source: String) throws -> Catalog {
        try ProjectFile.decode(data, source: source)
    }

    static func encode(_ catalog: Catalog) throws -> Data {
        ProjectFile.encode(catalog)
    }

    static func loadAll(_ urls: [URL]) throws -> Catalog {
        try ProjectFile.loadAll(urls)
    }
}
