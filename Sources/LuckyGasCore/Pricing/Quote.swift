/// One priced line of a quote or order.
public struct QuoteLine: Sendable, Hashable, Codable {
    /// The product.
    public var product: ProductCode
    /// Its name at pricing time.
    public var name: String
    /// Quantity ordered.
    public var quantity: Int
    /// Unit price applied (list or special), tax-exclusive.
    public var unitPrice: Money
    /// Whether `unitPrice` is the customer's special price.
    public var isSpecialPrice: Bool
    /// `quantity x unitPrice`.
    public var gross: Money
    /// Volume discount on this line (half-up per line).
    public var discount: Money
    /// `gross - discount`.
    public var net: Money

    /// Creates a line.
    public init(
        product: ProductCode, name: String, quantity: Int, unitPrice: Money, isSpecialPrice: Bool, gross: Money,
        discount: Money, net: Money
    ) {
        self.product = product
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.isSpecialPrice = isSpecialPrice
        self.gross = gross
        self.discount = discount
        self.net = net
    }
}

/// The full price breakdown of an order (DOMAIN.md "Products and prices", "Money and tax").
public struct Quote: Sendable, Hashable, Codable {
    /// Priced lines.
    public var lines: [QuoteLine]
    /// Cylinders in the order (drives the volume tier).
    public var cylinders: Int
    /// Volume discount percent applied to cylinder lines.
    public var discountPercent: Int64
    /// Sum of line gross.
    public var goodsGross: Money
    /// Sum of line discounts.
    public var discount: Money
    /// Goods after discount.
    public var goodsNet: Money
    /// Delivery fee (an invoice line, taxed).
    public var deliveryFee: Money
    /// Fee factor applied, permille (1000 = none).
    public var feeFactorPermille: Int64
    /// Whether the normal-slot free-delivery threshold was met.
    public var freeDelivery: Bool
    /// `goodsNet + deliveryFee`, tax-exclusive.
    public var net: Money
    /// VAT 5 % of `net`, half-up, once per order.
    public var tax: Money
    /// `net + tax`.
    public var total: Money
    /// Deposit that would be charged if no empties came back (information only, never invoiced).
    public var depositAtRisk: Money

    /// Creates a quote from its parts.
    public init(
        lines: [QuoteLine], cylinders: Int, discountPercent: Int64, goodsGross: Money, discount: Money, goodsNet: Money,
        deliveryFee: Money, feeFactorPermille: Int64, freeDelivery: Bool, net: Money, tax: Money, total: Money,
        depositAtRisk: Money
    ) {
        self.lines = lines
        self.cylinders = cylinders
        self.discountPercent = discountPercent
        self.goodsGross = goodsGross
        self.discount = discount
        self.goodsNet = goodsNet
        self.deliveryFee = deliveryFee
        self.feeFactorPermille = feeFactorPermille
        self.freeDelivery = freeDelivery
        self.net = net
        self.tax = tax
        self.total = total
        self.depositAtRisk = depositAtRisk
    }
}
