import LuckyGasCore
import Testing

// DOMAIN.md "Products and prices" and "Money and tax". Prices are tax-exclusive. Volume discount
// by cylinders in the order: >= 10 -> 2 %, >= 20 -> 3 %, half-up per cylinder line. Minimum order
// 800 goods net. Delivery fee NORTH 50, CENTRAL 80, SOUTH 100, REMOTE 200, free for normal slots
// from goods net 1,500; EVENING x1.3, URGENT x1.5, HOLIDAY x2.0 always pay. VAT on goods + fee.

/// The price list of the tests.
private func catalogue() throws -> [ProductCode: Product] {
    let products = [
        Product(
            code: try productCode("P001"), name: "20kg 瓦斯桶", category: .cylinder, sizeKg: 20, price: 850,
            deposit: 1_500, requiresEmptyReturn: true),
        Product(
            code: try productCode("P002"), name: "16kg 瓦斯桶", category: .cylinder, sizeKg: 16, price: 720,
            deposit: 1_200, requiresEmptyReturn: true),
        Product(
            code: try productCode("P004"), name: "4kg 瓦斯桶", category: .cylinder, sizeKg: 4, price: 265,
            deposit: 500, requiresEmptyReturn: true),
        Product(
            code: try productCode("P005"), name: "10kg 瓦斯桶", category: .cylinder, sizeKg: 10, price: 425,
            deposit: 800, requiresEmptyReturn: true),
        Product(code: try productCode("P010"), name: "調節器 regulator", category: .accessory, price: 350),
        Product(code: try productCode("P011"), name: "瓦斯管 hose", category: .accessory, price: 120),
        Product(
            code: try productCode("P099"), name: "10kg 舊款", category: .cylinder, sizeKg: 10, price: 500,
            active: false),
    ]
    return Dictionary(uniqueKeysWithValues: products.map { ($0.code, $0) })
}

/// A special price: product, price, valid from, valid until.
typealias Special = (product: String, price: Int64, from: String, until: String)

/// Prices items (product code, quantity) with the default rules.
private func quote(
    _ items: [(String, Int)], zone: Zone = .north, date: String = "2026-11-18", slot: DeliverySlot = .morning,
    holiday: Bool = false, specials: [Special] = [], rules: PricingRules = PricingRules()
) throws -> Quote {
    let request = QuoteRequest(
        items: try items.map { QuoteRequest.Item(product: try productCode($0.0), quantity: $0.1) }, zone: zone,
        date: try day(date), slot: slot)
    let specialPrices = try specials.map {
        SpecialPrice(
            product: try productCode($0.product), price: Money($0.price), validFrom: try day($0.from),
            validUntil: try day($0.until))
    }
    return try Pricing.quote(
        request, products: catalogue(), specialPrices: specialPrices, rules: rules, isHolidayService: holiday)
}

/// Items and every expected total of the quote (north, morning, weekday, list prices).
struct TotalsCase: Sendable, CustomTestStringConvertible {
    var name: String
    var items: [(String, Int)]
    var cylinders: Int
    var percent: Int64
    var gross: Int64
    var discount: Int64
    var goodsNet: Int64
    var fee: Int64
    var tax: Int64
    var total: Int64
    var testDescription: String { name }
}

