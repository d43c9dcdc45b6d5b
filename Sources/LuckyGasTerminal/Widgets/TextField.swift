/// A one-line text field edited by character (CJK included), with a cursor and horizontal
/// scrolling measured in display columns.
public struct TextField: Sendable, Equatable {
    /// The characters.
    public private(set) var characters: [Character]
    /// Cursor position as a character index, 0...count.
    public private(set) var cursor: Int
    /// First visible character.
    public private(set) var scroll = 0
    /// Most characters accepted (nil: no limit).
    public var maxLength: Int?

    /// Creates a field holding `text`, cursor at the end.
    public init(_ text: String = "", maxLength: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.maxLength = maxLength
    }

    /// The text.
    public var text: String { String(characters) }

    /// Applies an editing key; returns whether the field used it.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard DisplayWidth.of(character) > 0 || character == " " else { return false }
            if let maxLength, characters.count >= maxLength { return false }
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return false }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return false }
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .control("u"):
            characters.removeAll()
            cursor = 0
        default: return false
        }
        return true
    }

    /// Replaces the text, cursor at the end.
    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        scroll = 0
    }

    /// Draws the field into `width` columns at `(row, column)` and, when focused, places the grid
    /// cursor. Scrolls so the cursor stays visible; a wide character never straddles the edge.
    public mutating func render(
        into grid: inout Grid, row: Int, column: Int, width: Int, style: CellStyle, focused: Bool
    ) {
        guard width > 0 else { return }
        if cursor < scroll { scroll = cursor }
        // Keep the cursor inside the field: the columns from `scroll` to `cursor` must fit, with
        // one column left for the cursor itself.
        while scroll < cursor, columns(from: scroll, to: cursor) > width - 1 { scroll += 1 }
        grid.fill(row: row, column: column, width: width, style: style)
        grid.put(
            String(characters[scroll...]), row: row, column: column, style: style, maxWidth: width, ellipsis: false)
        if focused { grid.cursor = (row, column + columns(from: scroll, to: cursor)) }
    }

    private func columns(from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        return characters[start..<end].reduce(0) { $0 + DisplayWidth.of($1) }
    }
}
