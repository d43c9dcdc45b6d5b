import GRDB
import LuckyGasCore

/// What `AppDatabase.generateBenchmarkLedger` wrote.
public struct BenchmarkLedger: Sendable, Hashable {
    /// Journal entries (invoices and receipts).
    public var entries: Int
    /// Journal lines: the postings.
    public var lines: Int
    /// Invoice receivables opened.
    public var openItems: Int
    /// Dated changes of their open amounts (the receipts allocated to them).
    public var changes: Int
    /// The first posting date.
    public var from: LocalDate
    /// The last posting date.
    public var through: LocalDate
}

extension AppDatabase {
    /// Writes about `postings` journal lines for the benchmark (`luckygas bench`: trial balance
    /// and aging as of a date), spread evenly over `from`...`through`, in one intent with one
    /// audit entry.
    ///
    /// Each invoice is Core's `JournalEntry.invoiceIssued` (Dr 1140 for a random customer of
    /// `customers` / Cr 4110 / Cr 2141, net NT$800–20,000, 5 % VAT) with its open item due 30
    /// days later; four in five are paid in cash 3 to 75 days later when that day is not after
    /// `through` (`JournalEntry.receipt`: Dr 1101 / Cr 1140, the whole amount or, one time in four,
    /// half of it), with the `open_item_change` the aging as of an earlier date undoes. Entries
    /// are written in date order, as a branch writes them. The rows are those the invoicing and
    /// receipt paths write for the journal and the open items; no invoice, payment or outbox rows.
    /// The same `seed` writes the same ledger.
    @discardableResult
    public func generateBenchmarkLedger(
        postings: Int, customers: [CustomerID], from: LocalDate, through: LocalDate, seed: UInt64 = 14,
        by session: UserSession
    ) throws -> BenchmarkLedger {
        let plan = BenchmarkLedgerPlan(
            postings: postings, customers: customers.count, days: from.days(until: through) + 1, seed: seed)
        let days = (0..<max(0, from.days(until: through) + 1)).map { from.adding(days: $0) }
        let isoDays = days.map(\.iso)
        return try intent(session, .administer) { intent in
            let (db, now, user) = (intent.db, intent.now.iso, intent.user)
            // Prepared once for the whole batch.
            let insertEntry = try db.cachedStatement(
                sql: """
                    INSERT INTO journal_entry (date, source, reference, description, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            let insertLine = try db.cachedStatement(
                sql: """
                    INSERT INTO journal_line (entry_id, line_no, account, customer_id, debit, credit)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            let insertItem = try db.cachedStatement(
                sql: """
                    INSERT INTO open_item (customer_id, kind, reference, document_date, due_date, amount, open_amount)
                    VALUES (?, 'INVOICE', ?, ?, ?, ?, ?)
                    """)
            let insertChange = try db.cachedStatement(
                sql: """
                    INSERT INTO open_item_change (open_item_id, date, delta, cause, reference)
                    VALUES (?, ?, ?, 'ALLOCATION', ?)
                    """)
            func post(_ entry: JournalEntry, on day: String) throws {
                guard entry.isBalanced else { throw StoreError.database("unbalanced journal entry \(entry.reference)") }
                insertEntry.setUncheckedArguments([
                    day, entry.source.rawValue, entry.reference, entry.description, now, user,
                ])
                try insertEntry.execute()
                let id = db.lastInsertedRowID
                for (index, line) in entry.lines.enumerated() {
                    insertLine.setUncheckedArguments([
                        id, index + 1, line.account.rawValue, line.customer?.rawValue, line.debit.amount,
                        line.credit.amount,
                    ])
                    try insertLine.execute()
                }
            }
            var written = BenchmarkLedger(
                entries: 0, lines: 0, openItems: 0, changes: 0, from: from, through: through)
            var items: [Int64] = []
            items.reserveCapacity(plan.invoices.count)
            var receiptsToday = (day: -1, count: 0)
            for event in plan.events {
                let invoice = plan.invoices[event.invoice]
                let customer = customers[invoice.customer]
                let split = TaxSplit.fromNet(Money(invoice.net))
                let date = days[event.day]
                if event.isReceipt {
                    receiptsToday = (event.day, receiptsToday.day == event.day ? receiptsToday.count + 1 : 1)
                    let number = ReceiptNumber(day: date, sequence: receiptsToday.count)
                    let entry = JournalEntry.receipt(
                        number, customer: customer, method: .cash, amount: Money(invoice.paid), date: date)
                    try post(entry, on: isoDays[event.day])
                    insertChange.setUncheckedArguments([
                        items[event.invoice], isoDays[event.day], -invoice.paid, number.rawValue,
                    ])
                    try insertChange.execute()
                    written.changes += 1
                    written.lines += entry.lines.count
                } else {
                    let number = InvoiceNumber(track: "BL", sequence: event.invoice + 1)
                    let entry = JournalEntry.invoiceIssued(number, customer: customer, split: split, date: date)
                    try post(entry, on: isoDays[event.day])
                    insertItem.setUncheckedArguments([
                        customer.rawValue, number.rawValue, isoDays[event.day], date.adding(days: 30).iso,
                        split.total.amount,
                        split.total.amount - invoice.paid,
                    ])
                    try insertItem.execute()
                    items.append(db.lastInsertedRowID)
                    written.openItems += 1
                    written.lines += entry.lines.count
                }
                written.entries += 1
            }
            try intent.audit(
                "bench.ledger", "journal", "bench",
                after: [
                    "entries": written.entries, "lines": written.lines, "openItems": written.openItems,
                    "changes": written.changes,
                ])
            return written
        }
    }
}

/// The invoices and receipts of a benchmark ledger, decided before anything is written (a seeded
/// generator, so a seed is always the same ledger), in the order they are posted.
struct BenchmarkLedgerPlan {
    /// One invoice: who, when (a day index), its net, and what is paid on `paidOn` (0: unpaid).
    struct Invoice {
        var customer: Int
        var day: Int
        var net: Int64
        var paid: Int64
        var paidOn: Int
    }