private let totalsCases: [TotalsCase] = [
    TotalsCase(
        name: "seed: 2 x 850 = 1,700, tax 85, total 1,785", items: [("P001", 2)], cylinders: 2, percent: 0,
        gross: 1_700, discount: 0, goodsNet: 1_700, fee: 0, tax: 85, total: 1_785),
    TotalsCase(
        name: "one cylinder below the free threshold pays the NORTH fee, taxed", items: [("P001", 1)], cylinders: 1,
        percent: 0, gross: 850, discount: 0, goodsNet: 850, fee: 50, tax: 45, total: 945),
    TotalsCase(
        name: "9 cylinders: no discount", items: [("P001", 9)], cylinders: 9, percent: 0, gross: 7_650,
        discount: 0, goodsNet: 7_650, fee: 0, tax: 383, total: 8_033),  // tax 382.5
    TotalsCase(
        name: "10 cylinders: 2 %", items: [("P001", 10)], cylinders: 10, percent: 2, gross: 8_500, discount: 170,
        goodsNet: 8_330, fee: 0, tax: 417, total: 8_747),  // tax 416.5
    TotalsCase(
        name: "19 cylinders: still 2 %", items: [("P001", 19)], cylinders: 19, percent: 2, gross: 16_150,
        discount: 323, goodsNet: 15_827, fee: 0, tax: 791, total: 16_618),  // tax 791.35
    TotalsCase(
        name: "20 cylinders: 3 %", items: [("P001", 20)], cylinders: 20, percent: 3, gross: 17_000, discount: 510,
        goodsNet: 16_490, fee: 0, tax: 825, total: 17_315),  // tax 824.5
    TotalsCase(
        name: "discount rounds per line: 26.5 -> 27 and 42.5 -> 43, not 69 on the sum",
        items: [("P004", 5), ("P005", 5)], cylinders: 10, percent: 2, gross: 3_450, discount: 70, goodsNet: 3_380,
        fee: 0, tax: 169, total: 3_549),
    TotalsCase(
        name: "3 % per line: 79.5 -> 80 plus 255", items: [("P004", 10), ("P001", 10)], cylinders: 20, percent: 3,
        gross: 11_150, discount: 335, goodsNet: 10_815, fee: 0, tax: 541, total: 11_356),  // tax 540.75
    TotalsCase(
        name: "an accessory does not lift 9 cylinders into the 2 % tier", items: [("P001", 9), ("P010", 1)],
        cylinders: 9, percent: 0, gross: 8_000, discount: 0, goodsNet: 8_000, fee: 0, tax: 400, total: 8_400),
    TotalsCase(
        name: "accessories are not discounted", items: [("P001", 10), ("P010", 2)], cylinders: 10, percent: 2,
        gross: 9_200, discount: 170, goodsNet: 9_030, fee: 0, tax: 452, total: 9_482),  // tax 451.5
    TotalsCase(
        name: "ten accessories are no cylinders", items: [("P010", 10)], cylinders: 0, percent: 0, gross: 3_500,
        discount: 0, goodsNet: 3_500, fee: 0, tax: 175, total: 3_675),
    TotalsCase(
        name: "the same product twice is merged before the tier", items: [("P001", 6), ("P010", 1), ("P001", 4)],
        cylinders: 10, percent: 2, gross: 8_850, discount: 170, goodsNet: 8_680, fee: 0, tax: 434, total: 9_114),
    TotalsCase(
        name: "merged seed", items: [("P001", 1), ("P001", 1)], cylinders: 2, percent: 0, gross: 1_700,
        discount: 0, goodsNet: 1_700, fee: 0, tax: 85, total: 1_785),
    TotalsCase(
        name: "cylinder and accessory below the threshold", items: [("P002", 1), ("P010", 1)], cylinders: 1,
        percent: 0, gross: 1_070, discount: 0, goodsNet: 1_070, fee: 50, tax: 56, total: 1_176),
]

@Suite("Pricing: totals, volume discount and tax")
struct PricingTotalsTests {
    @Test("A quote adds up lines, discount, fee and 5 % VAT on goods + fee", arguments: totalsCases)
    func totals(expected: TotalsCase) throws {
        let result = try quote(expected.items)
        #expect(result.cylinders == expected.cylinders)
        #expect(result.discountPercent == expected.percent)
        #expect(result.goodsGross == Money(expected.gross))
        #expect(result.discount == Money(expected.discount))
        #expect(result.goodsNet == Money(expected.goodsNet))
        #expect(result.deliveryFee == Money(expected.fee))
        #expect(result.net == Money(expected.goodsNet + expected.fee))
        #expect(result.tax == Money(expected.tax))
        #expect(result.total == Money(expected.total))
        #expect(result.lines.map(\.discount).sum() == result.discount)
        #expect(result.lines.allSatisfy { $0.gross - $0.discount == $0.net })
    }

