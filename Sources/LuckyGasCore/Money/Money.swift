/// An amount of whole New Taiwan dollars (DOMAIN.md "Money and tax": Int64, no fractions).
public struct Money: Sendable, Hashable, Comparable, Codable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The amount in whole NT$.
    public var amount: Int64

    /// Creates an amount of whole NT$.
    public init(_ amount: Int64) { self.amount = amount }

    /// Creates an amount from an integer literal.
    public init(integerLiteral value: Int64) { self.amount = value }

    /// Zero dollars.
    public static let zero = Money(0)

    /// Decodes from a bare integer, as stored and exchanged.
    public init(from decoder: any Decoder) throws {
        amount = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes as a bare integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amount)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.amount < rhs.amount }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(lhs.amount + rhs.amount) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(lhs.amount - rhs.amount) }
    public static func * (lhs: Money, rhs: Int64) -> Money { Money(lhs.amount * rhs) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.amount += rhs.amount }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.amount -= rhs.amount }
    public static prefix func - (value: Money) -> Money { Money(-value.amount) }

    /// `NT$1,785`, `-NT$50`.
    public var description: String { (amount < 0 ? "-" : "") + "NT$" + Money.grouped(amount.magnitude) }

    /// The amount with thousands separators and no currency: `1,785`.
    public var grouped: String { (amount < 0 ? "-" : "") + Money.grouped(amount.magnitude) }

    private static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}

extension Money {
    /// The largest amount the program handles anywhere (NT$999,999,999,999): far above any
    /// branch's books and below 2^53, so every figure stays exact in JSON. Not a parameter; the
    /// per-document bounds of `Bounds` sit well under it.
    public static let ceiling = Money(999_999_999_999)

    /// `self + other`, or an overflow error naming `field` instead of a trap.
    public func adding(_ other: Money, field: String = "金額 amount") throws(ValidationError) -> Money {
        let (value, overflow) = amount.addingReportingOverflow(other.amount)
        guard !overflow else { throw .overflow(field: field) }
        return Money(value)
    }

    /// `self - other`, or an overflow error naming `field` instead of a trap.
    public func subtracting(_ other: Money, field: String = "金額 amount") throws(ValidationError) -> Money {
        let (value, overflow) = amount.subtractingReportingOverflow(other.amount)
        guard !overflow else { throw .overflow(field: field) }
        return Money(value)
    }

    /// `self x factor`, or an overflow error naming `field` instead of a trap.
    public func multiplied(by factor: Int64, field: String = "金額 amount") throws(ValidationError) -> Money {
        let (value, overflow) = amount.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw .overflow(field: field) }
        return Money(value)
    }
}

extension Sequence where Element == Money {
    /// The sum of the amounts. Only for amounts already within `Bounds` (a few thousand
    /// documents of at most `Money.ceiling` cannot overflow); sums of stored or imported
    /// figures use `checkedSum`.
    public func sum() -> Money { reduce(.zero, +) }

    /// The sum, or an overflow error naming `field` instead of a trap.
    public func checkedSum(field: String = "合計 total") throws(ValidationError) -> Money {
        var total = Money.zero
        for value in self { total = try total.adding(value, field: field) }
        return total
    }
}
