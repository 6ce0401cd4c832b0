import Foundation
import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct ELMExportTests {
    let catalog = TestCatalog.make()

    func parsed(_ text: String) throws -> JSONTree { try JSONParser.parse(ImportSource(name: "elm.jsonld", text: text)) }

    @Test func credentialIsAQualificationLikeTheAnnexISample() throws {
        let q = try parsed(try ELMExporter.credentialText("GP-01", in: catalog))
        #expect(q["@context"]?.string == "http://data.europa.eu/snb/model/context/edc-ap")
        #expect(q["type"]?.string == "Qualification")
        #expect(q["eqfLevel"]?["id"]?.string == "http://data.europa.eu/snb/eqf/6")
        #expect(q["creditPoint"]?["point"] == .string("2.5"))
        #expect(q["creditPoint"]?["framework"]?["id"]?.string == "http://data.europa.eu/snb/education-credit/6fcec5c5af")
        #expect(q["volumeOfLearning"]?.string == "PT67H30M")
        #expect(q["title"]?["en"]?.string == "Foundations of green procurement")
        let outcomes = try #require(q["learningOutcome"]?.array)
        #expect(outcomes.count == 2)
        #expect(outcomes[1]["relatedESCOSkill"]?.array?.first?["id"]?.string == TestCatalog.esco + "11111111-1111-4111-8111-111111111111")
        #expect(q["mode"]?["prefLabel"]?["en"]?.string == "Blended")
        #expect(q["thematicArea"]?.array?.first?["id"]?.string == "http://data.europa.eu/snb/isced-f/0413")
        let notes = q["additionalNote"]?.array?.compactMap { $0["noteLiteral"]?["en"]?.string } ?? []
        #expect(notes.contains("Awarding body: Universidade do Porto"))
        #expect(notes.contains("Type of quality assurance: Internal QA of the awarding university"))
    }

    @Test func credentialWithoutLevelIsALearningAchievementSpecification() throws {
        let s = try parsed(try ELMExporter.credentialText("GP-03", in: catalog))
        #expect(s["type"]?.string == "LearningAchievementSpecification")
        #expect(s["eqfLevel"] == nil)
        #expect(s["creditPoint"]?["point"] == .string("2"))
    }

    @Test func pathwayHasItsCredentialsAsParts() throws {
        let p = try parsed(try ELMExporter.pathwayText("GP-PW", in: catalog))
        #expect(p["type"]?.string == "Qualification")
        let parts = try #require(p["hasPart"]?.array)
        #expect(parts.compactMap { $0["title"]?["en"]?.string } == ["Foundations of green procurement", "Green tender criteria", "Supplier dialogue"])
        // The least a learner takes: GP-01 (2.5) + the smaller elective GP-03 (2).
        #expect(p["creditPoint"]?["point"] == .string("4.5"))
    }

    /// Every property name used is a term of the ELM EDC context (or JSON-LD's own `@…`).
    @Test func everyTermIsInTheContext() throws {
        guard let path = SharedFixtures.path("standards/elm-edc-ap-context.jsonld") else { return }
        let context = try JSONParser.parse(try ImportSource(path: path))
        let terms = Set(context["@context"]?.members?.map(\.0) ?? [])
        #expect(terms.count > 200)
        func walk(_ v: JSONTree, _ found: inout Set<String>) {
            switch v {
            case .object(let m):
                for (k, x) in m {
                    found.insert(k)
                    // Language maps hold language tags, not terms.
                    if ["title", "description", "prefLabel", "noteLiteral"].contains(k) { continue }
                    walk(x, &found)
                }
            case .array(let a): a.forEach { walk($0, &found) }
            default: break
            }
        }
        var used = Set<String>()
        walk(try parsed(try ELMExporter.pathwayText("GP-PW", in: catalog)), &used)
        let types = ["Qualification", "LearningAchievementSpecification", "LearningOutcome", "Concept", "ConceptScheme", "CreditPoint", "Note"]
        #expect(used.filter { !$0.hasPrefix("@") && !terms.contains($0) && $0 != "id" && $0 != "type" } == [])
        #expect(types.allSatisfy(terms.contains))
        #expect(used.contains("hasPart") && used.contains("relatedESCOSkill") && used.contains("volumeOfLearning"))
    }

    @Test func durations() {
        #expect(ELMVocabulary.duration(hours: 60) == "PT60H")
        #expect(ELMVocabulary.duration(hours: 0.5) == "PT30M")
    }
}