    @Test(
        "Volume tiers: below 10 none, 10-19 2 %, from 20 3 %",
        arguments: [(0, Int64(0)), (1, 0), (9, 0), (10, 2), (11, 2), (19, 2), (20, 3), (21, 3), (100, 3)])
    func volumeTier(cylinders: Int, percent: Int64) {
        #expect(PricingRules().volumePercent(cylinders: cylinders) == percent)
    }

    @Test("Lines keep the order of first appearance, with merged quantities, and deposits are only information")
    func lines() throws {
        let result = try quote([("P001", 2), ("P002", 1), ("P010", 1), ("P001", 1)])
        #expect(result.lines.map(\.product.rawValue) == ["P001", "P002", "P010"])
        #expect(result.lines.map(\.quantity) == [3, 1, 1])
        #expect(result.lines.map(\.unitPrice) == [850, 720, 350])
        #expect(result.lines.map(\.gross) == [2_550, 720, 350])
        #expect(result.lines.map(\.name) == ["20kg 瓦斯桶", "16kg 瓦斯桶", "調節器 regulator"])
        #expect(result.depositAtRisk == 5_700)  // 3 x 1,500 + 1,200; accessories carry no deposit
        #expect(result.net == 3_620)
        #expect(result.total == 3_801)  // deposits are not invoiced: tax 181 on 3,620
    }
}

@Suite("Pricing: special prices")
struct SpecialPriceTests {
    private let november: [Special] = [(product: "P001", price: 780, from: "2026-11-01", until: "2026-11-30")]

    @Test(
        "A special price applies from its first to its last day inclusive",
        arguments: [
            ("2026-10-31", Int64(850), false), ("2026-11-01", 780, true), ("2026-11-18", 780, true),
            ("2026-11-30", 780, true), ("2026-12-01", 850, false),
        ])
    func validRange(date: String, unitPrice: Int64, isSpecial: Bool) throws {
        let line = try #require(try quote([("P001", 2)], date: date, specials: november).lines.first)
        #expect(line.unitPrice == Money(unitPrice))
        #expect(line.isSpecialPrice == isSpecial)
    }

    @Test(
        "The lowest of the special prices valid that day wins; expired ones are ignored",
        arguments: [
            ("2026-11-10", Int64(800)),  // only the first is valid
            ("2026-11-18", 780),  // both valid: the lower
            ("2026-12-10", 780),  // only the second
            ("2026-12-20", 850),  // none: list price
        ])
    func lowestValid(date: String, unitPrice: Int64) throws {
        let specials: [Special] = [
            (product: "P001", price: 800, from: "2026-11-01", until: "2026-11-30"),
            (product: "P001", price: 780, from: "2026-11-15", until: "2026-12-15"),
            (product: "P001", price: 600, from: "2026-10-01", until: "2026-10-31"),  // cheaper but expired
            (product: "P002", price: 100, from: "2026-01-01", until: "2026-12-31"),  // another product
        ]
        let line = try #require(try quote([("P001", 2)], date: date, specials: specials).lines.first)
        #expect(line.unitPrice == Money(unitPrice))
    }

    @Test("The volume discount applies to special prices too")
    func discountOnSpecial() throws {
        let result = try quote([("P001", 10)], specials: november)
        #expect(result.goodsGross == 7_800)
        #expect(result.discount == 156)
        #expect(result.goodsNet == 7_644)
        #expect(result.tax == 382)  // 382.2
        #expect(result.total == 8_026)
    }
}

