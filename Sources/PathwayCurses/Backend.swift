import CNcursesw
import PathwayTUI

/// Placeholder until the ncurses backend lands.
public enum PathwayCursesVersion { public static let value = 0 }
