import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal
import LuckyGasTestSupport
import Testing

@Suite("Receivables screens: payments, credit, bank matching, driver settlement, aging and credit holds")
struct ReceivablesScreenTests {
    /// An order for `customer` delivered: its invoice issued and its receivable open (王大明 NET30
    /// 1,722; 陳美玲 COD 1,785), with what was collected on the spot.
    private static func delivered(
        _ branch: TestBranch, _ customer: CustomerID, report: DeliveryReport = DeliveryReport()
    ) throws -> DeliveryReceipt {
        let placed = try branch.database.placeOrder(branch.order(customer), by: branch.counter)
        return try branch.database.deliverOrder(placed.number, report: report, by: branch.dispatcher)
    }

    /// Opens a main-menu item by its number, or past 9 with ↑ ↓ from the highlighted item and Enter.
    private static func open(_ label: String, on driver: ShellDriver) throws {
        let index = try #require(driver.lines.firstIndex { $0.contains(label) })
        let number = Int(String(driver.lines[index].drop { $0 == " " }.prefix { $0.isNumber })) ?? 0
        try #require(number > 0)
        if number <= 9 {
            driver.type(String(number))
        } else {
            let grid = driver.grid
            let current = try #require((0..<grid.rows).first { grid[$0, 4].style == Theme.colour.selection })
            for _ in 0..<abs(index - current) { driver.press(index > current ? .down : .up) }
            driver.press(.enter)
        }
        #expect(driver.lines[0].contains(label))
    }

    /// An MT940 statement of money-in lines dated 2026-11-18 that adds up.
    private static func statement(_ lines: [(amount: Int, text: String)]) -> String {
        var out = [":20:LG20261118001", ":25:004/012345678901", ":28C:00001/001", ":60F:C261117TWD10000,"]
        for (index, line) in lines.enumerated() {
            out.append(":61:2611181118C\(line.amount),NTRFNONREF//BOT2611180000\(index + 1)")
            out.append(":86:\(line.text)")
        }
        out.append(":62F:C261118TWD\(10000 + lines.map(\.amount).reduce(0, +)),")
        out.append("-")
        return out.joined(separator: "\n")
    }

    /// 王大明's invoice and three open bank lines: one naming it, one without a payer, one not ours.
    private static func bankLines() throws -> (ShellDriver, DeliveryReceipt) {
        let driver = try ShellDriver()
        let branch = driver.branch
        let receipt = try delivered(branch, branch.wang)
        let text = statement([(1722, "INV \(receipt.invoice.rawValue) WANG"), (500, "PAYMENT"), (300, "MISC")])
        let result = try branch.database.importStatement(
            Array(text.utf8), fileName: "ui.sta", autoAccept: false, by: branch.accountant)
        #expect(result.new == 3 && result.matched == 0)
        driver.signIn("accountant")
        try open("銀行對帳", on: driver)
        return (driver, receipt)
    }