@Suite("Pricing: minimum order")
struct MinimumOrderTests {
    @Test("Goods net of exactly 800 is accepted")
    func exactlyMinimum() throws {
        let specials: [Special] = [(product: "P001", price: 800, from: "2026-11-01", until: "2026-11-30")]
        let result = try quote([("P001", 1)], specials: specials)
        #expect(result.goodsNet == 800)
        #expect(result.deliveryFee == 50)
        #expect(result.tax == 43)  // 42.5 on 850
        #expect(result.total == 893)
    }

    @Test(
        "Goods net below 800 after special prices and discount is refused",
        arguments: [
            ("one cylinder at a special 799", [("P001", 1)], Int64(799), Int64(799)),
            ("one 16 kg cylinder at 720", [("P002", 1)], 0, 720),
            ("10 cylinders at 81: 810 less 2 % (16) is 794", [("P004", 10)], 81, 794),
            ("accessories only", [("P010", 1), ("P011", 1)], 0, 470),
        ])
    func belowMinimum(name: String, items: [(String, Int)], special: Int64, goodsNet: Int64) throws {
        let specials: [Special] =
            special == 0 ? [] : [(product: items[0].0, price: special, from: "2026-11-01", until: "2026-11-30")]
        #expect(throws: PricingError.belowMinimumOrder(goodsNet: Money(goodsNet), minimum: 800)) {
            try quote(items, specials: specials)
        }
    }
}

/// goods net, zone, slot, holiday service, expected fee, factor permille, free.
private let feeCases: [(Int64, Zone, DeliverySlot, Bool, Int64, Int64, Bool)] = [
    // Normal slots pay the zone fee below 1,500 and nothing from 1,500.
    (850, .north, .morning, false, 50, 1_000, false),
    (850, .central, .morning, false, 80, 1_000, false),
    (850, .south, .afternoon, false, 100, 1_000, false),
    (850, .remote, .afternoon, false, 200, 1_000, false),
    (1_499, .north, .morning, false, 50, 1_000, false),
    (1_500, .north, .morning, false, 0, 1_000, true),
    (1_500, .remote, .afternoon, false, 0, 1_000, true),
    (20_000, .south, .morning, false, 0, 1_000, true),
    // EVENING x1.3 always pays.
    (850, .north, .evening, false, 65, 1_300, false),
    (5_000, .north, .evening, false, 65, 1_300, false),
    (5_000, .central, .evening, false, 104, 1_300, false),
    (5_000, .south, .evening, false, 130, 1_300, false),
    (5_000, .remote, .evening, false, 260, 1_300, false),
    // URGENT x1.5 always pays.
    (5_000, .north, .urgent, false, 75, 1_500, false),
    (5_000, .central, .urgent, false, 120, 1_500, false),
    (850, .south, .urgent, false, 150, 1_500, false),
    (5_000, .remote, .urgent, false, 300, 1_500, false),
    // Holiday service x2.0 always pays, and wins over the slot factor.
    (5_000, .north, .morning, true, 100, 2_000, false),
    (5_000, .central, .afternoon, true, 160, 2_000, false),
    (850, .south, .morning, true, 200, 2_000, false),
    (5_000, .remote, .afternoon, true, 400, 2_000, false),
    (5_000, .north, .evening, true, 100, 2_000, false),
    (5_000, .remote, .urgent, true, 400, 2_000, false),
]

@Suite("Pricing: delivery fee")
struct DeliveryFeeTests {
    @Test("The fee follows zone, free threshold, slot factor and holiday factor", arguments: feeCases)
    func fee(goodsNet: Int64, zone: Zone, slot: DeliverySlot, holiday: Bool, amount: Int64, factor: Int64, free: Bool) {
        let fee = Pricing.deliveryFee(
            goodsNet: Money(goodsNet), zone: zone, slot: slot, isHolidayService: holiday, rules: PricingRules())
        #expect(fee.amount == Money(amount))
        #expect(fee.factor == factor)
        #expect(fee.free == free)
    }

