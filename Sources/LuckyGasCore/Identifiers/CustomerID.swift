/// A customer id: `C` + 6 digits (DOMAIN.md "Customers").
public struct CustomerID: ValidatedText {
    /// The canonical text, e.g. `C000123`.
    public let rawValue: String

    /// Parses and validates; lower-case `c` is accepted.
    public init(_ text: String) throws(ValidationError) {
        let value = text.trimmingSpaces.uppercased()
        guard value.count == 7, value.first == "C", value.dropFirst().allSatisfy(\.isASCIIDigit) else {
            throw .customerID(text)
        }
        rawValue = value
    }

    /// The id with the given sequence number, `C` + zero-padded 6 digits.
    public init(number: Int) {
        rawValue = "C" + String(number).leftPadded(to: 6)
    }

    /// The 6-digit sequence part as a number.
    public var number: Int { Int(rawValue.dropFirst()) ?? 0 }
}
