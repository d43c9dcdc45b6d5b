import Foundation
import GRDB
import LuckyGasCore
import LuckyGasWire

extension AppDatabase {
    /// The aging report as of `asOf` (today when nil): every open item's residual on that date by
    /// days past due, unapplied credit per customer, DSO, collection candidates and the provision
    /// the bucket rates call for. Payments, allocations and corrections dated later are left out.
    public func aging(asOf: LocalDate? = nil) throws -> AgingReport {
        let asOf = asOf ?? clock.now().date
        return try read { db in try Self.aging(db, asOf: asOf) }
    }

    /// SQL for an open item's (`o`) open amount at the end of the day bound to its `?`: today's,
    /// with every change dated after that day undone.
    static let openOnDate = """
        o.open_amount - COALESCE((SELECT SUM(delta) FROM open_item_change c WHERE c.open_item_id = o.id AND c.date > ?), 0)
        """

    static func aging(_ db: Database, asOf: LocalDate) throws -> AgingReport {
        let rules = try Parameters.receivablesRules(db)
        let day = asOf.iso
        var rows: [String: AgingRow] = [:]
        let names = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, name FROM customer").map {
                ($0["id"] as String, $0["name"] as String)
            },
            uniquingKeysWith: { first, _ in first })
        /// The customer's line so far; a stored customer id that does not parse is an error naming
        /// the row of `table` it was read from (`rowID`, asked only then).
        func row(_ id: String, in table: String, at rowID: () throws -> String?) throws -> AgingRow {
            if let line = rows[id] { return line }
            do { return AgingRow(customer: try CustomerID(id), name: names[id] ?? "") } catch {
                throw StoreError.badStoredValue(table: table, row: try rowID() ?? "?", column: "customer_id", value: id)
            }
        }
        let items = try Row.fetchCursor(
            db,
            sql: """
                SELECT o.id, o.customer_id, o.due_date, \(Self.openOnDate) AS residual
                FROM open_item o WHERE o.document_date <= ?
                """, arguments: [day, day])
        while let item = try items.next() {
            let residual: Int64 = item["residual"]
            guard residual > 0 else { continue }
            let id: String = item["customer_id"]
            var line = try row(id, in: "open_item") { "\(item["id"] as Int64)" }
            line.add(
                Money(residual), daysPastDue: try Stored.date(item, "due_date", table: "open_item").days(until: asOf))
            rows[id] = line
        }
        for (id, credit) in try unappliedByCustomer(db, asOf: asOf) where credit != .zero {
            var line = try row(id, in: "payment") {
                try String.fetchOne(
                    db, sql: "SELECT number FROM payment WHERE customer_id = ? ORDER BY number LIMIT 1",
                    arguments: [id])
            }
            line.unapplied = credit
            rows[id] = line
        }
        let sorted = rows.values.sorted { $0.customer.rawValue < $1.customer.rawValue }
        let totals = AgingFigures.bucketTotals(sorted)
        let total = sorted.map(\.total).sum()
        let sales = Money(
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(total), 0) FROM invoice
                    WHERE status = 'ISSUED' AND substr(issued_at, 1, 10) > ? AND substr(issued_at, 1, 10) <= ?
                    """, arguments: [asOf.adding(days: -rules.dsoDays).iso, day]) ?? 0)
        return AgingReport(
            asOf: asOf, rows: sorted, bucketTotals: totals, unapplied: sorted.map(\.unapplied).sum(), total: total,
            dsoTenths: AgingFigures.dsoTenths(receivable: total, sales: sales, days: rules.dsoDays), sales: sales,
            dsoDays: rules.dsoDays,
            collectionCandidates: AgingFigures.collectionCandidates(sorted, rules: rules).map(\.customer),
            provisionRequired: AgingFigures.provision(bucketTotals: totals, rules: rules))
    }

    /// Unapplied credit per customer on `asOf`: payments received by then and not reversed by
    /// then, less allocations in force then, less refunds made by then.
    static func unappliedByCustomer(_ db: Database, asOf: LocalDate) throws -> [String: Money] {
        let day = asOf.iso
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT customer_id, SUM(amount) AS amount FROM (
                  SELECT customer_id, amount FROM payment
                  WHERE received_on <= ?1 AND (status = 'POSTED' OR reversed_on > ?1)
                  UNION ALL
                  SELECT p.customer_id, -a.amount FROM allocation a JOIN payment p ON p.number = a.payment_number
                  WHERE a.allocated_on <= ?1 AND (a.reversed_on IS NULL OR a.reversed_on > ?1)
                  UNION ALL
                  SELECT p.customer_id, -r.amount FROM payment_refund r JOIN payment p ON p.number = r.payment_number
                  WHERE r.date <= ?1)
                GROUP BY customer_id
                """, arguments: [day])
        return Dictionary(
            rows.map { ($0["customer_id"] as String, Money($0["amount"] as Int64)) }, uniquingKeysWith: +)
    }

    /// A customer statement (對帳單) for `from`...`to`: opening balance, every movement of the
    /// receivable (from the ledger), closing balance, items open at `to`, unapplied credit and the
    /// virtual account to pay into.
    public func customerStatement(_ customer: CustomerID, from: LocalDate, to: LocalDate) throws -> CustomerStatement {
        try read { db in
            guard
                let name = try String.fetchOne(
                    db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [customer.rawValue])
            else { throw StoreError.customerNotFound(customer.rawValue) }
            let opening = Money(
                try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT COALESCE(SUM(l.debit - l.credit), 0) FROM journal_line l
                        JOIN journal_entry e ON e.id = l.entry_id
                        WHERE l.account = '1140' AND l.customer_id = ? AND e.date < ?
                        """, arguments: [customer.rawValue, from.iso]) ?? 0)
            var balance = opening
            let lines = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.date, e.reference, e.description, l.debit, l.credit FROM journal_line l
                    JOIN journal_entry e ON e.id = l.entry_id
                    WHERE l.account = '1140' AND l.customer_id = ? AND e.date BETWEEN ? AND ?
                    ORDER BY e.date, e.id
                    """, arguments: [customer.rawValue, from.iso, to.iso]
            ).map { row -> StatementLine in
                let debit = Money(row["debit"] as Int64)
                let credit = Money(row["credit"] as Int64)
                balance += debit - credit
                return StatementLine(
                    date: try Stored.date(row, "date", table: "open_item_change"), reference: row["reference"],
                    description: row["description"], debit: debit, credit: credit, balance: balance)
            }
            let day = to.iso
            let items = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.id, o.reference, o.kind, o.document_date, o.due_date, o.amount,
                      \(Self.openOnDate) AS open_amount
                    FROM open_item o WHERE o.customer_id = ? AND o.document_date <= ?
                    ORDER BY o.due_date, o.document_date, o.id
                    """, arguments: [day, customer.rawValue, day]
            ).map(ReceivablesStore.openItem).filter { $0.open > .zero }
            let unapplied = try Self.unappliedByCustomer(db, asOf: to)[customer.rawValue] ?? .zero
            return CustomerStatement(
                customer: customer, name: name,
                virtualAccount: VirtualAccount(prefix: try Parameters.virtualAccountPrefix(db), customer: customer),
                bankAccount: try Parameters.value(db, "bank.account") ?? "", from: from, to: to, opening: opening,
                lines: lines, closing: balance, openItems: items, unapplied: unapplied)
        }
    }

    /// Posts the month-end bad-debt provision as of `asOf`: the allowance the aging calls for,
    /// less what 1149 already holds (Dr 6155 / Cr 1149, or the reverse when less is needed).
    /// Once per month.
    @discardableResult
    public func postProvision(asOf: LocalDate, by session: UserSession) throws -> (required: Money, change: Money) {
        try session.require(.payments)
        let reference = "PROV-\(asOf.year)\(asOf.month < 10 ? "0" : "")\(asOf.month)"
        return try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            try Parameters.checkPostingDate(db, asOf, field: "提列基準日 as-of date", today: now.date)
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM journal_entry WHERE source = 'PROVISION' AND reference = ?",
                arguments: [reference]) != nil
            {
                throw ReceivablesError.provisionExists(reference)
            }
            let report = try Self.aging(db, asOf: asOf)
            let held = Money(
                try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT COALESCE(SUM(l.credit - l.debit), 0) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
                        WHERE l.account = '1149' AND e.date <= ?
                        """, arguments: [asOf.iso]) ?? 0)
            let change = report.provisionRequired - held
            try InvoiceStore.post(
                db, .provision(reference: reference, change: change, date: asOf), at: now, by: session.name)
            try intent.audit(
                "receivables.provision", "ledger", reference,
                after: ["required": report.provisionRequired.amount, "change": change.amount])
            try intent.emit(
                ProvisionPosted(
                    reference: reference, asOf: asOf.iso, required: report.provisionRequired.amount,
                    change: change.amount, at: now.iso, by: session.name), .created)
            return (report.provisionRequired, change)
        }
    }

    /// The customer's virtual account.
    public func virtualAccount(of customer: CustomerID) throws -> VirtualAccount {
        try read { db in VirtualAccount(prefix: try Parameters.virtualAccountPrefix(db), customer: customer) }
    }
}
