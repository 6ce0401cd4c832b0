import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct OpenBadgesExportTests {
    let catalog = TestCatalog.make()

    func parsed(_ text: String) throws -> JSONTree { try JSONParser.parse(ImportSource(name: "ob3.json", text: text)) }

    @Test func achievementCarriesEQFECTSAndESCOAlignments() throws {
        let text = try OpenBadgesExporter.text(credential: "GP-01", learner: nil, in: catalog)
        if let errors = SchemaValidator.errors(json: text, schema: "ob_v3p0_achievementcredential.schema.json", definition: "Achievement") {
            #expect(errors == [])
        }
        let a = try parsed(text)
        #expect(a["achievementType"]?.string == "MicroCredential")
        #expect(a["creditsAvailable"] == .number("2.5"))
        #expect(a["inLanguage"]?.string == "en")
        #expect(a["creator"]?["address"]?["addressCountryCode"]?.string == "PT")
        let alignments = try #require(a["alignment"]?.array)
        #expect(alignments.count == 3)
        let eqf = try #require(alignments.first { $0["targetType"]?.string == "ext:EQF" })
        #expect(eqf["targetCode"]?.string == "6" && eqf["targetUrl"]?.string == "http://data.europa.eu/snb/eqf/6")
        let urls = alignments.compactMap { $0["targetUrl"]?.string }
        #expect(urls.contains(TestCatalog.esco + "11111111-1111-4111-8111-111111111111"))
        #expect(a["criteria"]?["narrative"]?.string?.contains("Learners can negotiate a supplier contract.") == true)
    }

    @Test func credentialForALearnerIsValid() throws {
        let text = try OpenBadgesExporter.text(credential: "GP-01", learner: "Marta", in: catalog)
        if let errors = SchemaValidator.errors(json: text, schema: "ob_v3p0_achievementcredential.schema.json") {
            #expect(errors == [])
        }
        let vc = try parsed(text)
        #expect(vc["type"] == .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]))
        #expect(vc["validFrom"]?.string == "2025-03-14T00:00:00Z")
        #expect(vc["credentialSubject"]?["identifier"]?.array?.first?["identityHash"]?.string == "Marta")
        #expect(vc["credentialSubject"]?["achievement"]?["name"]?.string == "Foundations of green procurement")
    }

    @Test func minimalCredentialIsStillValid() throws {
        let text = try OpenBadgesExporter.text(credential: "GP-03", learner: nil, in: catalog)
        guard let errors = SchemaValidator.errors(json: text, schema: "ob_v3p0_achievementcredential.schema.json", definition: "Achievement") else { return }
        #expect(errors == [])
    }

    @Test func validatorCatchesAnInvalidCredential() throws {
        guard let errors = SchemaValidator.errors(json: #"{"@context": ["x"], "type": ["OpenBadgeCredential"]}"#,
                                                  schema: "ob_v3p0_achievementcredential.schema.json") else { return }
        #expect(errors.count >= 4)
    }

    @Test func clearErrors() {
        func message(_ body: () throws -> String) -> String? {
            do { _ = try body(); return nil } catch { return "\(error)" }
        }
        #expect(message { try OpenBadgesExporter.text(credential: "NOPE", learner: nil, in: catalog) } == "there is no credential NOPE; `pathway list credentials` shows the codes")
        #expect(message { try OpenBadgesExporter.text(credential: "GP-02", learner: "Marta", in: catalog) } == "Marta has not completed GP-02; record the completion first, then export the credential")
        #expect(message { try OpenBadgesExporter.text(credential: "GP-01", learner: "Nobody", in: catalog) } == "there is no learner Nobody; `pathway list learners` shows the names")
    }

    @Test func languageTagsCheckedAgainstTheSchemaPattern() {
        #expect(OpenBadgesExporter.isOBLanguage("en") && OpenBadgesExporter.isOBLanguage("pt-PT") && OpenBadgesExporter.isOBLanguage("sr-Latn-RS"))
        #expect(!OpenBadgesExporter.isOBLanguage("EN") && !OpenBadgesExporter.isOBLanguage("en-") && !OpenBadgesExporter.isOBLanguage("english"))
    }
}
