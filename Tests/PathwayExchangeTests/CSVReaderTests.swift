import Testing
@testable import PathwayExchange

@Suite struct CSVReaderTests {
    func read(_ text: String) throws -> [CSVRecord] {
        try CSVReader.records(ImportSource(name: "t.csv", text: text))
    }

    @Test func plainRecordsWithMixedLineEnds() throws {
        let r = try read("a,b,c\r\n1,2,3\n4,5,6\r7,8,9")
        #expect(r.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]])
        #expect(r.map(\.line) == [1, 2, 3, 4])
    }

    @Test func quotedCellsKeepSeparatorsQuotesAndLineBreaks() throws {
        let r = try read("id,text\r\n1,\"one, \"\"two\"\"\nthree\"\r\n2,\"crlf\r\ninside\"\r\n3,x\r\n")
        #expect(r.count == 4)
        #expect(r[1].fields == ["1", "one, \"two\"\nthree"])
        #expect(r[2].fields == ["2", "crlf\ninside"])
        #expect(r[3].fields == ["3", "x"])
        // Line numbers count the line breaks inside quoted cells.
        #expect(r.map(\.line) == [1, 2, 4, 6])
    }

    @Test func byteOrderMarkBlankLinesAndRaggedRows() throws {
        let r = try read("\u{FEFF}h1,h2,h3\n\n1\n1,2\n1,2,\n")
        #expect(r.map(\.fields) == [["h1", "h2", "h3"], ["1"], ["1", "2"], ["1", "2", ""]])
        #expect(r[1][2] == "")
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() throws {
        let e = #expect(throws: ImportError.self) { try read("a,b\n1,2\n3,\"never\nclosed\n") }
        #expect(e?.location == "line 3")
        #expect(e?.message.contains("never closed") == true)
    }

    @Test func invalidUTF8IsRefusedWithTheLine() throws {
        var bytes = Array("a,b\n1,".utf8)
        bytes.append(0xFF)
        let e = #expect(throws: ImportError.self) { try CSVReader.records(ImportSource(name: "x.csv", bytes: bytes)) }
        #expect(e?.description == "x.csv, line 2: the text is not valid UTF-8; save the file as UTF-8 and try again")
    }

    @Test func writerRoundTripsAwkwardCells() throws {
        let rows = [["plain", "with, comma", "with \"quote\"", "two\nlines", " edge ", ""]]
        let back = try read(CSVWriter.document(rows))
        #expect(back.map(\.fields) == rows)
    }

    @Test func realESCOHierarchyIsReadWithRaggedRows() throws {
        guard let bytes = SharedFixtures.bytes("fixtures/esco/skillsHierarchy_en.csv") else { return }
        let r = try CSVReader.records(ImportSource(name: "skillsHierarchy_en.csv", bytes: bytes))
        #expect(r.count == 641)
        #expect(Set(r.dropFirst().map(\.fields.count)).isSubset(of: [11, 12, 13, 14]))
        #expect(r[0].fields.count == 14)
    }
}
