/// A product code: `P` + 3 digits (DOMAIN.md "Products and prices").
public struct ProductCode: ValidatedText {
    /// The canonical text, e.g. `P001`.
    public let rawValue: String

    /// Parses and validates; lower-case `p` is accepted.
    public init(_ text: String) throws(ValidationError) {
        let value = text.trimmingSpaces.uppercased()
        guard value.count == 4, value.first == "P", value.dropFirst().allSatisfy(\.isASCIIDigit) else {
            throw .productCode(text)
        }
        rawValue = value
    }
}
