import LuckyGasTerminal
import Testing

@Suite("Input fields, form, table, dialog, status line")
struct WidgetTests {
    private func type(_ text: String, into field: inout InputField) -> [InputField.Response] {
        text.map { field.handle(.character($0)) }
    }

    @Test("A number field refuses letters at once and shows its value grouped when not focused")
    func numberField() {
        var field = InputField(.number(allowsNegative: false), width: 10)
        #expect(type("12a", into: &field) == [.changed, .changed, .rejected(.digitsOnly)])
        _ = type("34567", into: &field)
        #expect(field.number == 1_234_567)
        var grid = Grid(rows: 1, columns: 10)
        field.render(into: &grid, top: 0, left: 0, theme: .monochrome, focused: false)
        #expect(grid.lines[0] == " 1,234,567")
        #expect(field.handle(.character("-")) == .rejected(.digitsOnly))
    }

    @Test("A negative amount is accepted only where allowed and only in front")
    func negativeNumber() {
        var field = InputField(.number(allowsNegative: true))
        #expect(field.handle(.character("-")) == .changed)
        _ = type("50", into: &field)
        #expect(field.number == -50)
        #expect(field.handle(.character("-")) == .rejected(.digitsOnly))
    }

    @Test("A date field inserts its dashes, refuses letters and steps with + and -")
    func dateField() {
        var field = InputField(.date)
        _ = type("20261123", into: &field)
        #expect(field.value == "2026-11-23")
        #expect(field.handle(.character("x")) == .rejected(.dateDigitsOnly))
        #expect(field.handle(.character("+")) == .step(1))
        #expect(field.handle(.character("-")) == .step(-1))
        #expect(field.handle(.character("9")) == .rejected(.tooLong))
    }

    @Test("After Backspace over a dash the date is laid out again as digits are typed")
    func dateAfterBackspace() {
        var field = InputField(.date)
        _ = type("20240501", into: &field)
        for _ in 0..<3 { _ = field.handle(.backspace) }
        #expect(field.value == "2024-05")
        _ = type("15", into: &field)
        #expect(field.value == "2024-05-15")
    }

    @Test("A choice cycles with arrows and Space and jumps by a typed Chinese character")
    func choiceField() {
        var field = InputField(.choice(["上午", "下午", "晚間", "急件"]))
        #expect(field.value == "上午")
        #expect(field.handle(.right) == .changed)
        #expect(field.value == "下午")
        #expect(field.handle(.left) == .changed)
        #expect(field.handle(.left) == .changed)
        #expect(field.value == "急件")
        #expect(field.handle(.character("晚")) == .changed)
        #expect(field.value == "晚間")
        #expect(field.handle(.character("x")) == .ignored)
        field.setOptions(["Morning", "Afternoon", "Evening", "Urgent"])
        #expect(field.value == "Evening", "a change of language keeps the chosen position")
    }

    @Test("A secret field shows stars, keeps the text, and places the cursor by the stars")
    func secretField() {
        var field = InputField(.secret, label: "密碼", width: 10, labelWidth: 6)
        _ = type("密碼abc", into: &field)
        var grid = Grid(rows: 1, columns: 20)
        field.render(into: &grid, top: 0, left: 0, theme: .monochrome, focused: true)
        #expect(grid.lines[0] == "密碼  *****")
        #expect(field.value == "密碼abc")
        #expect(grid.cursor?.column == 11)
    }

    @Test("A focused number field is replaced by the first digit typed, not appended to")
    func replaceOnFocus() {
        var form = Form([InputField(.text), InputField(.number(allowsNegative: false), text: "1")])
        _ = form.handle(.tab)
        #expect(form.handle(.character("x")) == .field(index: 1, .rejected(.digitsOnly)))
        _ = form.handle(.character("3"))
        #expect(form[1].value == "3")
        _ = form.handle(.character("0"))
        #expect(form[1].value == "30")
    }

    @Test(
        "Tab and Enter go forward, Shift-Tab back, Tab wraps, read-only fields are skipped, Enter on the last submits")
    func formFocus() {
        var form = Form([
            InputField(.text), InputField(.text, isReadOnly: true), InputField(.text), InputField(.text),
        ])
        #expect(form.handle(.tab) == .focusMoved(from: 0, to: 2))
        #expect(form.handle(.backTab) == .focusMoved(from: 2, to: 0))
        #expect(form.handle(.backTab) == .focusMoved(from: 0, to: 3))
        #expect(form.handle(.enter) == .submit)
        #expect(form.handle(.function(2)) == .submit)
        #expect(form.handle(.tab) == .focusMoved(from: 3, to: 0))
        #expect(form.handle(.character("王")) == .field(index: 0, .changed))
    }

    @Test("A field's error is drawn after its box and the label is padded by display width")
    func fieldError() {
        var field = InputField(.text, label: "統編", text: "123", width: 8, labelWidth: 6)
        field.error = "檢查碼錯誤"
        var grid = Grid(rows: 1, columns: 40)
        field.render(into: &grid, top: 0, left: 0, theme: .monochrome, focused: false)
        #expect(grid.lines[0] == "統編  123      檢查碼錯誤")
    }

    private func table(_ count: Int) -> TableView {
        var table = TableView(columns: [.init("編號", width: 7), .init("名稱", width: 0)], filters: true)
        var rows = [["C000001", "王大明"], ["C000002", "陳美玲"], ["C000003", "王小美"]]
        for index in 4...max(4, count) {
            rows.append(["C" + String(repeating: "0", count: 6 - String(index).count) + String(index), "客戶\(index)"])
        }
        table.setRows(Array(rows.prefix(count)))
        return table
    }

