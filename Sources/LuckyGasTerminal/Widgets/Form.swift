/// A set of input fields with one focus: Tab/Enter/Down go forward, Shift-Tab/Up go back,
/// Enter on the last field or F2 submits (the conventions of legacy counter screens).
public struct Form: Sendable, Equatable {
    /// What a key did to the form.
    public enum Response: Sendable, Equatable {
        /// The focused field handled it.
        case field(index: Int, InputField.Response)
        /// Focus moved from one field to another.
        case focusMoved(from: Int, to: Int)
        /// Enter on the last field, or F2.
        case submit
        /// Not a form key.
        case ignored
    }

    /// The fields, in focus order.
    public var fields: [InputField]
    /// Index of the focused field.
    public private(set) var focus: Int = 0

    /// Creates a form.
    public init(_ fields: [InputField]) {
        self.fields = fields
        focus = fields.firstIndex(where: { !$0.isReadOnly }) ?? 0
    }

    /// The field at `index`.
    public subscript(index: Int) -> InputField {
        get { fields[index] }
        set { fields[index] = newValue }
    }

    /// Moves the focus to `index` (skipping nothing: the caller asked for it).
    public mutating func focus(on index: Int) {
        guard fields.indices.contains(index) else { return }
        focus = index
        armReplace()
    }

    /// A number or date field just focused is replaced by what is typed next.
    private mutating func armReplace() {
        for index in fields.indices { fields[index].replacesOnType = false }
        switch fields[focus].kind {
        case .number, .date: fields[focus].replacesOnType = !fields[focus].editor.text.isEmpty
        default: break
        }
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> Response {
        guard !fields.isEmpty else { return .ignored }
        switch key {
        case .tab, .down: return move(by: 1)
        case .backTab, .up: return move(by: -1)
        case .enter:
            if nextEditable(after: focus, step: 1) == nil { return .submit }
            return move(by: 1)
        case .function(2): return .submit
        default:
            let response = fields[focus].handle(key)
            return response == .ignored ? .ignored : .field(index: focus, response)
        }
    }

    private func nextEditable(after index: Int, step: Int) -> Int? {
        var candidate = index + step
        while fields.indices.contains(candidate) {
            if !fields[candidate].isReadOnly { return candidate }
            candidate += step
        }
        return nil
    }

    private mutating func move(by step: Int) -> Response {
        let from = focus
        // Wraps around, as counter staff expect Tab to cycle.
        let target =
            nextEditable(after: focus, step: step)
            ?? (step > 0 ? nextEditable(after: -1, step: 1) : nextEditable(after: fields.count, step: -1))
            ?? focus
        focus = target
        armReplace()
        return .focusMoved(from: from, to: target)
    }

    /// Draws every field relative to `(top, left)`; the focused one places the cursor.
    public mutating func render(into grid: inout Grid, top: Int, left: Int, theme: Theme, active: Bool = true) {
        for index in fields.indices {
            fields[index].render(into: &grid, top: top, left: left, theme: theme, focused: active && index == focus)
        }
    }
}
