import Foundation
import LuckyGasCore
import LuckyGasFormats

/// What to generate.
public struct SampleOptions: Sendable {
    /// Number of customers (C000123 and C000124 are always the seed's examples when >= 124).
    public var customers: Int
    /// Days of order history before the as-of date (a week of future orders is added).
    public var days: Int
    /// The random seed: the same options always give the same database.
    public var seed: UInt64
    /// The branch's "today": history ends and the open order book starts here.
    public var asOf: LocalDate
    /// The holiday table (CSV text of `Resources/holidays.csv`).
    public var holidaysCSV: String
    /// PBKDF2 rounds for the demo users.
    public var passwordRounds: Int
    /// Orders attempted per open day (default: customers / 20, the seeds' 1,000 a day at 20,000 customers).
    public var ordersPerDay: Int

    /// Creates options.
    public init(
        customers: Int, days: Int, seed: UInt64, asOf: LocalDate, holidaysCSV: String,
        passwordRounds: Int = PasswordHasher.defaultRounds, ordersPerDay: Int? = nil
    ) {
        self.ordersPerDay = ordersPerDay ?? max(2, customers / 20)
        self.customers = customers
        self.days = days
        self.seed = seed
        self.asOf = asOf
        self.holidaysCSV = holidaysCSV
        self.passwordRounds = passwordRounds
    }
}

/// What was generated.
public struct SampleSummary: Sendable, Codable, Hashable {
    /// Customers written.
    public var customers: Int
    /// Orders placed.
    public var orders: Int
    /// Orders refused by the credit check while generating (realistic, not errors).
    public var refusedByCredit: Int
    /// Orders delivered, cancelled, failed.
    public var delivered: Int
    /// Orders cancelled.
    public var cancelled: Int
    /// Orders failed.
    public var failed: Int
}

/// Generates a deterministic, realistic branch through the store's own intent methods, so the
/// sample always matches the schema and the business rules.
public enum SampleGenerator {
    /// Writes a new branch database at `path` (any existing file is replaced).
    @discardableResult
    public static func generate(into path: String, options: SampleOptions) throws -> SampleSummary {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        var random = SampleRandom(seed: options.seed)
        let time = SampleTime(LocalDateTime(date: options.asOf.adding(days: -options.days - 1), hour: 8))
        let idSource = SampleIDs(seed: options.seed ^ 0xA5A5_A5A5)
        let database = try AppDatabase.open(
            path: path, clock: Clock { time.now }, ids: IDGenerator { idSource.next() },
            random: RandomDigits { idSource.fourDigits() }, create: true)
        let admin = UserSession.system
        let districts = District.taiwan

        // The demo branch: its device id comes from the seeded ids, so the file is reproducible;
        // every copy made by `db init --sample` takes a new one.
        try database.establishBranch(code: "TPE01", name: "台北信義門市", demo: true)
        try database.setParameter("sample.as_of", value: options.asOf.iso, by: admin)
        for line in options.holidaysCSV.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            guard fields.count == 3 else { continue }
            try database.saveHoliday(
                Holiday(date: LocalDate(fields[0]), name: fields[1], delivers: fields[2] == "1"), by: admin)
        }
        for product in try SampleData.products() { try database.saveProduct(product, by: admin) }
        try setUpInvoicing(database, options: options, by: admin)
        for user in SampleData.users {
            let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
            try database.createUser(
                name: user.name, displayName: user.displayName, role: user.role, password: user.name, by: admin,
                salt: salt, rounds: options.passwordRounds, demo: true)
        }
        for (index, driver) in SampleData.drivers.enumerated() {
            let id = "DRV" + String(format: "%03d", index + 1)
            try database.saveDriver(
                Driver(
                    id: id, name: driver, phone: PhoneNumber("09" + random.digits(8)),
                    licenseNumber: "L" + random.digits(9)),
                by: admin)
            let plate =
                random.digits(4) + "-"
                + String((0..<2).map { _ in Character(UnicodeScalar(UInt8(65 + random.int(0...25)))) })
            try database.saveVehicle(
                Vehicle(plate: plate, capacity: random.pick([60, 80, 100, 120]), driverID: id), by: admin)
        }

