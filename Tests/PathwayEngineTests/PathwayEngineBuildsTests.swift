import Testing
import PathwayEngine

// Replaced by real tests as PathwayEngine grows.
@Test func PathwayEngineModuleLinks() { #expect(!String(describing: PathwayEngineMarker.self).isEmpty) }