    @Test("Payment: ticking one invoice applies min(open, left); F2 shows the receipt and the remainder")
    func payment() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        let first = try Self.delivered(branch, branch.wang)
        let second = try Self.delivered(branch, branch.wang)
        driver.signIn("accountant")
        try Self.open("收款沖銷", on: driver)
        driver.type("C000001")
        driver.press(.enter)
        #expect(driver.shows("C000001 王大明"))
        #expect(driver.shows(first.invoice.rawValue) && driver.shows(second.invoice.rawValue))
        #expect(driver.shows("客戶預收 0"))
        driver.type("2000")
        driver.press(.tab, .tab, .tab, .tab)
        driver.press(.character(" "))
        #expect(driver.shows("本次沖銷 1,722") && driver.shows("未沖銷 278"))
        driver.press(.function(2))
        #expect(driver.shows("確認登錄收款"))
        driver.press(.enter)
        let payment = try #require(try branch.database.payments(customer: branch.wang).first)
        #expect(payment.amount == 2000 && payment.unapplied == 278)
        #expect(driver.shows(payment.number.rawValue))
        #expect(driver.lines.contains { $0.contains(payment.number.rawValue) && $0.contains("未沖銷 278") })
        let open = try branch.database.openItems(of: branch.wang)
        #expect(!open.items.contains { $0.reference == first.invoice.rawValue })
        #expect(open.items.map(\.reference) == [second.invoice.rawValue])
        #expect(open.unapplied == 278)
        #expect(try branch.database.invoice(first.invoice)?.paymentStatus == .paid)
        #expect(!driver.shows(first.invoice.rawValue) && driver.shows("客戶預收 278"))
    }

    @Test("Payment: typing an amount on a ticked item changes it; F5 spreads oldest first")
    func editAndAuto() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        let first = try Self.delivered(branch, branch.wang)
        let second = try Self.delivered(branch, branch.wang)
        driver.signIn("accountant")
        try Self.open("收款沖銷", on: driver)
        driver.type("C000001")
        driver.press(.enter)
        driver.type("2000")
        driver.press(.function(5))
        #expect(driver.shows("本次沖銷 2,000") && driver.shows("未沖銷 0"))
        driver.press(.tab, .tab, .tab, .tab)
        driver.type("1000")
        #expect(driver.shows("本次沖銷 1,278") && driver.shows("未沖銷 722"))
        driver.type("0")
        #expect(driver.shows("沖銷不可超過"))
        driver.press(.function(2), .enter)
        #expect(try branch.database.invoice(first.invoice)?.open == 722)
        #expect(try branch.database.invoice(second.invoice)?.open == 1722 - 278)
        #expect(try branch.database.openItems(of: branch.wang).unapplied == 722)
    }

    @Test("Payment by check: refused without its particulars, then recorded as a held check")
    func check() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        _ = try Self.delivered(branch, branch.wang)
        driver.signIn("accountant")
        try Self.open("收款沖銷", on: driver)
        driver.type("C000001")
        driver.press(.enter)
        driver.type("1722")
        driver.press(.tab, .right)
        #expect(driver.shows("支票"))
        // Refused before the confirmation, with the cursor put on the check's bank.
        driver.press(.function(2))
        #expect(driver.shows("支票須填銀行、票號與到期日"))
        #expect(try branch.database.payments(customer: branch.wang).isEmpty)
        driver.type("004")
        driver.press(.tab)
        driver.type("AB0012345")
        driver.press(.tab)
        driver.type("20261201")
        driver.press(.function(2), .enter)
        let payment = try #require(try branch.database.payments(customer: branch.wang).first)
        #expect(payment.method == .check && payment.checkStatus == .held)
        #expect(payment.check == CheckDetails(bank: "004", number: "AB0012345", due: Fixtures.date("2026-12-01")))
        #expect(payment.unapplied == 1722)
        #expect(driver.shows(payment.number.rawValue))
    }

    @Test("F7 applies an earlier payment's unapplied credit to an open invoice")
    func applyCredit() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        let receipt = try Self.delivered(branch, branch.wang)
        let earlier = try branch.database.recordPayment(
            PaymentInput(customer: branch.wang, amount: 500, method: .cash), by: branch.accountant)
        driver.signIn("accountant")
        try Self.open("收款沖銷", on: driver)
        driver.type("C000001")
        driver.press(.enter)
        #expect(driver.shows("客戶預收 500"))
        driver.press(.function(7))
        #expect(driver.lines[0].contains("預收沖銷"))
        #expect(driver.shows(earlier.number.rawValue))
        driver.press(.enter, .character(" "))
        #expect(driver.shows("本次沖銷 500"))
        driver.press(.function(2))
        // A Y/N first, with the receipt, the items and what credit stays; nothing applied yet.
        #expect(driver.shows("確認預收沖銷"))
        #expect(driver.shows("以 \(earlier.number.rawValue) 的預收 500 沖銷 1 筆帳款，共 500"))
        #expect(driver.shows("沖銷後尚餘預收 0"))
        #expect(try branch.database.payment(earlier.number).unapplied == 500)
        driver.press(.enter)
        #expect(driver.shows("已沖銷 500"))
        #expect(try branch.database.payment(earlier.number).unapplied == 0)
        #expect(try branch.database.invoice(receipt.invoice)?.open == receipt.total - 500)
        driver.press(.escape)
        #expect(driver.lines[0].contains("收款沖銷"))
        #expect(driver.shows("客戶預收 0"))
    }

    @Test("Bank matching: a line naming an invoice shows its suggestion and reason; F2 posts it")
    func matchAccept() throws {
        let (driver, receipt) = try Self.bankLines()
        let branch = driver.branch
        let invoice = receipt.invoice.rawValue
        #expect(driver.shows("待處理 3 筆"))
        #expect(driver.lines.contains { $0.contains("參考號碼") && $0.contains("C000001 王大明") })
        #expect(driver.shows("摘要：INV \(invoice)"))
        #expect(driver.shows("摘要含單號 \(invoice)"))
        driver.press(.function(2))
        #expect(driver.shows("依建議入帳"))
        driver.press(.enter)
        let matched = try #require(try branch.database.bankLines(status: .matched).first)
        let number = try #require(matched.payment)
        #expect(driver.shows("已入帳 \(number.rawValue)"))
        #expect(driver.shows("待處理 2 筆"))
        #expect(!(try branch.database.openItems(of: branch.wang).items.contains { $0.reference == invoice }))
        #expect(try branch.database.payment(number).method == .bankTransfer)
    }

    @Test("Bank matching: F8 rejects a line with a reason; F6 matches one to a customer picked by hand")
    func matchRejectAndChange() throws {
        let (driver, receipt) = try Self.bankLines()
        let branch = driver.branch
        driver.press(.down, .down)
        #expect(driver.shows("摘要：MISC"))
        driver.press(.function(8))
        #expect(driver.shows("退回對帳明細"))
        driver.press(.enter)
        #expect(driver.shows("請輸入原因"))
        driver.type("非本公司款項")
        driver.press(.enter)
        let rejected = try #require(try branch.database.bankLines(status: .rejected).first)
        #expect(rejected.amount == 300 && rejected.note == "非本公司款項")
        #expect(driver.shows("待處理 2 筆"))
        #expect(driver.shows("摘要：PAYMENT"))
        #expect(driver.shows("待人工處理"))
        // No suggested customer: no F2 on the key bar, and F2 pressed anyway says what to do.
        #expect(!driver.lines[23].contains("接受") && driver.lines[23].contains("指定客戶"))
        driver.press(.function(2))
        #expect(driver.shows("此筆沒有建議的客戶，請按 F6 指定客戶"))
        driver.press(.function(6))
        #expect(driver.lines[0].contains("選擇客戶"))
        driver.type("王")
        driver.press(.enter)
        #expect(driver.lines[0].contains("指定客戶"))
        #expect(driver.shows(receipt.invoice.rawValue))
        driver.press(.function(5))
        #expect(driver.shows("本次沖銷 500"))
        driver.press(.function(2), .enter)
        #expect(driver.lines[0].contains("銀行對帳"))
        #expect(driver.shows("已入帳") && driver.shows("待處理 1 筆"))
        let line = try #require(try branch.database.bankLines(status: .matched).first)
        #expect(line.amount == 500)
        #expect(try branch.database.invoice(receipt.invoice)?.open == receipt.total - 500)
    }

    @Test("Driver settlement: a short count is refused without a reason, submitted with one; a supervisor approves")
    func settlement() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        let day = Fixtures.weekdayMorning.date
        try branch.database.saveDriver(
            Driver(id: "DRV001", name: "李志明", phone: try PhoneNumber("0912345678"), licenseNumber: "L123"),
            by: branch.admin)
        _ = try Self.delivered(
            branch, branch.chen, report: DeliveryReport(collected: 1785, method: "CASH", driver: "DRV001"))
        driver.signIn("accountant")
        try Self.open("司機繳款", on: driver)
        #expect(
            driver.lines.contains { $0.contains("DRV001 李志明") && $0.contains("1,785") && $0.contains("未點收") },
            "\(driver.text)")
        driver.press(.function(2))
        #expect(driver.shows("點收 DRV001"))
        driver.type("1700")
        driver.press(.enter, .enter, .enter)
        #expect(driver.shows("請輸入原因"))
        #expect(try branch.database.settlement(collector: "DRV001", day: day).status == .open)
        driver.type("找零短少")
        driver.press(.enter)
        var record = try branch.database.settlement(collector: "DRV001", day: day)
        #expect(record.status == .submitted && record.count.variance == -85 && record.reason == "找零短少")
        #expect(driver.lines.contains { $0.contains("DRV001") && $0.contains("-85") && $0.contains("待核准") })
        // The accountant is not offered F7; pressed anyway, it says why.
        #expect(!driver.lines[23].contains("核准"))
        driver.press(.function(7))
        #expect(driver.shows("沒有權限審核繳款"))
        #expect(try branch.database.settlement(collector: "DRV001", day: day).status == .submitted)
        driver.press(.escape, .escape)
        driver.type("y")
        driver.signIn("supervisor")
        try Self.open("司機繳款", on: driver)
        driver.press(.function(7))
        driver.type("y")
        record = try branch.database.settlement(collector: "DRV001", day: day)
        #expect(record.status == .approved && record.approvedBy == "supervisor")
        #expect(driver.lines.contains { $0.contains("DRV001") && $0.contains("已核准") })
    }

    @Test(
        "Driver settlement: Enter on the date reloads; counted cash starts blank; a supervisor who counts is told another must approve"
    )
    func settlementBySupervisor() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        try branch.database.saveDriver(
            Driver(id: "DRV001", name: "李志明", phone: try PhoneNumber("0912345678"), licenseNumber: "L123"),
            by: branch.admin)
        _ = try Self.delivered(
            branch, branch.chen, report: DeliveryReport(collected: 1785, method: "CASH", driver: "DRV001"))
        driver.signIn("supervisor")
        try Self.open("司機繳款", on: driver)
        // Another day, then back with Enter: the date field reloads on Enter.
        driver.type("20261117")
        #expect(driver.shows("這一天沒有司機或門市收現金、支票"))
        driver.press(.control("u"))
        driver.type("2026-11-1")
        driver.press(.enter)
        #expect(driver.shows("格式不對"), "an incomplete date: \(driver.text)")
        driver.press(.control("u"))
        driver.type("20261301")
        driver.press(.enter)
        #expect(driver.shows("月份 13 不存在"), "a wrong month is a wrong month")
        driver.press(.control("u"))
        driver.type("2026-11-18")
        driver.press(.enter)
        #expect(driver.lines.contains { $0.contains("DRV001") && $0.contains("未點收") })
        #expect(driver.lines[23].contains("點收") && !driver.lines[23].contains("核准"))
        driver.press(.function(7))
        #expect(driver.shows("尚未點收：請先按 F2 點收"))
        driver.press(.function(2))
        #expect(driver.shows("您點收後須由另一位主管核准"))
        #expect(driver.lines.contains { $0.contains("點收現金") && !$0.contains("1785") && !$0.contains("1,785") })
        driver.type("1785")
        driver.press(.enter, .enter, .enter)
        #expect(driver.shows("待另一位主管核准"), "\(driver.text)")
        #expect(
            try branch.database.settlement(collector: "DRV001", day: Fixtures.weekdayMorning.date).status == .submitted)
        #expect(!driver.lines[23].contains("核准") && !driver.lines[23].contains("點收"))
        driver.press(.function(7))
        #expect(driver.shows("是您點收的，須由另一位主管核准"))
        driver.press(.function(2))
        #expect(driver.shows("已點收，待主管核准；不能再點收"))
        #expect(!driver.text.contains("SUBMITTED"))
    }

    @Test("Aging: the customer's row in the 1-30 bucket; Enter opens the open items, Enter on the invoice opens it")
    func aging() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        let receipt = try Self.delivered(branch, branch.wang)
        branch.time.set(LocalDateTime(date: Fixtures.date("2027-01-10"), hour: 9, minute: 0))
        driver.signIn("accountant")
        try Self.open("帳齡分析", on: driver)
        let row = try #require(try branch.database.aging().rows.first { $0.customer == branch.wang })
        #expect(row[.days1To30] == receipt.total && row.oldestDaysPastDue == 23)
        #expect(driver.shows("2027-01-10") && driver.shows("DSO"))
        #expect(driver.lines.contains { $0.contains("C000001") && $0.contains(receipt.total.grouped) })
        #expect(driver.shows("最久逾期 23 天"))
        driver.press(.enter)
        #expect(driver.lines[0].contains("客戶帳款 C000001"))
        #expect(driver.lines.contains { $0.contains(receipt.invoice.rawValue) && $0.contains("23") })
        driver.press(.enter)
        #expect(driver.lines[0].contains("發票 \(receipt.invoice.rawValue)"))
        driver.press(.escape, .function(4))
        #expect(driver.shows("對帳單明細"))
    }

    @Test(
        "Customer account: the statement's dates are typed on the screen, checked, and reload it; order numbers are whole at 80 columns"
    )
    func statementRange() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        // No empties back: a deposit open under the order number, beside the invoice.
        let receipt = try Self.delivered(branch, branch.wang, report: DeliveryReport(emptiesReturned: 0))
        let order = receipt.order.rawValue
        branch.time.set(LocalDateTime(date: Fixtures.date("2027-01-10"), hour: 9, minute: 0))
        driver.signIn("accountant")
        try Self.open("帳齡分析", on: driver)
        driver.press(.enter)
        #expect(driver.lines[0].contains("客戶帳款 C000001"))
        #expect(driver.shows("2026-10-12") && driver.shows("2027-01-10"))
        #expect(driver.lines.contains { $0.contains(order) && $0.contains("押金") })
        driver.press(.function(4))
        #expect(driver.lines.contains { $0.contains("2026-11-18 \(order) ") })
        #expect(driver.shows("對帳單明細（2026-10-12 ~ 2027-01-10）"))
        #expect(driver.shows(receipt.invoice.rawValue))
        // A from date after the to date is refused with what to do; the statement stays.
        driver.press(.tab)
        driver.type("20270201")
        #expect(driver.shows("起日 2027-02-01 晚於迄日 2027-01-10"))
        #expect(driver.shows("對帳單明細（2026-10-12 ~ 2027-01-10）"))
        // A range after the delivery has no movements; Enter on the date reloads.
        driver.press(.character("-"))
        driver.press(.tab)
        driver.type("20270301")
        #expect(driver.shows("對帳單明細（2027-01-31 ~ 2027-03-01）"))
        #expect(driver.shows("期間內沒有異動"))
        driver.press(.backTab)
        driver.press(.control("u"))
        driver.type("20261101")
        driver.press(.enter)
        #expect(driver.shows("對帳單明細（2026-11-01 ~ 2027-03-01）"))
        #expect(driver.shows(receipt.invoice.rawValue))
    }

    @Test("Credit holds: F4 places a manual hold with a reason, F8 releases it with a reason")
    func holds() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        driver.signIn("accountant")
        try Self.open("信用凍結", on: driver)
        #expect(driver.shows("沒有凍結中的客戶"))
        driver.press(.function(4))
        #expect(driver.shows("人工凍結"))
        driver.type("C000002")
        driver.press(.enter)
        driver.type("電話聯絡不上")
        driver.press(.enter)
        #expect(driver.shows("已凍結 C000002 陳美玲"))
        #expect(driver.lines.contains { $0.contains("C000002") && $0.contains("人工") })
        #expect(try branch.database.creditHolds().contains { $0.customer == branch.chen && $0.kind == .manual })
        #expect(!(try branch.database.creditCheck(branch.chen).holds.isEmpty))
        driver.press(.function(8))
        #expect(driver.shows("解除凍結"))
        driver.press(.enter)
        #expect(driver.shows("請輸入原因"))
        driver.type("已聯絡客戶")
        driver.press(.enter)
        #expect(driver.shows("已解除 C000002"))
        #expect(try branch.database.creditHolds().isEmpty)
        #expect(driver.shows("沒有凍結中的客戶"))
    }

    @Test("The five receivables screens open from the menu in English too")
    func english() throws {
        let driver = try ShellDriver()
        driver.signIn("accountant")
        driver.press(.function(9))
        let screens = [
            ("Payments", "Customer credit"), ("Bank matching", "Open lines: 0"), ("Driver settlement", "Collectors: 0"),
            ("Aging", "DSO"), ("Credit holds", "0 holds"),
        ]
        for (label, text) in screens {
            try Self.open(label, on: driver)
            #expect(driver.shows(text), "\(label)")
            #expect(driver.lines[23].contains("F10Quit"))
            driver.press(.escape)
        }
    }
}
