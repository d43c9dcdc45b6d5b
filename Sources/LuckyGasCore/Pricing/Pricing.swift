/// What to price: items, where and when.
public struct QuoteRequest: Sendable, Hashable, Codable {
    /// A product and a quantity.
    public struct Item: Sendable, Hashable, Codable {
        /// The product.
        public var product: ProductCode
        /// How many.
        public var quantity: Int

        /// Creates an item.
        public init(product: ProductCode, quantity: Int) {
            self.product = product
            self.quantity = quantity
        }
    }

    /// The items; the same product twice is added up.
    public var items: [Item]
    /// The delivery zone of the chosen address.
    public var zone: Zone
    /// The delivery date.
    public var date: LocalDate
    /// The delivery slot.
    public var slot: DeliverySlot

    /// Creates a request.
    public init(items: [Item], zone: Zone, date: LocalDate, slot: DeliverySlot) {
        self.items = items
        self.zone = zone
        self.date = date
        self.slot = slot
    }
}

/// The pricing rules of DOMAIN.md as one pure function.
public enum Pricing {
    /// Prices `request` for a customer with `specialPrices`, using the catalogue and rules.
    ///
    /// 1. Unit price: the customer's special price valid on the delivery date, else the list price.
    /// 2. Volume discount (param): by cylinders in the whole order, percent off each cylinder
    ///    line, half-up per line; it applies to special prices too.
    /// 3. Minimum order (param): goods net after discount must reach it.
    /// 4. Delivery fee (param): zone fee; normal slots free from the threshold on goods net;
    ///    EVENING, URGENT and holiday service always pay `roundHalfUp(fee x factor)` (the larger
    ///    factor when both apply).
    /// 5. VAT once on `goods net + fee`, half-up (seed: 2 x 850 = 1,700, tax 85, total 1,785).
    public static func quote(
        _ request: QuoteRequest, products: [ProductCode: Product], specialPrices: [SpecialPrice],
        rules: PricingRules, isHolidayService: Bool
    ) throws(PricingError) -> Quote {
        guard !request.items.isEmpty else { throw .noItems }
        var quantities: [(ProductCode, Int)] = []
        for item in request.items {
            guard item.quantity > 0 else { throw .quantityNotPositive(item.product, item.quantity) }
            let limit = rules.bounds.lineQuantity
            guard item.quantity <= limit else { throw .quantityAboveLimit(item.product, item.quantity, limit: limit) }
            if let index = quantities.firstIndex(where: { $0.0 == item.product }) {
                guard quantities[index].1 <= limit - item.quantity else {
                    throw .quantityAboveLimit(item.product, quantities[index].1 + item.quantity, limit: limit)
                }
                quantities[index].1 += item.quantity
            } else {
                quantities.append((item.product, item.quantity))
            }
        }
        var priced: [(Product, Int, Money, Bool)] = []
        for (code, quantity) in quantities {
            guard let product = products[code] else { throw .unknownProduct(code) }
            guard product.active else { throw .inactiveProduct(code) }
            let special = specialPrices.filter { $0.product == code && $0.isValid(on: request.date) }
                .min { $0.price < $1.price }
            priced.append((product, quantity, special?.price ?? product.price, special != nil))
        }
        let cylinders = priced.filter { $0.0.category == .cylinder }.reduce(0) { $0 + $1.1 }
        let percent = rules.volumePercent(cylinders: cylinders)
        // Checked once here: a line above the document bound is refused before any further
        // arithmetic, so the sums below stay far from overflow.
        for (product, quantity, unitPrice, _) in priced {
            let gross = unitPrice.amount.multipliedReportingOverflow(by: Int64(quantity))
            guard !gross.overflow, gross.partialValue <= rules.bounds.documentAmount.amount else {
                throw .totalAboveLimit(product.code, limit: rules.bounds.documentAmount)
            }
        }
        let lines = priced.map { product, quantity, unitPrice, isSpecial in
            let gross = unitPrice * Int64(quantity)
            let discount = product.category == .cylinder ? Rounding.percent(gross, percent) : .zero
            return QuoteLine(
                product: product.code, name: product.name, quantity: quantity, unitPrice: unitPrice,
                isSpecialPrice: isSpecial, gross: gross, discount: discount, net: gross - discount)
        }
        let goodsNet = lines.map(\.net).sum()
        guard goodsNet >= rules.minimumOrder else {
            throw .belowMinimumOrder(goodsNet: goodsNet, minimum: rules.minimumOrder)
        }
        let fee = deliveryFee(
            goodsNet: goodsNet, zone: request.zone, slot: request.slot, isHolidayService: isHolidayService, rules: rules
        )
        guard goodsNet <= rules.bounds.documentAmount else {
            throw .totalAboveLimit(nil, limit: rules.bounds.documentAmount)
        }
        let split = TaxSplit.fromNet(goodsNet + fee.amount, ratePercent: rules.taxRatePercent)
        guard split.total <= rules.bounds.documentAmount else {
            throw .totalAboveLimit(nil, limit: rules.bounds.documentAmount)
        }
        let deposit = priced.filter { $0.0.requiresEmptyReturn }.map { $0.0.deposit * Int64($0.1) }.sum()
        return Quote(
            lines: lines, cylinders: cylinders, discountPercent: percent, goodsGross: lines.map(\.gross).sum(),
            discount: lines.map(\.discount).sum(), goodsNet: goodsNet, deliveryFee: fee.amount,
            feeFactorPermille: fee.factor, freeDelivery: fee.free, net: split.net, tax: split.tax, total: split.total,
            depositAtRisk: deposit)
    }

    /// The delivery fee and the factor applied (DOMAIN.md "Delivery fee by zone").
    public static func deliveryFee(
        goodsNet: Money, zone: Zone, slot: DeliverySlot, isHolidayService: Bool, rules: PricingRules
    ) -> (amount: Money, factor: Int64, free: Bool) {
        let base = rules.zoneFees[zone] ?? .zero
        var factor = rules.slotFactorPermille[slot] ?? 1000
        if isHolidayService { factor = max(factor, rules.holidayFactorPermille) }
        if factor == 1000 {
            let free = goodsNet >= rules.freeDeliveryThreshold
            return (free ? .zero : base, 1000, free)
        }
        return (Rounding.permille(base, factor), factor, false)
    }
}
