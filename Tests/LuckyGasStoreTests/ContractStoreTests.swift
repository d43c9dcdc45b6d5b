import Foundation
import GRDB
import LuckyGasCore
import LuckyGasTestSupport
import LuckyGasWire
import Testing

@testable import LuckyGasStore

/// Checks every outbox row against the contract (Docs/events.md).
enum OutboxContract {
    struct Event: Equatable {
        var seq: Int64
        var type: String
        var aggregateType: String
        var aggregateID: String
        var version: Int
        var payload: String
    }

    /// Every row decodes as its Wire kind and encodes back to the same bytes, under that kind's
    /// aggregate type, schema version and real aggregate id; the versions of each aggregate go
    /// up by one from the first event on; the aggregate's row holds the last version.
    @discardableResult
    static func verify(
        _ database: AppDatabase, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Event] {
        let kinds = Dictionary(uniqueKeysWithValues: WireEvents.all.map { ($0.eventType, $0) })
        let rows = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sync_outbox ORDER BY seq")
        }
        var events: [Event] = []
        var last: [String: Int] = [:]
        for row in rows {
            let event = Event(
                seq: row["seq"], type: row["event_type"], aggregateType: row["aggregate_type"],
                aggregateID: row["aggregate_id"], version: row["aggregate_version"], payload: row["payload"])
            events.append(event)
            guard let kind = kinds[event.type] else {
                Issue.record("outbox row \(event.seq) has no Wire kind \(event.type)", sourceLocation: sourceLocation)
                continue
            }
            #expect(kind.aggregateType == event.aggregateType, sourceLocation: sourceLocation)
            #expect(row["schema_version"] as Int == kind.schemaVersion, sourceLocation: sourceLocation)
            let decoded = try decode(kind, event.payload)
            #expect(
                decoded.aggregateID == event.aggregateID, "\(event.type) #\(event.seq)", sourceLocation: sourceLocation)
            #expect(
                try WireJSON.encode(decoded) == event.payload, "\(event.type) #\(event.seq)",
                sourceLocation: sourceLocation)
            #expect(!event.payload.contains("\"_0\""), sourceLocation: sourceLocation)
            let key = "\(event.aggregateType)/\(event.aggregateID)"
            // An aggregate's first event is version 1; parameters exist from the first migration
            // on, without an event, so their first change is 2.
            if last[key] == nil, event.aggregateType != "parameter" {
                #expect(
                    event.version == 1, "\(key): first event \(event.type) #\(event.seq)",
                    sourceLocation: sourceLocation)
            }
            if let previous = last[key] {
                // An event that only mentions the aggregate (a text message) keeps its version.
                let expected = event.type == "SmsRequested" ? previous : previous + 1
                #expect(
                    event.version == expected, "\(key): \(event.type) #\(event.seq)", sourceLocation: sourceLocation)
            }
            last[key] = event.version
        }
        for (key, version) in last {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            guard let (table, column) = Aggregates.tables[parts[0]] else { continue }
            let stored = try database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT version FROM \(table) WHERE \(column) = ?", arguments: [parts[1]])
            }
            #expect(stored == version, "\(key)", sourceLocation: sourceLocation)
        }
        return events
    }

    private static func decode(_ kind: any WireEvent.Type, _ payload: String) throws -> any WireEvent {
        func open<Kind: WireEvent>(_: Kind.Type) throws -> any WireEvent {
            try WireJSON.decode(Kind.self, from: payload)
        }
        return try open(kind)
    }
}

