/// A Taiwanese phone number, stored as digits and shown with dashes.
///
/// Mobile: 10 digits starting `09`, shown `09xx-xxx-xxx`. Landline: area code + subscriber number,
/// 9 or 10 digits starting `0[2-8]`, shown `0X-XXXX-XXXX` (Taipei 02-XXXX-XXXX, 037/049/089/082
/// three-digit codes, 0826/0836 for the islands).
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Whether the number is a mobile or a landline.
    public enum Kind: String, Sendable, Codable, CaseIterable { case mobile = "MOBILE", landline = "LANDLINE" }

    /// The digits only, e.g. `0912345678`.
    public let digits: String

    /// Parses digits with any dashes, spaces or parentheses; a leading `+886` becomes `0`.
    public init(_ text: String) throws(ValidationError) {
        var value = text.trimmingSpaces
        if value.hasPrefix("+886") { value = "0" + value.dropFirst(4) }
        let allowed = Set("0123456789-() ")
        guard !value.isEmpty, value.allSatisfy({ allowed.contains($0) }) else { throw .phone(text) }
        let digits = value.asciiDigits
        guard digits.first == "0", let second = digits.dropFirst().first else { throw .phone(text) }
        if second == "9" {
            guard digits.count == 10 else { throw .phone(text) }
        } else {
            guard ("2"..."8").contains(second), (9...10).contains(digits.count) else { throw .phone(text) }
        }
        self.digits = digits
    }

    /// Mobile or landline.
    public var kind: Kind { digits.hasPrefix("09") ? .mobile : .landline }

    /// The number with dashes as people write it.
    public var display: String {
        let chars = Array(digits)
        func group(_ sizes: [Int]) -> String {
            var parts: [String] = []
            var index = 0
            for size in sizes {
                parts.append(String(chars[index..<min(index + size, chars.count)]))
                index += size
            }
            return parts.joined(separator: "-")
        }
        if kind == .mobile { return group([4, 3, 3]) }
        let areaLength = PhoneNumber.areaCodeLength(digits)
        let rest = digits.count - areaLength
        switch rest {
        case 7...: return group([areaLength, rest - 4, 4])
        case 6: return group([areaLength, 3, 3])
        default: return group([areaLength, rest])
        }
    }

    private static func areaCodeLength(_ digits: String) -> Int {
        if digits.hasPrefix("0826") || digits.hasPrefix("0836") { return 4 }
        if digits.hasPrefix("037") || digits.hasPrefix("049") || digits.hasPrefix("089") || digits.hasPrefix("082") {
            return 3
        }
        return 2
    }

    public var description: String { display }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
