import Testing
import PathwayCLI

// Replaced by real tests as PathwayCLI grows.
@Test func PathwayCLIModuleLinks() { #expect(!String(describing: PathwayCLIMarker.self).isEmpty) }
