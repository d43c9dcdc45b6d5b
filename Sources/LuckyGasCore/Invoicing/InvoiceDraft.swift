/// An invoice before it has a number: buyer, lines and the tax split.
public struct InvoiceDraft: Sendable, Hashable, Codable {
    /// The buyer.
    public var buyer: InvoiceBuyer
    /// The lines, numbered from 1.
    public var lines: [InvoiceLine]
    /// Net and tax of the whole invoice (tax once on the total, half-up).
    public var split: TaxSplit

    /// Creates a draft.
    public init(buyer: InvoiceBuyer, lines: [InvoiceLine], split: TaxSplit) {
        self.buyer = buyer
        self.lines = lines
        self.split = split
    }

    /// The tax-inclusive total.
    public var total: Money { split.total }

    /// F0401 `SalesAmount`: net for B2B, the tax-inclusive total for B2C.
    public var salesAmount: Money { buyer.isBusiness ? split.net : split.total }

    /// F0401 `TaxAmount`: the tax for B2B, 0 for B2C.
    public var taxAmount: Money { buyer.isBusiness ? split.tax : .zero }

    /// The invoice for what was delivered of an order.
    ///
    /// Prices stay as agreed when the order was placed: unit prices, the volume discount percent
    /// (on the lines that had it) and the delivery fee. `delivered` gives the quantity per product;
    /// a product left out was delivered in full. More than ordered, a product not on the order, a
    /// negative quantity or nothing at all is refused.
    public static func delivered(
        order: Quote, delivered: [ProductCode: Int], products: [ProductCode: Product], buyer: InvoiceBuyer,
        taxRatePercent: Int64 = TaxSplit.ratePercent
    ) throws(InvoicingError) -> InvoiceDraft {
        for (code, quantity) in delivered {
            guard let line = order.lines.first(where: { $0.product == code }) else {
                throw .productNotOnOrder(code)
            }
            guard quantity >= 0 else { throw .negativeQuantity(code, quantity) }
            guard quantity <= line.quantity else {
                throw .deliveredMoreThanOrdered(code, ordered: line.quantity, delivered: quantity)
            }
        }
        var nets: [(product: ProductCode?, description: String, quantity: Int, unit: String, net: Money)] = []
        var discount = Money.zero
        for line in order.lines {
            let quantity = delivered[line.product] ?? line.quantity
            guard quantity > 0 else { continue }
            let gross = line.unitPrice * Int64(quantity)
            if line.discount > .zero { discount += Rounding.percent(gross, order.discountPercent) }
            let unit = products[line.product]?.category == .accessory ? "個" : "桶"
            nets.append((line.product, line.name, quantity, unit, gross))
        }
        guard !nets.isEmpty else { throw .nothingDelivered }
        if discount > .zero {
            nets.append((nil, "數量折扣 \(order.discountPercent)%", 1, "式", -discount))
        }
        if order.deliveryFee > .zero { nets.append((nil, "運費", 1, "式", order.deliveryFee)) }
        let split = TaxSplit.fromNet(nets.map(\.net).sum(), ratePercent: taxRatePercent)
        let amounts =
            buyer.isBusiness
            ? nets.map(\.net) : taxInclusive(nets.map(\.net), total: split.total, ratePercent: taxRatePercent)
        let lines = nets.indices.map { index in
            InvoiceLine(
                sequence: index + 1, product: nets[index].product, description: nets[index].description,
                quantity: nets[index].quantity, unit: nets[index].unit, amount: amounts[index], net: nets[index].net)
        }
        return InvoiceDraft(buyer: buyer, lines: lines, split: split)
    }

    /// Tax-inclusive line amounts for a B2C invoice that add up exactly to `total`: each line
    /// `roundHalfUp(net x 1.05)`, the rounding difference put on the largest line.
    public static func taxInclusive(_ nets: [Money], total: Money, ratePercent: Int64) -> [Money] {
        var amounts = nets.map { Money(Rounding.halfUp($0.amount * (100 + ratePercent), dividedBy: 100)) }
        let difference = total - amounts.sum()
        if difference != .zero, let largest = amounts.indices.max(by: { amounts[$0] < amounts[$1] }) {
            amounts[largest] += difference
        }
        return amounts
    }
}
