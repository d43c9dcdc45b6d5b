/// Explicit roundings of money (DOMAIN.md: "Every rounding is explicit, half-up (四捨五入)").
public enum Rounding {
    /// `numerator / denominator` rounded half away from zero (四捨五入), in integers only.
    ///
    /// - Precondition: `denominator > 0`.
    public static func halfUp(_ numerator: Int64, dividedBy denominator: Int64) -> Int64 {
        precondition(denominator > 0, "denominator must be positive")
        let magnitude = numerator.magnitude
        let quotient = magnitude / UInt64(denominator)
        let remainder = magnitude % UInt64(denominator)
        let rounded = Int64(quotient + (remainder * 2 >= UInt64(denominator) ? 1 : 0))
        return numerator < 0 ? -rounded : rounded
    }

    /// `amount x percent / 100`, half-up. Used for volume discounts (2 %, 3 %).
    public static func percent(_ amount: Money, _ percent: Int64) -> Money {
        Money(halfUp(amount.amount * percent, dividedBy: 100))
    }

    /// `amount x permille / 1000`, half-up. Used for slot factors (x1.3 = 1300 permille).
    public static func permille(_ amount: Money, _ permille: Int64) -> Money {
        Money(halfUp(amount.amount * permille, dividedBy: 1000))
    }
}
