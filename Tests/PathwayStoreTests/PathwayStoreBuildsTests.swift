import Testing
import PathwayStore

// Replaced by real tests as PathwayStore grows.
@Test func PathwayStoreModuleLinks() { #expect(!String(describing: PathwayStoreMarker.self).isEmpty) }
