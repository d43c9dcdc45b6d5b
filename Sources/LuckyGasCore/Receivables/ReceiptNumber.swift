/// A receipt number: `RCP-YYYYMMDD-NNN`, a daily sequence (DOMAIN.md "Payments and receivables").
///
/// The sequence has at least three digits and grows past 999 on a busy day (the seeds plan for
/// 50,000 payments a day), so `RCP-20261118-1000` follows `RCP-20261118-999`.
public struct ReceiptNumber: ValidatedText {
    /// The canonical text, e.g. `RCP-20261118-007`.
    public let rawValue: String

    /// Parses and validates the text form.
    public init(_ text: String) throws(ValidationError) {
        let value = text.trimmingSpaces.uppercased()
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "RCP", parts[2].count >= 3, parts[2].allSatisfy(\.isASCIIDigit),
            (try? LocalDate(compact: String(parts[1]))) != nil
        else { throw .receiptNumber(text) }
        rawValue = value
    }

    /// The number of the `sequence`-th receipt of `day`.
    public init(day: LocalDate, sequence: Int) {
        rawValue = "RCP-\(day.compact)-" + String(sequence).leftPadded(to: 3)
    }
}
