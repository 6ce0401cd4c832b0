import Foundation
import Testing
import PathwayModel
import PathwayExchange

/// Every kind of bad input gives an error that names the file, the exact JSON path and what to do.
@Suite struct ProjectFileErrorTests {
    private func error(_ json: String, file: String = "bad.json") -> ProjectFileError? {
        do {
            _ = try ProjectFile.decode(Data(json.utf8), source: file)
            return nil
        } catch let e as ProjectFileError {
            return e
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    private func changed(_ old: String, _ new: String) -> String {
        precondition(baseProjectJSON.contains(old), "fixture text not found: \(old)")
        return baseProjectJSON.replacingOccurrences(of: old, with: new)
    }

    @Test func theBaseFixtureIsValid() { #expect(error(baseProjectJSON) == nil) }

    @Test func invalidJSONNamesTheLine() throws {
        let e = try #require(error(changed("\"title\": \"Two\"}", "\"title\": \"Two\",}")))
        #expect(e.file == "bad.json" && e.path == "$.credentials[1]")
        #expect(e.line == 25)
        #expect(e.message.contains("a comma before '}' is not allowed"))
        #expect(e.description == "bad.json, line 25 ($.credentials[1]): the file is not valid JSON at column 35: a comma before '}' is not allowed in JSON.")
    }

    @Test func aDuplicateKeyIsASyntaxError() throws {
        let e = try #require(error(changed("\"title\": \"Two\"", "\"title\": \"Two\", \"title\": \"Again\"")))
        #expect(e.line == 25 && e.path == "$.credentials[1].title")
        #expect(e.message.contains("the key \"title\" appears twice"))
    }

    @Test func notAnObject() throws {
        let e = try #require(error("[1, 2]"))
        #expect(e.path == "$")
        #expect(e.message.contains("a project file is a JSON object"))
    }

    @Test func missingOrWrongFormatName() throws {
        let missing = try #require(error("{\"version\": 1}"))
        #expect(missing.path == "$.format")
        #expect(missing.message.contains("not a Pathway Designer project file"))
        let wrong = try #require(error(changed("\"pathway-designer-project\"", "\"moodle\"")))
        #expect(wrong.path == "$.format")
        #expect(wrong.line == 2)
        #expect(wrong.message == "this is not a Pathway Designer project file: \"format\" is \"moodle\", expected \"pathway-designer-project\"")
    }

    @Test func aNewerVersionAsksForAnUpdate() throws {
        // A newer file may carry keys this version does not know; the version is reported first.
        let e = try #require(error(changed("\"version\": 1,", "\"version\": 2, \"futureKey\": true,")))
        #expect(e.path == "$.version")
        #expect(e.message == "the file is format version 2, made by a newer Pathway Designer (this one reads up to version 1); update the app")
        let bad = try #require(error(changed("\"version\": 1,", "\"version\": \"1\",")))
        #expect(bad.path == "$.version")
        let none = try #require(error(changed("\"version\": 1,", "")))
        #expect(none.path == "$.version" && none.message.contains("missing"))
    }

    @Test func unknownKeysAreRefusedWithASuggestion() throws {
        let e = try #require(error(changed("\"title\": \"Two\"", "\"titel\": \"Two\"")))
        #expect(e.path == "$.credentials[1].titel")
        #expect(e.message.hasPrefix("unknown key \"titel\" in a credential (did you mean \"title\"?); known keys are code, title,"))
        let root = try #require(error(changed("\"learners\":", "\"learner\":")))
        #expect(root.path == "$.learner")
        #expect(root.message.contains("did you mean \"learners\"?"))
    }

    @Test func wrongTypes() throws {
        let ects = try #require(error(changed("\"ects\": 2,", "\"ects\": \"2\",")))
        #expect(ects.path == "$.credentials[0].ects")
        #expect(ects.message == "\"ects\" must be a number, not a string")
        let list = try #require(error(changed("\"core\": [\"C1\", \"C2\"]", "\"core\": \"C1\"")))
        #expect(list.path == "$.pathways[0].stages[0].core")
        #expect(list.message == "\"core\" must be a list [ … ], not a string")
        let item = try #require(error(changed("\"core\": [\"C1\", \"C2\"]", "\"core\": [\"C1\", 2]")))
        #expect(item.path == "$.pathways[0].stages[0].core[1]")
        let object = try #require(error(changed("{\"code\": \"C2\", \"title\": \"Two\"}", "\"C2\"")))
        #expect(object.path == "$.credentials[1]")
        #expect(object.message == "expected a credential written as an object { … }, found a string")
        let negative = try #require(error(changed("\"ects\": 2,", "\"ects\": -2,")))
        #expect(negative.path == "$.credentials[0].ects")
        #expect(negative.message == "\"ects\" must be 0 or more, not -2")
    }

    @Test func missingRequiredFields() throws {
        let title = try #require(error(changed("{\"code\": \"C2\", \"title\": \"Two\"}", "{\"code\": \"C2\"}")))
        #expect(title.path == "$.credentials[1].title")
        #expect(title.message == "a credential needs \"title\", which is missing")
        let statement = try #require(error(changed("\"statement\": \"Learners can a.\", ", "")))
        #expect(statement.path == "$.credentials[0].learningOutcomes[0].statement")
        let code = try #require(error(changed("{\"code\": \"C2\", \"title\": \"Two\"}", "{\"code\": \"\", \"title\": \"Two\"}")))
        #expect(code.path == "$.credentials[1].code")
        #expect(code.message.contains("the code is empty"))
    }

    @Test func badEnumValuesListTheAllowedOnes() throws {
        let e = try #require(error(changed("\"participation\": \"online\"", "\"participation\": \"hybrid\"")))
        #expect(e.path == "$.credentials[0].participation")
        #expect(e.message == "\"hybrid\" is not a form of participation; use one of: online, onsite, blended")
        let type = try #require(error(changed("{\"code\": \"a\", \"title\": \"A\"}", "{\"code\": \"a\", \"title\": \"A\", \"type\": \"skill\"}")))
        #expect(type.path == "$.frameworks[0].competencies[0].type")
        #expect(type.message == "\"skill\" is not a competency type; use one of: knowledge, skill/competence, transversal")
        let kind = try #require(error(changed("\"kind\": \"credential\"", "\"kind\": \"learner\"")))
        #expect(kind.path == "$.comments[0].subject.kind")
    }

    @Test func eqfLevelsOutOfRange() throws {
        let e = try #require(error(changed("{\"competency\": \"F/b\", \"level\": 4}", "{\"competency\": \"F/b\", \"level\": 9}")))
        #expect(e.path == "$.credentials[0].learningOutcomes[0].mappings[1].level")
        #expect(e.message == "EQF level 9 is out of range; use a whole number from 1 to 8")
        #expect(e.line == 21)
        let fraction = try #require(error(changed("\"eqfLevel\": 4,", "\"eqfLevel\": 4.5,")))
        #expect(fraction.path == "$.credentials[0].eqfLevel")
        #expect(fraction.message == "an EQF level must be a whole number from 1 to 8, not 4.5")
    }

    @Test func badDates() throws {
        let e = try #require(error(changed("2025-01-31", "2025-02-30")))
        #expect(e.path == "$.learners[0].completions[0].date")
        #expect(e.message == "\"2025-02-30\" is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14")
        let comment = try #require(error(changed("2025-02-01", "1 Feb 2025")))
        #expect(comment.path == "$.comments[0].date")
    }

    @Test func duplicateCodesInOneFile() throws {
        let e = try #require(error(changed("{\"code\": \"C2\", \"title\": \"Two\"}", "{\"code\": \"C1\", \"title\": \"Two\"}")))
        #expect(e.path == "$.credentials[1]")
        #expect(e.message == "credential C1 is already defined at $.credentials[0]; keep one")
        let outcome = try #require(error(changed("\"learningOutcomes\": [", "\"learningOutcomes\": [{\"id\": \"LO1\", \"statement\": \"x\"},")))
        #expect(outcome.path == "$.credentials[0].learningOutcomes[1].id")
    }

    @Test func referencesToWhatIsNotThere() throws {
        let core = try #require(error(changed("\"core\": [\"C1\", \"C2\"]", "\"core\": [\"C1\", \"C9\"]")))
        #expect(core.path == "$.pathways[0].stages[0].core[1]")
        #expect(core.message == "refers to credential C9, which is not defined in this file")
        let mapping = try #require(error(changed("\"F/b\"", "\"F/zz\"")))
        #expect(mapping.path == "$.credentials[0].learningOutcomes[0].mappings[1].competency")
        #expect(mapping.message == "refers to competency F/zz, which framework F does not define; check the code")
        let framework = try #require(error(changed("\"F/b\"", "\"G/b\"")))
        #expect(framework.message == "refers to competency G/b, but no framework G is defined in this file")
        let noSlash = try #require(error(changed("\"F/b\"", "\"b\"")))
        #expect(noSlash.path == "$.credentials[0].learningOutcomes[0].mappings[1].competency")
        #expect(noSlash.message == "\"b\" is not a competency reference; write it as FRAMEWORK/CODE, e.g. PROC/K1")
        let parent = try #require(error(changed("\"parent\": \"a\"", "\"parent\": \"q\"")))
        #expect(parent.path == "$.frameworks[0].competencies[1].parent")
        let learner = try #require(error(changed("\"credential\": \"C1\", \"date\"", "\"credential\": \"X\", \"date\"")))
        #expect(learner.path == "$.learners[0].completions[0].credential")
        let comment = try #require(error(changed("\"kind\": \"credential\", \"code\": \"C1\"", "\"kind\": \"pathway\", \"code\": \"C1\"")))
        #expect(comment.path == "$.comments[0].subject.code")
    }

    @Test func parentCycles() throws {
        let e = try #require(error(changed("{\"code\": \"a\", \"title\": \"A\"}", "{\"code\": \"a\", \"title\": \"A\", \"parent\": \"b\"}")))
        #expect(e.path == "$.frameworks[0].competencies[0].parent")
        #expect(e.message.contains("form a cycle (a → b → a)"))
    }

    @Test func stackabilityMustBeConsistent() throws {
        let e = try #require(error(changed("\"participation\": \"online\"", "\"participation\": \"online\", \"stackableTowards\": [\"MSc\"]")))
        #expect(e.path == "$.credentials[0].stackableTowards")
        let ok = try ProjectFile.decode(Data(changed("\"participation\": \"online\"",
            "\"participation\": \"online\", \"stackability\": \"stackable\", \"stackableTowards\": [\"MSc\"]").utf8), source: "ok.json")
        #expect(ok.credentials["C1"]?.stackability == .stackable(towards: ["MSc"]))
    }

    @Test func relationsNeedAValidKindAndATarget() throws {
        let kind = try #require(error(changed("{\"code\": \"a\", \"title\": \"A\"}",
            "{\"code\": \"a\", \"title\": \"A\", \"relations\": [{\"kind\": \"sibling\", \"target\": \"F/b\"}]}")))
        #expect(kind.path == "$.frameworks[0].competencies[0].relations[0].kind")
        #expect(kind.message.contains("use one of: related, exactMatch, broader"))
        let target = try #require(error(changed("{\"code\": \"a\", \"title\": \"A\"}",
            "{\"code\": \"a\", \"title\": \"A\", \"relations\": [{\"kind\": \"related\"}]}")))
        #expect(target.path == "$.frameworks[0].competencies[0].relations[0]")
    }

    @Test func electiveGroupsAndTargets() throws {
        let choose = try #require(error(changed("\"core\": [\"C1\", \"C2\"]",
            "\"core\": [\"C1\"], \"electiveGroups\": [{\"title\": \"g\", \"choose\": 0, \"options\": [\"C2\"]}]")))
        #expect(choose.path == "$.pathways[0].stages[0].electiveGroups[0].choose")
        let range = try #require(error(changed("\"title\": \"Path\",", "\"title\": \"Path\", \"target\": {\"minECTS\": 10, \"maxECTS\": 5},")))
        #expect(range.path == "$.pathways[0].target.maxECTS")
    }

    @Test func theDescriptionIsOneSentenceNamingFileLineAndPath() throws {
        let e = try #require(error(changed("\"participation\": \"online\"", "\"participation\": \"hybrid\""), file: "procurement.json"))
        #expect(e.description == "procurement.json, line 23 ($.credentials[0].participation): \"hybrid\" is not a form of participation; use one of: online, onsite, blended.")
    }

    @Test func parserEdgeCases() throws {
        func syntax(_ bytes: [UInt8]) -> ProjectFileError? {
            do { _ = try ProjectFile.decode(Data(bytes), source: "raw.json"); return nil } catch { return error as? ProjectFileError }
        }
        let utf8 = try #require(syntax(Array("{\"format\": \"".utf8) + [0xFF] + Array("\"}".utf8)))
        #expect(utf8.message.contains("not valid UTF-8"))
        let surrogate = try #require(syntax(Array("{\"format\": \"\\ud800\"}".utf8)))
        #expect(surrogate.message.contains("unpaired UTF-16 surrogate"))
        let deep = try #require(syntax(Array(repeating: UInt8(ascii: "["), count: 300)))
        #expect(deep.message.contains("nested more than 256 levels"))
        let trailing = try #require(syntax(Array("{} {}".utf8)))
        #expect(trailing.message.contains("unexpected text after the end"))
        let zero = try #require(syntax(Array("[01]".utf8)))
        #expect(zero.message.contains("must not start with 0"))
        let empty = try #require(syntax([]))
        #expect(empty.message.contains("the file is empty"))
        let newline = try #require(syntax(Array("{\n\"a\": \"x\ny\"}".utf8)))
        #expect(newline.line == 2 && newline.message.contains("line break inside a string"))
        let single = try #require(syntax(Array("{'format': 1}".utf8)))
        #expect(single.message.contains("expected a key in double quotes"))
    }
}
