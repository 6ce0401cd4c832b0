import Foundation
import Testing
import PathwayModel
@testable import PathwayExchange

@Suite struct ReportTests {
    @Test func markdownHasEverySection() throws {
        let md = try MarkdownReport.text(pathway: "GP-PW", in: TestCatalog.make())
        for heading in ["# Pathway report: Green public buyer (GP-PW)", "## Target", "## Totals", "## Stages", "## Credentials",
                        "## Coverage matrix", "## Findings", "## Review comments"] {
            #expect(md.contains(heading), "\(heading)")
        }
        #expect(md.contains("| ECTS over all routes | 4.5–5.5 |"))
        #expect(md.contains("| Awarding body | Universidade do Porto |"))
        #expect(md.contains("| Competency | Required | GP-01 | GP-02 | GP-03 | Covered |"))
        #expect(md.contains("| public procurement law | EQF 6 | 6 ✓ |  |  | yes |"))
        #expect(md.contains("Ana (partner) on pathway GP-PW: Add an ESCO link for green criteria."))
        // GP-03 lacks most Annex I elements.
        #expect(md.contains("| Awarding body ⚠ missing | not given |"))
    }

    @Test func hostileTextIsEscapedInBothFormats() throws {
        let catalog = TestCatalog.make(hostile: true)
        let html = try HTMLReport.text(pathway: "GP-PW", in: catalog)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;␛[31m␇&amp;amp;[U+202E]"))
        #expect(!html.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        let md = try MarkdownReport.text(pathway: "GP-PW", in: catalog)
        #expect(md.contains("\\<script\\>alert('x')\\</script\\>␛\\[31m␇\\&amp;[U+202E]") || md.contains("\\<script\\>alert('x')\\<"))
        #expect(!md.contains("<script>"))
        #expect(!md.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    @Test func htmlStandsAlone() throws {
        let html = try HTMLReport.text(pathway: "GP-PW", in: TestCatalog.make())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("http-equiv=\"refresh\"") && !html.contains("<script") && !html.contains("<link") && !html.contains("src="))
    }

    @Test func unknownPathway() {
        #expect(throws: ExportError("there is no pathway NOPE; `pathway list pathways` shows the codes")) {
            try HTMLReport.text(pathway: "NOPE", in: TestCatalog.make())
        }
    }

    /// Renders the HTML report in Debian's headless Chromium to a PNG, as a partner would see
    /// it. The PNG is kept in the temporary folder for a person to look at.
    @Test func htmlRendersInHeadlessChromium() throws {
        let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let browser else {
            print("SKIPPED: chromium is not installed (apt-get install chromium); the HTML report was not rendered")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathway-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("report.html"), png = dir.appendingPathComponent("report.png")
        try Data(try HTMLReport.text(pathway: "GP-PW", in: TestCatalog.make(hostile: true)).utf8).write(to: page)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                       "--window-size=1100,2400", "--screenshot=\(png.path)", page.absoluteString]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // A browser that hangs must not hang the suite: stop it after a minute.
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            print("SKIPPED: chromium did not finish within a minute; the HTML report was not rendered")
            return
        }
        guard p.terminationStatus == 0, let data = FileManager.default.contents(atPath: png.path) else {
            print("SKIPPED: chromium could not run here (status \(p.terminationStatus)); the HTML report was not rendered")
            return
        }
        print("Rendered the HTML report to \(png.path)")
        // A real PNG of the requested size, not a blank sliver.
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1100 && height == 2400)
        #expect(data.count > 50_000)
    }
}
