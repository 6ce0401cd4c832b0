extension ScreenID {
    public static let overview = ScreenID("overview", title: "Overview", order: 1)
    public static let competencyMap = ScreenID("map", title: "Map", order: 2)
    public static let credentials = ScreenID("credentials", title: "Credentials", order: 3)
    public static let pathways = ScreenID("pathways", title: "Pathways", order: 4)
    public static let coverage = ScreenID("coverage", title: "Coverage", order: 5)
    public static let learners = ScreenID("learners", title: "Learners", order: 6)
    public static let review = ScreenID("review", title: "Review", order: 7)
}

/// The screens of the app, in tab order. A new screen adds its descriptor here.
public enum ScreenRegistry {
    public static var standard: [ScreenDescriptor] {
        [OverviewScreen.descriptor, CompetencyMapScreen.descriptor, CredentialEditorScreen.descriptor,
         PathwayDesignerScreen.descriptor, CoverageScreen.descriptor, LearnerScreen.descriptor, ReviewScreen.descriptor]
    }
}
