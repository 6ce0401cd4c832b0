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

/// The edge cases of real exports, read through both `CSVReader` (every cell a string) and
/// `CSVTable` (cells decoded on demand), which must agree.
@Suite struct CSVEdgeCaseTests {
    func read(_ text: String) throws -> [CSVRecord] {
        try CSVReader.records(ImportSource(name: "t.csv", text: text))
    }

    /// Every cell of a table read back through `CSVTable.Cells`, untrimmed.
    func tableRows(_ text: String) throws -> [[String]] {
        let table = try CSVTable(ImportSource(name: "t.csv", text: text))
        return table.withCells { cells in
            table.rows.map { r in (0..<table.width(r)).map { cells.untrimmed(r, $0) } }
        }
    }

    @Test func doubledQuotesAtEveryPlaceInACell() throws {
        let r = try read("h\n\"\"\"a\"\"\"\n\"\"\"\"\n\"\"\n\"x\"\"\"\"y\"\n")
        // `""` alone is an empty cell, so its line counts as blank.
        #expect(r.map(\.fields) == [["h"], ["\"a\""], ["\""], ["x\"\"y"]])
        #expect(r.map(\.line) == [1, 2, 3, 5])
        #expect(try tableRows("h\n\"\"\"a\"\"\"\n\"\"\"\"\n\"x\"\"\"\"y\"\n") == [["\"a\""], ["\""], ["x\"\"y"]])
    }

    @Test func lineBreaksInsideQuotesBecomeLFAndCountAsLines() throws {
        let text = "id,note\r\n1,\"a\rb\"\r\n2,\"c\r\n\r\nd\"\r\n3,\"e\nf\"\r\n4,x"
        let r = try read(text)
        #expect(r.map(\.fields) == [["id", "note"], ["1", "a\nb"], ["2", "c\n\nd"], ["3", "e\nf"], ["4", "x"]])
        #expect(r.map(\.line) == [1, 2, 4, 7, 9])
        #expect(try tableRows(text) == [["1", "a\nb"], ["2", "c\n\nd"], ["3", "e\nf"], ["4", "x"]])
    }

    @Test func textAfterTheClosingQuoteIsKept() throws {
        #expect(try read("\"ab\"cd,\"e\"\"\"f\n").map(\.fields) == [["abcd", "e\"f"]])
        #expect(try tableRows("h1,h2\n\"ab\"cd,\"e\"\"\"f\n") == [["abcd", "e\"f"]])
    }

    @Test func byteOrderMarkBeforeAQuotedHeader() throws {
        let table = try CSVTable(ImportSource(name: "t.csv", text: "\u{FEFF}\"conceptUri\",label\nx,y\n"))
        #expect(table.header == ["conceptUri", "label"])
        #expect(table.column("concepturi") == 0)
    }

    @Test func trailingSeparatorsAndBlankLines() throws {
        #expect(try read("a,b,").map(\.fields) == [["a", "b", ""]])
        #expect(try read("\r\n\n\r,\n").map(\.fields) == [["", ""]])
        #expect(try read("").isEmpty)
        #expect(try read("\u{FEFF}").isEmpty)
    }

    @Test func truncatedLastRecordIsReadOrRefusedWithItsLine() throws {
        // Cut after a cell: the last row is short, which a table with a header refuses.
        let cut = "a,b,c\r\n1,2,3\r\n4,5"
        #expect(try read(cut).last?.fields == ["4", "5"])
        let table = try CSVTable(ImportSource(name: "cut.csv", text: cut))
        let e = #expect(throws: ImportError.self) { try table.checkWidths(allowShort: false) }
        #expect(e?.description == "cut.csv, line 3: the row has 2 cells but the header has 3; check for a missing or extra quote or comma")
        try table.checkWidths(allowShort: true)
        // Cut inside a quoted cell: never closed, named at the line the quote opened.
        let q = #expect(throws: ImportError.self) { try CSVTable(ImportSource(name: "cut.csv", text: "a,b\n1,\"two\nlines and no end")) }
        #expect(q?.description == "cut.csv, line 2: a quoted cell starting here is never closed; the file may be cut short, or a quote is missing")
    }

    @Test func tooManyCellsIsRefusedWithFileAndLine() throws {
        let table = try CSVTable(ImportSource(name: "wide.csv", text: "a,b\n1,2\n\"x,y\",z,extra\n"))
        let e = #expect(throws: ImportError.self) { try table.checkWidths(allowShort: true) }
        #expect(e?.description == "wide.csv, line 3: the row has 3 cells but the header has 2; check for a missing or extra quote or comma")
    }

