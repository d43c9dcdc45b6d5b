/// A modal box over the screen: a message to acknowledge, a yes/no question, or a small form
/// (a reason, a supervisor's credentials). Texts come from the caller in its language.
public struct Dialog: Sendable, Equatable {
    /// What kind of box.
    public enum Kind: Sendable, Equatable {
        /// A message; Enter, Esc or Space closes it.
        case message(Tone)
        /// A question: Y confirms, N or Esc declines; Enter takes `defaultYes`.
        case confirm(defaultYes: Bool)
        /// Fields to fill; Enter on the last field or F2 submits, Esc cancels.
        case form(Form)
    }

    /// How a message reads.
    public enum Tone: Sendable, Equatable { case info, success, error }

    /// How the dialog ended.
    public enum Outcome: Sendable, Equatable {
        /// A message was read.
        case dismissed
        /// Yes.
        case confirmed
        /// No, or Esc.
        case cancelled
        /// The form's values, in field order.
        case submitted([String])
    }

    /// The kind (a form dialog keeps its form here).
    public var kind: Kind
    /// The title.
    public var title: String
    /// Body lines (wrapped to the box).
    public var lines: [String]
    /// The hint on the last line, e.g. `Y 是  N 否`.
    public var hint: String
    /// A message shown inside the box (e.g. a field left empty).
    public var problem: String?

    /// Creates a dialog.
    public init(_ kind: Kind, title: String, lines: [String] = [], hint: String = "") {
        self.kind = kind
        self.title = title
        self.lines = lines
        self.hint = hint
    }

    /// Applies a key; returns the outcome once the dialog is finished.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch kind {
        case .message:
            switch key {
            case .enter, .escape, .character(" "): return .dismissed
            default: return nil
            }
        case .confirm(let defaultYes):
            switch key {
            case .character("y"), .character("Y"), .character("是"): return .confirmed
            case .character("n"), .character("N"), .character("否"), .escape: return .cancelled
            case .enter: return defaultYes ? .confirmed : .cancelled
            default: return nil
            }
        case .form(var form):
            if key == .escape { return .cancelled }
            let response = form.handle(key)
            kind = .form(form)
            if response == .submit { return .submitted(form.fields.map(\.value)) }
            problem = nil
            return nil
        }
    }

    /// Draws the box centred on the grid.
    public mutating func render(into grid: inout Grid, theme: Theme) {
        let formRows: Int
        var formWidth = 0
        if case .form(let form) = kind {
            formRows = (form.fields.map(\.row).max() ?? -1) + 1
            formWidth = form.fields.map { $0.column + $0.labelWidth + $0.width }.max() ?? 0
        } else {
            formRows = 0
        }
        let longest = ([title, hint, problem ?? ""] + lines).map { DisplayWidth.of($0) }.max() ?? 0
        let width = min(grid.columns - 2, max(36, longest + 4, formWidth + 4))
        let body = wrapped(lines, width: width - 4)
        let height = min(grid.rows - 2, body.count + formRows + (problem == nil ? 0 : 1) + 4 + (formRows > 0 ? 1 : 0))
        let top = max(0, (grid.rows - height) / 2)
        let left = max(0, (grid.columns - width) / 2)
        let tone: CellStyle =
            switch kind {
            case .message(.error): theme.error
            case .message(.success): theme.success
            default: theme.dialog
            }
        // A blank margin around the box: the screen's text behind never touches its edge, so no
        // cut word or half of a wide character shows beside it.
        let marginLeft = max(0, left - 1)
        let marginTop = max(0, top - 1)
        grid.fill(
            row: marginTop, column: marginLeft, width: min(grid.columns - marginLeft, width + 2),
            height: min(grid.rows - marginTop, height + 2), style: theme.text)
        grid.fill(row: top, column: left, width: width, height: height, style: theme.dialog)
        var titleStyle = theme.dialog
        titleStyle.bold = true
        if case .message(let kind) = self.kind, kind != .info { titleStyle = tone }
        titleStyle.reverse = theme.dialog.reverse
        grid.put(" " + title + " ", row: top, column: left + 1, style: titleStyle, maxWidth: width - 2)
        var y = top + 2
        for line in body where y < top + height - 1 {
            grid.put(line, row: y, column: left + 2, style: theme.dialog, maxWidth: width - 4)
            y += 1
        }
        grid.cursor = nil
        if case .form(var form) = kind {
            if !body.isEmpty { y += 0 }
            form.render(into: &grid, top: y, left: left + 2, theme: theme)
            kind = .form(form)
            y += formRows + 1
        }
        if let problem {
            var style = theme.error
            style.background = theme.dialog.background
            style.reverse = theme.dialog.reverse
            grid.put(problem, row: min(y, top + height - 2), column: left + 2, style: style, maxWidth: width - 4)
        }
        if !hint.isEmpty {
            grid.put(hint, row: top + height - 1, column: left + 2, style: theme.dialog, maxWidth: width - 4)
        }
    }

    /// Splits lines that are too wide for the box, by display width.
    private func wrapped(_ lines: [String], width: Int) -> [String] {
        var out: [String] = []
        for line in lines {
            var current = ""
            var used = 0
            for character in line {
                let columns = DisplayWidth.of(character)
                if used + columns > width {
                    out.append(current)
                    current = ""
                    used = 0
                }
                current.append(character)
                used += columns
            }
            out.append(current)
        }
        return out
    }
}
