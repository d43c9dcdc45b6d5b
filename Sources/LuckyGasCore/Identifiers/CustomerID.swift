/// A customer id: `C` + 6 digits (DOMAIN.md "Customers").
public struct CustomerID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
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

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
