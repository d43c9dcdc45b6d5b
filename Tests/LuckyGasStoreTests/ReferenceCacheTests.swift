import Foundation
import GRDB
import LuckyGasCore
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

/// Issue 14: the catalogue, price rules, calendar and bounds are kept in memory per
/// `reference_version`; these tests prove a kept value is never stale nor uncommitted.
@Suite("Reference data kept in memory, never stale")
struct ReferenceCacheTests {
    static func price(_ database: AppDatabase, _ branch: TestBranch) throws -> Money? {
        try database.quote(branch.order(branch.chen)).lines.first?.unitPrice
    }

    static func p001(price: Money) throws -> Product {
        Product(
            code: try ProductCode("P001"), name: "20kg 瓦斯桶", category: .cylinder, sizeKg: 20, price: price,
            deposit: 1500, requiresEmptyReturn: true)
    }

    @Test("A price changed by another process is used by this one's next quote and order")
    func otherProcess() throws {
        let path = NSTemporaryDirectory() + "luckygas-test-\(UUID().uuidString).db"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let branch = try TestBranch.make(path: path)
        #expect(try Self.price(branch.database, branch) == 850)
        let other = try AppDatabase.open(path: path, clock: branch.database.clock)
        let admin = try other.authenticate(name: "admin", password: "admin")
        try other.saveProduct(try Self.p001(price: 900), by: admin)
        #expect(try Self.price(branch.database, branch) == 900)
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        #expect(placed.quote.lines.first?.unitPrice == 900)
    }

    @Test("A parameter changed in this process is read at once (the cancellation deadline moves)")
    func sameProcess() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        let before = try #require(try branch.database.order(placed.number)).cancellationDeadline
        try branch.database.changeParameter(
            "order.cancellation_window_hours", value: "6", reason: "測試", by: branch.admin)
        let after = try #require(try branch.database.order(placed.number)).cancellationDeadline
        #expect(before != after)
        #expect(after.hour == 2)
    }

    @Test("A value read inside a write that rolls back is used there but never kept")
    func rolledBack() throws {
        let branch = try TestBranch.make()
        #expect(try Self.price(branch.database, branch) == 850)
        struct Abandon: Error {}
        #expect(throws: (any Error).self) {
            try branch.database.write { db in
                try db.execute(sql: "UPDATE product SET price = 999 WHERE code = 'P001'")
                let seen = try branch.database.reference.products(db)[try ProductCode("P001")]?.price
                #expect(seen == 999)
                throw Abandon()
            }
        }
        #expect(try Self.price(branch.database, branch) == 850)
    }
}
