import LuckyGasTerminal
import Testing

@Suite("The cell grid")
struct GridTests {
    @Test("Chinese beside ASCII takes two columns a character, with continuation cells")
    func cjkBesideASCII() {
        var grid = Grid(rows: 2, columns: 20)
        let used = grid.put("C000123 王大明", row: 0, column: 1)
        #expect(used == 14)
        #expect(grid.lines[0] == " C000123 王大明")
        #expect(grid[0, 9].text == "王" && grid[0, 9].width == 2)
        #expect(grid[0, 10].isContinuation)
        #expect(grid[0, 11].text == "大")
        #expect(grid[0, 15].text == " ")
    }

    @Test("Control characters in stored text reach the screen as �, never as terminal commands")
    func controlCharacters() {
        var grid = Grid(rows: 1, columns: 20)
        grid.put("a\u{1B}[31mred\u{07}\u{202E}", row: 0, column: 0)
        #expect(grid.lines[0].hasPrefix("a\u{FFFD}[31mred\u{FFFD}\u{FFFD}"))
        #expect(!grid.lines[0].unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("Text cut at the right edge ends in …, and a wide character is never split")
    func clippedAtEdge() {
        var grid = Grid(rows: 1, columns: 7)
        grid.put("ab王大明", row: 0, column: 0)
        #expect(grid.lines[0] == "ab王大…")
        var field = Grid(rows: 1, columns: 20)
        let used = field.put("王大明", row: 0, column: 2, maxWidth: 4)
        #expect(used == 4)
        #expect(field.lines[0] == "  王…")
        var scrolled = Grid(rows: 1, columns: 7)
        scrolled.put("ab王大明", row: 0, column: 0, ellipsis: false)
        #expect(scrolled.lines[0] == "ab王大")
        #expect(scrolled[0, 6].text == " " && scrolled[0, 6].width == 1)
        var padded = Grid(rows: 1, columns: 4)
        padded.put("ab    ", row: 0, column: 0)
        #expect(padded.lines[0] == "ab", "trailing spaces that do not fit are no loss")
    }

    @Test("Writing over half of a wide character blanks its other half")
    func overwriteHalf() {
        var grid = Grid(rows: 1, columns: 10)
        grid.put("王大明", row: 0, column: 0)
        grid.put("x", row: 0, column: 1)  // the right half of 王
        #expect(grid.lines[0] == " x大明")
        grid.put("y", row: 0, column: 2)  // the left half of 大
        #expect(grid.lines[0] == " xy 明")
        #expect(!grid[0, 3].isContinuation)
    }

    @Test("A combining mark joins the character before it")
    func combining() {
        var grid = Grid(rows: 1, columns: 5)
        grid.put("e\u{301}x", row: 0, column: 0)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[0, 1].text == "x")
    }

    @Test("Fill paints blanks in a style; writing outside the grid is ignored")
    func fillAndBounds() {
        var grid = Grid(rows: 2, columns: 4)
        grid.fill(row: 1, column: 0, width: 10, style: CellStyle(reverse: true))
        #expect(grid[1, 3].style.reverse)
        #expect(grid.put("abc", row: 5, column: 0) == 0)
        #expect(grid.put("abc", row: 0, column: 9) == 0)
        #expect(grid.lines == ["", ""])
    }
}
