/// What to show when the terminal is smaller than the screens need: the message, centred, and
/// nothing else. While it is up the shell drops keys (F10 and Ctrl-C aside): nothing reaches
/// a screen the operator cannot see.
public enum SmallWindowNotice {
    /// The smallest size every screen is laid out for.
    public static let minimum = (rows: 24, columns: 80)

    /// Whether a terminal of this size is too small.
    public static func applies(rows: Int, columns: Int) -> Bool {
        rows < minimum.rows || columns < minimum.columns
    }

    /// A grid of the terminal's size holding `lines`, centred.
    public static func grid(rows: Int, columns: Int, lines: [String], theme: Theme) -> Grid {
        var grid = Grid(rows: rows, columns: columns)
        let top = max(0, (rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            grid.put(line, row: top + index, column: max(0, (columns - width) / 2), style: theme.warning)
        }
        return grid
    }
}