    /// An invoice issued or a receipt for it, on a day.
    struct Event {
        var day: Int
        var isReceipt: Bool
        var invoice: Int
    }

    var invoices: [Invoice] = []
    var events: [Event] = []

    init(postings: Int, customers: Int, days: Int, seed: UInt64) {
        guard postings > 0, customers > 0, days > 0 else { return }
        var random = SampleRandom(seed: seed)
        var lines = 0
        while lines < postings {
            let day = random.int(0...(days - 1))
            let net = Int64(random.int(800...20_000))
            let total = TaxSplit.fromNet(Money(net)).total.amount
            let paidOn = day + random.int(3...75)
            var paid: Int64 = 0
            if random.chance(80) && paidOn < days { paid = random.chance(25) ? total / 2 : total }
            invoices.append(
                Invoice(customer: random.int(0...(customers - 1)), day: day, net: net, paid: paid, paidOn: paidOn))
            events.append(Event(day: day, isReceipt: false, invoice: invoices.count - 1))
            lines += 3
            if paid > 0 {
                events.append(Event(day: paidOn, isReceipt: true, invoice: invoices.count - 1))
                lines += 2
            }
        }
        // Date order; on one day invoices before receipts, each in the order decided. An invoice's
        // receipt is at least 3 days later, so its open item is always written first.
        events.sort { ($0.day, $0.isReceipt ? 1 : 0, $0.invoice) < ($1.day, $1.isReceipt ? 1 : 0, $1.invoice) }
        // Invoice numbers follow the posting order: renumber the invoices as they are issued.
        var order: [Int] = Array(repeating: 0, count: invoices.count)
        var next = 0
        for event in events where !event.isReceipt {
            order[event.invoice] = next
            next += 1
        }
        invoices = order.indices.sorted { order[$0] < order[$1] }.map { invoices[$0] }
        events = events.map { Event(day: $0.day, isReceipt: $0.isReceipt, invoice: order[$0.invoice]) }
    }
}