@Suite("Contracts: typed outbox events, real versions, branch identity")
struct ContractStoreTests {
    @Test("A day of work: every outbox row is its Wire kind, and versions of each aggregate go up by one")
    func aDayOfWork() throws {
        let branch = try TestBranch.make()
        let database = branch.database
        // Wang (NET30) orders and takes delivery; Chen (COD) pays cash at the door.
        let wang = try InvoicingStoreTests.delivered(branch, branch.wang)
        let chen = try InvoicingStoreTests.delivered(
            branch, branch.chen, report: DeliveryReport(collected: Money(1785), method: "CASH"))
        // A payment: recorded and allocated, unallocated, allocated again.
        let paid = try database.recordPayment(
            PaymentInput(customer: branch.wang, amount: Money(1000), method: .cash),
            allocate: .chosen([(wang.invoice.rawValue, Money(1000))]), by: branch.accountant)
        try database.unallocatePayment(paid.number, reason: "入錯帳", by: branch.accountant)
        try database.allocatePayment(paid.number, .automatic, by: branch.accountant)
        // An order cancelled, a customer changed twice, a hold placed and released, a price.
        let cancelled = try database.placeOrder(branch.order(branch.wang), by: branch.counter)
        try database.cancelOrder(cancelled.number, reason: "客戶改期", by: branch.counter)
        var record = try #require(try database.customer(branch.chen))
        record.customer.notes = "後門進出"
        try database.updateCustomer(record.customer, expectedVersion: record.version, by: branch.counter)
        record = try #require(try database.customer(branch.chen))
        record.customer.notes = "後門進出，先按電鈴"
        try database.updateCustomer(record.customer, expectedVersion: record.version, by: branch.counter)
        try database.placeCreditHold(branch.wang, reason: "逾期未付", by: branch.accountant)
        try database.releaseCreditHold(branch.wang, reason: "已結清", by: branch.accountant)
        try database.setParameter("credit.overdue_hold_days", value: "45", by: branch.admin)
        try database.setParameter("credit.overdue_hold_days", value: "30", by: branch.admin)

        let events = try OutboxContract.verify(database)
        func versions(_ type: String, _ id: String) -> [String] {
            events.filter { $0.aggregateType == type && $0.aggregateID == id }.map { "\($0.type) \($0.version)" }
        }
        // Issue 12: record 1, allocate 3, unallocate 3, allocate 4 before; now one number per change.
        #expect(
            versions("payment", paid.number.rawValue) == [
                "PaymentRecorded 1", "PaymentAllocated 2", "PaymentUnallocated 3", "PaymentAllocated 4",
            ])
        #expect(
            versions("order", cancelled.number.rawValue) == ["OrderPlaced 1", "SmsRequested 1", "OrderCancelled 2"]
                || versions("order", cancelled.number.rawValue) == ["OrderPlaced 1", "OrderCancelled 2"])
        #expect(versions("customer", branch.chen.rawValue).suffix(2) == ["CustomerChanged 2", "CustomerChanged 3"])
        #expect(versions("invoice", wang.invoice.rawValue) == ["InvoiceIssued 1"])
        // Money collected at the door is a payment like any other, allocated to the invoice.
        let collected = try #require(chen.payment)
        #expect(versions("payment", collected.rawValue) == ["PaymentRecorded 1", "PaymentAllocated 2"])
        let recorded = try #require(events.first { $0.aggregateID == collected.rawValue })
        let payload = try WireJSON.decode(PaymentRecorded.self, from: recorded.payload)
        #expect(payload.source == "DELIVERY" && payload.collector == "dispatcher" && payload.amount == 1785)
        #expect(payload.orderNumber != nil && payload.method == "CASH")
        // Central can apply them in order: the invoice, the money collected against it, the delivery.
        let atTheDoor = events.filter {
            [chen.invoice.rawValue, collected.rawValue, chen.order.rawValue].contains($0.aggregateID)
        }.map(\.type)
        #expect(
            atTheDoor == [
                "OrderPlaced", "SmsRequested", "InvoiceIssued", "PaymentRecorded", "PaymentAllocated", "OrderDelivered",
            ]
                || atTheDoor == [
                    "OrderPlaced", "InvoiceIssued", "PaymentRecorded", "PaymentAllocated", "OrderDelivered",
                ])
        let held = events.filter { $0.type.hasPrefix("CreditHold") }
        #expect(held.map(\.version) == [1, 2] && Set(held.map(\.aggregateID)).count == 1)
        #expect(versions("parameter", "credit.overdue_hold_days").count == 2)
        // The invoice's buyer is stored readable (no Swift `_0`).
        let buyer = try database.writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT buyer FROM invoice WHERE number = ?", arguments: [chen.invoice.rawValue])
        }
        #expect(buyer?.contains(#""kind":"mobile_barcode""#) == true && buyer?.contains("_0") == false)
    }

    @Test("The branch identity: a UUID device id and epoch 1 from the migration; establishing a branch renews it")
    func identity() throws {
        let branch = try TestBranch.make()
        let first = try branch.database.branchIdentity()
        #expect(UUID(uuidString: first.deviceID) != nil && first.deviceEpoch == 1)
        try branch.database.establishBranch(code: "tpe02", name: "台北大安門市", demo: false)
        let named = try branch.database.branchIdentity()
        #expect(named.code == "TPE02" && named.name == "台北大安門市" && !named.isDemo)
        #expect(named.deviceID != first.deviceID && named.deviceEpoch == 1)
        #expect(throws: StoreError.self) { try branch.database.establishBranch(code: "台北", name: "x", demo: false) }
        #expect(throws: StoreError.self) { try branch.database.establishBranch(code: "TPE03", name: " ", demo: false) }
    }

    @Test("A path that does not exist is refused and nothing is created, unless asked to create")
    func missingFile() throws {
        let path = NSTemporaryDirectory() + "luckygas-missing-\(UUID().uuidString).db"
        #expect {
            _ = try AppDatabase.open(path: path)
        } throws: { error in
            if case StoreError.databaseMissing(let missing) = error { return missing == path }
            return false
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A stored value that does not parse is an error naming the row, not a default")
    func unreadableRow() throws {
        let branch = try TestBranch.make()
        let receipt = try InvoicingStoreTests.delivered(branch, branch.wang)
        let order = receipt.order.rawValue
        try branch.database.writer.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE sales_order SET slot = 'MIDNIGHT' WHERE number = ?", arguments: [order])
        }
        #expect {
            _ = try branch.database.order(receipt.order)
        } throws: { error in
            guard case StoreError.badStoredValue(let table, let row, let column, let value) = error else {
                return false
            }
            return table == "sales_order" && row == order && column == "slot" && value == "MIDNIGHT"
                && (error as? StoreError)?.operatorMessage.en.contains(order) == true
        }
    }

    @Test("A parameter that does not parse is refused when it is set, and an error naming it if stored anyway")
    func unreadableParameter() throws {
        let branch = try TestBranch.make()
        for (key, value) in [
            ("order.cancellation_window_hours", "four"), ("business.weekday_open", "8h"),
            ("receivables.provision_percent", "0,1,5"), ("bank.va_prefix", "99-12"),
        ] {
            #expect {
                try branch.database.setParameter(key, value: value, by: branch.admin)
            } throws: { error in
                if case StoreError.parameterRefused(let found, _, _) = error { return found == key }
                return false
            }
        }
        try branch.database.writer.write { db in
            try db.execute(sql: "UPDATE parameter SET value = 'soon' WHERE key = 'order.advance_booking_days'")
        }
        #expect {
            _ = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        } throws: { error in
            if case StoreError.badParameter(let key, let value, _) = error {
                return key == "order.advance_booking_days" && value == "soon"
            }
            return false
        }
    }
}
