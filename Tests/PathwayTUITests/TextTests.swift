import Testing
@testable import PathwayTUI

@Suite struct TextWidthTests {
    @Test func widthsMatchWhatTerminalsDraw() {
        #expect(TextWidth.of("a") == 1)
        #expect(TextWidth.of("ü") == 1)
        #expect(TextWidth.of("ñ") == 1)
        #expect(TextWidth.of("中") == 2)
        #expect(TextWidth.of("😀") == 2)
        #expect(TextWidth.of("e\u{301}") == 1)          // combining acute: one column
        #expect(TextWidth.of("Ωμέγα") == 5)
        #expect(TextWidth.of("数字技能") == 8)
        #expect(TextWidth.of("ｱ") == 1)                 // halfwidth katakana
        #expect(TextWidth.of("Ａ") == 2)                // fullwidth A
        #expect(TextWidth.of(Unicode.Scalar(0x200B)!) == 0)  // zero width space
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(TextFit.truncate("中文字", to: 3) == "中…")
        #expect(TextFit.truncate("中文字", to: 4) == "中…")
        #expect(TextFit.truncate("中文字", to: 6) == "中文字")
        #expect(TextFit.truncate("abc", to: 3, ellipsis: false) == "abc")
        #expect(TextFit.truncate("中文字", to: 3, ellipsis: false) == "中")
        #expect(TextFit.pad("中文字", to: 5) == "中文…")
        #expect(TextWidth.of(TextFit.pad("中文字", to: 5)) == 5)
        #expect(TextFit.pad("中", to: 1) == "…")
        #expect(TextFit.pad("ab", to: 4, alignRight: true) == "  ab")
    }

    @Test func wrapsAtSpacesAndBreaksLongWords() {
        #expect(TextFit.wrap("one two three", to: 7) == ["one two", "three"])
        #expect(TextFit.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFit.wrap("中文中文中文", to: 5) == ["中文", "中文", "中文"])
        #expect(TextFit.wrap("a\nb", to: 5) == ["a", "b"])
    }

    @Test func hundredKilobyteTitleFitsQuickly() {
        let huge = String(repeating: "Ü中x", count: 35_000)
        #expect(TextWidth.of(TextFit.pad(huge, to: 40)) == 40)
        var buffer = ScreenBuffer(width: 80, height: 2)
        buffer.write(huge, x: 0, y: 0)
        #expect(buffer.line(0).hasPrefix("Ü中xÜ中x"))
    }
}

@Suite struct SanitizerTests {
    @Test func controlAndEscapeSequencesBecomeVisiblePlaceholders() {
        #expect(Sanitizer.clean("a\u{1B}[31mred") == "a␛[31mred")
        #expect(Sanitizer.clean("\u{1B}]0;owned\u{7}") == "␛]0;owned␇")
        #expect(Sanitizer.clean("nul\u{0}") == "nul␀")
        #expect(Sanitizer.clean("evil\u{202E}txt") == "evil⟪U+202E⟫txt")
        #expect(Sanitizer.clean("c1\u{9B}31m") == "c1⟪U+009B⟫31m")
        #expect(Sanitizer.clean("del\u{7F}") == "del␡")
        #expect(Sanitizer.clean("tab\there") == "tab here")
        #expect(Sanitizer.clean("Grüße 中文") == "Grüße 中文")
    }

    @Test func nothingUnsafeReachesTheBuffer() {
        var buffer = ScreenBuffer(width: 60, height: 1)
        buffer.write("x\u{1B}]0;title\u{7}\u{1B}[2J\u{0}\u{202E}\u{2066}\u{9D}y", x: 0, y: 0)
        for x in 0..<buffer.width {
            for s in buffer[x, 0].char.unicodeScalars { #expect(!Sanitizer.isUnsafe(s), "unsafe U+\(String(s.value, radix: 16)) at \(x)") }
        }
        #expect(buffer.line(0).hasPrefix("x␛]0;title␇␛[2J␀⟪U+202E⟫⟪U+2066⟫⟪U+009D⟫y"))
    }
}

@Suite struct ScreenBufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var b = ScreenBuffer(width: 6, height: 1)
        let end = b.write("中a文", x: 0, y: 0)
        #expect(end == 5)
        #expect(b[0, 0].width == 2 && b[1, 0].isContinuation)
        #expect(b[2, 0].char == "a")
        #expect(b.line(0) == "中a文 ")
    }

    @Test func aWideCharacterAtTheEdgeIsLeftOut() {
        var b = ScreenBuffer(width: 3, height: 1)
        b.write("ab中", x: 0, y: 0)
        #expect(b.line(0) == "ab ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.write("中文", x: 0, y: 0)
        b.write("x", x: 1, y: 0)
        #expect(b.line(0) == " x文")
        b.write("y", x: 2, y: 0)
        #expect(b.line(0) == " xy ")
        #expect(!b[3, 0].isContinuation)
    }

    @Test func writesAreClipped() {
        var b = ScreenBuffer(width: 5, height: 2)
        b.write("hello world", x: 2, y: 0)
        b.write("zz", x: -1, y: 1)
        b.write("x", x: 0, y: 5)
        #expect(b.text == "  hel\nz")
        b.write("abcdef", x: 0, y: 1, clip: Rect(x: 1, y: 1, width: 2, height: 1))
        #expect(b.line(1) == "zbc  ")
    }

    @Test func combiningMarksStayOnTheirBase() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.write("e\u{301}x", x: 0, y: 0)
        #expect(b[0, 0].char == "e\u{301}")
        #expect(b[1, 0].char == "x")
    }
}
