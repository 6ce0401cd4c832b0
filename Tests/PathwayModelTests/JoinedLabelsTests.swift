import Testing
import PathwayModel

/// `Competency.setAltLabels(joinedByNewlines:)`, the store's way to give labels it read one after
/// another: the same value as setting `altLabels` to the lines.
@Suite struct JoinedLabelsTests {
    @Test(arguments: [[""], ["", ""], ["one"], ["a", "b", "c"], ["", "x", ""], ["été 🌱", "ünïcödé"]])
    func joinedLabelsAreTheSameValueAsTheList(_ labels: [String]) {
        var joined = Competency(framework: "F", code: "c", title: "T")
        joined.setAltLabels(joinedByNewlines: labels.joined(separator: "\n"))
        let listed = Competency(framework: "F", code: "c", title: "T", altLabels: labels)
        #expect(joined.altLabels == labels)
        #expect(joined.altLabelCount == labels.count)
        #expect(joined == listed)
        #expect(joined.hashValue == listed.hashValue)
    }

    @Test func settingJoinedLabelsLeavesACopyAsItWas() {
        let original = Competency(framework: "F", code: "c", title: "T", altLabels: ["old"])
        var copy = original
        copy.setAltLabels(joinedByNewlines: "new\nnewer")
        #expect(original.altLabels == ["old"])
        #expect(copy.altLabels == ["new", "newer"])
    }
}
