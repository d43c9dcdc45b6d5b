/// The F-key bar on the last line: the same slot means the same action on every screen.
public struct KeyBar: Sendable, Equatable {
    /// Labels by function-key number (1...10).
    public var labels: [Int: String]

    /// Creates a bar.
    public init(_ labels: [Int: String]) { self.labels = labels }

    /// Draws `F1 說明 F2 存檔 ...` across `row`, key numbers highlighted as legacy POS screens do.
    /// A key is shown whole or not at all; F10 (leave) keeps its place at the end.
    public func render(into grid: inout Grid, row: Int, numberStyle: CellStyle = CellStyle(reverse: true)) {
        grid.fill(row: row, column: 0, width: grid.columns, style: .plain)
        let widths = labels.mapValues { DisplayWidth.of($0) + 1 }
        let last = labels[10] == nil ? 0 : 2 + (widths[10] ?? 0)
        var column = 0
        for number in labels.keys.sorted() {
            guard let label = labels[number] else { continue }
            let width = "F\(number)".count + (widths[number] ?? 0)
            let room = grid.columns - (number == 10 ? 0 : last)
            guard column + width <= room || (number == 10 && column + width - 1 <= grid.columns) else { continue }
            column += grid.put("F\(number)", row: row, column: column, style: numberStyle)
            column += grid.put(label + " ", row: row, column: column, ellipsis: false)
        }
    }
}
