/// One labelled input of a form: free text, a password, a whole number, a date (YYYY-MM-DD) or
/// a choice among fixed options. Editing is by character (CJK included) through `TextField`.
public struct InputField: Sendable, Equatable {
    /// What the field accepts.
    public enum Kind: Sendable, Equatable {
        /// Any printable text.
        case text
        /// Text shown as `*`.
        case secret
        /// Digits only (thousands separators ignored), optionally a leading minus.
        case number(allowsNegative: Bool)
        /// A date typed as digits; the dashes of YYYY-MM-DD are inserted as you type.
        case date
        /// One of `options`, changed with Left/Right/Space or by typing its first character.
        case choice([String])
    }

    /// What a key did to the field.
    public enum Response: Sendable, Equatable {
        /// The value changed.
        case changed
        /// Only the cursor moved.
        case moved
        /// The field does not use this key (navigation keys, F-keys).
        case ignored
        /// The key was refused; the caller says why on the status line.
        case rejected(Rejection)
        /// `+` or `-` in a date field: move the date by this many days.
        case step(Int)
    }

    /// Why a key was refused.
    public enum Rejection: Sendable, Equatable {
        /// A letter in a number field.
        case digitsOnly
        /// Something other than a digit in a date field.
        case dateDigitsOnly
        /// The field is full.
        case tooLong
        /// The field cannot be edited.
        case readOnly
    }

    /// The kind.
    public var kind: Kind
    /// The label shown before the field.
    public var label: String
    /// Columns of the input box.
    public var width: Int
    /// Row of the field inside its form.
    public var row: Int
    /// Column of the label inside its form.
    public var column: Int
    /// Columns reserved for the label.
    public var labelWidth: Int
    /// The message shown after the field when its value is wrong.
    public var error: String?
    /// Shown but not editable.
    public var isReadOnly: Bool
    /// The next typed character replaces the whole value (set when a number or date field
    /// gains focus, so typing `2` over a default `1` gives 2, not 12).
    public var replacesOnType = false
    /// The text editor (unused by choices).
    public private(set) var editor: TextField
    /// The chosen option of a choice field.
    public private(set) var choiceIndex: Int

    /// Creates a field.
    public init(
        _ kind: Kind, label: String = "", text: String = "", width: Int = 20, row: Int = 0, column: Int = 0,
        labelWidth: Int = 12, maxLength: Int? = nil, isReadOnly: Bool = false
    ) {
        self.kind = kind
        self.label = label
        self.width = width
        self.row = row
        self.column = column
        self.labelWidth = labelWidth
        self.isReadOnly = isReadOnly
        let limit: Int? =
            switch kind {
            case .date: 10
            case .number: maxLength ?? 15
            default: maxLength
            }
        editor = TextField(text, maxLength: limit)
        choiceIndex = 0
        if case .choice(let options) = kind, let index = options.firstIndex(of: text) { choiceIndex = index }
    }

    /// The value as text: the chosen option of a choice, the typed text otherwise.
    public var value: String {
        if case .choice(let options) = kind { return options.indices.contains(choiceIndex) ? options[choiceIndex] : "" }
        return editor.text
    }

    /// The whole number typed, ignoring separators; nil when empty or not a number.
    public var number: Int64? {
        let digits = editor.text.filter { $0 != "," && $0 != " " }
        return digits.isEmpty ? nil : Int64(digits)
    }

    /// Sets the value (a choice selects the option with this text, if any).
    public mutating func set(_ text: String) {
        if case .choice(let options) = kind {
            if let index = options.firstIndex(of: text) { choiceIndex = index }
            return
        }
        editor.set(text)
    }

    /// Selects option `index` of a choice field.
    public mutating func choose(_ index: Int) {
        guard case .choice(let options) = kind, options.indices.contains(index) else { return }
        choiceIndex = index
    }