        // Customers, in batches, with the seed's examples at C000123 and C000124.
        let counter = UserSession(name: "counter", displayName: "門市", role: .counter)
        var batch: [Customer] = []
        for number in 1...max(options.customers, 1) {
            let customer: Customer
            switch number {
            case 123: customer = try SampleData.wangDaming()
            case 124: customer = try SampleData.chenMeiling()
            default: customer = try SampleData.customer(&random, districts: districts)
            }
            batch.append(customer)
            if batch.count == 1000 || number == options.customers {
                try database.importCustomers(batch, by: counter)
                batch.removeAll()
            }
        }
        let examples = try [CustomerID("C000123"), CustomerID("C000124")]
        if options.customers >= 123 {
            try database.setSpecialPrice(
                SpecialPrice(
                    product: ProductCode("P001"), price: 820, validFrom: options.asOf.adding(days: -90),
                    validUntil: LocalDate("2027-12-31")), for: examples[0], by: admin)
        }
        for number in stride(from: 7, through: options.customers, by: 41) where number != 123 && number != 124 {
            let id = CustomerID(number: number)
            guard let record = try database.customer(id), record.customer.type != .residential else { continue }
            try database.setSpecialPrice(
                SpecialPrice(
                    product: ProductCode(random.pick(["P001", "P004", "P005"])),
                    price: Money(Int64(random.pick([780, 800, 820]))),
                    validFrom: options.asOf.adding(days: -60),
                    validUntil: options.asOf.adding(days: random.int(30...400))),
                for: id, by: admin)
        }

        // Receivables carried over from the old system: a few customers are overdue (holds).
        let accountant = UserSession(name: "accountant", displayName: "會計", role: .accountant)
        for number in stride(from: 11, through: options.customers, by: 29) where number != 123 && number != 124 {
            let id = CustomerID(number: number)
            guard let record = try database.customer(id), record.customer.terms.usesCredit else { continue }
            let age = random.int(20...120)
            let documentDate = options.asOf.adding(days: -age)
            try database.importOpeningBalance(
                OpeningBalance(
                    customer: id, reference: "OLD-\(documentDate.compact)-\(random.digits(4))",
                    documentDate: documentDate,
                    dueDate: record.customer.terms.dueDate(invoiceDate: documentDate),
                    amount: Money(Int64(random.int(5...60) * 500))), by: accountant)
        }
        for number in stride(from: 97, through: options.customers, by: 211) where number != 123 && number != 124 {
            try database.placeCreditHold(
                CustomerID(number: number), reason: "支票退票，待補款 / bounced check, awaiting payment", by: accountant)
        }

