import Testing
import PathwayExchange

// Replaced by real tests as PathwayExchange grows.
@Test func PathwayExchangeModuleLinks() { #expect(!String(describing: PathwayExchangeMarker.self).isEmpty) }
