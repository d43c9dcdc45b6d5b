/// A product code: `P` + 3 digits (DOMAIN.md "Products and prices").
public struct ProductCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
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