        // Orders day by day: history (delivered, some cancelled or failed) and a week of open orders.
        let dispatcher = UserSession(name: "dispatcher", displayName: "調度", role: .dispatcher)
        let calendar = try database.calendar()
        var summary = SampleSummary(
            customers: options.customers, orders: 0, refusedByCredit: 0, delivered: 0, cancelled: 0, failed: 0)
        let perDay = options.ordersPerDay
        for offset in -options.days...6 {
            let day = options.asOf.adding(days: offset)
            let slots = calendar.slots(on: day).filter { $0 != .urgent }
            guard !slots.isEmpty, perDay > 0 else { continue }
            var placed: [OrderNumber] = []
            for _ in 0..<random.int(perDay * 3 / 4...perDay * 5 / 4) {
                let number =
                    random.chance(2) && options.customers >= 124
                    ? random.pick([123, 124]) : random.int(1...options.customers)
                let customer = CustomerID(number: number)
                guard let record = try database.customer(customer) else { continue }
                // Placed one to three days ahead, never after the as-of date (the branch's "now").
                let placedOn = min(day.adding(days: -random.int(1...3)), options.asOf)
                time.set(LocalDateTime(date: placedOn, hour: random.int(8...13), minute: random.int(0...59)))
                let items =
                    number == 123
                    ? [QuoteRequest.Item(product: try ProductCode("P001"), quantity: 2)]
                    : SampleData.items(&random, type: record.customer.type)
                let input = OrderInput(customer: customer, items: items, date: day, slot: random.pick(slots))
                do {
                    placed.append(try database.placeOrder(input, by: counter).number)
                    summary.orders += 1
                } catch StoreError.creditRefused {
                    summary.refusedByCredit += 1
                }
            }
            // Deliveries of the day in time order (invoice numbers and times advance together).
            var deliveryMinute = 9 * 60 + random.int(0...20)
            for number in placed {
                let roll = random.int(0...99)
                if roll < 6 {
                    time.set(LocalDateTime(date: day.adding(days: -1), hour: 15))
                    try database.cancelOrder(number, reason: random.pick(SampleData.cancelReasons), by: counter)
                    summary.cancelled += 1
                } else if offset < 0 {
                    time.set(LocalDateTime(date: day, hour: 7, minute: 30))
                    try database.recordOrderEvent(.assign, for: number, by: dispatcher)
                    time.set(LocalDateTime(date: day, hour: 8, minute: random.int(0...50)))
                    try database.recordOrderEvent(.depart, for: number, by: dispatcher)
                    deliveryMinute += random.int(1...4)
                    time.set(LocalDateTime(date: day, hour: deliveryMinute / 60, minute: deliveryMinute % 60))
                    if roll < 9 {
                        try database.recordOrderEvent(.fail, for: number, note: "客戶不在家 / nobody home", by: dispatcher)
                        summary.failed += 1
                    } else {
                        try deliver(number, database: database, random: &random, by: dispatcher)
                        summary.delivered += 1
                    }
                } else if offset == 0 && roll < 50 {
                    time.set(LocalDateTime(date: day, hour: 7, minute: 30))
                    try database.recordOrderEvent(.assign, for: number, by: dispatcher)
                }
            }
            if offset < 0 {
                try receivablesDay(
                    day, database: database, time: time, random: &random, accountant: accountant,
                    lastDay: offset == -1)
            }
        }
        // The sample is a branch that has synced up to its as-of date: nothing waits in the outbox.
        try database.markOutboxSyncedAndPrune(at: LocalDateTime(date: options.asOf, hour: 7))
        try database.checkpoint()
        return summary
    }
}

extension SampleGenerator {
    /// The company, its QR test key and number allocations from the first sample day's period
    /// through the twelve months after the as-of date: 40 booklets a period in two tracks.
    static func setUpInvoicing(_ database: AppDatabase, options: SampleOptions, by admin: UserSession) throws {
        try database.setCompany(
            ubn: "83235679", name: "幸福氣體有限公司", address: "台北市信義區松仁路100號", taxRegistrationNumber: "351234567",
            qrKey: publicTestQRKey, by: admin)
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        var period = InvoicePeriod(containing: options.asOf.adding(days: -options.days - 1))
        let last = InvoicePeriod(containing: options.asOf.adding(days: 365))
        var allocations: [TrackAllocation] = []
        var index = period.rocYear * 6 + period.endMonth / 2
        while period <= last {
            for offset in 0..<2 {
                let track = String([
                    letters[(index * 2 + offset) % letters.count], letters[(index * 5 + offset * 7) % letters.count],
                ])
                let begin = 10_000_000 + (index % 70) * 1_000_000 + offset * 500_000
                allocations.append(
                    TrackAllocation(
                        sellerUBN: "83235679", invoiceType: "07", period: period.code, track: track, begin: begin,
                        end: begin + 999))
            }
            period = period.next
            index += 1
        }
        try database.importTracks(allocations, source: "sample", by: admin)
    }

