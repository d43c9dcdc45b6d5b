import Foundation
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
        #expect(driver.shows(receipts[0].invoice.rawValue))
        #expect(driver.shows(receipts[1].invoice.rawValue))
        #expect(driver.shows("B2B") && driver.shows("B2C"))
        #expect(driver.shows("1,722") && driver.shows("待匯出"))
        #expect(driver.shows("上傳期限"))
    }

    @Test("Detail shows lines, random number and barcode; F4 draws the QR codes in half blocks")
    func detailAndQR() throws {
        let (driver, receipts) = try invoiceList()
        driver.rows = 50
        driver.columns = 120
        driver.press(.down)
        driver.press(.enter)
        #expect(driver.lines[0].contains("發票 \(receipts[1].invoice.rawValue)"))
        #expect(!driver.text.contains(receipts[1].invoice.printed))
        let shown = try #require(try driver.branch.database.invoice(receipts[1].invoice))
        #expect(driver.shows(shown.randomNumber))
        #expect(driver.shows(shown.barcode))
        #expect(driver.shows("20kg 瓦斯桶"))
        driver.press(.function(4))
        #expect(driver.shows("左側 QR 碼"))
        // The printed form is the proof's alone.
        #expect(driver.lines.contains { $0.contains(receipts[1].invoice.printed) && $0.contains("左側 QR 碼") })
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
        // A cancelled invoice offers no cancel, void or allowance, and says why when they are pressed.
        #expect(driver.lines[23].contains("QR") && !driver.lines[23].contains("折讓") && !driver.lines[23].contains("作廢"))
        driver.press(.function(7))
        #expect(driver.shows("已作廢，不能折讓"))
        #expect(try driver.branch.database.invoice(receipts[1].invoice)?.allowances.isEmpty == true)
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
        // Nothing is written before the Y/N that says what happens.
        #expect(driver.shows("註銷並重開 \(receipts[1].invoice.rawValue)？"))
        #expect(driver.shows("04595257") && driver.shows("總計 1,785 不變"))
        #expect(try driver.branch.database.invoice(receipts[1].invoice)?.messages.count == 1)
        driver.type("y")
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
        #expect(driver.shows("開立折讓？"))
        #expect(driver.shows("折讓 未稅 200  稅額 10  合計 210") && driver.shows("原因：價差"))
        #expect(try driver.branch.database.invoice(receipts[1].invoice)?.allowances.isEmpty == true)
        driver.type("y")
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

    @Test("At 80 columns the list shows whole numbers and customer names; typing filters and says so with the count")
    func listFilterAndWidths() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        var lin = try TestBranch.chenCustomer()
        lin.name = "林記自助餐店"
        lin.phones = [try PhoneNumber("0933-111-222")]
        let linID = try branch.database.addCustomer(lin, by: branch.counter)
        var receipts: [DeliveryReceipt] = []
        for customer in [branch.wang, branch.chen, linID] {
            let placed = try branch.database.placeOrder(branch.order(customer), by: branch.counter)
            receipts.append(try branch.database.deliverOrder(placed.number, by: branch.dispatcher))
        }
        driver.signIn("accountant")
        driver.open("發票查詢")
        #expect(driver.lines[0].contains("發票查詢"))
        #expect(driver.shows("林記自助餐店"))
        #expect(receipts.allSatisfy { driver.shows($0.invoice.rawValue) })
        #expect(!driver.shows("AB-"))
        #expect(driver.shows("共 3 張"))
        driver.press(.down)
        driver.type("林")
        #expect(driver.shows("篩選：林  1/3"))
        #expect(driver.lines.contains { $0.contains(receipts[2].invoice.rawValue) && $0.contains("林記自助餐店") })
        #expect(!driver.shows(receipts[0].invoice.rawValue))
        driver.press(.escape)
        #expect(driver.shows("共 3 張"))
        driver.press(.function(9))
        #expect(driver.shows("issued") && driver.shows("pending") && !driver.shows("ISSUED"))
        #expect(driver.shows("林記自助餐店"))
    }

    @Test("Upload board: Enter opens the warned invoice; F7 asks for the Turnkey folder, confirms and writes the files")
    func boardExportAndOpen() throws {
        let (driver, receipts) = try invoiceList()
        let branch = driver.branch
        branch.time.set(LocalDateTime(date: branch.time.now.date.adding(days: 1), hour: 9, minute: 0))
        driver.press(.function(6))
        #expect(driver.lines[0].contains("上傳狀態"))
        #expect(driver.lines[23].contains("匯出 Turnkey"))
        #expect(driver.shows(receipts[1].invoice.rawValue))
        driver.press(.enter)
        #expect(driver.lines[0].contains("發票 \(receipts[1].invoice.rawValue)"))
        driver.press(.escape)
        #expect(driver.lines[0].contains("上傳狀態"))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("turnkey-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        driver.press(.function(7))
        #expect(driver.shows("匯出至 Turnkey"))
        driver.type(root)
        driver.press(.enter)
        #expect(driver.shows("匯出 2 筆訊息？"))
        #expect(try branch.database.pendingMessages().count == 2)
        driver.type("y")
        #expect(driver.shows("已匯出 2 個檔案"))
        #expect(try branch.database.pendingMessages().isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/UpCast/B2SSTORAGE/F0401/SRC")
        #expect(files.count == 2)
        driver.press(.function(7))
        #expect(driver.shows("沒有待匯出的訊息"))
    }

    @Test("F1 on the invoice screens lists each key once")
    func helpListsEachKeyOnce() throws {
        let (driver, _) = try invoiceList()
        func once(_ key: String) -> Bool {
            driver.lines.filter { $0.contains(" " + DisplayWidth.fit(key, width: 16)) }.count == 1
        }
        driver.press(.down, .enter)
        driver.press(.function(1))
        #expect(once("F4") && once("F6") && once("F8") && once("Esc"))
        driver.press(.escape, .function(7))
        driver.press(.function(1))
        #expect(once("F2") && once("Esc"))
        driver.press(.escape, .escape)
        driver.type("y")
        driver.press(.escape, .function(6), .function(1))
        #expect(once("F5") && once("F7"))
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
        #expect(driver.shows("已送達，發票 AB12345600"))
        #expect(try driver.branch.database.order(placed.number)?.status == .delivered)
    }
}
