/// The line above the key bar: a message on the left (errors stand out) and facts on the right
/// (user, branch, time, changes waiting for sync).
public struct StatusLine: Sendable, Equatable {
    /// How the message reads.
    public enum Tone: Sendable, Equatable { case info, success, warning, error }

    /// The message.
    public var message: String
    /// Its tone.
    public var tone: Tone
    /// Right-hand facts.
    public var facts: String

    /// Creates a status line.
    public init(message: String = "", tone: Tone = .info, facts: String = "") {
        self.message = message
        self.tone = tone
        self.facts = facts
    }

    /// Draws across `row`; the facts keep their place, the message is cut before them.
    public func render(into grid: inout Grid, row: Int, theme: Theme) {
        grid.fill(row: row, column: 0, width: grid.columns, style: theme.statusLine)
        let factsWidth = min(DisplayWidth.of(facts), grid.columns)
        let factsColumn = grid.columns - factsWidth
        var style: CellStyle =
            switch tone {
            case .info: theme.statusLine
            case .success: theme.success
            case .warning: theme.warning
            case .error: theme.error
            }
        style.background = theme.statusLine.background
        if theme.statusLine.background == .standard && tone == .error { style.reverse = true }
        grid.put(message, row: row, column: 0, style: style, maxWidth: max(0, factsColumn - 1))
        grid.put(facts, row: row, column: factsColumn, style: theme.statusLine)
    }
}
