import Foundation
import GRDB
import LuckyGasCore
import LuckyGasWire

extension AppDatabase {
    /// Records a payment (receipt `RCP-YYYYMMDD-NNN`, posted Dr 1101/1130/1103 Cr 1140) and
    /// allocates it as asked, in one transaction. What is not allocated stays as the customer's
    /// unapplied credit, visible on statements and usable later.
    @discardableResult
    public func recordPayment(
        _ input: PaymentInput, allocate request: AllocationRequest = .none, by session: UserSession
    ) throws -> PaymentRecord {
        try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            let number = try ReceivablesStore.insertPayment(
                db, input, bounds: try intent.reference.bounds(db), source: .counter, at: now, by: session.name)
            try ReceivablesStore.recorded(intent, number, input, source: .counter)
            let shares = try ReceivablesStore.shares(
                db, request, customer: input.customer, reference: input.reference, unapplied: input.amount)
            try ReceivablesStore.apply(
                db, payment: number, customer: input.customer, shares: shares, rule: Self.ruleName(request), at: now,
                by: session.name)
            try ReceivablesStore.allocated(
                intent, number, amount: input.amount, shares: shares, rule: Self.ruleName(request))
            let record = try ReceivablesStore.payment(db, number)
            try intent.audit("payment.record", "payment", number.rawValue, after: record)
            return record
        }
    }

    /// Allocates what is left of a payment: chosen items, or automatically.
    @discardableResult
    public func allocatePayment(_ number: ReceiptNumber, _ request: AllocationRequest, by session: UserSession)
        throws -> PaymentRecord
    {
        try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            let before = try ReceivablesStore.payment(db, number)
            guard before.status == .posted else { throw ReceivablesError.paymentReversed(number) }
            let shares = try ReceivablesStore.shares(
                db, request, customer: before.customer, reference: before.reference, unapplied: before.unapplied)
            guard !shares.isEmpty else { throw ReceivablesError.nothingToAllocate }
            let rule = Self.ruleName(request)
            try ReceivablesStore.apply(
                db, payment: number, customer: before.customer, shares: shares, rule: rule, at: now, by: session.name)
            return try ReceivablesStore.recordChange(intent, before, action: "payment.allocate") { after in
                PaymentAllocated(
                    number: number.rawValue, rule: rule, allocations: shares.map(WireAllocation.init),
                    unapplied: after.unapplied.amount, at: now.iso, by: session.name)
            }
        }
    }

    /// Reverses one allocation (or all active ones) of a payment, with a reason: the items reopen
    /// and the money is unapplied credit again.
    @discardableResult
    public func unallocatePayment(
        _ number: ReceiptNumber, allocation id: Int64? = nil, reason: String, by session: UserSession
    ) throws -> PaymentRecord {
        try session.require(.payments)
        let reason = try inputText(reason, field: "原因 reason")
        guard !reason.isEmpty else { throw ReceivablesError.reasonRequired }
        return try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            let before = try ReceivablesStore.payment(db, number)
            if let id {
                guard let allocation = before.allocations.first(where: { $0.id == id }) else {
                    throw StoreError.paymentNotFound("\(number.rawValue) #\(id)")
                }
                guard allocation.reversedOn == nil else { throw ReceivablesError.allocationAlreadyReversed(id) }
            }
            let total = try ReceivablesStore.reverseAllocations(
                db, payment: number, only: id, reason: reason, at: now, by: session.name)
            guard total > .zero else { throw ReceivablesError.nothingToAllocate }
            return try ReceivablesStore.recordChange(intent, before, action: "payment.unallocate") { after in
                PaymentUnallocated(
                    number: number.rawValue, amount: total.amount, reason: reason, unapplied: after.unapplied.amount,
                    at: now.iso, by: session.name)
            }
        }
    }

    /// Pays unapplied credit back to the customer (Dr 1140 / Cr the account it came into).
    @discardableResult
    public func refundPayment(_ number: ReceiptNumber, amount: Money, reason: String, by session: UserSession)
        throws -> PaymentRecord
    {
        try session.require(.payments)
        let reason = try inputText(reason, field: "原因 reason")
        guard !reason.isEmpty else { throw ReceivablesError.reasonRequired }
        guard amount > .zero else { throw StoreError.invalid(.notPositive(field: "金額 amount", value: amount.amount)) }
        return try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            let before = try ReceivablesStore.payment(db, number)
            guard before.status == .posted else { throw ReceivablesError.paymentReversed(number) }
            try db.execute(
                sql: """
                    UPDATE payment SET unapplied = unapplied - ?, refunded = refunded + ?
                    WHERE number = ? AND unapplied >= ?
                    """, arguments: [amount.amount, amount.amount, number.rawValue, amount.amount])
            guard db.changesCount == 1 else {
                throw ReceivablesError.refundAboveUnapplied(amount: amount, unapplied: before.unapplied)
            }
            try db.execute(
                sql: """
                    INSERT INTO payment_refund (payment_number, amount, date, reason, at, by_user)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [number.rawValue, amount.amount, now.date.iso, reason, now.iso, session.name])
            let account: Account = before.method == .check ? .cash : before.method.account
            try InvoiceStore.post(
                db, .refund(number, customer: before.customer, from: account, amount: amount, date: now.date), at: now,
                by: session.name)
            return try ReceivablesStore.recordChange(intent, before, action: "payment.refund") { after in
                PaymentRefunded(
                    number: number.rawValue, amount: amount.amount, reason: reason, unapplied: after.unapplied.amount,
                    at: now.iso, by: session.name)
            }
        }
    }

    /// Undoes a payment that never really arrived: a bounced check (退票) or a transfer the bank
    /// returned. Its allocations are reversed (the invoices reopen) and the receipt is reversed in
    /// the ledger. A bounced check also puts the customer on hold.
    @discardableResult
    public func reversePayment(_ number: ReceiptNumber, reason: String, by session: UserSession) throws
        -> PaymentRecord
    {
        try session.require(.payments)
        let reason = try inputText(reason, field: "原因 reason")
        guard !reason.isEmpty else { throw ReceivablesError.reasonRequired }
        return try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            let before = try ReceivablesStore.payment(db, number)
            guard before.status == .posted else { throw ReceivablesError.paymentReversed(number) }
            if before.method == .check, before.checkStatus != .held {
                throw ReceivablesError.checkAlreadySettled(number, status: before.checkStatus?.rawValue ?? "")
            }
            guard before.refunded == .zero else { throw ReceivablesError.paymentRefunded(number) }
            _ = try ReceivablesStore.reverseAllocations(
                db, payment: number, reason: reason, at: now, by: session.name)
            try db.execute(
                sql: """
                    UPDATE payment SET status = 'REVERSED', unapplied = 0, reversed_on = ?, reversed_by = ?,
                      reversal_reason = ?, check_status = CASE WHEN method = 'CHECK' THEN 'BOUNCED' ELSE NULL END
                    WHERE number = ?
                    """, arguments: [now.date.iso, session.name, reason, number.rawValue])
            try InvoiceStore.post(
                db,
                .receiptReversed(
                    number, customer: before.customer, method: before.method, amount: before.amount, reason: reason,
                    date: now.date), at: now, by: session.name)
            let after = try ReceivablesStore.recordChange(intent, before, action: "payment.reverse") { _ in
                PaymentReversed(
                    number: number.rawValue, reason: reason, bounced: before.method == .check, at: now.iso,
                    by: session.name)
            }
            if before.method == .check {
                try CreditHolds.place(
                    intent, customer: before.customer, kind: .bouncedCheck,
                    reason: CreditHold.bouncedCheckReason(payment: number.rawValue, reason: reason))
            }
            return after
        }
    }

    /// A held check was collected by the bank: Dr 1103 / Cr 1130.
    @discardableResult
    public func clearCheck(_ number: ReceiptNumber, by session: UserSession) throws -> PaymentRecord {
        try session.require(.payments)
        return try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            let before = try ReceivablesStore.payment(db, number)
            guard before.method == .check else { throw ReceivablesError.notACheck(number) }
            guard before.status == .posted, before.checkStatus == .held else {
                throw ReceivablesError.checkAlreadySettled(
                    number, status: before.checkStatus?.rawValue ?? before.status.rawValue)
            }
            try db.execute(
                sql: "UPDATE payment SET check_status = 'CLEARED' WHERE number = ?", arguments: [number.rawValue])
            try InvoiceStore.post(
                db, .checkCleared(number, amount: before.amount, date: now.date), at: now, by: session.name)
            return try ReceivablesStore.recordChange(intent, before, action: "payment.check_cleared") { _ in
                CheckCleared(
                    number: number.rawValue, amount: before.amount.amount, clearedOn: now.date.iso, at: now.iso,
                    by: session.name)
            }
        }
    }

    /// A payment with its allocations.
    public func payment(_ number: ReceiptNumber) throws -> PaymentRecord {
        try read { db in try ReceivablesStore.payment(db, number) }
    }

    /// Payments of a customer (newest first), or all payments received on one day.
    public func payments(customer: CustomerID? = nil, on day: LocalDate? = nil, limit: Int = 200) throws
        -> [PaymentRecord]
    {
        try read { db in
            let numbers = try String.fetchAll(
                db,
                sql: """
                    SELECT number FROM payment WHERE (? IS NULL OR customer_id = ?) AND (? IS NULL OR received_on = ?)
                    ORDER BY received_on DESC, number DESC LIMIT ?
                    """,
                arguments: [customer?.rawValue, customer?.rawValue, day?.iso, day?.iso, limit])
            return try numbers.map { try ReceivablesStore.payment(db, ReceiptNumber($0)) }
        }
    }

    /// A customer's open items (oldest due first) and unapplied credit, for the allocation screen.
    public func openItems(of customer: CustomerID) throws -> (items: [OpenItemBalance], unapplied: Money) {
        try read { db in
            (
                try ReceivablesStore.openItems(db, customer: customer),
                try ReceivablesStore.unapplied(db, customer: customer)
            )
        }
    }

    /// The customer's payments with something still unapplied, oldest first.
    public func unappliedPayments(of customer: CustomerID) throws -> [PaymentRecord] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT number FROM payment WHERE customer_id = ? AND status = 'POSTED' AND unapplied > 0
                    ORDER BY received_on, number
                    """, arguments: [customer.rawValue]
            ).map { try ReceivablesStore.payment(db, ReceiptNumber($0)) }
        }
    }

    static func ruleName(_ request: AllocationRequest) -> String {
        switch request {
        case .none: "NONE"
        case .automatic: "AUTO"
        case .chosen: "MANUAL"
        }
    }
}
