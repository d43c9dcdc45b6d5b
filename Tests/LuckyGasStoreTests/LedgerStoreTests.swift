import Foundation
import GRDB
import LuckyGasCore
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

@Suite("Ledger: the trial balance as of a date, the benchmark ledger")
struct LedgerStoreTests {
    static func balances(_ rows: [TrialBalanceRow]) -> [Account: Money] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0.account, $0.balance) })
    }

    static func isBalanced(_ rows: [TrialBalanceRow]) -> Bool {
        rows.map(\.debit).sum() == rows.map(\.credit).sum()
    }

    @Test("A trial balance as of a past date leaves out the postings dated after it, and still balances")
    func asOfPastDate() throws {
        let branch = try TestBranch.make()
        let issued = Fixtures.weekdayMorning.date
        let placed = try branch.database.placeOrder(branch.order(branch.wang), by: branch.counter)
        try branch.database.deliverOrder(placed.number, by: branch.dispatcher)
        let paidOn = issued.adding(days: 5)
        branch.time.set(LocalDateTime(date: paidOn, hour: 10, minute: 0))
        try branch.database.recordPayment(
            PaymentInput(customer: branch.wang, amount: 1000, method: .cash), allocate: .automatic,
            by: branch.accountant)

        let all = try branch.database.trialBalance()
        #expect(Self.balances(all) == [.cash: 1000, .receivable: 722, .vatPayable: -82, .sales: -1640])
        #expect(try branch.database.trialBalance(asOf: paidOn) == all, "on the day of the receipt: everything")
        #expect(try branch.database.trialBalance(asOf: paidOn.adding(days: 300)) == all)

        let before = try branch.database.trialBalance(asOf: issued)
        #expect(Self.balances(before) == [.receivable: 1722, .vatPayable: -82, .sales: -1640], "the receipt is later")
        #expect(Self.isBalanced(before))
        #expect(try branch.database.trialBalance(asOf: paidOn.adding(days: -1)) == before)
        #expect(try branch.database.trialBalance(asOf: issued.adding(days: -1)).isEmpty)

        #expect(try branch.database.receivablesByCustomer(asOf: issued) == [branch.wang: 1722])
        #expect(try branch.database.receivablesByCustomer(asOf: paidOn) == [branch.wang: 722])
        #expect(try branch.database.receivablesByCustomer(asOf: issued.adding(days: -1)).isEmpty)
        #expect(try branch.database.receivablesByCustomer() == [branch.wang: 722])
    }

    @Test("The trial balance as of a date reads the lines through the covering index of migration v8")
    func asOfUsesIndex() throws {
        let branch = try TestBranch.make()
        let plan = try branch.database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT l.account, SUM(l.debit), SUM(l.credit), MIN(l.entry_id)
                    FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
                    WHERE e.date <= '2026-01-01' GROUP BY l.account ORDER BY l.account
                    """
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX journal_line_account_entry") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "no sort: \(plan)")
    }

    @Test("The benchmark ledger: balanced entries in date order, open items that agree with the ledger on any date")
    func benchmarkLedger() throws {
        let branch = try TestBranch.make()
        let from = Fixtures.date("2025-01-01")
        let through = Fixtures.date("2025-12-31")
        let audits = try branch.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")
        }
        let written = try branch.database.generateBenchmarkLedger(
            postings: 3_000, customers: [branch.wang, branch.chen], from: from, through: through, by: branch.admin)
        #expect(written.lines >= 3_000 && written.lines < 3_005)
        #expect(written.openItems > 500 && written.changes > 300)
        #expect(written.entries == written.openItems + written.changes)
        let counts = try branch.database.writer.read { db in
            (
                lines: try Int.fetchOne(db, sql: "SELECT count(*) FROM journal_line") ?? 0,
                items: try Int.fetchOne(db, sql: "SELECT count(*) FROM open_item WHERE reference LIKE 'BL%'") ?? 0,
                audits: try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0,
                outOfOrder: try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM journal_entry a JOIN journal_entry b ON b.id = a.id + 1 WHERE b.date < a.date
                        """) ?? -1,
                // open amount = amount + every change (the receipts).
                inconsistent: try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM open_item o WHERE o.open_amount != o.amount +
                          COALESCE((SELECT SUM(delta) FROM open_item_change c WHERE c.open_item_id = o.id), 0)
                        """) ?? -1
            )
        }
        #expect(counts.lines == written.lines && counts.items == written.openItems)
        #expect(counts.audits == (audits ?? 0) + 1, "one audit entry for the batch")
        #expect(counts.outOfOrder == 0)
        #expect(counts.inconsistent == 0)
        #expect(try branch.database.journal().allSatisfy { $0.entry.isBalanced })

        for day in ["2025-01-01", "2025-03-15", "2025-07-01", "2025-12-31"].map(Fixtures.date) {
            let rows = try branch.database.trialBalance(asOf: day)
            #expect(Self.isBalanced(rows), "\(day)")
            // Aging as of the day sees the receivable the ledger holds then, item by item.
            let ledger = try branch.database.receivablesByCustomer(asOf: day)
            let aging = try branch.database.aging(asOf: day)
            #expect(aging.total == ledger.values.sum(), "\(day)")
            #expect(Self.balances(rows)[.receivable] ?? .zero == aging.total)
        }
        let later = try branch.database.trialBalance(asOf: Fixtures.date("2025-07-01"))
        let earlier = try branch.database.trialBalance(asOf: Fixtures.date("2025-03-15"))
        #expect(later.map(\.debit).sum() > earlier.map(\.debit).sum())
        #expect(try branch.database.trialBalance(asOf: through) == branch.database.trialBalance())

        let again = try TestBranch.make()
        let same = try again.database.generateBenchmarkLedger(
            postings: 3_000, customers: [again.wang, again.chen], from: from, through: through, by: again.admin)
        #expect(same == written, "the same seed writes the same ledger")
        #expect(try again.database.trialBalance() == branch.database.trialBalance())
    }
}
