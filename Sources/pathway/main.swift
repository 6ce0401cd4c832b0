import PathwayCLI

PathwayCommand.main()
