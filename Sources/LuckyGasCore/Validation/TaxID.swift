/// A Taiwanese unified business number (統一編號, UBN), checked by the 2023 rule.
///
/// Weights 1,2,1,2,1,2,4,1; add the digits of each product to S. Valid when S % 5 == 0, or,
/// when the 7th digit is 7, when (S + 1) % 5 == 0 (財政部 2023 expansion; the old % 10 rule
/// rejects real numbers).
public struct TaxID: ValidatedText {
    /// The 8 digits.
    public let rawValue: String

    /// Parses and checks the checksum.
    public init(_ text: String) throws(ValidationError) {
        let value = text.trimmingSpaces
        guard TaxID.isValid(value) else { throw .taxID(text) }
        rawValue = value
    }

    /// Whether `text` is 8 ASCII digits passing the 2023 checksum.
    public static func isValid(_ text: String) -> Bool {
        let digits = text.compactMap { $0.isASCIIDigit ? $0.wholeNumberValue : nil }
        guard text.count == 8, digits.count == 8 else { return false }
        let weights = [1, 2, 1, 2, 1, 2, 4, 1]
        let sum = zip(digits, weights).reduce(0) { total, pair in
            let product = pair.0 * pair.1
            return total + product / 10 + product % 10
        }
        return sum % 5 == 0 || (digits[6] == 7 && (sum + 1) % 5 == 0)
    }

    /// The buyer identifier used on B2C e-invoices.
    public static let consumerBuyerIdentifier = "0000000000"
}
