import PathwayModel

/// Placeholder until the engine lands (issue 3).
public enum PathwayEngineMarker {}
