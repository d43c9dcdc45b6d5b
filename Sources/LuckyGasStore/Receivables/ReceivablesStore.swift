import Foundation
import GRDB
import LuckyGasCore
import LuckyGasWire

/// The shared steps of receivables inside a write transaction: numbering, posting a payment,
/// moving money between a payment and open items, and the dated history of open items.
enum ReceivablesStore {
    /// Takes the next receipt number of `day`.
    static func nextReceipt(_ db: Database, day: LocalDate) throws -> ReceiptNumber {
        let last =
            try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        INSERT INTO receipt_sequence (day, last) VALUES (?, 1)
                        ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last
                        """), arguments: [day.iso]) ?? 1
        return ReceiptNumber(day: day, sequence: last)
    }

    /// Writes a payment and its receipt journal entry; everything is unapplied until allocated.
    static func insertPayment(
        _ db: Database, _ input: PaymentInput, bounds: Bounds, source: PaymentSource, collector: String? = nil,
        order: OrderNumber? = nil,
        bankLine: Int64? = nil, at now: LocalDateTime, by user: String
    ) throws -> ReceiptNumber {
        guard input.amount > .zero else {
            throw StoreError.invalid(.notPositive(field: "金額 amount", value: input.amount.amount))
        }
        // Every payment is bounded and dated within the posting window (a bank line that is not
        // is left for a person by the matcher, never posted); what a person types must also be
        // printable text. A bank line's own text is filtered when it is read, not refused.
        do throws(ValidationError) {
            try bounds.checkAmount(input.amount, field: "收款金額 payment amount")
        } catch { throw StoreError.invalid(error) }
        if source != .bank {
            _ = try inputText(input.reference, field: "參考 reference")
            if let check = input.check {
                _ = try inputText(check.bank, field: "付款銀行 drawee bank", limit: FreeText.Limit.name)
                _ = try inputText(check.number, field: "票號 check number", limit: FreeText.Limit.name)
                guard check.due <= now.date.adding(days: 366) else {
                    throw StoreError.dateOutsideWindow(
                        field: "票據到期日 check date", date: check.due, earliest: now.date.adding(days: -366),
                        latest: now.date.adding(days: 366))
                }
            }
        }
        if input.method == .check, source == .counter, input.check == nil {
            throw ReceivablesError.checkDetailsRequired
        }
        if let check = input.check, check.bank.trimmingSpaces.isEmpty || check.number.trimmingSpaces.isEmpty {
            throw ReceivablesError.checkDetailsRequired
        }
        if input.method != .check, input.check != nil { throw ReceivablesError.checkDetailsOnlyForChecks }
        guard
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM customer WHERE id = ?"), arguments: [input.customer.rawValue])
                != nil
        else { throw StoreError.customerNotFound(input.customer.rawValue) }
        let received = input.receivedOn ?? now.date
        try Parameters.checkPostingDate(db, received, field: "收款日 date received", today: now.date)
        let number = try nextReceipt(db, day: now.date)
        try db.cachedStatement(
            sql: """
                INSERT INTO payment (number, customer_id, received_on, amount, method, reference, check_bank,
                  check_number, check_due, check_status, source, collector, order_number, bank_line_id, unapplied,
                  created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            number.rawValue, input.customer.rawValue, received.iso, input.amount.amount, input.method.rawValue,
            input.reference, input.check?.bank, input.check?.number, input.check?.due.iso,
            input.method == .check ? "HELD" : nil, source.rawValue, collector, order?.rawValue, bankLine,
            input.amount.amount, now.iso, user,
        ])
        try InvoiceStore.post(
            db,
            .receipt(number, customer: input.customer, method: input.method, amount: input.amount, date: received),
            at: now, by: user)
        return number
    }

    /// A customer's open items, oldest due first.
    static func openItems(_ db: Database, customer: CustomerID) throws -> [OpenItemBalance] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, reference, kind, document_date, due_date, amount, open_amount FROM open_item
                    WHERE customer_id = ? AND open_amount > 0 ORDER BY due_date, document_date, id
                    """), arguments: [customer.rawValue]
        ).map(openItem)
    }

    static func openItem(_ row: Row) throws -> OpenItemBalance {
        OpenItemBalance(
            id: row["id"], reference: row["reference"], kind: row["kind"],
            date: try Stored.date(row, "document_date", table: "open_item"),
            due: try Stored.date(row, "due_date", table: "open_item"),
            amount: Money(row["amount"] as Int64), open: Money(row["open_amount"] as Int64))
    }

    /// Moves `shares` of payment `number` onto open items. The guarded updates make it impossible
    /// to allocate more than an item's open amount or the payment's unapplied amount, however
    /// many processes try at once.
    static func apply(
        _ db: Database, payment number: ReceiptNumber, customer: CustomerID, shares: [AllocationShare], rule: String,
        at now: LocalDateTime, by user: String
    ) throws {
        for share in shares {
            guard
                try OpenItems.take(
                    db, item: share.item, customer: customer, amount: share.amount, on: now.date,
                    payment: number.rawValue)
            else {
                throw ReceivablesError.allocationAboveOpen(
                    share.reference, amount: share.amount, open: try OpenItems.openAmount(db, item: share.item))
            }
            try db.cachedStatement(
                sql: """
                    UPDATE payment SET unapplied = unapplied - ? WHERE number = ? AND status = 'POSTED' AND unapplied >= ?
                    """
            ).execute(arguments: [share.amount.amount, number.rawValue, share.amount.amount])
            guard db.changesCount == 1 else {
                let unapplied =
                    try Int64.fetchOne(
                        db.cachedStatement(sql: "SELECT unapplied FROM payment WHERE number = ?"),
                        arguments: [number.rawValue]) ?? 0
                throw ReceivablesError.allocationAboveUnapplied(total: share.amount, unapplied: Money(unapplied))
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO allocation (payment_number, open_item_id, amount, allocated_on, allocated_at,
                      allocated_by, rule) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [number.rawValue, share.item, share.amount.amount, now.date.iso, now.iso, user, rule])
        }
    }

    /// Reverses active allocations (all of the payment's, or one), reopening their items.
    static func reverseAllocations(
        _ db: Database, payment number: ReceiptNumber, only id: Int64? = nil, reason: String, at now: LocalDateTime,
        by user: String
    ) throws -> Money {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, open_item_id, amount FROM allocation
                WHERE payment_number = ? AND reversed_on IS NULL AND (? IS NULL OR id = ?) ORDER BY id
                """, arguments: [number.rawValue, id, id])
        var total = Money.zero
        for row in rows {
            let amount = Money(row["amount"] as Int64)
            let item: Int64 = row["open_item_id"]
            try db.execute(
                sql: """
                    UPDATE allocation SET reversed_on = ?, reversed_at = ?, reversed_by = ?, reversal_reason = ?
                    WHERE id = ?
                    """, arguments: [now.date.iso, now.iso, user, reason, row["id"] as Int64])
            try OpenItems.giveBack(db, item: item, amount: amount, on: now.date, payment: number.rawValue)
            total += amount
        }
        try db.execute(
            sql: "UPDATE payment SET unapplied = unapplied + ? WHERE number = ?",
            arguments: [total.amount, number.rawValue])
        return total
    }

    /// The customer's unapplied credit (payments not yet allocated).
    static func unapplied(_ db: Database, customer: CustomerID) throws -> Money {
        Money(
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: "SELECT COALESCE(SUM(unapplied), 0) FROM payment WHERE customer_id = ? AND status = 'POSTED'"),
                arguments: [customer.rawValue]) ?? 0)
    }

    /// Reads a payment with its allocations.
    static func payment(_ db: Database, _ number: ReceiptNumber) throws -> PaymentRecord {
        let id = number.rawValue
        let allocations = try Stored.all(
            db.cachedStatement(
                sql: """
                    SELECT a.*, o.reference, o.kind FROM allocation a JOIN open_item o ON o.id = a.open_item_id
                    WHERE payment_number = ? ORDER BY a.id
                    """), arguments: [number.rawValue]
        ) { row in
            AllocationRecord(
                id: row["id"], reference: row["reference"], kind: row["kind"], amount: Money(row["amount"] as Int64),
                allocatedOn: try Stored.date(row, "allocated_on", table: "allocation"),
                allocatedBy: row["allocated_by"],
                rule: row["rule"], reversedOn: try Stored.optionalDate(row, "reversed_on", table: "allocation"),
                reversalReason: row["reversal_reason"])
        }
        let found = try Stored.first(
            db.cachedStatement(
                sql: "SELECT p.*, c.name FROM payment p JOIN customer c ON c.id = p.customer_id WHERE number = ?"),
            arguments: [number.rawValue]
        ) { row -> PaymentRecord in
            let check: CheckDetails? =
                if let bank = row["check_bank"] as String?, let checkNumber = row["check_number"] as String?,
                    let due = row["check_due"] as String?
                {
                    CheckDetails(
                        bank: bank, number: checkNumber,
                        due: try Stored.parsed(row, "check_due", table: "payment", id: number.rawValue) { _ in
                            try LocalDate(due)
                        })
                } else { nil }
            return PaymentRecord(
                number: number, customer: try Stored.customerID(row, "customer_id", table: "payment", id: id),
                customerName: row["name"], receivedOn: try Stored.date(row, "received_on", table: "payment", id: id),
                amount: Money(row["amount"] as Int64),
                method: try Stored.value(PaymentMethod.self, row, "method", table: "payment", id: id),
                reference: row["reference"], check: check,
                checkStatus: try Stored.optional(CheckStatus.self, row, "check_status", table: "payment", id: id),
                source: try Stored.value(PaymentSource.self, row, "source", table: "payment", id: id),
                collector: row["collector"],
                status: try Stored.value(ReceiptStatus.self, row, "status", table: "payment", id: id),
                unapplied: Money(row["unapplied"] as Int64),
                refunded: Money(row["refunded"] as Int64), reversalReason: row["reversal_reason"],
                allocations: allocations, createdBy: row["created_by"])
        }
        guard let found else { throw StoreError.paymentNotFound(number.rawValue) }
        return found
    }

    /// Reads the payment after a change to it, records the audit entry (before and after) and
    /// queues `event`, which moves the payment's version.
    static func recordChange<Event: WireEvent>(
        _ intent: Intent, _ before: PaymentRecord, action: String, _ event: (PaymentRecord) -> Event
    ) throws -> PaymentRecord {
        let after = try payment(intent.db, before.number)
        try intent.audit(action, "payment", before.number.rawValue, before: before, after: after)
        try intent.emit(event(after), .changed)
        return after
    }

    /// Queues `PaymentRecorded` for a payment `insertPayment` just wrote from `input`.
    static func recorded(
        _ intent: Intent, _ number: ReceiptNumber, _ input: PaymentInput, source: PaymentSource,
        collector: String? = nil, order: OrderNumber? = nil, bankLine: Int64? = nil
    ) throws {
        try intent.emit(
            PaymentRecorded(
                number: number.rawValue, customerID: input.customer.rawValue,
                receivedOn: (input.receivedOn ?? intent.now.date).iso, amount: input.amount.amount,
                method: input.method.rawValue, source: source.rawValue, reference: input.reference,
                check: input.check.map { WireCheck(bank: $0.bank, number: $0.number, due: $0.due) },
                collector: collector, orderNumber: order?.rawValue, bankLineID: bankLine, recordedAt: intent.now.iso,
                recordedBy: intent.user), .created)
    }

    /// Queues `PaymentAllocated` for shares just applied.
    /// The payment was just recorded for `amount`, so what is left unapplied is known without
    /// reading it back (the guarded updates of `apply` kept the shares within it).
    static func allocated(
        _ intent: Intent, _ number: ReceiptNumber, amount: Money, shares: [AllocationShare], rule: String
    ) throws {
        guard !shares.isEmpty else { return }
        try intent.emit(
            PaymentAllocated(
                number: number.rawValue, rule: rule, allocations: shares.map(WireAllocation.init),
                unapplied: (amount - shares.map(\.amount).sum()).amount, at: intent.now.iso, by: intent.user),
            .changed)
    }

    /// The allocation `request` asks for, against the customer's open items now.
    static func shares(
        _ db: Database, _ request: AllocationRequest, customer: CustomerID, reference: String, unapplied: Money
    ) throws -> [AllocationShare] {
        let items = try openItems(db, customer: customer)
        switch request {
        case .none:
            return []
        case .automatic:
            let named = Set(StatementMatcher.documentTokens(in: reference))
            let first = AllocationPlan.oldestFirst(items.filter { named.contains($0.reference) }, amount: unapplied)
            let used = Set(first.map(\.item))
            let rest = unapplied - first.map(\.amount).sum()
            return first + AllocationPlan.oldestFirst(items.filter { !used.contains($0.id) }, amount: rest)
        case .chosen(let wanted):
            let byReference = Dictionary(items.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
            var shares: [AllocationShare] = []
            for (reference, amount) in wanted {
                let key = reference.trimmingSpaces.uppercased()
                guard let item = byReference[key] else {
                    if try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM open_item WHERE reference = ? AND customer_id <> ?",
                        arguments: [key, customer.rawValue]) != nil
                    {
                        throw ReceivablesError.wrongCustomer(key, customer: customer)
                    }
                    throw ReceivablesError.itemNotOpen(key)
                }
                shares.append(AllocationShare(item: item.id, reference: item.reference, amount: amount))
            }
            try AllocationPlan.validate(
                shares, items: Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                unapplied: unapplied)
            return shares
        }
    }
}
