import LuckyGasTerminal
import Testing

@Suite("In-memory backend and key bar")
struct BackendTests {
    @Test("The memory backend delivers scripted keys, applies resizes and records frames")
    func memoryBackend() {
        var backend = MemoryBackend(
            rows: 24, columns: 80, keys: [.character("王"), .resize(rows: 50, columns: 200), .enter])
        #expect(backend.nextKey() == .character("王"))
        #expect(backend.nextKey() == .resize(rows: 50, columns: 200))
        #expect(backend.size.rows == 50 && backend.size.columns == 200)
        var grid = Grid(rows: 1, columns: 10)
        grid.put("幸福氣體", row: 0, column: 0)
        backend.paint(grid)
        #expect(backend.screen == ["幸福氣體"])
        #expect(backend.nextKey() == .enter)
        #expect(backend.nextKey() == nil)
    }

    @Test("The key bar shows each function key in reverse video followed by its label")
    func keyBar() {
        var grid = Grid(rows: 2, columns: 40)
        KeyBar([1: "說明", 10: "離開", 2: "存檔"]).render(into: &grid, row: 1)
        #expect(grid.lines[1] == "F1說明 F2存檔 F10離開")
        #expect(grid[1, 0].style.reverse && grid[1, 1].style.reverse)
        #expect(!grid[1, 2].style.reverse)
    }

    @Test("A key bar wider than the screen shows whole keys only, never wrapped, and keeps F10")
    func keyBarClipped() {
        var grid = Grid(rows: 1, columns: 12)
        KeyBar([1: "說明", 2: "存檔", 3: "查詢"]).render(into: &grid, row: 0)
        #expect(grid.lines[0] == "F1說明")
        var narrow = Grid(rows: 1, columns: 21)
        KeyBar([1: "說明", 2: "存檔", 3: "查詢", 10: "離開"]).render(into: &narrow, row: 0)
        #expect(narrow.lines[0] == "F1說明 F2存檔 F10離開")
    }
}
