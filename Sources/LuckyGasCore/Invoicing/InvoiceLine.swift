/// One line of an issued invoice.
///
/// `amount` is what the invoice shows: tax-exclusive on B2B invoices, tax-inclusive on B2C ones
/// (whose SalesAmount is the total). `net` is always the tax-exclusive share, so allowances and
/// the ledger work the same for both. The unit price is `amount / quantity`, written exactly.
public struct InvoiceLine: Sendable, Hashable, Codable {
    /// `SequenceNumber`, 1-based.
    public var sequence: Int
    /// The product, or nil for the discount and delivery fee lines.
    public var product: ProductCode?
    /// `Description`.
    public var description: String
    /// `Quantity`.
    public var quantity: Int
    /// `Unit` (桶, 個, 式).
    public var unit: String
    /// `Amount` as shown.
    public var amount: Money
    /// The tax-exclusive share.
    public var net: Money

    /// Creates a line.
    public init(
        sequence: Int, product: ProductCode?, description: String, quantity: Int, unit: String, amount: Money,
        net: Money
    ) {
        self.sequence = sequence
        self.product = product
        self.description = description
        self.quantity = quantity
        self.unit = unit
        self.amount = amount
        self.net = net
    }

    /// `UnitPrice`: amount / quantity as an exact decimal (up to 7 fraction digits, MIG dec(20,7)).
    public var unitPrice: String { DecimalText.quotient(amount.amount, quantity) }
}

/// Decimal text for MIG amounts.
public enum DecimalText {
    /// `numerator / denominator` in plain decimal notation, at most 7 fraction digits, rounded
    /// half-up in the last digit when it does not terminate.
    public static func quotient(_ numerator: Int64, _ denominator: Int) -> String {
        guard denominator != 0 else { return "0" }
        let negative = (numerator < 0) != (denominator < 0) && numerator != 0
        let scaled = Rounding.halfUp(abs(numerator) * 10_000_000, dividedBy: Int64(abs(denominator)))
        let whole = scaled / 10_000_000
        var fraction = String(scaled % 10_000_000).leftPadded(to: 7)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
