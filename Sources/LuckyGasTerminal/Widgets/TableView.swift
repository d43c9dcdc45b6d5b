/// A scrolling table with one selected row and a type-ahead filter that accepts Chinese:
/// typing narrows the rows to those containing the text in any column, Backspace widens them.
public struct TableView: Sendable, Equatable {
    /// A column: title, width in columns (0 takes the remaining width) and alignment.
    public struct Column: Sendable, Equatable {
        /// Header text.
        public var title: String
        /// Display columns; 0 shares what is left.
        public var width: Int
        /// Right-aligned (amounts) or left.
        public var alignRight: Bool
        /// An identifier column (order, invoice, receipt number): never cut, it widens to its
        /// longest value and the flexible columns give way.
        public var identifier: Bool

        /// Creates a column.
        public init(_ title: String, width: Int, alignRight: Bool = false, identifier: Bool = false) {
            self.title = title
            self.width = width
            self.alignRight = alignRight
            self.identifier = identifier
        }
    }

    /// The columns.
    public var columns: [Column]
    /// Every row, unfiltered.
    public private(set) var rows: [[String]] = []
    /// Indices into `rows` that pass the filter, in order.
    public private(set) var visible: [Int] = []
    /// The filter text (typed while the table has focus, when `filters` is on).
    public private(set) var filter = TextField()
    /// Whether typing filters the rows.
    public var filters: Bool
    /// Position of the selection in `visible`.
    public private(set) var selection = 0
    /// First visible row in `visible`.
    public private(set) var top = 0
    /// Rows that fit, from the last render (used by PgUp/PgDn).
    public private(set) var pageSize = 10

    /// Creates a table.
    public init(columns: [Column], filters: Bool = false) {
        self.columns = columns
        self.filters = filters
    }

    /// Index into `rows` of the selected row, nil when nothing is shown.
    public var selectedRow: Int? { visible.indices.contains(selection) ? visible[selection] : nil }

    /// Replaces the rows, keeping the selection on the same position when possible.
    public mutating func setRows(_ rows: [[String]], keepSelection: Bool = true) {
        self.rows = rows
        applyFilter()
        if !keepSelection { selection = 0 }
        clampSelection()
    }

    /// Selects the row `index` of `rows` if it is visible.
    public mutating func select(row index: Int) {
        if let position = visible.firstIndex(of: index) { selection = position }
    }

    /// Sets the filter text.
    public mutating func setFilter(_ text: String) {
        filter.set(text)
        applyFilter()
        selection = 0
        clampSelection()
    }

    /// Applies a navigation or filter key; returns whether the table used it.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up: selection -= 1
        case .down: selection += 1
        case .pageUp: selection -= max(1, pageSize)
        case .pageDown: selection += max(1, pageSize)
        case .home where !filters || filter.text.isEmpty: selection = 0
        case .end where !filters || filter.text.isEmpty: selection = visible.count - 1
        case .character, .backspace, .control("u"):
            guard filters, filter.handle(key) else { return false }
            applyFilter()
            selection = 0
        default: return false
        }
        clampSelection()
        return true
    }

    private mutating func applyFilter() {
        let needle = filter.text.lowercased()
        if needle.isEmpty {
            visible = Array(rows.indices)
        } else {
            visible = rows.indices.filter { index in rows[index].contains { $0.lowercased().contains(needle) } }
        }
    }

    private mutating func clampSelection() {
        selection = max(0, min(selection, visible.count - 1))
    }

    /// `3/120`: the selected position and the number of rows shown.
    public var position: String { visible.isEmpty ? "0/0" : "\(selection + 1)/\(visible.count)" }

    /// Widths of the columns for a total width (flexible columns share the rest; one space
    /// between). An identifier column is as wide as its longest value.
    public func columnWidths(total: Int) -> [Int] {
        let wanted = columns.enumerated().map { index, column in
            guard column.identifier else { return column.width }
            let longest = rows.lazy.map { index < $0.count ? DisplayWidth.of($0[index]) : 0 }.max() ?? 0
            return max(column.width, longest)
        }
        let fixed = wanted.reduce(0, +) + max(0, columns.count - 1)
        let flexible = columns.filter { $0.width == 0 && !$0.identifier }.count
        let share = flexible > 0 ? max(4, (total - fixed) / flexible) : 0
        var widths = zip(columns, wanted).map { column, width in
            column.width == 0 && !column.identifier ? share : width
        }
        // Still too wide (an identifier grew): text columns give a column each in turn, first
        // those wider than anything in them, then the widest, never below 4; identifiers and
        // figures keep theirs.
        var overflow = widths.reduce(0, +) + max(0, columns.count - 1) - total
        if overflow > 0 {
            let longest = columns.indices.map { index in
                rows.lazy.map { index < $0.count ? DisplayWidth.of($0[index]) : 0 }.max() ?? 0
            }
            while overflow > 0 {
                let candidates = columns.indices.filter {
                    !columns[$0].identifier && !columns[$0].alignRight && widths[$0] > 4
                }
                let slack = candidates.filter { widths[$0] > max(longest[$0], DisplayWidth.of(columns[$0].title)) }
                guard let giving = (slack.isEmpty ? candidates : slack).max(by: { widths[$0] < widths[$1] }) else {
                    break
                }
                widths[giving] -= 1
                overflow -= 1
            }
        }
        return widths
    }

    /// Draws header and rows into the rectangle, scrolling to keep the selection visible.
    public mutating func render(
        into grid: inout Grid, top y: Int, left x: Int, width: Int, height: Int, theme: Theme, focused: Bool = true
    ) {
        guard height > 1, width > 0 else { return }
        let widths = columnWidths(total: width)
        var column = x
        grid.fill(row: y, column: x, width: width, style: theme.heading)
        for (index, spec) in columns.enumerated() {
            let text =
                spec.alignRight
                ? DisplayWidth.rightAligned(spec.title, width: widths[index])
                : DisplayWidth.fit(spec.title, width: widths[index])
            grid.put(
                text, row: y, column: column, style: theme.heading, maxWidth: min(widths[index], x + width - column))
            column += widths[index] + 1
        }
        pageSize = height - 1
        if selection < self.top { self.top = selection }
        if selection >= self.top + pageSize { self.top = selection - pageSize + 1 }
        self.top = max(0, min(self.top, max(0, visible.count - pageSize)))
        for line in 0..<pageSize {
            let position = self.top + line
            guard visible.indices.contains(position) else { break }
            let cells = rows[visible[position]]
            let style = position == selection && focused ? theme.selection : theme.text
            if style != theme.text { grid.fill(row: y + 1 + line, column: x, width: width, style: style) }
            column = x
            for (index, spec) in columns.enumerated() {
                let text = index < cells.count ? cells[index] : ""
                let fitted =
                    spec.alignRight
                    ? DisplayWidth.rightAligned(text, width: widths[index])
                    : DisplayWidth.fit(text, width: widths[index])
                grid.put(
                    fitted, row: y + 1 + line, column: column, style: style,
                    maxWidth: max(0, min(widths[index], x + width - column)))
                column += widths[index] + 1
            }
        }
    }
}
