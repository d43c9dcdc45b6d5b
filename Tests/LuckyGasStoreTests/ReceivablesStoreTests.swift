import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

/// Expects `body` to be refused with exactly `expected`.
func expectRefusal(
    _ expected: ReceivablesError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected the refusal \(expected)", sourceLocation: sourceLocation)
    } catch StoreError.receivables(let error) {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch let error as ReceivablesError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

@Suite("Receivables: payments, allocation, reversal, settlement, aging, statements, ledger")
struct ReceivablesStoreTests {
    static func delivered(
        _ branch: TestBranch, _ customer: CustomerID, quantity: Int = 2, report: DeliveryReport = DeliveryReport()
    ) throws -> DeliveryReceipt {
        try InvoicingStoreTests.delivered(branch, customer, quantity: quantity, report: report)
    }

    static func cash(_ customer: CustomerID, _ amount: Money, reference: String = "") -> PaymentInput {
        PaymentInput(customer: customer, amount: amount, method: .cash, reference: reference)
    }

    @Test("Partial, full and over payment: status per invoice, unapplied credit, credit released at once")
    func partialFullOver() throws {
        let branch = try TestBranch.make()
        let first = try Self.delivered(branch, branch.wang)  // 1,722
        let before = try branch.database.creditCheck(branch.wang).available
        let partial = try branch.database.recordPayment(
            Self.cash(branch.wang, 1000), allocate: .chosen([(first.invoice.rawValue, Money(1000))]),
            by: branch.accountant)
        #expect(partial.number.rawValue == "RCP-20261118-001")
        #expect(try branch.database.invoice(first.invoice)?.paymentStatus == .partial)
        #expect(try branch.database.invoice(first.invoice)?.open == 722)
        #expect(try branch.database.creditCheck(branch.wang).available == before + 1000)
        let over = try branch.database.recordPayment(
            Self.cash(branch.wang, 1000, reference: first.invoice.rawValue), allocate: .automatic,
            by: branch.accountant)
        #expect(over.number.rawValue == "RCP-20261118-002")
        #expect(over.unapplied == 278)
        #expect(try branch.database.invoice(first.invoice)?.paymentStatus == .paid)
        #expect(try branch.database.openItems(of: branch.wang).unapplied == 278)
        // Unapplied credit counts against receivables: available is the limit plus the credit.
        #expect(try branch.database.creditCheck(branch.wang).openAR == -278)
        // The credit is applied to the next invoice later.
        let second = try Self.delivered(branch, branch.wang)
        let applied = try branch.database.allocatePayment(over.number, .automatic, by: branch.accountant)
        #expect(applied.unapplied == 0)
        #expect(try branch.database.invoice(second.invoice)?.open == 1722 - 278)
        #expect(try branch.database.invoice(second.invoice)?.paymentStatus == .partial)
        // Overdue once the due date has passed.
        branch.time.set(LocalDateTime(date: Fixtures.date("2026-12-19"), hour: 9, minute: 0))
        #expect(try branch.database.invoice(second.invoice)?.paymentStatus == .overdue)
    }

    @Test("Allocation refusals: above the open amount, above the unapplied amount, another customer's item")
    func allocationRefusals() throws {
        let branch = try TestBranch.make()
        let wang = try Self.delivered(branch, branch.wang)
        let chen = try Self.delivered(branch, branch.chen)
        let payment = try branch.database.recordPayment(Self.cash(branch.wang, 5000), by: branch.accountant)
        expectRefusal(.allocationAboveOpen(wang.invoice.rawValue, amount: 1800, open: 1722)) {
            try branch.database.allocatePayment(
                payment.number, .chosen([(wang.invoice.rawValue, Money(1800))]), by: branch.accountant)
        }
        expectRefusal(.wrongCustomer(chen.invoice.rawValue, customer: branch.wang)) {
            try branch.database.allocatePayment(
                payment.number, .chosen([(chen.invoice.rawValue, Money(10))]), by: branch.accountant)
        }
        let small = try branch.database.recordPayment(Self.cash(branch.wang, 100), by: branch.accountant)
        expectRefusal(.allocationAboveUnapplied(total: 200, unapplied: 100)) {
            try branch.database.allocatePayment(
                small.number, .chosen([(wang.invoice.rawValue, Money(200))]), by: branch.accountant)
        }
        expectRefusal(.allocationRepeated(wang.invoice.rawValue)) {
            try branch.database.allocatePayment(
                payment.number, .chosen([(wang.invoice.rawValue, Money(10)), (wang.invoice.rawValue, Money(10))]),
                by: branch.accountant)
        }
        // Nothing was written by the refusals.
        #expect(try branch.database.invoice(wang.invoice)?.open == 1722)
        #expect(try branch.database.payment(payment.number).unapplied == 5000)
        // Counter staff may not record payments.
        #expect(throws: StoreError.self) {
            try branch.database.recordPayment(Self.cash(branch.wang, 1), by: branch.counter)
        }
    }

    @Test("An allocation is reversed with a reason; a bounced check reverses all and reopens the invoices")
    func reversals() throws {
        let branch = try TestBranch.make()
        let first = try Self.delivered(branch, branch.wang)
        let second = try Self.delivered(branch, branch.wang)
        let payment = try branch.database.recordPayment(
            Self.cash(branch.wang, 2000), allocate: .automatic, by: branch.accountant)
        #expect(payment.allocations.map(\.amount) == [1722, 278])
        expectRefusal(.reasonRequired) {
            try branch.database.unallocatePayment(
                payment.number, allocation: payment.allocations[1].id, reason: " ", by: branch.accountant)
        }
        let undone = try branch.database.unallocatePayment(
            payment.number, allocation: payment.allocations[1].id, reason: "客戶指定只付第一張", by: branch.accountant)
        #expect(undone.unapplied == 278)
        #expect(try branch.database.invoice(second.invoice)?.open == 1722)
        #expect(undone.allocations[1].reversalReason == "客戶指定只付第一張")

        let check = try branch.database.recordPayment(
            PaymentInput(
                customer: branch.wang, amount: 1722, method: .check,
                check: CheckDetails(bank: "004", number: "AB0012345", due: Fixtures.date("2026-12-01"))),
            allocate: .chosen([(second.invoice.rawValue, Money(1722))]), by: branch.accountant)
        #expect(check.checkStatus == .held)
        #expect(try branch.database.invoice(second.invoice)?.paymentStatus == .paid)
        let bounced = try branch.database.reversePayment(check.number, reason: "存款不足退票", by: branch.accountant)
        #expect(bounced.status == .reversed && bounced.checkStatus == .bounced)
        #expect(try branch.database.invoice(second.invoice)?.open == 1722)
        let hold = try #require(try branch.database.creditCheck(branch.wang).holds.first { $0.kind == .bouncedCheck })
        #expect(hold.zh == "支票退票 \(check.number.rawValue)：存款不足退票")
        #expect(hold.en == "Bounced check \(check.number.rawValue): 存款不足退票", "said in English, the reason as typed")
        #expect(try branch.database.creditHolds().contains { $0.kind == .bouncedCheck && $0.reason.en == hold.en })
        expectRefusal(.paymentReversed(check.number)) {
            try branch.database.allocatePayment(check.number, .automatic, by: branch.accountant)
        }
        // The ledger: receipt and its reversal cancel out on 1130 and on wang's receivable.
        let balances = Dictionary(
            try branch.database.trialBalance().map { ($0.account, $0.balance) }, uniquingKeysWith: +)
        #expect(balances[.notesReceivable] ?? 0 == 0)
        #expect(try branch.database.receivablesByCustomer()[branch.wang] == 1722 * 2 - 2000)
        _ = first
    }

    @Test("Checks clear to the bank; refunds pay back unapplied credit only")
    func clearAndRefund() throws {
        let branch = try TestBranch.make()
        let check = try branch.database.recordPayment(
            PaymentInput(
                customer: branch.wang, amount: 3000, method: .check,
                check: CheckDetails(bank: "007", number: "CK1", due: Fixtures.date("2026-11-30"))),
            by: branch.accountant)
        expectRefusal(.checkDetailsRequired) {
            try branch.database.recordPayment(
                PaymentInput(customer: branch.wang, amount: 1, method: .check), by: branch.accountant)
        }
        try branch.database.clearCheck(check.number, by: branch.accountant)
        expectRefusal(.checkAlreadySettled(check.number, status: "CLEARED")) {
            try branch.database.reversePayment(check.number, reason: "x", by: branch.accountant)
        }
        expectRefusal(.refundAboveUnapplied(amount: 3001, unapplied: 3000)) {
            try branch.database.refundPayment(check.number, amount: 3001, reason: "多付", by: branch.accountant)
        }
        let refunded = try branch.database.refundPayment(
            check.number, amount: 1000, reason: "多付", by: branch.accountant)
        #expect(refunded.unapplied == 2000 && refunded.refunded == 1000)
        let balances = Dictionary(
            try branch.database.trialBalance().map { ($0.account, $0.balance) }, uniquingKeysWith: +)
        #expect(balances[.bank] == 3000)
        #expect(balances[.cash] == -1000)
        #expect(try branch.database.receivablesByCustomer()[branch.wang] == -2000)
    }

    @Test("Money collected at delivery is a receipt on the invoice; the driver's day is counted and approved")
    func driverSettlement() throws {
        let branch = try TestBranch.make()
        try branch.database.saveDriver(
            Driver(id: "DRV001", name: "李志明", phone: try PhoneNumber("0912345678"), licenseNumber: "L123"),
            by: branch.admin)
        let paid = try Self.delivered(
            branch, branch.chen, report: DeliveryReport(collected: 1785, method: "CASH", driver: "DRV001"))
        // C000002 is COD: 2 x 850 + 85 tax = 1,785.
        #expect(paid.payment != nil)
        #expect(try branch.database.invoice(paid.invoice)?.paymentStatus == .paid)
        _ = try Self.delivered(
            branch, branch.wang, report: DeliveryReport(collected: 1722, method: "CHECK", driver: "DRV001"))
        let day = Fixtures.weekdayMorning.date
        let open = try branch.database.settlement(collector: "DRV001", day: day)
        #expect(open.count.expectedCash == 1785 && open.count.expectedChecks == 1722 && open.status == .open)
        expectRefusal(.varianceNeedsReason(-85)) {
            try branch.database.submitSettlement(
                collector: "DRV001", day: day, countedCash: 1700, countedChecks: 1722, reason: "", by: branch.accountant
            )
        }
        expectRefusal(.checksDiffer(expected: 1722, counted: 0)) {
            try branch.database.submitSettlement(
                collector: "DRV001", day: day, countedCash: 1785, countedChecks: 0, reason: "", by: branch.accountant)
        }
        let submitted = try branch.database.submitSettlement(
            collector: "DRV001", day: day, countedCash: 1700, countedChecks: 1722, reason: "找零短少",
            by: branch.accountant)
        #expect(submitted.status == .submitted && submitted.count.variance == -85)
        #expect(throws: StoreError.self) {
            try branch.database.approveSettlement(collector: "DRV001", day: day, by: branch.accountant)
        }
        let approved = try branch.database.approveSettlement(collector: "DRV001", day: day, by: branch.supervisor)
        #expect(approved.status == .approved && approved.approvedBy == "supervisor")
        let entry = try #require(try branch.database.journal().map(\.entry).first { $0.source == .settlement })
        #expect(entry.isBalanced)
        #expect(entry.lines.contains { $0.account == .bank && $0.debit == 1700 })
        #expect(entry.lines.contains { $0.account == .cashOverShort && $0.debit == 85 })
        #expect(entry.lines.contains { $0.account == .cash && $0.credit == 1785 })
        expectRefusal(.settlementNotPending("APPROVED")) {
            try branch.database.approveSettlement(collector: "DRV001", day: day, by: branch.supervisor)
        }
    }

    @Test("Aging by days past due as of any date; later payments left out; DSO, candidates, provision")
    func aging() throws {
        let branch = try TestBranch.make()
        let invoice = try Self.delivered(branch, branch.wang, quantity: 40)  // due 2026-12-18
        let total = invoice.total
        try branch.database.importOpeningBalance(
            OpeningBalance(
                customer: branch.chen, reference: "OLD-2026-001", documentDate: Fixtures.date("2026-06-30"),
                dueDate: Fixtures.date("2026-07-31"), amount: 60000), by: branch.accountant)
        branch.time.set(LocalDateTime(date: Fixtures.date("2027-01-10"), hour: 10, minute: 0))
        let payment = try branch.database.recordPayment(
            Self.cash(branch.wang, 1000), allocate: .automatic, by: branch.accountant)
        let report = try branch.database.aging(asOf: Fixtures.date("2027-01-09"))
        let wang = try #require(report.rows.first { $0.customer == branch.wang })
        #expect(wang[.days1To30] == total)  // 22 days past due, payment not yet made
        let chen = try #require(report.rows.first { $0.customer == branch.chen })
        #expect(chen[.over90] == 60000 && chen.oldestDaysPastDue == 162)
        #expect(report.collectionCandidates == [branch.chen])
        #expect(report.total == total + 60000)
        // rates 0,1,5,10,50: 1% of wang's, 50% of chen's.
        #expect(report.provisionRequired == Rounding.percent(total, 1) + 30000)
        #expect(report.dsoTenths != nil)
        let now = try branch.database.aging()
        #expect(now.rows.first { $0.customer == branch.wang }?[.days1To30] == total - 1000)
        // The provision posts once a month, Dr 6155 / Cr 1149.
        // Not for a month end still ahead (today is 2027-01-10): a posting is never dated in the future.
        #expect(throws: StoreError.self) {
            try branch.database.postProvision(asOf: Fixtures.date("2027-01-31"), by: branch.accountant)
        }
        let posted = try branch.database.postProvision(asOf: Fixtures.date("2026-12-31"), by: branch.accountant)
        #expect(posted.change == posted.required)
        expectRefusal(.provisionExists("PROV-202612")) {
            try branch.database.postProvision(asOf: Fixtures.date("2026-12-31"), by: branch.accountant)
        }
        _ = payment
    }

    @Test("Customer statement: opening, movements, closing, open items, virtual account")
    func statement() throws {
        let branch = try TestBranch.make()
        let first = try Self.delivered(branch, branch.wang)
        branch.time.set(LocalDateTime(date: Fixtures.date("2026-11-25"), hour: 10, minute: 0))
        _ = try branch.database.recordPayment(
            Self.cash(branch.wang, 2000), allocate: .automatic, by: branch.accountant)
        let statement = try branch.database.customerStatement(
            branch.wang, from: Fixtures.date("2026-11-20"), to: Fixtures.date("2026-11-30"))
        #expect(statement.opening == first.total)
        #expect(statement.lines.map(\.credit) == [2000])
        #expect(statement.closing == first.total - 2000)
        #expect(statement.openItems.isEmpty && statement.unapplied == 278)
        #expect(statement.virtualAccount.digits.hasPrefix("9912300000001"))
        #expect(try VirtualAccount(statement.virtualAccount.digits, prefix: "99123").customer == branch.wang)
    }

    @Test("hledger: the journal checks, and per-customer receivables equal aging totals and open items")
    func hledgerAgreesWithAging() throws {
        let branch = try TestBranch.make()
        let first = try Self.delivered(branch, branch.wang, quantity: 5)
        _ = try Self.delivered(branch, branch.chen, report: DeliveryReport(collected: 2000, method: "CASH"))
        _ = try branch.database.recordPayment(Self.cash(branch.wang, 3000), allocate: .automatic, by: branch.accountant)
        try branch.database.issueAllowance(on: first.invoice, lines: [1: 100], reason: "折讓", by: branch.accountant)
        try branch.database.importOpeningBalance(
            OpeningBalance(
                customer: branch.chen, reference: "OLD-1", documentDate: Fixtures.date("2026-08-01"),
                dueDate: Fixtures.date("2026-08-31"), amount: 5000), by: branch.accountant)
        let text = LedgerExport.journal(try branch.database.journal().map(\.entry))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ar-\(UUID().uuidString).journal")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let check = try ExternalCheck.run("hledger", ["-f", file.path, "check", "--strict"])
        #expect(check.status == 0, "\(check.output)")
        let balance = try ExternalCheck.run(
            "hledger", ["-f", file.path, "bal", "-E", "-N", "-O", "csv", "--layout=bare", "^1140 應收帳款:"])
        #expect(balance.status == 0, "\(balance.output)")
        var hledger: [String: Int64] = [:]
        for line in balance.output.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard fields.count == 3 else { continue }
            hledger[String(fields[0].split(separator: ":").last ?? "")] = Int64(fields[2])
        }
        let aging = try branch.database.aging()
        #expect(aging.rows.count == 2)
        for row in aging.rows {
            #expect(hledger[row.customer.rawValue] == row.total.amount, "\(row.customer)")
            let open = try branch.database.openItems(of: row.customer)
            #expect(open.items.map(\.open).sum() - open.unapplied == row.total, "\(row.customer)")
        }
    }
}
