import Foundation
import LuckyGasCore
import LuckyGasStore
import Testing

@testable import LuckyGasApp

@Suite("The committed sample database")
struct SampleDatabaseTests {
    static var samplePath: String { CLIHarness.root.appendingPathComponent("luckygas.db.sample").path }

    @Test("luckygas.db.sample is byte for byte what the documented command produces")
    func reproducible() throws {
        let out = NSTemporaryDirectory() + "luckygas-sample-\(UUID().uuidString).db"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: out + suffix) } }
        let command = try SampleCommand.parse(SampleCommand.documentedArguments + ["--out", out])
        let options = try SampleCommand.options(
            customers: command.customers, days: command.days, seed: command.seed, asOf: command.asOf,
            ordersPerDay: command.ordersPerDay)
        try SampleGenerator.generate(into: out, options: options)
        let fresh = try Data(contentsOf: URL(fileURLWithPath: out))
        let committed = try Data(contentsOf: URL(fileURLWithPath: Self.samplePath))
        // Compared as a Bool: on a mismatch Swift Testing would otherwise diff two 2 MB byte arrays.
        let identical = fresh == committed
        #expect(
            identical,
            "regenerate with: luckygas sample --customers 500 --days 21 --seed 2026 --out luckygas.db.sample")
        #expect(committed.count < 5_000_000)
    }

    @Test("The sample is at the latest migration, passes the check and holds the seed's examples")
    func contents() throws {
        let copy = NSTemporaryDirectory() + "luckygas-sample-copy-\(UUID().uuidString).db"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
        try FileManager.default.copyItem(atPath: Self.samplePath, toPath: copy)
        let database = try AppDatabase.open(path: copy)
        let check = try database.check()
        #expect(check.ok)
        #expect(check.schemaCurrent)
        let p001 = try #require(try database.products().first { $0.code.rawValue == "P001" })
        #expect(p001.name == "20kg 瓦斯桶" && p001.price == 850 && p001.deposit == 1500 && p001.requiresEmptyReturn)
        let wang = try #require(try database.customer(CustomerID("C000123")))
        #expect(wang.customer.name == "王大明")
        #expect(wang.customer.type == .commercial)
        #expect(wang.customer.taxID?.rawValue == "95753514")
        #expect(wang.customer.invoicePreference == .b2b)
        #expect(wang.customer.terms == .net30)
        #expect(wang.customer.creditLimit == 50_000)
        #expect(wang.customer.defaultAddress?.text == "台北市信義區信義路五段7號")
        #expect(wang.customer.defaultAddress?.postalCode == "110")
        #expect(wang.customer.defaultAddress?.zone == .north)
        let special = try #require(wang.specialPrices.first { $0.product.rawValue == "P001" })
        let until = try LocalDate("2027-12-31")
        #expect(special.price == 820 && special.validUntil == until)
        let chen = try #require(try database.customer(CustomerID("C000124")))
        #expect(chen.customer.name == "陳美玲" && chen.customer.type == .residential && chen.customer.terms == .cod)
        #expect(chen.customer.taxID == nil)
        #expect(chen.customer.invoicePreference == .mobileBarcode("/ABC+123"))
        #expect(chen.customer.defaultAddress?.text.hasPrefix("台北市大安區") == true)
        #expect(chen.customer.defaultAddress?.zone == .north)
        for user in ["counter", "accountant", "dispatcher", "supervisor", "admin"] {
            #expect(try database.authenticate(name: user, password: user).name == user)
        }
        #expect(try database.customer(CustomerID("C000500")) != nil)
        #expect(try database.orders(OrderFilter(limit: 10_000)).count > 300)
    }
}
