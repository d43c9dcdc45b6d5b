import Foundation
import GRDB
import LuckyGasCore
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

@Suite("Customers in the branch store")
struct CustomerStoreTests {
    @Test("Adding a customer assigns the next C number and writes audit and outbox in the same transaction")
    func addWritesAuditAndOutbox() throws {
        let branch = try TestBranch.make()
        let before = try branch.database.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'customer.add'") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_outbox WHERE event_type = 'CustomerAdded'") ?? 0
            )
        }
        var customer = try TestBranch.chenCustomer()
        customer.name = "林小華"
        let id = try branch.database.addCustomer(customer, by: branch.counter)
        #expect(id.rawValue == "C000003")
        let after = try branch.database.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'customer.add'") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_outbox WHERE event_type = 'CustomerAdded'") ?? 0
            )
        }
        #expect(after.0 == before.0 + 1)
        #expect(after.1 == before.1 + 1)
        let stored = try #require(try branch.database.customer(id))
        #expect(stored.customer.name == "林小華")
        #expect(stored.customer.invoicePreference == .mobileBarcode("/ABC+123"))
        #expect(stored.version == 1)
    }

    @Test("A dispatcher may not add customers")
    func dispatcherCannotAdd() throws {
        let branch = try TestBranch.make()
        #expect(throws: StoreError.self) {
            try branch.database.addCustomer(try TestBranch.chenCustomer(), by: branch.dispatcher)
        }
    }

    @Test(
        "Search finds customers by any part of name or address, phone digits, tax id and id",
        arguments: [
            ("王", ["C000001"]), ("大明", ["C000001"]), ("王大明", ["C000001"]), ("信義", ["C000001"]),
            ("信義路五段", ["C000001"]), ("大安區", ["C000002"]), ("美", ["C000002"]), ("0912-345-678", ["C000001"]),
            ("345678", ["C000001"]), ("0928 456", ["C000002"]), ("95753514", ["C000001"]), ("C000002", ["C000002"]),
            ("c0000", ["C000001", "C000002"]), ("台北市", ["C000001", "C000002"]), ("高雄", []), ("不存在的人", []),
        ])
    func search(query: String, expected: [String]) throws {
        let branch = try TestBranch.make()
        let found = try branch.database.searchCustomers(query).map(\.id.rawValue)
        #expect(Set(found) == Set(expected))
    }

    @Test("Two-character CJK search works on SQLite 3.40 (the trigram LIKE regression case %大明%)")
    func shortCJKRegression() throws {
        let branch = try TestBranch.make()
        let version = try branch.database.writer.read { try String.fetchOne($0, sql: "SELECT sqlite_version()") }
        #expect(version != nil)
        #expect(try branch.database.searchCustomers("大明").first?.name == "王大明")
    }

    @Test("Name matches are listed before address matches")
    func nameFirst() throws {
        let branch = try TestBranch.make()
        var shop = try TestBranch.chenCustomer()
        shop.name = "大安小吃店"
        shop.addresses[0] = try Address(text: "台北市中正區羅斯福路一段1號", postalCode: "100", zone: .north)
        let id = try branch.database.addCustomer(shop, by: branch.counter)
        let found = try branch.database.searchCustomers("大安").map(\.id)
        #expect(found == [id, branch.chen])
    }

    @Test("Updating a customer re-indexes search, bumps the version and refuses a stale version")
    func updateAndStale() throws {
        let branch = try TestBranch.make()
        let record = try #require(try branch.database.customer(branch.chen))
        var changed = record.customer
        changed.name = "陳美玲（新店）"
        changed.addresses.append(try Address(text: "新北市新店區北新路二段10號", postalCode: "231", zone: .north, isDefault: false))
        try branch.database.updateCustomer(changed, expectedVersion: record.version, by: branch.counter)
        #expect(try branch.database.searchCustomers("新店").map(\.id) == [branch.chen])
        let updated = try #require(try branch.database.customer(branch.chen))
        #expect(updated.version == 2)
        #expect(updated.customer.addresses.count == 2)
        #expect(throws: StoreError.self) {
            try branch.database.updateCustomer(changed, expectedVersion: record.version, by: branch.counter)
        }
    }

    @Test("A B2B customer without a tax id is refused with a bilingual message")
    func b2bNeedsTaxID() throws {
        #expect(throws: ValidationError.buyerNeedsTaxID) {
            try Customer(
                name: "某公司", type: .commercial, phones: [PhoneNumber("02-2345-6789")], terms: .net30,
                addresses: [Address(text: "台北市", postalCode: "100", zone: .north)], invoicePreference: .b2b)
        }
        #expect(ValidationError.buyerNeedsTaxID.operatorMessage.zh.contains("統一編號"))
        #expect(ValidationError.buyerNeedsTaxID.operatorMessage.en.contains("UBN"))
    }

    @Test("Search grams hold single characters and adjacent pairs of Chinese text, and ASCII words")
    func grams() {
        #expect(CustomerSearchIndex.grams("王大明") == "王 大 明 王大 大明")
        #expect(CustomerSearchIndex.grams("信義路5段 Apt 3") == "信 義 路 信義 義路 5 段 Apt 3")
    }
}
