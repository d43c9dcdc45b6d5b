import LuckyGasCore
import Testing

@Suite("Bounds, checked money, free text and postal codes (issue 18)")
struct BoundsTests {
    @Test("Checked money arithmetic reports overflow instead of trapping")
    func checkedMoney() throws {
        #expect(throws: ValidationError.self) { try Money(Int64.max).adding(1) }
        #expect(throws: ValidationError.self) { try Money(Int64.min).subtracting(1) }
        #expect(throws: ValidationError.self) { try Money(Int64.max / 2 + 1).multiplied(by: 2) }
        #expect(throws: ValidationError.self) { try [Money(Int64.max), 1].checkedSum() }
        #expect(try [Money(1_785), 850].checkedSum() == 2_635)
        #expect(Money.ceiling.amount < 1 << 53)
    }

    @Test("A credit position past Int64 saturates to no credit, never traps")
    func creditSaturates() {
        let position = CreditPosition(
            terms: .net30, status: .active, limit: Money(Int64.max), openAR: Money(-1), reserved: .zero)
        #expect(position.available == -Money.ceiling)
        #expect(Money(Int64.min).grouped == "-9,223,372,036,854,775,808")
    }

    @Test("Pricing refuses a quantity above the line bound and a total above the document bound")
    func pricingBounds() throws {
        var rules = PricingRules()
        let product = Product(
            code: try ProductCode("P001"), name: "20kg", category: .cylinder, sizeKg: 20, price: 850, deposit: 1500,
            requiresEmptyReturn: true, active: true)
        func quote(_ quantity: Int) throws(PricingError) -> Quote {
            try Pricing.quote(
                QuoteRequest(
                    items: [.init(product: product.code, quantity: quantity)], zone: .north,
                    date: try! LocalDate("2026-12-07"), slot: .morning),
                products: [product.code: product], specialPrices: [], rules: rules, isHolidayService: false)
        }
        #expect(throws: PricingError.quantityAboveLimit(product.code, 1000, limit: 999)) { try quote(1000) }
        #expect(throws: PricingError.self) { try quote(Int.max) }
        #expect(try quote(999).total > 0)
        rules.bounds.documentAmount = 100_000
        #expect(throws: PricingError.totalAboveLimit(product.code, limit: 100_000)) { try quote(200) }
    }

    @Test("Free text: control characters and bidi overrides refused, lengths enforced, output filtered")
    func freeText() throws {
        #expect(throws: ValidationError.controlCharacter(field: "name")) {
            try FreeText.checked("a\u{1B}[31mred", field: "name", limit: 60)
        }
        #expect(throws: ValidationError.controlCharacter(field: "name")) {
            try FreeText.checked("\u{202E}gnp.exe", field: "name", limit: 60)
        }
        #expect(throws: ValidationError.tooLong(field: "name", limit: 60, length: 61)) {
            try FreeText.checked(String(repeating: "王", count: 61), field: "name", limit: 60)
        }
        #expect(try FreeText.checked("  王小明 ", field: "name", limit: 60) == "王小明")
        #expect(FreeText.printable("a\u{1B}b\tc") == "a\u{FFFD}b c")
        #expect(FreeText.printableKeepingLayout("a\u{9B}b\nc\td") == "a\u{FFFD}b\nc\td")
        #expect(FreeText.printableKeepingLayout("ok\rfake\r\n") == "ok\u{FFFD}fake\r\n")
    }

    @Test("Postal codes exist and match the address's district; 臺 is 台; shared codes accept each district")
    func postalCodes() throws {
        #expect(District.taiwan.count == 368)
        #expect(throws: ValidationError.unknownPostalCode("999")) {
            try District.checkPostalCode("999", address: "台北市中正區")
        }
        #expect(throws: ValidationError.self) { try District.checkPostalCode("100", address: "台北市中山區南京東路") }
        #expect(throws: ValidationError.self) { try District.checkPostalCode("100", address: "基隆市中正區義一路") }
        try District.checkPostalCode("100", address: "臺北市中正區重慶南路一段122號")
        try District.checkPostalCode("10048", address: "台北市中正區重慶南路一段122號")
        try District.checkPostalCode("300", address: "新竹市香山區中華路五段")
        try District.checkPostalCode("202", address: "基隆市中正區義一路1號")
    }

    @Test("Bounds refuse negative and above-limit amounts and credit limits")
    func bounds() {
        let bounds = Bounds()
        #expect(throws: ValidationError.self) { try bounds.checkAmount(-1, field: "x") }
        #expect(throws: ValidationError.self) { try bounds.checkAmount(10_000_001, field: "x") }
        #expect(throws: ValidationError.self) { try bounds.checkCreditLimit(Money(Int64.max)) }
        #expect(throws: Never.self) { try bounds.checkAmount(10_000_000, field: "x") }
    }
}
