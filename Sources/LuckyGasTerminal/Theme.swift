/// The looks screens draw with, by role rather than by colour, so one screen renders in colour
/// or on a monochrome terminal (reverse, bold and underline only).
public struct Theme: Sendable, Equatable {
    /// The title bar on the first line.
    public var titleBar: CellStyle
    /// Field labels and plain text.
    public var text: CellStyle
    /// Secondary text (hints, units).
    public var dim: CellStyle
    /// Column headers and section titles.
    public var heading: CellStyle
    /// An input field that is not focused.
    public var field: CellStyle
    /// The focused input field.
    public var focusedField: CellStyle
    /// The selected row of a table or menu.
    public var selection: CellStyle
    /// Error messages and refusals.
    public var error: CellStyle
    /// Confirmations and approvals.
    public var success: CellStyle
    /// Warnings (holds, window closing).
    public var warning: CellStyle
    /// Dialog boxes.
    public var dialog: CellStyle
    /// The status line above the key bar.
    public var statusLine: CellStyle
    /// The key numbers of the F-key bar.
    public var keyNumber: CellStyle

    /// Creates a theme from its roles.
    public init(
        titleBar: CellStyle, text: CellStyle, dim: CellStyle, heading: CellStyle, field: CellStyle,
        focusedField: CellStyle, selection: CellStyle, error: CellStyle, success: CellStyle, warning: CellStyle,
        dialog: CellStyle, statusLine: CellStyle, keyNumber: CellStyle
    ) {
        self.titleBar = titleBar
        self.text = text
        self.dim = dim
        self.heading = heading
        self.field = field
        self.focusedField = focusedField
        self.selection = selection
        self.error = error
        self.success = success
        self.warning = warning
        self.dialog = dialog
        self.statusLine = statusLine
        self.keyNumber = keyNumber
    }

    /// White on blue bars, cyan fields, red errors: the look of the old counter screens.
    public static let colour = Theme(
        titleBar: CellStyle(foreground: .white, background: .blue, bold: true),
        text: .plain,
        dim: CellStyle(foreground: .cyan),
        heading: CellStyle(foreground: .yellow, bold: true),
        field: CellStyle(underline: true),
        focusedField: CellStyle(foreground: .black, background: .cyan),
        selection: CellStyle(foreground: .black, background: .white),
        error: CellStyle(foreground: .red, bold: true),
        success: CellStyle(foreground: .green, bold: true),
        warning: CellStyle(foreground: .yellow, bold: true),
        dialog: CellStyle(foreground: .white, background: .blue),
        statusLine: CellStyle(foreground: .white, background: .black),
        keyNumber: CellStyle(foreground: .black, background: .cyan))

    /// Attributes only, for terminals without colour (or `NO_COLOR`).
    public static let monochrome = Theme(
        titleBar: CellStyle(reverse: true),
        text: .plain,
        dim: .plain,
        heading: CellStyle(bold: true),
        field: CellStyle(underline: true),
        focusedField: CellStyle(reverse: true),
        selection: CellStyle(reverse: true),
        error: CellStyle(bold: true),
        success: CellStyle(bold: true),
        warning: CellStyle(bold: true),
        dialog: CellStyle(reverse: true),
        statusLine: .plain,
        keyNumber: CellStyle(reverse: true))
}