    /// The accountant's evening: drivers' cash counted and approved (one short by a few dollars,
    /// all but the last day), and some credit customers paying by transfer, check or LINE Pay.
    static func receivablesDay(
        _ day: LocalDate, database: AppDatabase, time: SampleTime, random: inout SampleRandom,
        accountant: UserSession, lastDay: Bool
    ) throws {
        time.set(LocalDateTime(date: day, hour: 18, minute: 0))
        let supervisor = UserSession(name: "supervisor", displayName: "主管", role: .supervisor)
        if !lastDay {
            for record in try database.settlements(on: day) where record.status == .open {
                let short = random.chance(15) ? Money(Int64(random.int(1...3) * 100)) : .zero
                try database.submitSettlement(
                    collector: record.collector, day: day, countedCash: record.count.expectedCash - short,
                    countedChecks: record.count.expectedChecks,
                    reason: short == .zero ? "" : "找零短少 / short in change", by: accountant)
                time.set(LocalDateTime(date: day, hour: 18, minute: 30))
                try database.approveSettlement(collector: record.collector, day: day, by: supervisor)
            }
        }
        time.set(LocalDateTime(date: day, hour: 19, minute: 0))
        let due = try database.invoices(InvoiceFilter(limit: 400)).filter {
            $0.status == .issued && $0.issuedAt.date.days(until: day) >= 7 && $0.buyer.isBusiness
        }
        for invoice in due where random.chance(12) {
            guard let record = try database.invoice(invoice.number), record.open > .zero else { continue }
            let method = random.pick([PaymentMethod.bankTransfer, .bankTransfer, .check, .linePay])
            let amount = random.chance(20) ? record.open - Money(Int64(random.int(1...5) * 100)) : record.open
            guard amount > .zero else { continue }
            try database.recordPayment(
                PaymentInput(
                    customer: invoice.customer, amount: amount, method: method,
                    reference: invoice.number.rawValue,
                    check: method == .check
                        ? CheckDetails(
                            bank: random.pick(["004", "007", "822"]), number: "CK" + random.digits(7),
                            due: day.adding(days: random.int(0...30))) : nil),
                allocate: .automatic, by: accountant)
        }
    }

    /// A delivery as drivers report it: most return every empty, some keep one (deposit), COD
    /// customers pay cash.
    static func deliver(
        _ number: OrderNumber, database: AppDatabase, random: inout SampleRandom, by dispatcher: UserSession
    ) throws {
        guard let order = try database.order(number) else { return }
        let cylinders = order.quote.cylinders
        let keepsOne = cylinders > 0 && random.chance(10)
        let cod = try database.customer(order.customer)?.customer.terms == .cod
        try database.deliverOrder(
            number,
            report: DeliveryReport(
                emptiesReturned: keepsOne ? cylinders - 1 : nil, collected: cod ? order.quote.total : .zero,
                method: cod ? (random.chance(8) ? "CHECK" : "CASH") : nil,
                driver: "DRV" + String(format: "%03d", random.int(1...SampleData.drivers.count))),
            by: dispatcher)
    }
}

/// The generator's clock, moved from order to order.
final class SampleTime: @unchecked Sendable {
    private var moment: LocalDateTime
    private let lock = NSLock()

    init(_ start: LocalDateTime) { moment = start }

    var now: LocalDateTime {
        lock.lock()
        defer { lock.unlock() }
        return moment
    }

    func set(_ value: LocalDateTime) {
        lock.lock()
        moment = value
        lock.unlock()
    }
}

/// Deterministic UUIDs for the sample.
final class SampleIDs: @unchecked Sendable {
    private var random: SampleRandom
    private let lock = NSLock()

    init(seed: UInt64) { random = SampleRandom(seed: seed) }

    func next() -> String {
        lock.lock()
        defer { lock.unlock() }
        return random.uuid()
    }

    /// Four deterministic digits for the sample's invoice random numbers.
    func fourDigits() -> String {
        lock.lock()
        defer { lock.unlock() }
        return random.digits(4)
    }
}
