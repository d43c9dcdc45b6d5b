import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

/// A small real branch for tests: a migrated SQLite database (in memory or a file) with the
/// seed's products, users of every role (password = user name) and the seed's two customers.
public struct TestBranch: Sendable {
    /// The store.
    public let database: AppDatabase
    /// The clock tests move.
    public let time: MovableTime
    /// Signed-in users by role.
    public let counter: UserSession
    /// Accountant.
    public let accountant: UserSession
    /// Dispatcher.
    public let dispatcher: UserSession
    /// Supervisor.
    public let supervisor: UserSession
    /// Administrator.
    public let admin: UserSession
    /// 王大明: COMMERCIAL, UBN 95753514, NET30, limit 50,000, special P001 = 820 until 2027-12-31.
    public let wang: CustomerID
    /// 陳美玲: RESIDENTIAL, COD, B2C mobile barcode `/ABC+123`.
    public let chen: CustomerID

    /// Builds the branch; `path` nil means in memory.
    public static func make(path: String? = nil, at start: LocalDateTime = Fixtures.weekdayMorning) throws -> TestBranch
    {
        let (clock, time) = Fixtures.movableClock(start)
        let database =
            try path.map { try AppDatabase.open(path: $0, clock: clock, ids: Fixtures.countingIDs(), create: true) }
            ?? AppDatabase.inMemory(clock: clock, ids: Fixtures.countingIDs())
        let rounds = 1_000  // fast for tests; production uses PasswordHasher.defaultRounds
        try database.bootstrapAdministrator(password: "admin", rounds: rounds, demo: true)
        let admin = try database.authenticate(name: "admin", password: "admin")
        for (name, role) in [
            ("counter", Role.counter), ("accountant", .accountant), ("dispatcher", .dispatcher),
            ("supervisor", .supervisor),
        ] {
            try database.createUser(
                name: name, displayName: name, role: role, password: name, by: admin, rounds: rounds, demo: true)
        }
        for product in try products { try database.saveProduct(product, by: admin) }
        try Self.setUpInvoicing(database, from: start.date, by: admin)
        let counter = try database.authenticate(name: "counter", password: "counter")
        let wang = try database.addCustomer(try Self.wangCustomer(), by: counter)
        let chen = try database.addCustomer(try Self.chenCustomer(), by: counter)
        try database.setSpecialPrice(
            SpecialPrice(
                product: ProductCode("P001"), price: 820, validFrom: LocalDate("2026-01-01"),
                validUntil: LocalDate("2027-12-31")),
            for: wang, by: admin)
        return TestBranch(
            database: database, time: time, counter: counter,
            accountant: try database.authenticate(name: "accountant", password: "accountant"),
            dispatcher: try database.authenticate(name: "dispatcher", password: "dispatcher"),
            supervisor: try database.authenticate(name: "supervisor", password: "supervisor"), admin: admin, wang: wang,
            chen: chen)
    }

    /// The sample company (UBN 83235679, public test QR key) and one booklet range per period
    /// from the period of `date` for a year: track `AB`, numbers 12345600-12345999 in the first.
    public static func setUpInvoicing(_ database: AppDatabase, from date: LocalDate, by admin: UserSession) throws {
        try database.setCompany(
            ubn: "83235679", name: "幸福氣體有限公司", address: "台北市信義區松仁路100號", taxRegistrationNumber: "351234567",
            qrKey: publicTestQRKey, by: admin)
        var period = InvoicePeriod(containing: date)
        var allocations: [TrackAllocation] = []
        for index in 0..<6 {
            let track = ["AB", "CD", "EF", "GH", "JK", "LM"][index]
            allocations.append(
                TrackAllocation(
                    sellerUBN: "83235679", invoiceType: "07", period: period.code, track: track, begin: 12_345_600,
                    end: 12_345_999))
            period = period.next
        }
        try database.importTracks(allocations, source: "test", by: admin)
    }

    /// The seed's products: P001 20kg 850 (deposit 1,500), P005 50kg, P101 regulator.
    public static var products: [Product] {
        get throws {
            [
                Product(
                    code: try ProductCode("P001"), name: "20kg 瓦斯桶", category: .cylinder, sizeKg: 20, price: 850,
                    deposit: 1500,
                    requiresEmptyReturn: true),
                Product(
                    code: try ProductCode("P005"), name: "50kg 瓦斯桶", category: .cylinder, sizeKg: 50, price: 2050,
                    deposit: 3000, requiresEmptyReturn: true),
                Product(code: try ProductCode("P101"), name: "瓦斯調壓器", category: .accessory, price: 450),
            ]
        }
    }

    /// 王大明 as in the seed.
    public static func wangCustomer() throws -> Customer {
        try Customer(
            name: "王大明", type: .commercial, phones: [PhoneNumber("0912-345-678")], taxID: TaxID("95753514"),
            terms: .net30,
            creditLimit: 50_000,
            addresses: [Address(text: "台北市信義區信義路五段7號", postalCode: "110", zone: .north)], invoicePreference: .b2b)
    }

    /// 陳美玲 as in the seed.
    public static func chenCustomer() throws -> Customer {
        try Customer(
            name: "陳美玲", type: .residential, phones: [PhoneNumber("0928-456-789")], terms: .cod,
            addresses: [Address(text: "台北市大安區復興南路一段390號", postalCode: "106", zone: .north)],
            invoicePreference: .mobileBarcode("/ABC+123"))
    }

    /// An order input for `customer` of `P001 x quantity` on the next weekday morning.
    public func order(_ customer: CustomerID, quantity: Int = 2, slot: DeliverySlot = .morning) throws -> OrderInput {
        OrderInput(
            customer: customer, items: [QuoteRequest.Item(product: try ProductCode("P001"), quantity: quantity)],
            date: time.now.date.adding(days: 1), slot: slot)
    }
}