    @Test func invalidUTF8IsNamedAtTheLineOfItsCell() throws {
        func failure(_ parts: [[UInt8]]) -> String? {
            let bytes = parts.flatMap { $0 }
            let e = #expect(throws: ImportError.self) { try CSVTable(ImportSource(name: "b.csv", bytes: bytes)) }
            return e?.location
        }
        let head = Array("a,b\n".utf8)
        // In a quoted cell that spans lines 2–3: the line where the cell opens.
        #expect(failure([head, Array("1,\"x\ny".utf8), [0xC3], Array("\"\n".utf8)]) == "line 2")
        // After the closing quote of such a cell: the line it is on.
        #expect(failure([head, Array("1,\"x\ny\"".utf8), [0xFF], Array("\n".utf8)]) == "line 3")
        // A sequence cut short by a separator, and an overlong form.
        #expect(failure([head, Array("ok,ok\n".utf8), [0xE2, 0x82], Array(",x\n".utf8)]) == "line 3")
        #expect(failure([head, [0xC0, 0xAF], Array(",x\n".utf8)]) == "line 2")
    }

    @Test func trimmedCellsAndKeywords() throws {
        let text = "k,v\n  padded\t, ESSENTIAL \n\u{A0}nbsp\u{A0},Optional\nquoted,\"  \"\"q\"\"  \"\n\u{212A}nowledge,x\n"
        let table = try CSVTable(ImportSource(name: "t.csv", text: text))
        let (strings, keywords) = table.withCells { cells in
            ([cells.string(0, 0), cells.string(1, 0), cells.string(2, 1), cells.untrimmed(2, 1),
              cells.string(0, 7), cells.string(0, nil)],
             [cells.equalsIgnoringCase(0, 1, "essential"), cells.equalsIgnoringCase(0, 1, "optional"),
              cells.equalsIgnoringCase(1, 1, "optional"), cells.equalsIgnoringCase(3, 0, "knowledge"),
              cells.isEmpty(0, 9)])
        }
        // Unicode white space (no-break spaces) is trimmed as TextTools.trim does; a column the
        // file does not have, or past a short row, reads as empty.
        #expect(strings == ["padded", "nbsp", "\"q\"", "  \"q\"  ", "", ""])
        // The Kelvin sign lower-cases to an ASCII k, as String.lowercased() says.
        #expect(keywords == [true, false, true, true, true])
    }

    @Test func agreesWithAPlainReaderOnRandomInput() throws {
        var seeds: [[UInt8]] = [Array("a,b,c\r\n1,\"x\"\"y\",3\n\"q\r\nw\"tail,5,\n\n\"\",\r7,8,9".utf8),
                                Array("\u{FEFF}h,\"é\"\n\"ü\nx\",\u{A0}y\u{A0}\r\n".utf8)]
        seeds.append(try ImportSource(path: SharedFixtures.local("skills_en.csv")).bytes)
        seeds.append(try ImportSource(path: SharedFixtures.local("occupations_en.csv")).bytes)
        var r = ImporterFuzzTests.Random(state: 2026)
        var refused = 0
        for i in 0..<1500 {
            let input = i % 10 == 9 ? (0..<r.below(200)).map { _ in UInt8(truncatingIfNeeded: r.next()) }
                                    : ImporterFuzzTests.mutate(seeds[r.below(seeds.count)], &r)
            let expected = Result { try CSVReferenceReader.records(input, file: "f.csv") }
            let actual = Result { try CSVReader.records(ImportSource(name: "f.csv", bytes: input)) }
            switch (expected, actual) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "input \(i)")
                // The table view of the same bytes sees the same cells.
                if a.count > 0 {
                    let table = try CSVTable(ImportSource(name: "f.csv", bytes: input))
                    #expect(table.header == a[0].fields, "input \(i)")
                    let rows = table.withCells { cells in
                        table.rows.map { row in (0..<table.width(row)).map { cells.untrimmed(row, $0) } }
                    }
                    #expect(rows == a.dropFirst().map(\.fields), "input \(i)")
                    #expect(table.rows.map { table.line($0) } == a.dropFirst().map(\.line), "input \(i)")
                }
            case (.failure(let a), .failure(let b)):
                #expect(a as? ImportError == b as? ImportError, "input \(i)")
                refused += 1
            default:
                Issue.record("input \(i): the plain reader says \(expected), the fast one \(actual)")
            }
        }
        #expect(refused > 0)
    }
}

@Suite struct ByteKeyTableTests {
    func key(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func numbersKeysInOrderAndFindsThemAfterGrowing() {
        var table = ByteKeyTable(capacity: 1)
        let keys = (0..<5000).map { "http://data.europa.eu/esco/skill/\($0 * 7919)" } + ["", "x", "é"]
        for (n, k) in keys.enumerated() {
            let added = key(k).withUnsafeBufferPointer { table.insert($0) }
            #expect(added.number == n && added.inserted)
        }
        #expect(table.count == keys.count)
        for (n, k) in keys.enumerated() {
            #expect(key(k).withUnsafeBufferPointer { table.find($0) } == n)
            let again = key(k).withUnsafeBufferPointer { table.insert($0) }
            #expect(again.number == n && !again.inserted)
        }
        #expect(key("http://data.europa.eu/esco/skill/1").withUnsafeBufferPointer { table.find($0) } == nil)
        #expect(key("http://data.europa.eu/esco/skill/0 ").withUnsafeBufferPointer { table.find($0) } == nil)
    }
}
