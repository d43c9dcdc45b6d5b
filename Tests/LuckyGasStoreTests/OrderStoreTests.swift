import GRDB
import LuckyGasCore
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

@Suite("Placing and cancelling orders")
struct OrderStoreTests {
    @Test("The seed's order: 2 x 850 for a COD customer is 1,700 net, 85 tax, 1,785 total, free delivery")
    func seedOrder() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        #expect(placed.number.rawValue == "O-20261118-000001")
        #expect(placed.quote.net == 1700)
        #expect(placed.quote.tax == 85)
        #expect(placed.quote.total == 1785)
        #expect(placed.quote.deliveryFee == .zero)
        #expect(placed.reserved == .zero)
        #expect(placed.availableAfter == nil)
        let record = try #require(try branch.database.order(placed.number))
        #expect(record.status == .confirmed)
        #expect(record.quote == placed.quote)
    }

    @Test("Placing an order queues the confirmation text for the customer's mobile in the same transaction")
    func confirmationSMS() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        let sms = try #require(placed.sms)
        #expect(sms.message.hasPrefix("您的訂單 O-20261118-000001 已確認。預計配送時間："))
        #expect(sms.message.hasSuffix("金額：NT$1,785"))
        #expect(sms.to == "0928456789")
        let row = try #require(
            try branch.database.writer.read {
                try Row.fetchOne(
                    $0,
                    sql:
                        "SELECT aggregate_type, aggregate_id, payload FROM sync_outbox WHERE event_type = 'SmsRequested'"
                )
            })
        #expect(row["aggregate_type"] as String == "order")
        #expect(row["aggregate_id"] as String == "O-20261118-000001")
        let payload: String = row["payload"]
        #expect(payload.contains("0928456789") && payload.contains("LUCKYGAS"))
    }

    @Test("A special price applies; credit is reserved for a NET30 customer and released on cancel")
    func reserveAndRelease() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.wang), by: branch.counter)
        #expect(placed.quote.lines.first?.unitPrice == 820)
        #expect(placed.quote.total == 1722)
        #expect(placed.reserved == 1722)
        #expect(placed.availableAfter == Money(50_000 - 1722))
        #expect(try branch.database.creditCheck(branch.wang).reserved == 1722)
        try branch.database.cancelOrder(placed.number, reason: "客戶改期", by: branch.counter)
        #expect(try branch.database.creditCheck(branch.wang).reserved == .zero)
        let record = try #require(try branch.database.order(placed.number))
        #expect(record.status == .cancelled)
        #expect(record.cancelReason == "客戶改期")
        #expect(throws: StoreError.self) {
            try branch.database.cancelOrder(placed.number, reason: "again", by: branch.counter)
        }
    }

    @Test("An order above the available credit is refused with the available amount and writes nothing")
    func refusedCredit() throws {
        let branch = try TestBranch.make()
        let outboxBefore = try branch.database.writer.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM sync_outbox")
        }
        do {
            _ = try branch.database.placeOrder(branch.order(branch.wang, quantity: 60), by: branch.counter)
            Issue.record("60 cylinders exceed the 50,000 limit")
        } catch StoreError.creditRefused(let refusal, let position) {
            #expect(position.available == 50_000)
            guard case .insufficient(let amount, let available) = refusal else {
                Issue.record("expected insufficient credit, got \(refusal)")
                return
            }
            #expect(amount > 50_000)
            #expect(available == 50_000)
        }
        let outboxAfter = try branch.database.writer.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM sync_outbox")
        }
        #expect(outboxAfter == outboxBefore)
        #expect(try branch.database.orders().isEmpty)
    }

    @Test("A supervisor's override places a refused order, records who and why, and audits it")
    func supervisorOverride() throws {
        let branch = try TestBranch.make()
        let input = try branch.order(branch.wang, quantity: 60)
        #expect(throws: StoreError.self) {
            try branch.database.placeOrder(
                input, by: branch.counter,
                override: OverrideApproval(supervisor: "counter", password: "counter", reason: "老客戶"))
        }
        #expect(throws: StoreError.self) {
            try branch.database.placeOrder(
                input, by: branch.counter,
                override: OverrideApproval(supervisor: "supervisor", password: "supervisor", reason: " "))
        }
        let placed = try branch.database.placeOrder(
            input, by: branch.counter,
            override: OverrideApproval(supervisor: "supervisor", password: "supervisor", reason: "老客戶，月底付款"))
        #expect(placed.overriddenBy == "supervisor")
        let record = try #require(try branch.database.order(placed.number))
        #expect(record.creditOverrideReason == "老客戶，月底付款")
        let audited = try branch.database.writer.read {
            try Int.fetchOne(
                $0, sql: "SELECT count(*) FROM audit_log WHERE action = 'credit.override' AND user = 'supervisor'")
        }
        #expect(audited == 1)
    }

    @Test("A held customer gets no credit order; a suspended one gets no order at all, even with an override")
    func holdsAndSuspension() throws {
        let branch = try TestBranch.make()
        try branch.database.placeCreditHold(branch.wang, reason: "支票退票", by: branch.accountant)
        #expect(try branch.database.creditCheck(branch.wang).holds.map(\.kind) == [.manual])
        #expect(throws: StoreError.self) {
            try branch.database.placeOrder(branch.order(branch.wang), by: branch.counter)
        }
        let record = try #require(try branch.database.customer(branch.chen))
        var suspended = record.customer
        suspended.status = .suspended
        try branch.database.updateCustomer(suspended, expectedVersion: record.version, by: branch.counter)
        do {
            _ = try branch.database.placeOrder(
                branch.order(branch.chen), by: branch.counter,
                override: OverrideApproval(supervisor: "supervisor", password: "supervisor", reason: "試試"))
            Issue.record("a suspended customer must get no order")
        } catch StoreError.overrideNotAllowed {}
    }

    @Test("Open receivables count against credit and an overdue item holds the customer")
    func openItemsAndOverdue() throws {
        let branch = try TestBranch.make()
        let today = branch.time.now.date
        try branch.database.importOpeningBalance(
            OpeningBalance(
                customer: branch.wang, reference: "OLD-1", documentDate: today.adding(days: -40),
                dueDate: today.adding(days: -10),
                amount: 20_000), by: branch.accountant)
        var report = try branch.database.creditCheck(branch.wang, amount: 30_000)
        #expect(report.openAR == 20_000)
        #expect(report.available == 30_000)
        #expect(report.approved == true)
        #expect(report.availableAfter == .zero)
        try branch.database.importOpeningBalance(
            OpeningBalance(
                customer: branch.wang, reference: "OLD-2", documentDate: today.adding(days: -70),
                dueDate: today.adding(days: -31),
                amount: 1_000), by: branch.accountant)
        report = try branch.database.creditCheck(branch.wang, amount: 100)
        #expect(report.oldestDaysPastDue == 31)
        #expect(report.holds.map(\.kind) == [.overdue])
        #expect(report.approved == false)
    }

    @Test("Order numbers follow a daily sequence per branch and restart the next day")
    func dailyNumbers() throws {
        let branch = try TestBranch.make()
        let first = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter).number
        let second = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter).number
        branch.time.set(LocalDateTime(date: branch.time.now.date.adding(days: 1), hour: 9))
        let third = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter).number
        #expect(
            [first, second, third].map(\.rawValue) == ["O-20261118-000001", "O-20261118-000002", "O-20261119-000001"])
    }

    @Test("Calendar rules are enforced inside placeOrder: Sunday, past dates, after the cutoff")
    func calendarEnforced() throws {
        let branch = try TestBranch.make()
        var input = try branch.order(branch.chen)
        input.date = try LocalDate("2026-11-22")  // a Sunday
        #expect(throws: StoreError.self) { try branch.database.placeOrder(input, by: branch.counter) }
        input.date = try LocalDate("2026-11-17")
        #expect(throws: StoreError.self) { try branch.database.placeOrder(input, by: branch.counter) }
        branch.time.set(LocalDateTime(date: branch.time.now.date, hour: 15))
        input.date = branch.time.now.date
        input.slot = .evening
        #expect(throws: StoreError.self) { try branch.database.placeOrder(input, by: branch.counter) }
        input.slot = .urgent
        let urgent = try branch.database.placeOrder(input, by: branch.counter)
        #expect(urgent.quote.deliveryFee == 75)
    }

    @Test("Cancelling after the window needs a supervisor; the counter gets a clear refusal")
    func cancellationWindow() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        // Delivery tomorrow 08:00: the window closes at 04:00 tomorrow.
        branch.time.set(LocalDateTime(date: branch.time.now.date.adding(days: 1), hour: 5))
        do {
            try branch.database.cancelOrder(placed.number, reason: "不要了", by: branch.counter)
            Issue.record("past the window the counter alone cannot cancel")
        } catch StoreError.cancellationWindowPassed(let deadline) {
            #expect(deadline.hour == 4)
        }
        try branch.database.cancelOrder(
            placed.number, reason: "不要了", by: branch.counter,
            override: OverrideApproval(supervisor: "supervisor", password: "supervisor", reason: "客戶來電"))
        #expect(try branch.database.order(placed.number)?.status == .cancelled)
    }

    @Test("Delivery follows the life cycle, turns the reservation into use and opens a receivable")
    func lifecycleAndDelivery() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.wang), by: branch.counter)
        #expect(throws: StoreError.self) {
            try branch.database.recordOrderEvent(.depart, for: placed.number, by: branch.dispatcher)
        }
        #expect(throws: StoreError.self) {
            try branch.database.recordOrderEvent(.assign, for: placed.number, by: branch.counter)
        }
        try branch.database.recordOrderEvent(.assign, for: placed.number, by: branch.dispatcher)
        try branch.database.recordOrderEvent(.depart, for: placed.number, by: branch.dispatcher)
        try branch.database.recordOrderEvent(.deliver, for: placed.number, by: branch.dispatcher)
        #expect(try branch.database.order(placed.number)?.status == .delivered)
        let report = try branch.database.creditCheck(branch.wang)
        #expect(report.reserved == .zero)
        #expect(report.openAR == 1722)
        #expect(throws: StoreError.self) {
            try branch.database.cancelOrder(placed.number, reason: "too late", by: branch.supervisor)
        }
    }

    @Test("The order list filters by date, status and customer")
    func orderList() throws {
        let branch = try TestBranch.make()
        let a = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        let b = try branch.database.placeOrder(branch.order(branch.wang), by: branch.counter)
        try branch.database.cancelOrder(b.number, reason: "重複", by: branch.counter)
        #expect(try branch.database.orders(OrderFilter(customer: branch.chen)).map(\.number) == [a.number])
        #expect(try branch.database.orders(OrderFilter(status: .cancelled)).map(\.number) == [b.number])
        let tomorrow = branch.time.now.date.adding(days: 1)
        #expect(try branch.database.orders(OrderFilter(from: tomorrow, to: tomorrow)).count == 2)
        #expect(try branch.database.orders(OrderFilter(from: tomorrow.adding(days: 1))).isEmpty)
    }
}
