import GRDB
import LuckyGasCore
import LuckyGasWire

/// Credit holds, in one place: the one writer of `credit_hold`. Placed by a person or by a
/// bounced check; the automatic holds (overdue, over the limit) are found by rule and lift by
/// themselves once paid.
extension AppDatabase {
    /// Puts a customer's credit on hold with a reason (accountant or supervisor).
    public func placeCreditHold(_ customer: CustomerID, reason: String, by session: UserSession) throws {
        try session.require(.payments)
        let reason = try inputText(reason, field: "原因 reason")
        guard !reason.isEmpty else { throw StoreError.reasonRequired }
        try intent(session, .payments) { intent in
            guard
                try Bool.fetchOne(intent.db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [customer.rawValue])
                    != nil
            else { throw StoreError.customerNotFound(customer.rawValue) }
            try CreditHolds.place(intent, customer: customer, kind: .manual, reason: reason)
        }
    }

    /// Lifts a customer's placed holds, with a reason (automatic holds lift when paid).
    public func releaseCreditHold(_ customer: CustomerID, reason: String, by session: UserSession) throws {
        try session.require(.payments)
        let reason = try inputText(reason, field: "原因 reason")
        guard !reason.isEmpty else { throw StoreError.reasonRequired }
        try intent(session, .payments) { intent in
            let released = try Int64.fetchAll(
                intent.db,
                sql: """
                    UPDATE credit_hold SET released_at = ?, released_by = ?, release_reason = ?
                    WHERE customer_id = ? AND released_at IS NULL RETURNING id
                    """, arguments: [intent.now.iso, intent.user, reason, customer.rawValue])
            guard !released.isEmpty else { throw ReceivablesError.holdNotFound(customer) }
            try intent.audit(
                "credit.release", "customer", customer.rawValue,
                after: ["reason": reason, "holds": "\(released.count)"])
            for id in released.sorted() {
                try intent.emit(
                    CreditHoldReleased(
                        holdID: id, customerID: customer.rawValue, reason: reason, at: intent.now.iso, by: intent.user),
                    .changed)
            }
        }
    }

    /// Every hold in force: the placed ones with their reason, and the automatic ones (an item
    /// more than the parameter's days past due, or receivables above the limit).
    public func creditHolds() throws -> [HoldRecord] {
        let today = clock.now().date
        return try read { db in
            let rules = try Parameters.creditRules(db)
            var holds = try Row.fetchAll(
                db,
                sql: """
                    SELECT h.id, h.customer_id, c.name, h.kind, h.reason, h.placed_at, h.placed_by FROM credit_hold h
                    JOIN customer c ON c.id = h.customer_id WHERE h.released_at IS NULL ORDER BY h.customer_id, h.id
                    """
            ).map { row in
                HoldRecord(
                    customer: try Stored.customerID(row, "customer_id", table: "credit_hold"), name: row["name"],
                    kind: try Stored.value(CreditHoldKind.self, row, "kind", table: "credit_hold"),
                    reason: CreditHold.placed(
                        bounced: try Stored.value(CreditHoldKind.self, row, "kind", table: "credit_hold")
                            == .bouncedCheck,
                        reason: row["reason"]
                    ).summary,
                    placedAt: try Stored.moment(row, "placed_at", table: "credit_hold"), placedBy: row["placed_by"])
            }
            let automatic = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.name, c.terms, c.credit_limit, MIN(o.due_date) AS oldest, SUM(o.open_amount) AS open,
                      (SELECT COALESCE(SUM(unapplied), 0) FROM payment p WHERE p.customer_id = c.id AND p.status = 'POSTED')
                        AS unapplied
                    FROM open_item o JOIN customer c ON c.id = o.customer_id WHERE o.open_amount > 0
                    GROUP BY c.id ORDER BY c.id
                    """)
            for row in automatic {
                let customer = try Stored.customerID(row, "id", table: "customer")
                let position = CreditPosition(
                    terms: try Stored.value(PaymentTerms.self, row, "terms", table: "customer", id: customer.rawValue),
                    status: .active, limit: Money(row["credit_limit"] as Int64),
                    openAR: Money(row["open"] as Int64) - Money(row["unapplied"] as Int64), reserved: .zero,
                    oldestDaysPastDue: try Stored.date(row, "oldest", table: "open_item", id: customer.rawValue)
                        .days(until: today))
                for hold in position.holds(rules: rules) {
                    holds.append(
                        HoldRecord(customer: customer, name: row["name"], kind: hold.kind, reason: hold.summary))
                }
            }
            return holds
        }
    }
}

/// The writes of `credit_hold`, inside an intent.
enum CreditHolds {
    /// Places a hold and queues `CreditHoldPlaced`; the caller's intent carries the audit entry
    /// (a bounced check is audited as the payment's reversal).
    @discardableResult
    static func place(_ intent: Intent, customer: CustomerID, kind: CreditHoldKind, reason: String) throws -> Int64 {
        try intent.db.execute(
            sql: "INSERT INTO credit_hold (customer_id, kind, reason, placed_at, placed_by) VALUES (?, ?, ?, ?, ?)",
            arguments: [customer.rawValue, kind.rawValue, reason, intent.now.iso, intent.user])
        let id = intent.db.lastInsertedRowID
        if kind == .manual {
            try intent.audit("credit.hold", "customer", customer.rawValue, after: ["reason": reason])
        }
        try intent.emit(
            CreditHoldPlaced(
                holdID: id, customerID: customer.rawValue, kind: kind.rawValue, reason: reason, at: intent.now.iso,
                by: intent.user), .created)
        return id
    }
}
