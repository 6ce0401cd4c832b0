import PathwayModel

/// Placeholder until exchange formats land.
public enum PathwayExchangeMarker {}
