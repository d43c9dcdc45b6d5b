/// An order number: `O-YYYYMMDD-NNNNNN`, a daily sequence per branch (DOMAIN.md "Orders").
public struct OrderNumber: ValidatedText {
    /// The canonical text, e.g. `O-20240125-000123`.
    public let rawValue: String

    /// Parses and validates the text form.
    public init(_ text: String) throws(ValidationError) {
        let value = text.trimmingSpaces.uppercased()
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "O", parts[2].count == 6, parts[2].allSatisfy(\.isASCIIDigit),
            (try? LocalDate(compact: String(parts[1]))) != nil
        else { throw .orderNumber(text) }
        rawValue = value
    }

    /// The number for the `sequence`-th order of `day`.
    public init(day: LocalDate, sequence: Int) {
        rawValue = "O-\(day.compact)-" + String(sequence).leftPadded(to: 6)
    }
}
