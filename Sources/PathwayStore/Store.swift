import GRDB
import PathwayModel

/// Placeholder until the store lands.
public enum PathwayStoreMarker {}