    @Test("The larger of slot and holiday factors applies when the holiday factor is the smaller")
    func maxFactor() {
        var rules = PricingRules()
        rules.holidayFactorPermille = 1_200
        let urgent = Pricing.deliveryFee(
            goodsNet: 5_000, zone: .remote, slot: .urgent, isHolidayService: true, rules: rules)
        #expect(urgent.factor == 1_500)
        #expect(urgent.amount == 300)
        let morning = Pricing.deliveryFee(
            goodsNet: 5_000, zone: .remote, slot: .morning, isHolidayService: true, rules: rules)
        #expect(morning.factor == 1_200)
        #expect(morning.amount == 240)
    }

    @Test(
        "In a quote the fee is taxed together with the goods",
        arguments: [
            ("EVENING NORTH", Zone.north, DeliverySlot.evening, false, 65, 88, 1_853),  // 1,765 -> 88.25
            ("URGENT REMOTE", .remote, .urgent, false, 300, 100, 2_100),  // 2,000 -> 100
            ("URGENT SOUTH", .south, .urgent, false, 150, 93, 1_943),  // 1,850 -> 92.5
            ("URGENT CENTRAL", .central, .urgent, false, 120, 91, 1_911),  // 1,820 -> 91
            ("holiday MORNING", .north, .morning, true, 100, 90, 1_890),  // 1,800 -> 90
            ("MORNING", .north, .morning, false, 0, 85, 1_785),
        ])
    func feeInQuote(name: String, zone: Zone, slot: DeliverySlot, holiday: Bool, fee: Int64, tax: Int64, total: Int64)
        throws
    {
        let result = try quote([("P001", 2)], zone: zone, slot: slot, holiday: holiday)
        #expect(result.deliveryFee == Money(fee))
        #expect(result.freeDelivery == (fee == 0))
        #expect(result.net == Money(1_700 + fee))
        #expect(result.tax == Money(tax))
        #expect(result.total == Money(total))
    }

    @Test("The free threshold is on goods net after the volume discount")
    func thresholdAfterDiscount() throws {
        // 10 x 153 = 1,530 gross, 2 % = 30.6 -> 31, goods net 1,499: below 1,500, so NORTH pays 50.
        let specials: [Special] = [(product: "P004", price: 153, from: "2026-11-01", until: "2026-11-30")]
        let result = try quote([("P004", 10)], specials: specials)
        #expect(result.goodsGross == 1_530)
        #expect(result.goodsNet == 1_499)
        #expect(result.deliveryFee == 50)
        #expect(!result.freeDelivery)
        #expect(result.tax == 77)  // 1,549 x 5 % = 77.45
        #expect(result.total == 1_626)
    }
}

@Suite("Pricing: refused requests")
struct PricingErrorTests {
    @Test("No items, unknown or inactive products and non-positive quantities are refused")
    func errors() throws {
        #expect(throws: PricingError.noItems) { try quote([]) }
        #expect(throws: PricingError.unknownProduct(try productCode("P404"))) { try quote([("P404", 1)]) }
        #expect(throws: PricingError.inactiveProduct(try productCode("P099"))) { try quote([("P099", 1)]) }
        #expect(throws: PricingError.quantityNotPositive(try productCode("P001"), 0)) { try quote([("P001", 0)]) }
        #expect(throws: PricingError.quantityNotPositive(try productCode("P001"), -1)) { try quote([("P001", -1)]) }
        #expect(throws: PricingError.quantityNotPositive(try productCode("P002"), 0)) {
            try quote([("P001", 2), ("P002", 0)])
        }
    }

    @Test("A refusal tells the operator the minimum and the current goods net")
    func message() {
        let message = PricingError.belowMinimumOrder(goodsNet: 720, minimum: 800).operatorMessage
        #expect(message.en == "Below the minimum order of NT$800 (now NT$720)")
    }
}
