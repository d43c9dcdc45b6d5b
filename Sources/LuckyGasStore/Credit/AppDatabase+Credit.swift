import GRDB
import LuckyGasCore

/// A customer's credit as the credit screen and `credit check` show it.
public struct CreditReport: Sendable, Hashable, Codable {
    /// A hold, described.
    public struct HoldLine: Sendable, Hashable, Codable {
        /// Placed by a person or a bounced check, or found by rule.
        public var kind: CreditHoldKind
        /// Traditional Chinese description.
        public var zh: String
        /// English description.
        public var en: String
    }

    /// The customer.
    public var customer: CustomerID
    /// Their name.
    public var name: String
    /// Terms.
    public var terms: PaymentTerms
    /// Status.
    public var status: CustomerStatus
    /// Credit limit.
    public var limit: Money
    /// Open receivables.
    public var openAR: Money
    /// Open reservations.
    public var reserved: Money
    /// `limit - openAR - reserved`.
    public var available: Money
    /// Holds in force.
    public var holds: [HoldLine]
    /// Days past due of the oldest overdue item.
    public var oldestDaysPastDue: Int?
    /// The amount asked about, if any.
    public var amount: Money?
    /// Whether an order of `amount` would be approved (nil without an amount).
    public var approved: Bool?
    /// Available after an order of `amount`.
    public var availableAfter: Money?
    /// Why it would be refused.
    public var refusal: OperatorMessage?
}

extension AppDatabase {
    /// The credit position of a customer as of today: limit, open AR, reservations, overdue, holds.
    static func creditPosition(_ db: Database, customer id: CustomerID, today: LocalDate) throws -> CreditPosition? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT terms, status, credit_limit FROM customer WHERE id = ?"),
                arguments: [id.rawValue])
        else { return nil }
        let ar = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT COALESCE(SUM(open_amount), 0) AS open, MIN(due_date) AS oldest
                    FROM open_item WHERE customer_id = ? AND open_amount > 0
                    """), arguments: [id.rawValue])
        let reserved =
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT COALESCE(SUM(CASE kind WHEN 'RESERVE' THEN amount ELSE -amount END), 0)
                        FROM credit_reservation WHERE customer_id = ?
                        """), arguments: [id.rawValue]) ?? 0
        let unapplied = try ReceivablesStore.unapplied(db, customer: id)
        let holds = try Row.fetchAll(
            db.cachedStatement(
                sql:
                    "SELECT id, kind, reason FROM credit_hold WHERE customer_id = ? AND released_at IS NULL ORDER BY id"
            ),
            arguments: [id.rawValue]
        ).map { row in
            let kind = try Stored.value(CreditHoldKind.self, row, "kind", table: "credit_hold")
            return CreditHold.placed(bounced: kind == .bouncedCheck, reason: row["reason"])
        }
        let oldest = try ar.flatMap { try Stored.optionalDate($0, "oldest", table: "open_item", id: id.rawValue) }
        let daysPastDue = oldest.map { $0.days(until: today) }.flatMap { $0 > 0 ? $0 : nil }
        return CreditPosition(
            terms: try Stored.value(PaymentTerms.self, row, "terms", table: "customer", id: id.rawValue),
            status: try Stored.value(CustomerStatus.self, row, "status", table: "customer", id: id.rawValue),
            limit: Money(row["credit_limit"] as Int64), openAR: Money(ar?["open"] as Int64? ?? 0) - unapplied,
            reserved: Money(reserved),
            oldestDaysPastDue: daysPastDue, placedHolds: holds)
    }

    /// The credit report of a customer, and the decision for `amount` when given.
    public func creditCheck(_ id: CustomerID, amount: Money? = nil) throws -> CreditReport {
        let today = clock.now().date
        return try read { db in
            guard let position = try Self.creditPosition(db, customer: id, today: today),
                let name = try String.fetchOne(
                    db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [id.rawValue])
            else { throw StoreError.customerNotFound(id.rawValue) }
            let rules = try Parameters.creditRules(db)
            let holds = position.holds(rules: rules).map { hold in
                CreditReport.HoldLine(kind: hold.kind, zh: hold.summary.zh, en: hold.summary.en)
            }
            var report = CreditReport(
                customer: id, name: name, terms: position.terms, status: position.status, limit: position.limit,
                openAR: position.openAR, reserved: position.reserved, available: position.available, holds: holds,
                oldestDaysPastDue: position.oldestDaysPastDue)
            if let amount {
                do { try Parameters.bounds(db).checkAmount(amount, field: "試算金額 amount") } catch let error
                    as ValidationError
                { throw StoreError.invalid(error) }
                let decision = CreditPolicy.decide(amount: amount, position: position, rules: rules)
                report.amount = amount
                report.approved = decision.isApproved
                report.availableAfter =
                    position.terms.usesCredit
                    ? try position.available.subtracting(amount, field: "可用額度 available") : nil
                if case .refused(let refusal) = decision { report.refusal = refusal.operatorMessage }
            }
            return report
        }
    }
}
