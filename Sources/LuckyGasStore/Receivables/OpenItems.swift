import GRDB
import LuckyGasCore

/// Receivables (`open_item`) and their dated history (`open_item_change`): the one writer of
/// both tables. An item is opened by an invoice, a deposit or an opening balance; allocations
/// lower its open amount, allowances lower the amount itself, a cancel closes it.
enum OpenItems {
    /// Opens a receivable and returns it as allocation sees it.
    static func open(
        _ db: Database, customer: CustomerID, kind: String, reference: String, date: LocalDate, due: LocalDate,
        amount: Money
    ) throws -> OpenItemBalance {
        try db.cachedStatement(
            sql: """
                INSERT INTO open_item (customer_id, kind, reference, document_date, due_date, amount, open_amount)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [customer.rawValue, kind, reference, date.iso, due.iso, amount.amount, amount.amount])
        return OpenItemBalance(
            id: db.lastInsertedRowID, reference: reference, kind: kind, date: date, due: due, amount: amount,
            open: amount)
    }

    /// Takes `amount` off an item's open amount, only if the item belongs to `customer` and has
    /// that much open (the guard that makes over-allocation impossible across processes).
    /// Returns whether it did.
    static func take(
        _ db: Database, item: Int64, customer: CustomerID, amount: Money, on date: LocalDate, payment: String
    )
        throws -> Bool
    {
        try db.cachedStatement(
            sql:
                "UPDATE open_item SET open_amount = open_amount - ? WHERE id = ? AND customer_id = ? AND open_amount >= ?"
        ).execute(arguments: [amount.amount, item, customer.rawValue, amount.amount])
        guard db.changesCount == 1 else { return false }
        try changed(db, item: item, date: date, delta: -amount, cause: "ALLOCATION", reference: payment)
        return true
    }

    /// Gives `amount` back to an item's open amount (an allocation reversed).
    static func giveBack(_ db: Database, item: Int64, amount: Money, on date: LocalDate, payment: String) throws {
        try db.execute(
            sql: "UPDATE open_item SET open_amount = open_amount + ? WHERE id = ?", arguments: [amount.amount, item])
        try changed(db, item: item, date: date, delta: amount, cause: "UNALLOCATION", reference: payment)
    }

    /// The open amount of an item now (for the message of a refused allocation).
    static func openAmount(_ db: Database, item: Int64) throws -> Money {
        Money(
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT open_amount FROM open_item WHERE id = ?"), arguments: [item]) ?? 0)
    }

    /// Changes an invoice's receivable by `delta` (an allowance lowers it, its cancel restores it).
    static func adjustInvoice(
        _ db: Database, _ invoice: InvoiceNumber, by delta: Money, on date: LocalDate, cause: String, document: String
    ) throws {
        try db.execute(
            sql: """
                UPDATE open_item SET amount = amount + ?, open_amount = open_amount + ?
                WHERE kind = 'INVOICE' AND reference = ?
                """, arguments: [delta.amount, delta.amount, invoice.rawValue])
        try changed(
            db, kind: "INVOICE", reference: invoice.rawValue, date: date, delta: delta, cause: cause, document: document
        )
    }

    /// Closes a cancelled invoice's receivable (`open` was still due).
    static func closeCancelled(_ db: Database, _ invoice: InvoiceNumber, open: Money, on date: LocalDate) throws {
        try changed(
            db, kind: "INVOICE", reference: invoice.rawValue, date: date, delta: -open, cause: "CANCEL",
            document: invoice.rawValue)
        try db.execute(
            sql: """
                UPDATE open_item SET open_amount = 0, closed_reason = 'CANCELLED'
                WHERE kind = 'INVOICE' AND reference = ?
                """, arguments: [invoice.rawValue])
    }

    /// Records a dated change of an item's open amount (what aging as of a past date reads).
    private static func changed(
        _ db: Database, item: Int64, date: LocalDate, delta: Money, cause: String, reference: String
    ) throws {
        try db.cachedStatement(
            sql: "INSERT INTO open_item_change (open_item_id, date, delta, cause, reference) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [item, date.iso, delta.amount, cause, reference])
    }

    /// Records a change for the item of `kind`/`reference`.
    private static func changed(
        _ db: Database, kind: String, reference: String, date: LocalDate, delta: Money, cause: String,
        document: String
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO open_item_change (open_item_id, date, delta, cause, reference)
                SELECT id, ?, ?, ?, ? FROM open_item WHERE kind = ? AND reference = ?
                """, arguments: [date.iso, delta.amount, cause, document, kind, reference])
    }
}

extension AppDatabase {
    /// Opens invoice receivables straight away, for the benchmark (`luckygas bench`): the issuing
    /// path is measured on its own. One audit entry covers the batch.
    public func openBenchmarkItems(
        _ items: [(customer: CustomerID, reference: String, date: LocalDate, amount: Money)], by session: UserSession
    ) throws {
        try intent(session, .administer) { intent in
            for item in items {
                _ = try OpenItems.open(
                    intent.db, customer: item.customer, kind: "INVOICE", reference: item.reference, date: item.date,
                    due: item.date.adding(days: 30), amount: item.amount)
            }
            try intent.audit("bench.open_items", "open_item", "bench", after: ["items": items.count])
        }
    }
}
