import PathwayModel

extension Competency {
    /// Key order (`CompetencyKey`'s `<`) without making keys: sorting 14,000 competencies
    /// compares a few hundred thousand pairs, and a key works out its hash when it is made.
    static func inKeyOrder(_ a: Competency, _ b: Competency) -> Bool {
        a.framework == b.framework ? a.code < b.code : a.framework < b.framework
    }
}
