import LuckyGasTerminal
import Testing

@Suite("Text field and keys")
struct TextFieldTests {
    func typed(_ text: String, into field: inout TextField) {
        for character in text { field.handle(.character(character)) }
    }

    @Test("Typing Chinese edits by character and the cursor moves by display width")
    func typingChinese() {
        var field = TextField()
        typed("王大明", into: &field)
        var grid = Grid(rows: 1, columns: 20)
        field.render(into: &grid, row: 0, column: 2, width: 10, style: .plain, focused: true)
        #expect(grid.lines[0] == "  王大明")
        #expect(grid.cursor?.column == 8)
    }

    @Test("Editing in the middle of Chinese text inserts and deletes whole characters")
    func editInMiddle() {
        var field = TextField("王大明")
        field.handle(.left)
        field.handle(.left)
        field.handle(.backspace)
        #expect(field.text == "大明")
        typed("小", into: &field)
        #expect(field.text == "小大明")
        field.handle(.delete)
        #expect(field.text == "小明")
        field.handle(.home)
        field.handle(.delete)
        #expect(field.text == "明")
        field.handle(.end)
        field.handle(.control("u"))
        #expect(field.text.isEmpty)
    }

    @Test("A long value scrolls horizontally so the cursor stays inside the field")
    func horizontalScroll() {
        var field = TextField()
        typed("台北市信義區信義路五段7號", into: &field)
        var grid = Grid(rows: 1, columns: 12)
        field.render(into: &grid, row: 0, column: 0, width: 10, style: .plain, focused: true)
        #expect((grid.cursor?.column ?? 99) <= 9)
        #expect(grid.lines[0].hasSuffix("7號"))
        field.handle(.home)
        field.render(into: &grid, row: 0, column: 0, width: 10, style: .plain, focused: true)
        #expect(grid.lines[0] == "台北市信義")
        #expect(grid.cursor?.column == 0)
    }

    @Test("Max length refuses more characters; control characters are not inserted")
    func limits() {
        var field = TextField(maxLength: 3)
        typed("12345", into: &field)
        #expect(field.text == "123")
        var other = TextField()
        let used = other.handle(.character("\u{7}"))
        #expect(!used)
        #expect(other.text.isEmpty)
    }

    @Test(
        "Esc followed by a digit is a function key; a lone Esc stays Esc",
        arguments: [
            ([Key.escape, .character("1")], [Key.function(1)]), ([.escape, .character("0")], [.function(10)]),
            ([.escape, .character("a")], [.escape, .character("a")]), ([.escape, .escape], [.escape, .escape]),
            ([.escape, .escape, .character("2")], [.escape, .function(2)]), ([.character("x")], [.character("x")]),
        ])
    func escapeDigits(input: [Key], expected: [Key]) {
        var decoder = EscapeDigitDecoder()
        // What comes out of the keys, then of the escape delay running out.
        #expect(input.flatMap { decoder.feed($0) } + decoder.timeout() == expected)
        #expect(decoder.timeout().isEmpty)
    }

    @Test("A pending Esc comes out when the escape delay runs out")
    func escapeTimeout() {
        var decoder = EscapeDigitDecoder()
        #expect(decoder.feed(.escape).isEmpty)
        #expect(decoder.timeout() == [.escape])
    }
}
