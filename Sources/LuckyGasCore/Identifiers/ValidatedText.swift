/// An identifier that is text checked once on the way in (STYLE rule 4); it encodes as that text.
public protocol ValidatedText: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The canonical text.
    var rawValue: String { get }
    /// Parses and validates.
    init(_ text: String) throws(ValidationError)
}

extension ValidatedText {
    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
