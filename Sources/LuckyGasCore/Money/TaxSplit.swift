/// Net, tax and total of one invoice or quote (DOMAIN.md "Money and tax").
public struct TaxSplit: Sendable, Hashable, Codable {
    /// The amount before VAT.
    public var net: Money
    /// The output VAT.
    public var tax: Money
    /// `net + tax`.
    public var total: Money { net + tax }

    /// Creates a split from its parts.
    public init(net: Money, tax: Money) {
        self.net = net
        self.tax = tax
    }

    /// The VAT rate in percent: 5 % output VAT (營業稅法 §10).
    public static let ratePercent: Int64 = 5

    /// From a tax-exclusive amount: `tax = roundHalfUp(net x 0.05)`.
    public static func fromNet(_ net: Money, ratePercent: Int64 = TaxSplit.ratePercent) -> TaxSplit {
        TaxSplit(net: net, tax: Rounding.percent(net, ratePercent))
    }

    /// From a tax-inclusive amount: `net = roundHalfUp(total / 1.05)`, `tax = total - net`.
    public static func fromTotal(_ total: Money, ratePercent: Int64 = TaxSplit.ratePercent) -> TaxSplit {
        let net = Money(Rounding.halfUp(total.amount * 100, dividedBy: 100 + ratePercent))
        return TaxSplit(net: net, tax: total - net)
    }
}
