/// The rules for text a person types (names, addresses, notes, reasons): printable characters
/// only and a length that fits the e-invoice and the screens (Docs/operations.md "Bounds").
///
/// Control characters (C0, DEL, C1) and the bidirectional overrides are refused at input, so a
/// customer record can never drive an operator's terminal (`ESC [31m`) or reorder what is shown.
/// `printable(_:)` is the matching filter for output of text stored before the rule.
public enum FreeText {
    /// The length limits, in characters (a CJK character counts one).
    public enum Limit {
        /// Customer, company and contact names: the MIG 4.0 `Name` (60).
        public static let name = 60
        /// Addresses: the MIG 4.0 `Address` (100).
        public static let address = 100
        /// Notes, delivery instructions, reasons and references: the MIG `MainRemark` (200).
        public static let note = 200
    }

    /// The trimmed text, or an error naming the field when it holds a control character or is
    /// longer than `limit`.
    public static func checked(_ text: String, field: String, limit: Int) throws(ValidationError) -> String {
        let trimmed = text.trimmingSpaces
        guard !trimmed.unicodeScalars.contains(where: isRefused) else { throw .controlCharacter(field: field) }
        guard trimmed.count <= limit else { throw .tooLong(field: field, limit: limit, length: trimmed.count) }
        return trimmed
    }

    /// Whether the text holds no refused character.
    public static func isPrintable(_ text: String) -> Bool { !text.unicodeScalars.contains(where: isRefused) }

    /// The text with every refused character replaced by `�` (U+FFFD), tabs and newlines by a
    /// space: what the CLI, the screens and exported text files write.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isRefused) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                scalars.append(" ")
            } else {
                scalars.append(isRefused(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(scalars)
    }

    /// The text with refused characters replaced by `�`, keeping newlines and tabs: for whole
    /// outputs (CSV, journals, JSON) whose layout uses them.
    /// A carriage return is kept only before a newline (CRLF): alone it would move the cursor
    /// back over what was printed.
    public static func printableKeepingLayout(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isRefused($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var scalars = String.UnicodeScalarView()
        let input = Array(text.unicodeScalars)
        for (index, scalar) in input.enumerated() {
            let crlf = scalar == "\r" && index + 1 < input.count && input[index + 1] == "\n"
            scalars.append(isRefused(scalar) && scalar != "\n" && scalar != "\t" && !crlf ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// C0 controls, DEL, C1 controls and the bidirectional embeddings, overrides and isolates.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