    @Test("Type-ahead filters the rows by Chinese text in any column; Backspace widens again")
    func tableFilter() {
        var table = table(3)
        let usedFirst = table.handle(.character("王"))
        #expect(usedFirst)
        #expect(table.visible == [0, 2])
        let usedSecond = table.handle(.character("小"))
        #expect(usedSecond)
        #expect(table.visible == [2])
        #expect(table.selectedRow == 2)
        let usedBackspace = table.handle(.backspace)
        #expect(usedBackspace)
        #expect(table.visible == [0, 2])
        table.setFilter("")
        #expect(table.visible.count == 3)
    }

    @Test("A large table scrolls with the selection and pages by the rows that fit")
    func tableScroll() {
        var table = table(1_000)
        var grid = Grid(rows: 11, columns: 30)
        table.render(into: &grid, top: 0, left: 0, width: 30, height: 11, theme: .monochrome)
        #expect(table.pageSize == 10)
        _ = table.handle(.pageDown)
        _ = table.handle(.pageDown)
        table.render(into: &grid, top: 0, left: 0, width: 30, height: 11, theme: .monochrome)
        #expect(table.position == "21/1000")
        #expect(grid.lines[10].hasPrefix("C000021"))
        _ = table.handle(.end)
        table.render(into: &grid, top: 0, left: 0, width: 30, height: 11, theme: .monochrome)
        #expect(grid.lines[10].hasPrefix("C001000"))
        #expect(grid[10, 0].style.reverse)
    }

    @Test("A cell too narrow for its text ends in …, never half a character")
    func tableClipsWide() {
        var table = TableView(columns: [.init("名稱", width: 5)])
        table.setRows([["王大明"]])
        var grid = Grid(rows: 2, columns: 5)
        table.render(into: &grid, top: 0, left: 0, width: 5, height: 2, theme: .monochrome, focused: false)
        #expect(grid.lines[1] == "王大…")
        #expect(grid[1, 3].isContinuation)
    }

    @Test("An identifier column is never cut: it takes its longest value and the flexible column gives way")
    func identifierColumnsWhole() {
        var table = TableView(columns: [
            .init("單號", width: 16, identifier: true), .init("客戶", width: 0), .init("金額", width: 6, alignRight: true),
        ])
        table.setRows([["O-20261028-000006", "王大明瓦斯行有限公司", "1,200"]])
        var grid = Grid(rows: 2, columns: 36)
        table.render(into: &grid, top: 0, left: 0, width: 36, height: 2, theme: .monochrome, focused: false)
        #expect(grid.lines[1].hasPrefix("O-20261028-000006 "))
        #expect(grid.lines[1].contains("…"))
        #expect(grid.lines[1].hasSuffix("1,200"))
    }

    @Test("A confirm dialog takes Y, N, Esc, and Enter as its default")
    func confirmDialog() {
        var dialog = Dialog(.confirm(defaultYes: false), title: "取消訂單？")
        #expect(dialog.handle(.character("x")) == nil)
        #expect(dialog.handle(.enter) == .cancelled)
        #expect(dialog.handle(.character("Y")) == .confirmed)
        #expect(dialog.handle(.escape) == .cancelled)
        var yes = Dialog(.confirm(defaultYes: true), title: "下單？")
        #expect(yes.handle(.enter) == .confirmed)
    }

    @Test("A form dialog collects its fields, Chinese included, and is drawn centred")
    func formDialog() {
        var dialog = Dialog(
            .form(
                Form([InputField(.text, label: "主管", width: 10), InputField(.secret, label: "密碼", width: 10, row: 1)])),
            title: "主管核准", hint: "Enter 核准")
        for character in "王經理" { _ = dialog.handle(.character(character)) }
        #expect(dialog.handle(.enter) == nil)
        for character in "pw" { _ = dialog.handle(.character(character)) }
        #expect(dialog.handle(.enter) == .submitted(["王經理", "pw"]))
        var grid = Grid(rows: 24, columns: 80)
        dialog.render(into: &grid, theme: .colour)
        let titleRow = try? #require(grid.lines.firstIndex { $0.contains("主管核准") })
        #expect(titleRow != nil)
        #expect(grid.lines.contains { $0.contains("王經理") }, "\(grid.lines.joined(separator: "\n"))")
        #expect(!grid.lines.contains { $0.contains("pw") })
    }

    @Test("The status line keeps its facts on the right and cuts a long message before them")
    func statusLine() {
        var grid = Grid(rows: 1, columns: 30)
        StatusLine(message: "帳號或密碼錯誤，再錯 4 次將鎖定", tone: .error, facts: "09:30 待同步 3").render(
            into: &grid, row: 0, theme: .monochrome)
        #expect(grid.lines[0].hasSuffix("09:30 待同步 3"))
        #expect(grid.lines[0].hasPrefix("帳號或密碼錯誤"))
        #expect(grid[0, 0].style.reverse, "an error stands out even without colour")
    }

    @Test("Below 80x24 the notice is centred; at 80x24 it does not apply")
    func smallWindow() {
        #expect(SmallWindowNotice.applies(rows: 23, columns: 80))
        #expect(SmallWindowNotice.applies(rows: 24, columns: 79))
        #expect(!SmallWindowNotice.applies(rows: 24, columns: 80))
        let grid = SmallWindowNotice.grid(rows: 10, columns: 40, lines: ["請放大視窗"], theme: .monochrome)
        #expect(grid.lines[4] == "               請放大視窗")
    }
}
