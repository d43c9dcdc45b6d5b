/// The price rules of DOMAIN.md "Products and prices" (all (param): they live in the store).
public struct PricingRules: Sendable, Hashable, Codable {
    /// A volume discount step: from `minimumCylinders` cylinders in the order, `percent` off cylinder lines.
    public struct VolumeTier: Sendable, Hashable, Codable {
        /// Cylinders in the whole order needed for this tier.
        public var minimumCylinders: Int
        /// Percent off each cylinder line.
        public var percent: Int64

        /// Creates a tier.
        public init(minimumCylinders: Int, percent: Int64) {
            self.minimumCylinders = minimumCylinders
            self.percent = percent
        }
    }

    /// Volume tiers: >= 10 -> 2 %, >= 20 -> 3 %.
    public var volumeTiers = [
        VolumeTier(minimumCylinders: 10, percent: 2), VolumeTier(minimumCylinders: 20, percent: 3),
    ]
    /// Delivery fee per zone.
    public var zoneFees: [Zone: Money] = [.north: 50, .central: 80, .south: 100, .remote: 200]
    /// Fee factors in permille for slots that always pay: EVENING x1.3, URGENT x1.5.
    public var slotFactorPermille: [DeliverySlot: Int64] = [.evening: 1300, .urgent: 1500]
    /// Fee factor on a holiday service day: x2.0.
    public var holidayFactorPermille: Int64 = 2000
    /// Goods net (after discount) from which normal slots deliver free.
    public var freeDeliveryThreshold: Money = 1500
    /// Minimum goods net of an order.
    public var minimumOrder: Money = 800
    /// VAT in percent.
    public var taxRatePercent: Int64 = TaxSplit.ratePercent
    /// The input bounds: the most of one product per order and the largest order total.
    public var bounds = Bounds()

    /// The defaults of DOMAIN.md.
    public init() {}

    /// The discount percent for an order with `cylinders` cylinders (0 below the first tier).
    public func volumePercent(cylinders: Int) -> Int64 {
        volumeTiers.filter { cylinders >= $0.minimumCylinders }.max { $0.minimumCylinders < $1.minimumCylinders }?
            .percent
            ?? 0
    }
}
