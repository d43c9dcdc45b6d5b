/// What a screen loop needs from a terminal: its size, the next key, and a way to show a grid.
/// The ncurses backend is the real one; `MemoryBackend` lets every screen be driven in tests.
public protocol TerminalBackend {
    /// Rows and columns now.
    var size: (rows: Int, columns: Int) { get }
    /// The next key, or nil when none arrives within the backend's tick (or the input ended).
    mutating func nextKey() -> Key?
    /// Paints the whole grid (the backend diffs, screens never do).
    mutating func paint(_ grid: Grid)
    /// True once no more keys will come (a script ran out, the terminal went away).
    var inputEnded: Bool { get }
    /// Whether the terminal shows colours (otherwise screens use the monochrome theme).
    var supportsColour: Bool { get }
    /// Forgets what is on the physical screen so the next paint redraws everything (Ctrl-L).
    mutating func forceRepaint()
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

    /// Whether the scripted keys ran out.
    public var inputEnded: Bool { pendingKeys.isEmpty }

    /// Tests choose; colour by default.
    public var supportsColour = true

    /// Counts repaint requests.
    public private(set) var repaints = 0

    public mutating func forceRepaint() { repaints += 1 }

    /// The last painted screen as text lines.
    public var screen: [String] { frames.last?.lines ?? [] }
}
