import PathwayCLI

PathwayMain.run()
