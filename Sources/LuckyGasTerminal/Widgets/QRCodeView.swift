/// A QR code drawn into the grid with half blocks (two module rows per line), for an on-screen
/// preview that a phone can scan. A cut-off code does not scan, so it is drawn whole or not at all.
public struct QRCodeView: Sendable, Hashable {
    /// The symbol.
    public var code: QRCode
    /// Light modules around the symbol (see `QRCode.halfBlockLines`).
    public var quietZone: Int
    /// Whether the terminal draws light text on a dark background (see `QRCode.halfBlockLines`).
    public var lightOnDark: Bool

    /// Creates a view.
    public init(_ code: QRCode, quietZone: Int = 2, lightOnDark: Bool = true) {
        self.code = code
        self.quietZone = max(0, quietZone)
        self.lightOnDark = lightOnDark
    }

    /// Rows and columns the drawn code takes, quiet zone included.
    public var size: (rows: Int, columns: Int) {
        let side = code.size + 2 * quietZone
        return ((side + 1) / 2, side)
    }

    /// Whether the code fits at `(row, column)` inside the grid and inside `maxWidth` × `maxHeight`
    /// (default: to the grid's edges).
    public func fits(in grid: Grid, row: Int, column: Int, maxWidth: Int? = nil, maxHeight: Int? = nil) -> Bool {
        let needed = size
        guard row >= 0, column >= 0 else { return false }
        let width = min(grid.columns - column, maxWidth ?? grid.columns)
        let height = min(grid.rows - row, maxHeight ?? grid.rows)
        return needed.columns <= width && needed.rows <= height
    }

    /// Draws the code with its top left corner at `(row, column)` in `style`, if it fits (see `fits`).
    /// Returns false and leaves the grid untouched when it does not, so the caller can say the window
    /// is too small for the QR preview.
    ///
    /// The style must keep the colours the logic assumes: with `lightOnDark` the foreground must be the
    /// light colour, e.g. `CellStyle(foreground: .white, background: .black)` (independent of the
    /// terminal's own colours) or `.plain` on a light-on-dark terminal; `reverse` inverts the code.
    @discardableResult
    public func render(
        into grid: inout Grid, row: Int, column: Int, style: CellStyle = .plain, maxWidth: Int? = nil,
        maxHeight: Int? = nil
    ) -> Bool {
        guard fits(in: grid, row: row, column: column, maxWidth: maxWidth, maxHeight: maxHeight) else { return false }
        let lines = code.halfBlockLines(quietZone: quietZone, lightOnDark: lightOnDark)
        for (index, line) in lines.enumerated() {
            grid.put(line, row: row + index, column: column, style: style)
        }
        return true
    }

    /// Draws `code` at `(row, column)`; see `render(into:row:column:style:maxWidth:maxHeight:)`.
    @discardableResult
    public static func draw(
        _ code: QRCode, into grid: inout Grid, row: Int, column: Int, quietZone: Int = 2, lightOnDark: Bool = true,
        style: CellStyle = .plain, maxWidth: Int? = nil, maxHeight: Int? = nil
    ) -> Bool {
        QRCodeView(code, quietZone: quietZone, lightOnDark: lightOnDark)
            .render(into: &grid, row: row, column: column, style: style, maxWidth: maxWidth, maxHeight: maxHeight)
    }
}
