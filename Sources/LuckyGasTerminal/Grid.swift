/// A terminal colour; `standard` is the terminal's own.
public enum TerminalColor: Int, Sendable, Hashable, CaseIterable {
    case standard = -1
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn.
public struct CellStyle: Sendable, Hashable {
    /// Foreground.
    public var foreground: TerminalColor
    /// Background.
    public var background: TerminalColor
    /// Bold.
    public var bold: Bool
    /// Reverse video (also the monochrome way to show focus and bars).
    public var reverse: Bool
    /// Underline.
    public var underline: Bool

    /// Creates a style.
    public init(
        foreground: TerminalColor = .standard, background: TerminalColor = .standard, bold: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = CellStyle()
}

/// One column of the screen. A wide character occupies its cell (`width` 2) and the next one,
/// a continuation (`width` 0, empty text).
public struct Cell: Sendable, Hashable {
    /// The character drawn here (with any combining marks); empty for a continuation.
    public var text: String
    /// Columns the text takes: 1, 2, or 0 for the right half of a wide character.
    public var width: Int
    /// The look.
    public var style: CellStyle

    /// A blank cell.
    public static let blank = Cell(text: " ", width: 1, style: .plain)

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

/// The whole screen as cells: screens render into it, a backend paints it (ratatui's Buffer idea).
public struct Grid: Sendable, Equatable {
    /// Rows.
    public let rows: Int
    /// Columns.
    public let columns: Int
    private var cells: [Cell]
    /// Where the terminal cursor goes, if shown.
    public var cursor: (row: Int, column: Int)?

    /// A blank grid.
    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    /// The cell at a position (blank outside the grid).
    public subscript(row: Int, column: Int) -> Cell {
        guard (0..<rows).contains(row), (0..<columns).contains(column) else { return .blank }
        return cells[row * columns + column]
    }

    /// Writes `text` from `(row, column)`, at most `maxWidth` columns (default: to the right edge);
    /// text that does not fit is cut ending in `…` (an input field's scrolled window passes
    /// `ellipsis: false`: it shows its own arrows).
    /// Advances by display width; a wide character that does not fit becomes a space; writing over
    /// half of a wide character blanks its other half. Returns the columns used.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, style: CellStyle = .plain, maxWidth: Int? = nil, ellipsis: Bool = true
    ) -> Int {
        guard (0..<rows).contains(row), column < columns else { return 0 }
        let limit = min(columns, column + (maxWidth ?? columns))
        var at = max(0, column)
        var text = text
        // Text cut to fit ends in `…` (trailing spaces that do not fit are no loss).
        let room = limit - at
        if ellipsis, room > 0, DisplayWidth.of(text) > room {
            var kept = text
            while kept.last == " " { kept.removeLast() }
            if DisplayWidth.of(kept) > room { text = DisplayWidth.fit(kept, width: room) }
        }
        for original in text {
            // A control character in stored text must never reach the terminal: it shows as �.
            let character = Self.isControl(original) ? "\u{FFFD}" : original
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A combining mark joins the character before it.
                if at > column, at - 1 < columns {
                    var lead = at - 1
                    if cells[row * columns + lead].isContinuation { lead -= 1 }
                    cells[row * columns + lead].text.append(character)
                }
                continue
            }
            if at + width > limit {
                if width == 2 && at < limit { set(row, at, Cell(text: " ", width: 1, style: style)) }
                at = at < limit ? at + 1 : at
                break
            }
            set(row, at, Cell(text: String(character), width: width, style: style))
            if width == 2 { set(row, at + 1, Cell(text: "", width: 0, style: style)) }
            at += width
        }
        return at - max(0, column)
    }

    /// C0, DEL, C1 and the bidirectional overrides (the same set `FreeText` refuses at input).
    static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// Fills a rectangle with blanks in `style` (panels, bars, selected rows).
    public mutating func fill(row: Int, column: Int, width: Int, height: Int = 1, style: CellStyle) {
        let rowRange = max(0, row)..<max(max(0, row), min(rows, row + height))
        let columnRange = max(0, column)..<max(max(0, column), min(columns, column + width))
        for r in rowRange {
            for c in columnRange {
                set(r, c, Cell(text: " ", width: 1, style: style))
            }
        }
    }

    /// Sets a cell, repairing any wide character it cuts in half.
    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        guard (0..<columns).contains(column) else { return }
        let index = row * columns + column
        let old = cells[index]
        if old.isContinuation && column > 0 && cell.width != 0 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        }
        if old.width == 2 && cell.width != 2 && column + 1 < columns {
            cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Each row as text, trailing spaces removed: what tests and snapshots compare.
    public var lines: [String] {
        (0..<rows).map { row in
            var line = ""
            for column in 0..<columns { line += cells[row * columns + column].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.cells == rhs.cells
            && lhs.cursor?.row == rhs.cursor?.row && lhs.cursor?.column == rhs.cursor?.column
    }
}
