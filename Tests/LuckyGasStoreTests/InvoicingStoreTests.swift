import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

/// Expects `body` to be refused with exactly `expected`.
func expectRefusal(
    _ expected: InvoicingError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected the refusal \(expected)", sourceLocation: sourceLocation)
    } catch StoreError.invoicing(let error) {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

@Suite("Invoicing: issue on delivery, cancel, void, allowance, numbers, ledger")
struct InvoicingStoreTests {
    /// Places an order for `customer` and delivers it the next morning.
    static func delivered(
        _ branch: TestBranch, _ customer: CustomerID, quantity: Int = 2, report: DeliveryReport = DeliveryReport()
    ) throws -> DeliveryReceipt {
        let placed = try branch.database.placeOrder(branch.order(customer, quantity: quantity), by: branch.counter)
        return try branch.database.deliverOrder(placed.number, report: report, by: branch.dispatcher)
    }

    static func messages(_ branch: TestBranch) throws -> [EInvoiceMessage] {
        try branch.database.messages().reversed()
    }

    @Test("Delivery issues a B2B invoice in the same transaction: number, F0401, journal, receivable")
    func b2bOnDelivery() throws {
        let branch = try TestBranch.make()
        let receipt = try Self.delivered(branch, branch.wang)
        #expect(receipt.invoice.rawValue == "AB12345600")
        // 2 x 820 (special) = 1,640, free delivery from 1,500: tax 82, total 1,722.
        #expect(receipt.total == 1722)
        #expect(receipt.dueDate == Fixtures.weekdayMorning.date.adding(days: 30))
        let invoice = try #require(try branch.database.invoice(receipt.invoice))
        #expect(invoice.draft.buyer.delivery == .business(ubn: "95753514"))
        #expect(invoice.draft.salesAmount == 1640 && invoice.draft.taxAmount == 82)
        #expect(invoice.open == 1722)
        #expect(try branch.database.order(receipt.order)?.status == .delivered)
        let message = try #require(invoice.messages.first)
        #expect(message.type == "F0401" && message.status == .pending)
        #expect(message.dueDate == Fixtures.weekdayMorning.date.adding(days: 7))
        let check = try ExternalCheck.validateMIG(message.xml, messageType: "F0401")
        #expect(check.status == 0, "\(check.output)")
        #expect(try branch.database.trialBalance().map(\.balance) == [1722, -82, -1640])
        #expect(try branch.database.receivablesByCustomer() == [branch.wang: 1722])
        // The reservation became the receivable: available credit is the limit minus the invoice.
        let position = try branch.database.creditCheck(branch.wang)
        #expect(position.reserved == .zero && position.openAR == 1722)
    }

    @Test("B2C: tax-inclusive SalesAmount, carrier, partial delivery, missing empty as a deposit liability")
    func b2cPartialWithDeposit() throws {
        let branch = try TestBranch.make()
        let receipt = try Self.delivered(
            branch, branch.chen, quantity: 3,
            report: DeliveryReport(
                quantities: [try ProductCode("P001"): 2], emptiesReturned: 1, collected: 1785, method: "CASH"))
        #expect(receipt.total == 1785)
        #expect(receipt.deposit.missingEmpties == 1 && receipt.deposit.amount == 1500)
        let invoice = try #require(try branch.database.invoice(receipt.invoice))
        #expect(invoice.draft.salesAmount == 1785 && invoice.draft.taxAmount == 0)
        #expect(invoice.draft.lines.map(\.amount).sum() == 1785)
        #expect(invoice.draft.lines.first?.quantity == 2)
        let xml = try #require(invoice.messages.first?.xml)
        #expect(xml.contains("<CarrierType>3J0002</CarrierType>") && xml.contains("<PrintMark>N</PrintMark>"))
        #expect(try ExternalCheck.validateMIG(xml, messageType: "F0401").status == 0)
        let balances = Dictionary(
            uniqueKeysWithValues: try branch.database.trialBalance().map { ($0.account, $0.balance) })
        #expect(balances[.depositsReceived] == -1500)
        // The cash collected is a receipt on the invoice: only the deposit stays receivable.
        #expect(balances[.receivable] == Money(1500))
        #expect(balances[.cash] == Money(1785))
        #expect(try branch.database.invoice(receipt.invoice)?.paymentStatus == .paid)
        #expect(invoice.qrLeft.hasPrefix("AB12345600"))
        #expect(invoice.barcode == "11512AB12345600" + invoice.randomNumber)
        #expect(invoice.randomNumber.count == 4 && invoice.randomNumber.allSatisfy(\.isASCIIDigit))
    }

    @Test("Numbers follow each other without gaps; a period without numbers says what to import")
    func numbering() throws {
        let branch = try TestBranch.make()
        let first = try Self.delivered(branch, branch.chen)
        let second = try Self.delivered(branch, branch.wang)
        #expect(second.invoice.sequence == first.invoice.sequence + 1)
        branch.time.set(LocalDateTime(date: Fixtures.date("2028-01-05"), hour: 10))
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        expectRefusal((.noNumbers(period: try InvoicePeriod("11702")))) {
            try branch.database.deliverOrder(placed.number, by: branch.dispatcher)
        }
        // Nothing was written: the order is still open and no number was used.
        #expect(try branch.database.order(placed.number)?.status == .confirmed)
        let message = StoreError.invoicing(.noNumbers(period: try InvoicePeriod("11702"))).operatorMessage
        #expect(message.zh.contains("請匯入字軌配號檔") && message.en.contains("einvoice tracks import"))
    }

    @Test("Delivering more than ordered or nothing is refused with the product named")
    func badDeliveries() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        expectRefusal((.deliveredMoreThanOrdered(try ProductCode("P001"), ordered: 2, delivered: 3))) {
            try branch.database.deliverOrder(
                placed.number, report: DeliveryReport(quantities: [try ProductCode("P001"): 3]), by: branch.dispatcher)
        }
        expectRefusal((.nothingDelivered)) {
            try branch.database.deliverOrder(
                placed.number, report: DeliveryReport(quantities: [try ProductCode("P001"): 0]), by: branch.dispatcher)
        }
        #expect(try branch.database.trackUsage().first?.used == 0)
    }

    @Test("Cancel: same day by the accountant, reversed ledger and restored credit; yesterday's needs a supervisor")
    func cancel() throws {
        let branch = try TestBranch.make()
        let today = try Self.delivered(branch, branch.wang)
        try branch.database.cancelInvoice(today.invoice, reason: "客戶退貨", by: branch.accountant)
        let cancelled = try #require(try branch.database.invoice(today.invoice))
        #expect(cancelled.status == .cancelled && cancelled.open == .zero)
        #expect(try branch.database.creditCheck(branch.wang).openAR == .zero)
        #expect(try branch.database.trialBalance().allSatisfy { $0.balance == .zero })
        let cancel = try #require(cancelled.messages.last)
        #expect(cancel.type == "F0501")
        #expect(try ExternalCheck.validateMIG(cancel.xml, messageType: "F0501").status == 0)
        expectRefusal((.notIssued(today.invoice, status: "已作廢"))) {
            try branch.database.cancelInvoice(today.invoice, reason: "again", by: branch.accountant)
        }

        let older = try Self.delivered(branch, branch.chen)
        branch.time.set(Fixtures.weekdayMorning.adding(seconds: 86_400))
        #expect(throws: StoreError.self) {
            try branch.database.cancelInvoice(older.invoice, reason: "開錯", by: branch.accountant)
        }
        try branch.database.cancelInvoice(
            older.invoice, reason: "開錯", by: branch.accountant,
            approval: OverrideApproval(supervisor: "supervisor", password: "supervisor", reason: "客戶來電"))
        #expect(try branch.database.invoice(older.invoice)?.status == .cancelled)
    }

    @Test("After the filing deadline only an allowance is possible")
    func cancelWindow() throws {
        let branch = try TestBranch.make()
        let receipt = try Self.delivered(branch, branch.wang)
        branch.time.set(LocalDateTime(date: Fixtures.date("2027-01-16"), hour: 9))
        expectRefusal(
            (.cancelPeriodClosed(try InvoicePeriod("11512"), deadline: Fixtures.date("2027-01-15")))
        ) {
            try branch.database.cancelInvoice(receipt.invoice, reason: "太晚了", by: branch.supervisor)
        }
        let allowance = try branch.database.issueAllowance(
            on: receipt.invoice, lines: [1: 100], reason: "價差", by: branch.accountant)
        #expect(allowance.draft.net == 100 && allowance.draft.tax == 5)
    }

    @Test("Void and re-issue under the same number corrects the buyer: F0701 then F0401, both valid")
    func voidReissue() throws {
        let branch = try TestBranch.make()
        let receipt = try Self.delivered(branch, branch.chen)
        try branch.database.voidAndReissue(
            receipt.invoice, buyer: InvoiceBuyer(name: "陳美玲工作室", delivery: .business(ubn: "04595257")),
            reason: "補統編", by: branch.accountant)
        let invoice = try #require(try branch.database.invoice(receipt.invoice))
        #expect(invoice.voids == 1 && invoice.draft.buyer.isBusiness)
        #expect(invoice.draft.lines.map(\.amount).sum() == invoice.draft.split.net)
        #expect(invoice.messages.map(\.type) == ["F0401", "F0701", "F0401"])
        for message in invoice.messages {
            let check = try ExternalCheck.validateMIG(message.xml, messageType: message.type)
            #expect(check.status == 0, "\(message.type): \(check.output)")
        }
        #expect(invoice.messages.last?.xml.contains("<Identifier>04595257</Identifier>") == true)
        expectRefusal((.nothingToChange)) {
            try branch.database.voidAndReissue(
                receipt.invoice, buyer: invoice.draft.buyer, reason: "x", by: branch.accountant)
        }
    }

    @Test("Allowances: per line, net and tax apart, limits, supervisor above NT$10,000, cancel restores")
    func allowances() throws {
        let branch = try TestBranch.make()
        let receipt = try Self.delivered(branch, branch.wang, quantity: 20)
        // 20 x 820 = 16,400, 3 % = 492: goods line 16,400, discount line -492; net 15,908.
        let invoice = try #require(try branch.database.invoice(receipt.invoice))
        #expect(invoice.draft.lines.count == 2)
        expectRefusal((.allowanceExceedsLine(1, left: 16_400))) {
            try branch.database.issueAllowance(
                on: receipt.invoice, lines: [1: 16_401], reason: "x", by: branch.accountant)
        }
        expectRefusal((.allowanceLineUnknown(9))) {
            try branch.database.issueAllowance(on: receipt.invoice, lines: [9: 1], reason: "x", by: branch.accountant)
        }
        #expect(throws: StoreError.self) {
            try branch.database.issueAllowance(
                on: receipt.invoice, lines: [1: 10_000], reason: "大額", by: branch.accountant)
        }
        let allowance = try branch.database.issueAllowance(
            on: receipt.invoice, lines: [1: 820], reason: "一桶漏氣", by: branch.accountant)
        #expect(allowance.number == "AL20261118000001")
        #expect(allowance.draft.net == 820 && allowance.draft.tax == 41)
        let after = try #require(try branch.database.invoice(receipt.invoice))
        #expect(after.open == receipt.total - 861)
        let g0401 = try #require(after.messages.last)
        #expect(g0401.type == "G0401")
        #expect(try ExternalCheck.validateMIG(g0401.xml, messageType: "G0401").status == 0)
        expectRefusal((.invoiceHasAllowances(receipt.invoice))) {
            try branch.database.cancelInvoice(receipt.invoice, reason: "x", by: branch.accountant)
        }
        try branch.database.cancelAllowance(allowance.number, reason: "金額錯誤", by: branch.accountant)
        let restored = try #require(try branch.database.invoice(receipt.invoice))
        #expect(restored.open == receipt.total)
        let g0501 = try #require(try branch.database.messages().first)
        #expect(g0501.type == "G0501")
        #expect(try ExternalCheck.validateMIG(g0501.xml, messageType: "G0501").status == 0)
        let balances = Dictionary(
            uniqueKeysWithValues: try branch.database.trialBalance().map { ($0.account, $0.balance) })
        #expect(balances[.salesAllowances] == .zero && balances[.receivable] == receipt.total)
    }

    @Test("Track import is idempotent and refuses overlaps, other sellers and broken booklets")
    func trackImport() throws {
        let branch = try TestBranch.make()
        let allocation = TrackAllocation(
            sellerUBN: "83235679", invoiceType: "07", period: "11512", track: "ZZ", begin: 50, end: 149)
        let first = try branch.database.importTracks([allocation], source: "t", by: branch.accountant)
        #expect(first.added == 1 && first.numbers == 100)
        let again = try branch.database.importTracks([allocation], source: "t", by: branch.accountant)
        #expect(again.added == 0 && again.alreadyPresent == 1)
        var overlapping = allocation
        overlapping.begin = 100
        overlapping.end = 199
        #expect(throws: StoreError.self) {
            try branch.database.importTracks([overlapping], source: "t", by: branch.accountant)
        }
        var foreign = allocation
        foreign.sellerUBN = "04595257"
        expectRefusal((.wrongSeller(expected: "83235679", found: "04595257"))) {
            try branch.database.importTracks([foreign], source: "t", by: branch.accountant)
        }
        let usage = try #require(try branch.database.trackUsage(period: try InvoicePeriod("11512")).last)
        #expect(usage.track == "ZZ" && usage.booklets.count == 2 && usage.booklets.allSatisfy { $0.remaining == 50 })
    }

    @Test("Blank numbers after the period: one valid E0402 per track, the range closed")
    func blankNumbers() throws {
        let branch = try TestBranch.make()
        _ = try Self.delivered(branch, branch.chen)
        let period = try InvoicePeriod("11512")
        expectRefusal((.periodNotOver(period))) {
            try branch.database.reportBlankNumbers(period: period, by: branch.accountant)
        }
        branch.time.set(LocalDateTime(date: Fixtures.date("2027-01-03"), hour: 9))
        #expect(try branch.database.uploadWarnings().contains { $0.type == "E0402" && $0.reference == "11512" })
        #expect(try branch.database.reportBlankNumbers(period: period, by: branch.accountant) == 1)
        let message = try #require(try branch.database.messages().first)
        #expect(message.type == "E0402" && message.dueDate == Fixtures.date("2027-01-10"))
        #expect(message.xml.contains("<InvoiceBeginNo>12345601</InvoiceBeginNo>"))
        #expect(try ExternalCheck.validateMIG(message.xml, messageType: "E0402").status == 0)
        #expect(try branch.database.reportBlankNumbers(period: period, by: branch.accountant) == 0)
    }

    @Test("Upload results: accepted and rejected, warnings for messages close to their deadline")
    func uploadResults() throws {
        let branch = try TestBranch.make()
        let first = try Self.delivered(branch, branch.chen)
        let second = try Self.delivered(branch, branch.wang)
        let pending = try branch.database.pendingMessages()
        try branch.database.markExported(pending.map { ($0.id, "\($0.reference).xml") }, by: branch.accountant)
        let counts = try branch.database.applyUploadResults(
            [
                .init(type: "F0401", reference: first.invoice.rawValue, accepted: true, reason: nil),
                .init(type: "F0401", reference: "\(second.invoice.rawValue).xml", accepted: false, reason: "ERR"),
                .init(type: "F0401", reference: "ZZ00000000", accepted: true, reason: nil),
            ], by: branch.accountant)
        #expect(counts == (1, 1, 1))
        #expect(try branch.database.invoice(first.invoice)?.messages.last?.status == .accepted)
        #expect(try branch.database.invoice(second.invoice)?.messages.last?.status == .rejected)
        branch.time.set(LocalDateTime(date: Fixtures.date("2026-11-24"), hour: 9))
        let warnings = try branch.database.uploadWarnings()
        #expect(warnings.map(\.reference) == [second.invoice.rawValue])
        #expect(warnings.first?.overdue == false && warnings.first?.status == .rejected)
    }

    @Test("The 401 media file: 81-byte records, B2C gross with tax 0, cancelled as F")
    func mediaFile() throws {
        let branch = try TestBranch.make()
        let b2c = try Self.delivered(branch, branch.chen)
        let b2b = try Self.delivered(branch, branch.wang)
        try branch.database.cancelInvoice(b2b.invoice, reason: "重開", by: branch.accountant)
        let (registration, records) = try branch.database.mediaRecords(period: try InvoicePeriod("11512"))
        let text = try VATMediaFile.render(taxRegistrationNumber: registration, records: records)
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.utf8.count == 81 })
        let first = String(lines[0])
        #expect(first.hasPrefix("35351234567"))
        #expect(first.contains(b2c.invoice.rawValue + "000000001785" + "1" + "0000000000"))
        #expect(String(lines[1]).contains(b2b.invoice.rawValue + "000000000000F"))
    }

    @Test("hledger agrees: the exported journal checks, balances equal our trial balance and per-customer AR")
    func hledgerAgrees() throws {
        let branch = try TestBranch.make()
        _ = try Self.delivered(branch, branch.wang, quantity: 20)
        let chen = try Self.delivered(
            branch, branch.chen, report: DeliveryReport(emptiesReturned: 0, collected: 0))
        let wangSecond = try Self.delivered(branch, branch.wang)
        try branch.database.issueAllowance(on: wangSecond.invoice, lines: [1: 300], reason: "折讓", by: branch.accountant)
        try branch.database.cancelInvoice(chen.invoice, reason: "重開", by: branch.accountant)
        let text = LedgerExport.journal(try branch.database.journal().map(\.entry))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gl-\(UUID().uuidString).journal")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let check = try ExternalCheck.run("hledger", ["-f", file.path, "check", "--strict"])
        #expect(check.status == 0, "\(check.output)")
        let balance = try ExternalCheck.run(
            "hledger", ["-f", file.path, "bal", "-N", "-O", "csv", "--no-elide", "--flat"])
        #expect(balance.status == 0, "\(balance.output)")
        var hledger: [String: Int64] = [:]
        for line in balance.output.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard fields.count == 2 else { continue }
            hledger[fields[0]] = Int64(
                fields[1].replacingOccurrences(of: " TWD", with: "").replacingOccurrences(of: ",", with: ""))
        }
        for row in try branch.database.trialBalance() where !row.account.hasCustomers {
            #expect(
                hledger["\(row.account.rawValue) \(row.account.chinese)"] ?? 0 == row.balance.amount, "\(row.account)")
        }
        for (customer, amount) in try branch.database.receivablesByCustomer() {
            #expect(hledger["1140 應收帳款:\(customer.rawValue)"] == amount.amount, "\(customer)")
        }
        #expect(hledger["1140 應收帳款:\(branch.wang.rawValue)"] != nil)
    }
}
