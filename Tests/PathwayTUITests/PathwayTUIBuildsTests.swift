import Testing
import PathwayTUI

// Replaced by real tests as PathwayTUI grows.
@Test func PathwayTUIModuleLinks() { #expect(!String(describing: PathwayTUIMarker.self).isEmpty) }
