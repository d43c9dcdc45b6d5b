/// What a screen loop needs from a terminal: its size, the next key, and a way to show a grid.
/// The ncurses backend is the real one; `MemoryBackend` lets every screen be driven in tests.
public protocol TerminalBackend {
    /// Rows and columns now.
    var size: (rows: Int, columns: Int) { get }
    /// The next key, or nil when none arrives within the backend's tick (or the input ended).
    mutating func nextKey() -> Key?
    /// Paints the whole grid (the backend diffs, screens never do).
    mutating func paint(_ grid: Grid)
}

/// An in-memory terminal for tests: scripted keys in, painted grids out.
public struct MemoryBackend: TerminalBackend {
    /// Rows and columns.
    public var size: (rows: Int, columns: Int)
    /// Keys still to be delivered.
    public var pendingKeys: [Key]
    /// Every grid painted, in order.
    public private(set) var frames: [Grid] = []

    /// Creates a terminal of the given size with keys queued.
    public init(rows: Int, columns: Int, keys: [Key] = []) {
        size = (rows, columns)
        pendingKeys = keys
    }

    public mutating func nextKey() -> Key? {
        guard !pendingKeys.isEmpty else { return nil }
        let key = pendingKeys.removeFirst()
        if case .resize(let rows, let columns) = key { size = (rows, columns) }
        return key
    }

    public mutating func paint(_ grid: Grid) { frames.append(grid) }

    /// The last painted screen as text lines.
    public var screen: [String] { frames.last?.lines ?? [] }
}

/// The F-key bar on the last line: the same slot means the same action on every screen.
public struct KeyBar: Sendable, Equatable {
    /// Labels by function-key number (1...10).
    public var labels: [Int: String]

    /// Creates a bar.
    public init(_ labels: [Int: String]) { self.labels = labels }

    /// Draws `F1 說明 F2 存檔 ...` across `row`, key numbers in reverse video as legacy POS screens do.
    public func render(into grid: inout Grid, row: Int) {
        grid.fill(row: row, column: 0, width: grid.columns, style: .plain)
        var column = 0
        for number in labels.keys.sorted() {
            guard let label = labels[number], column < grid.columns else { continue }
            column += grid.put("F\(number)", row: row, column: column, style: CellStyle(reverse: true))
            column += grid.put(label + " ", row: row, column: column)
        }
    }
}
