import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

@Suite("Bank statements: idempotent import and the matching cascade")
struct BankMatchingStoreTests {
    /// An MT940 statement of `lines` (amount, :86: text), balanced unless `closingOffset`.
    static func mt940(_ lines: [(Int64, String)], reference: String = "LG-T1", closingOffset: Int64 = 0) -> [UInt8] {
        var text = ":20:\(reference)\n:25:004/012345678901\n:28C:00001/001\n:60F:C261118TWD100000,\n"
        for (index, (amount, details)) in lines.enumerated() {
            let mark = amount < 0 ? "D" : "C"
            text += ":61:2611181118\(mark)\(abs(amount)),NTRFNONREF//BK\(index)\n:86:\(details)\n"
        }
        let closing = 100_000 + lines.map(\.0).reduce(0, +) + closingOffset
        text += ":62F:C261118TWD\(closing),\n-\n"
        return Array(text.utf8)
    }

    @Test("Virtual account, reference, learned payer, exact amount, exception; the same file twice changes nothing")
    func cascade() throws {
        let branch = try TestBranch.make()
        let wang = try InvoicingStoreTests.delivered(branch, branch.wang)  // 1,722
        let chen = try InvoicingStoreTests.delivered(branch, branch.chen)  // 1,785
        let va = try branch.database.virtualAccount(of: branch.wang).digits
        let file = Self.mt940([
            (2000, "/VA/\(va)/NAME/WANG TRADING"),
            (1785, "/NAME/CHEN/REMI/INV \(chen.invoice.rawValue)"),
            (1722, "/NAME/SOMEONE/REMI/PAYMENT"),
            (-15, "FEE"),
        ])
        let result = try branch.database.importStatement(file, fileName: "t1.sta", by: branch.accountant)
        #expect(result.lines == 4 && result.new == 4 && result.duplicates == 0)
        #expect(result.matched == 2 && result.exceptions == 1 && result.notReceipts == 1)
        #expect(try branch.database.invoice(wang.invoice)?.paymentStatus == .paid)
        #expect(try branch.database.invoice(chen.invoice)?.paymentStatus == .paid)
        #expect(try branch.database.openItems(of: branch.wang).unapplied == 278)
        let matched = try branch.database.bankLines(status: .matched)
        #expect(matched.map { $0.suggestion?.rule } == [.virtualAccount, .reference])
        // The third line: no payer known, exactly one open item... none left with 1,722 open: exception.
        let open = try branch.database.bankLines()
        #expect(open.count == 1 && open[0].suggestion?.rule == .exception)
        #expect(open[0].suggestion?.reason.en.contains("match by hand") == true)

        let again = try branch.database.importStatement(file, fileName: "t1-copy.sta", by: branch.accountant)
        #expect(again.new == 0 && again.duplicates == 4 && again.matched == 0)
        #expect(try branch.database.payments(customer: branch.wang).count == 1)

        // A person assigns the exception to wang, leaving it unapplied.
        let accepted = try branch.database.acceptBankLine(
            open[0].id, customer: branch.wang, shares: [], by: branch.accountant)
        #expect(accepted.unapplied == 1722 && accepted.method == .bankTransfer)
        #expect(accepted.receivedOn == Fixtures.date("2026-11-18"))
        expectRefusal(.bankLineNotOpen(open[0].id, status: "MATCHED")) {
            try branch.database.rejectBankLine(open[0].id, reason: "x", by: branch.accountant)
        }
        // Each posted line is its own event under the line's id, with its receipt's events.
        let events = try OutboxContract.verify(branch.database)
        let posted = events.filter { $0.type == "BankLinePosted" }
        #expect(Set(posted.map(\.aggregateID)) == Set((matched + [open[0]]).map { "\($0.id)" }))
        #expect(events.filter { $0.type == "PaymentRecorded" }.count >= 3)
    }

    @Test(
        "Exact amount and oldest first for a customer named by a learned payer account; suggestions wait for a person")
    func suggestionsWait() throws {
        let branch = try TestBranch.make()
        let first = try InvoicingStoreTests.delivered(branch, branch.wang)  // 1,722
        let second = try InvoicingStoreTests.delivered(branch, branch.wang, quantity: 3)
        let file = Self.mt940([(second.total.amount, "/NAME/WANG")])
        let result = try branch.database.importStatement(file, fileName: "t2.sta", by: branch.accountant)
        // Without a payer account the only clue is the amount across all customers: one item has it.
        #expect(result.matched == 0 && result.exceptions == 1)
        let line = try #require(try branch.database.bankLines().first)
        #expect(line.suggestion?.customer == branch.wang)
        #expect(line.suggestion?.shares.map(\.reference) == [second.invoice.rawValue])
        #expect(line.suggestion?.isConfident == false)
        let payment = try branch.database.acceptBankLine(line.id, by: branch.accountant)
        #expect(payment.allocations.map(\.reference) == [second.invoice.rawValue])
        #expect(try branch.database.invoice(first.invoice)?.open == 1722)
    }

    @Test("An unbalanced statement is refused with the figures, and imported only when allowed")
    func unbalanced() throws {
        let branch = try TestBranch.make()
        let file = Self.mt940([(500, "X")], closingOffset: 1)
        #expect {
            try branch.database.importStatement(file, fileName: "bad.sta", by: branch.accountant)
        } throws: { error in
            guard case StoreError.receivables(.unbalancedStatement(let detail)) = error else {
                return (error as? ReceivablesError).map {
                    if case .unbalancedStatement = $0 { return true } else { return false }
                } ?? false
            }
            return detail.contains("LG-T1")
        }
        #expect(try branch.database.bankLines(status: nil).isEmpty)
        let result = try branch.database.importStatement(
            file, fileName: "bad.sta", allowUnbalanced: true, by: branch.accountant)
        #expect(result.new == 1 && result.unbalanced.count == 1)
    }

    @Test(
        "Every reference MT940 file imports or is refused as unbalanced, never crashes; the TWD file's RC is money out")
    func referenceFiles() throws {
        let branch = try TestBranch.make()
        let folder = ExternalCheck.fixtures.appendingPathComponent("bank/mt940")
        let own = try Data(contentsOf: folder.appendingPathComponent("own_twd_va_rc_rd.sta"))
        let result = try branch.database.importStatement(Array(own), fileName: "own.sta", by: branch.accountant)
        #expect(result.lines == 4 && result.notReceipts == 1)
        let lines = try branch.database.bankLines(status: nil)
        #expect(lines.first { $0.mark == "RC" }?.amount == -10500)
        #expect(lines.first { $0.mark == "RC" }?.suggestion?.rule == .exception)
    }
}
