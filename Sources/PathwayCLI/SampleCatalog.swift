import Foundation
import PathwayModel
import PathwaySamples

/// The sample data shipped in `SampleData/projects`, as one catalog: what a new database starts with.
enum SampleCatalog {
    static func load() throws -> Catalog {
        do {
            return try ProjectFiles.loadAll(SampleData.projectFiles())
        } catch {
            throw CLIError("The built-in sample data could not be read (\(error)); reinstall Pathway Designer, or use --db with an existing database.")
        }
    }
}
