import PathwayModel

/// Placeholder until the UI lands.
public enum PathwayTUIMarker {}