    /// Replaces the options of a choice field, keeping the chosen text when it is still offered
    /// and otherwise the chosen position (a change of language relabels the same options).
    public mutating func setOptions(_ options: [String]) {
        let current = value
        kind = .choice(options)
        choiceIndex = options.firstIndex(of: current) ?? max(0, min(choiceIndex, options.count - 1))
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> Response {
        if replacesOnType {
            if case .character(let character) = key {
                // A refused character leaves the value (and the pending replace) as it was.
                if character.isASCII && character.isNumber {
                    editor.set("")
                    replacesOnType = false
                }
            } else {
                replacesOnType = false
            }
        }
        if isReadOnly {
            if case .character = key { return .rejected(.readOnly) }
            return .ignored
        }
        switch kind {
        case .choice(let options): return handleChoice(key, options: options)
        case .number(let allowsNegative):
            if case .character(let character) = key {
                let minus = character == "-" && allowsNegative && editor.cursor == 0 && !editor.text.hasPrefix("-")
                guard character.isASCII && character.isNumber || character == "," || minus else {
                    return .rejected(.digitsOnly)
                }
            }
        case .date:
            if case .character(let character) = key {
                if character == "+" { return .step(1) }
                if character == "-" { return .step(-1) }
                guard character.isASCII && character.isNumber else { return .rejected(.dateDigitsOnly) }
                guard editor.text.filter(\.isNumber).count < 8 else { return .rejected(.tooLong) }
                guard editor.handle(key) else { return .rejected(.tooLong) }
                // Typing at the end: the text is rebuilt as YYYY-MM-DD from its digits, so the
                // dashes come by themselves, also after Backspace took one away.
                if editor.cursor == editor.characters.count { editor.set(Self.dateText(editor.text, typing: true)) }
                return .changed
            }
        case .text, .secret: break
        }
        let before = editor
        if case .character = key, let limit = editor.maxLength, editor.characters.count >= limit {
            return .rejected(.tooLong)
        }
        guard editor.handle(key) else { return .ignored }
        return editor.characters == before.characters ? .moved : .changed
    }

    private mutating func handleChoice(_ key: Key, options: [String]) -> Response {
        guard !options.isEmpty else { return .ignored }
        switch key {
        case .left:
            choiceIndex = (choiceIndex + options.count - 1) % options.count
        case .right, .character(" "):
            choiceIndex = (choiceIndex + 1) % options.count
        case .character(let character):
            // Type-ahead: the next option starting with (or else containing) the character.
            let order = (1...options.count).map { (choiceIndex + $0) % options.count }
            let needle = String(character).lowercased()
            guard
                let found = order.first(where: { options[$0].lowercased().hasPrefix(needle) })
                    ?? order.first(where: { options[$0].lowercased().contains(needle) })
            else { return .ignored }
            choiceIndex = found
        default: return .ignored
        }
        return .changed
    }

    /// Draws label, box and error message; places the cursor when focused.
    public mutating func render(into grid: inout Grid, top: Int, left: Int, theme: Theme, focused: Bool) {
        let y = top + row
        let x = left + column
        if !label.isEmpty {
            grid.put(DisplayWidth.fit(label, width: labelWidth), row: y, column: x, style: theme.text)
        }
        let boxX = x + (label.isEmpty ? 0 : labelWidth)
        let style = focused ? theme.focusedField : (isReadOnly ? theme.text : theme.field)
        switch kind {
        case .choice(let options):
            grid.fill(row: y, column: boxX, width: width, style: style)
            let shown = options.indices.contains(choiceIndex) ? options[choiceIndex] : ""
            let arrows = focused && options.count > 1
            // Unfocused, a long choice (an address) ends in `…`; focused, the arrows mark the box.
            grid.put(
                arrows ? "‹" + shown : shown, row: y, column: boxX, style: style, maxWidth: arrows ? width - 1 : width,
                ellipsis: !arrows)
            if arrows { grid.put("›", row: y, column: boxX + width - 1, style: style) }
            if focused { grid.cursor = nil }
        case .secret:
            var masked = TextField(String(repeating: "*", count: editor.characters.count))
            for _ in 0..<(editor.characters.count - editor.cursor) { masked.handle(.left) }
            masked.render(into: &grid, row: y, column: boxX, width: width, style: style, focused: focused)
        case .number where !focused:
            grid.fill(row: y, column: boxX, width: width, style: style)
            let text = number.map(Self.grouped) ?? editor.text
            grid.put(DisplayWidth.rightAligned(text, width: width), row: y, column: boxX, style: style)
        default:
            editor.render(into: &grid, row: y, column: boxX, width: width, style: style, focused: focused)
        }
        if let error {
            grid.put(" " + error, row: y, column: boxX + width, style: theme.error)
        }
    }

    /// The digits of `text` laid out as `YYYY-MM-DD` (a dash after YYYY and MM once typed).
    static func dateText(_ text: String, typing: Bool) -> String {
        let digits = Array(text.filter { $0.isASCII && $0.isNumber }.prefix(8))
        var out = String(digits.prefix(4))
        if digits.count > 4 || (typing && digits.count == 4) { out += "-" + String(digits[4..<min(6, digits.count)]) }
        if digits.count > 6 || (typing && digits.count == 6) { out += "-" + String(digits[6..<digits.count]) }
        return out
    }

    /// `1234567` as `1,234,567`.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
