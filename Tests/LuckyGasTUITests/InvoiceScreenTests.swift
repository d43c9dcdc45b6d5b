import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal
import LuckyGasTestSupport
import Testing

@Suite("Invoice list, detail with QR, cancel, allowance, tracks and upload board screens")
struct InvoiceScreenTests {
    /// An accountant on the invoice list with two invoices delivered (王大明 B2B, 陳美玲 B2C).
    private func invoiceList() throws -> (ShellDriver, [DeliveryReceipt]) {
        let driver = try ShellDriver()
        let branch = driver.branch
        var receipts: [DeliveryReceipt] = []
        for customer in [branch.wang, branch.chen] {
            let placed = try branch.database.placeOrder(branch.order(customer), by: branch.counter)
            receipts.append(try branch.database.deliverOrder(placed.number, by: branch.dispatcher))
        }
        driver.signIn("accountant")
        let index = try #require(driver.lines.firstIndex { $0.contains("發票查詢") })
        let digit = driver.lines[index].trimmingCharacters(in: .whitespaces).prefix(1)
        driver.type(String(digit))
        #expect(driver.lines[0].contains("發票查詢"))
        return (driver, receipts)
    }

    @Test("The list shows both invoices with kind, total, upload state and deadline")
    func list() throws {
        let (driver, receipts) = try invoiceList()
        #expect(driver.shows(receipts[0].invoice.printed))
        #expect(driver.shows(receipts[1].invoice.printed))
        #expect(driver.shows("B2B") && driver.shows("B2C"))
        #expect(driver.shows("1,722") && driver.shows("待匯出"))
        #expect(driver.shows("上傳期限"))
    }

    @Test("Detail shows lines, random number and barcode; F4 draws the QR codes in half blocks")
    func detailAndQR() throws {
        var (driver, receipts) = try invoiceList()
        driver.rows = 50
        driver.columns = 120
        driver.press(.down)
        driver.press(.enter)
        #expect(driver.lines[0].contains("發票"))
        let shown = try #require(try driver.branch.database.invoice(receipts[1].invoice))
        #expect(driver.shows(shown.randomNumber))
        #expect(driver.shows(shown.barcode))
        #expect(driver.shows("20kg 瓦斯桶"))
        driver.press(.function(4))
        #expect(driver.shows("左側 QR 碼"))
        #expect(driver.text.contains("▀") || driver.text.contains("▄") || driver.text.contains("█"))
        driver.press(.function(4))
        #expect(driver.shows("右側 QR 碼"))
        driver.rows = 24
        driver.columns = 80
        driver.press(.function(4), .function(4))
        #expect(driver.shows("視窗太小") || driver.shows("左側 QR 碼"))
    }

    @Test("F8 cancels with a reason; the status turns 已作廢 and the F0501 is queued")
    func cancel() throws {
        let (driver, receipts) = try invoiceList()
        driver.press(.down)
        driver.press(.enter)
        driver.press(.function(8))
        driver.press(.enter)
        #expect(driver.shows("請輸入原因") || driver.shows("原因"))
        driver.type("開立錯誤")
        driver.press(.enter)
        let invoice = try #require(try driver.branch.database.invoice(receipts[1].invoice))
        #expect(invoice.status == .cancelled)
        #expect(invoice.messages.last?.type == "F0501")
        #expect(driver.shows("已作廢"))
    }

    @Test("F6 voids and re-issues with the corrected buyer: a B2C invoice becomes B2B under the same number")
    func voidAndReissue() throws {
        let (driver, receipts) = try invoiceList()
        driver.press(.down)
        driver.press(.enter)
        driver.press(.function(6))
        #expect(driver.shows("註銷並重開"))
        driver.press(.tab)
        driver.type("04595257")
        driver.press(.tab, .tab)
        driver.type("補統編")
        driver.press(.enter)
        let invoice = try #require(try driver.branch.database.invoice(receipts[1].invoice))
        #expect(invoice.draft.buyer.delivery == .business(ubn: "04595257"))
        #expect(invoice.messages.map(\.type) == ["F0401", "F0701", "F0401"])
        #expect(driver.shows("已註銷並重開"))
    }

    @Test("F7 allowance: amount per line shows tax and total as typed; F2 issues it")
    func allowance() throws {
        let (driver, receipts) = try invoiceList()
        driver.press(.down)
        driver.press(.enter)
        driver.press(.function(7))
        #expect(driver.lines[0].contains("折讓"))
        driver.type("200")
        #expect(driver.shows("稅額 10") && driver.shows("合計 210"))
        driver.press(.tab)
        driver.type("價差")
        driver.press(.function(2))
        let invoice = try #require(try driver.branch.database.invoice(receipts[1].invoice))
        #expect(invoice.allowances.count == 1 && invoice.allowances[0].draft.total == 210)
        #expect(driver.shows("已開立折讓"))
    }

    @Test("Tracks list the ranges with used and left; the upload board counts messages")
    func tracksAndBoard() throws {
        let (driver, _) = try invoiceList()
        driver.press(.function(7))
        #expect(driver.lines[0].contains("字軌配號"))
        #expect(driver.shows("AB") && driver.shows("12345600-12345999"))
        driver.press(.enter)
        #expect(driver.shows("每本剩餘"))
        driver.press(.escape)
        driver.press(.function(6))
        #expect(driver.lines[0].contains("上傳狀態"))
        #expect(driver.lines.contains { $0.contains("F0401") && $0.contains("2") })
    }

    @Test("Counter staff deliver a walk-in sale from the order screen: the invoice is issued")
    func deliverFromOrder() throws {
        let driver = try ShellDriver()
        let placed = try driver.branch.database.placeOrder(
            driver.branch.order(driver.branch.chen), by: driver.branch.counter)
        driver.signIn()
        driver.type("3")
        driver.press(.down)
        driver.press(.enter)
        #expect(driver.shows(placed.number.rawValue))
        driver.press(.function(6))
        driver.type("y")
        #expect(driver.shows("已送達，發票 AB-12345600"))
        #expect(try driver.branch.database.order(placed.number)?.status == .delivered)
    }
}
