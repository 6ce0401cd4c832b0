import Testing
@testable import PathwayModel

/// `Competency` and `CompetencyKey` keep their fields in shared boxes to save memory; to every
/// caller they must still behave as plain values: a copy never sees another copy's change, and
/// equality and hashing depend on the fields only, however the value was made.
@Suite struct CompetencyValueTests {
    static let sample = Competency(framework: "ESCO", code: "c-1", uri: "http://example.org/c-1", title: "Plan menus",
                                   description: "Plans menus.", type: .skillCompetence, parent: "g-1", position: 3,
                                   altLabels: ["menu planning", "plan a menu"],
                                   relations: [CompetencyRelation(kind: .related, targetURI: "http://example.org/x")])

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = Self.sample
        var copy = original
        #expect(copy == original)
        copy.title = "Plan seasonal menus"
        copy.altLabels.append("seasonal menus")
        copy.code = "c-2"
        copy.parent = nil
        #expect(original.title == "Plan menus")
        #expect(original.altLabels == ["menu planning", "plan a menu"])
        #expect(original.code == "c-1" && original.key == CompetencyKey(framework: "ESCO", code: "c-1"))
        #expect(original.parent == "g-1")
        #expect(copy.title == "Plan seasonal menus")
        #expect(copy.altLabels == ["menu planning", "plan a menu", "seasonal menus"])
        #expect(copy.key == CompetencyKey(framework: "ESCO", code: "c-2"))
        #expect(copy.parent == nil)
        #expect(copy != original)
    }

    @Test func changingTheFrameworkOrCodeChangesTheKey() {
        var c = Self.sample
        c.framework = "MINE"
        #expect(c.key == CompetencyKey(framework: "MINE", code: "c-1"))
        #expect(c.parentKey == CompetencyKey(framework: "MINE", code: "g-1"))
        c.key = CompetencyKey(framework: "OTHER", code: "z")
        #expect(c.framework == "OTHER" && c.code == "z")
    }

    @Test func valuesMadeSeparatelyWithTheSameFieldsAreEqualAndHashAlike() {
        func make() -> Competency {
            Competency(framework: "ESCO", code: "c-1", uri: "http://example.org/c-1", title: "Plan menus",
                       description: "Plans menus.", parent: "g-1", position: 3, altLabels: ["menu planning", "plan a menu"],
                       relations: [CompetencyRelation(kind: .related, targetURI: "http://example.org/x")])
        }
        let a = make(), b = make()
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a.hashValue == b.hashValue)
        // Made under an existing key, or changed into the same fields, still equal.
        var c = Competency(key: a.key, title: "x")
        c.uri = a.uri; c.title = a.title; c.description = a.description; c.parent = a.parent
        c.position = a.position; c.altLabels = a.altLabels; c.relations = a.relations
        #expect(c == a && c.hashValue == a.hashValue)
        // Each field on its own makes a difference.
        var changed: [Competency] = []
        for edit in [{ (x: inout Competency) in x.uri = nil }, { $0.title = "other" }, { $0.description = "" },
                     { $0.type = .knowledge }, { $0.parent = "g-2" }, { $0.position = 4 }, { $0.altLabels = ["menu planning"] },
                     { $0.relations = [] }, { $0.code = "c-9" }, { $0.framework = "F" }] {
            var x = a
            edit(&x)
            changed.append(x)
            #expect(x != a, "\(x) equals the original")
        }
        #expect(Set(changed + [a]).count == changed.count + 1)
    }

    /// Labels are stored joined by newlines where they can be; every list reads back exactly,
    /// including empty labels and labels that hold the separator themselves.
    @Test(arguments: [[], [""], ["", ""], ["one"], ["a", "b", "c"], ["", "x", ""], ["two\nlines", "plain"],
                      ["\n"], ["ünïcödé", "e\u{301}", "日本語"], ["trailing "]])
    func alternativeLabelsReadBackExactly(_ labels: [String]) {
        let c = Competency(framework: "F", code: "c", title: "T", altLabels: labels)
        #expect(c.altLabels == labels)
        #expect(c.altLabelCount == labels.count)
        var d = Competency(framework: "F", code: "c", title: "T")
        d.altLabels = labels
        #expect(d == c && d.hashValue == c.hashValue)
        if !labels.isEmpty {
            d.altLabels = labels + ["extra"]
            #expect(d != c)
        }
    }

    @Test func labelListsThatJoinToTheSameTextStayDifferent() {
        let joined = Competency(framework: "F", code: "c", title: "T", altLabels: ["a\nb"])
        let split = Competency(framework: "F", code: "c", title: "T", altLabels: ["a", "b"])
        #expect(joined != split)
        #expect(joined.altLabels == ["a\nb"] && split.altLabels == ["a", "b"])
    }

    @Test func keysAreEqualByCodesAndSharedKeysAreIdentical() {
        let a = CompetencyKey(framework: "F", code: "x")
        let b = CompetencyKey(framework: "F", code: "x")
        let shared = a
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(!a.isIdentical(to: b))
        #expect(a.isIdentical(to: shared))
        #expect(a != CompetencyKey(framework: "F", code: "y"))
        #expect(a != CompetencyKey(framework: "G", code: "x"))
        // Framework and code are not concatenated: "F/x" + "y" differs from "F" + "x/y"... and so on.
        #expect(CompetencyKey(framework: "ab", code: "c") != CompetencyKey(framework: "a", code: "bc"))
        var changed = a
        changed.code = "y"
        #expect(a.code == "x" && changed.code == "y" && changed == CompetencyKey(framework: "F", code: "y"))
        changed.framework = "G"
        #expect(changed.description == "G/y")
        #expect(CompetencyKey("G/y") == changed)
        #expect(a < changed && CompetencyKey(framework: "F", code: "a") < a)
        // The competency's key is the one it holds, not a new one per call.
        let c = CompetencyValueTests.sample
        #expect(c.key.isIdentical(to: c.key))
    }

    /// Dictionaries and sets place a key by `_rawHashValue(seed:)`, which mixes the key's digest
    /// with the table's seed instead of running a `Hasher`: keys made separately with equal
    /// codes must land alike, different seeds must give different placements, and the values
    /// must spread over a table's buckets (a poor mix would pile keys into a few of them).
    @Test func keysPlacedByTheirDigestSpreadOverATable() {
        let a = CompetencyKey(framework: "F", code: "x"), b = CompetencyKey(framework: "F", code: "x")
        #expect(a._rawHashValue(seed: 7) == b._rawHashValue(seed: 7))
        #expect(a._rawHashValue(seed: 7) != a._rawHashValue(seed: 8))
        let keys = (0..<16_384).map { CompetencyKey(framework: "ESCO", code: "skill-\($0)") }
        var buckets = [Int](repeating: 0, count: 4_096)
        for k in keys { buckets[k._rawHashValue(seed: 12_345) & 4_095] += 1 }
        // 4 a bucket on average; a sound mix puts no more than a few times that in any.
        #expect(buckets.max()! <= 20)
        #expect(buckets.filter { $0 == 0 }.count < 200)
        // Every key is found again by a key made separately, in a table and a set.
        let table = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let set = Set(keys)
        for i in stride(from: 0, to: keys.count, by: 97) {
            let again = CompetencyKey(framework: "ESCO", code: "skill-\(i)")
            #expect(table[again] == i && set.contains(again))
        }
        #expect(table[CompetencyKey(framework: "ESCO", code: "skill-x")] == nil)
    }

    @Test func aCatalogCopyIsUnchangedByEditsToTheOriginal() {
        var catalog = smallCatalog()
        let before = catalog
        let key = CompetencyKey(framework: "F", code: "a1")
        catalog.competencies[key]?.title = "Renamed"
        #expect(before.competencies[key]?.title == "A1")
        #expect(catalog.competencies[key]?.title == "Renamed")
        #expect(before != catalog)
    }
}
