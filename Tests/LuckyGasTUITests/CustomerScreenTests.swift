import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal
import LuckyGasTestSupport
import Testing

@Suite("Customer lookup, detail, add and edit")
struct CustomerScreenTests {
    private func lookup() throws -> ShellDriver {
        let driver = try ShellDriver()
        driver.signIn()
        driver.type("1")
        return driver
    }

    @Test("One Chinese character finds the customer, and 王大明 lines up beside ASCII columns")
    func oneCharacterSearch() throws {
        let driver = try lookup()
        driver.type("王")
        let grid = driver.grid
        let row = try #require(driver.lines.firstIndex { $0.contains("王大明") })
        #expect(driver.lines[row].hasPrefix(" C000001 王大明"))
        // 王 takes columns 9-10, 大 11-12, 明 13-14: each a wide cell and a continuation.
        #expect(grid[row, 9].text == "王" && grid[row, 9].width == 2 && grid[row, 10].isContinuation)
        #expect(grid[row, 13].text == "明" && grid[row, 14].isContinuation)
        // The phone column starts under its header, whatever the width of the name before it.
        let phoneColumn = try #require(driver.lines[row].range(of: "0912-345-678")).lowerBound
        let header = try #require(driver.lines.first { $0.contains("電話") && $0.contains("編號") })
        let headerColumn = try #require(header.range(of: "電話")).lowerBound
        #expect(DisplayWidth.of(String(driver.lines[row][..<phoneColumn])) == 34)
        #expect(DisplayWidth.of(String(header[..<headerColumn])) == 34)
        // The cursor sits after 王 in the search field (2 columns wide).
        #expect(grid.cursor?.row == 2)
        #expect(grid.cursor?.column == 10)
    }

    @Test("Phone digits, tax id and customer id find the customer", arguments: ["0912345", "95753514", "C000002"])
    func otherKeys(query: String) throws {
        let driver = try lookup()
        driver.type(query)
        #expect(driver.shows(query == "C000002" ? "陳美玲" : "王大明"))
    }

    @Test("Editing in the middle of Chinese text searches the edited text")
    func editInTheMiddle() throws {
        let driver = try lookup()
        driver.type("王明")
        #expect(!driver.shows("王大明"))
        driver.press(.left)
        driver.type("大")
        #expect(driver.shows("王大明"))
        #expect(driver.grid.cursor?.column == 12)
    }

    @Test("Enter opens the detail with credit and special prices; Esc returns to the same search")
    func detail() throws {
        let driver = try lookup()
        driver.type("王大")
        driver.press(.enter)
        #expect(driver.lines[0].contains("客戶資料 C000001"))
        #expect(driver.shows("NT$50,000"))
        #expect(driver.shows("95753514"))
        #expect(driver.shows("P001 NT$820"))
        #expect(driver.shows("尚無訂單"))
        driver.press(.escape)
        #expect(driver.lines[0].contains("客戶查詢"))
        #expect(driver.shows("查詢：王大"))
        driver.press(.escape)
        #expect(!driver.shows("查詢：王大"))
        driver.press(.escape)
        #expect(driver.lines[0].contains("主選單"))
    }

    @Test("Adding a customer checks each field as it is left, then saves and opens the new record")
    func add() throws {
        let driver = try lookup()
        driver.press(.function(4))
        #expect(driver.lines[0].contains("新增客戶"))
        driver.type("林記麵店")
        driver.press(.tab)
        driver.type("商")  // type-ahead in the choice
        driver.press(.tab)
        driver.type("12345")
        driver.press(.tab)
        #expect(driver.shows("電話"))
        #expect(driver.lines[22].isEmpty == false)
        driver.press(.backTab)
        driver.press(.control("u"))
        driver.type("02-2345-6789")
        driver.press(.tab)
        driver.type("12345678")
        driver.press(.tab)
        #expect(driver.shows("統一編號") && driver.text.contains("檢查碼"))
        driver.press(.backTab, .control("u"))
        driver.type("04595257")
        driver.press(.tab, .tab)
        driver.type("abc")
        #expect(driver.lines[22].contains("數字"))
        driver.press(.tab)
        driver.type("台北市大安區和平東路二段100號")
        driver.press(.tab)
        // Postal code and zone come from the district.
        #expect(driver.shows("106"))
        driver.press(.tab, .tab, .tab)
        driver.type("手")
        driver.press(.tab)
        driver.type("ABC")
        driver.press(.function(2))
        #expect(driver.lines[0].contains("新增客戶"))
        #expect(driver.text.contains("手機條碼"))
        driver.press(.control("u"))
        driver.type("/ABC+123")
        driver.press(.function(2))
        #expect(driver.lines[0].contains("客戶資料 C000003"), "\(driver.text)")
        #expect(driver.shows("林記麵店"))
        let saved = try #require(try driver.branch.database.customer(CustomerID("C000003")))
        #expect(saved.customer.taxID?.rawValue == "04595257")
        #expect(saved.customer.defaultAddress?.postalCode == "106")
        #expect(saved.customer.invoicePreference == .mobileBarcode("/ABC+123"))
    }

    @Test("Esc on a changed form asks before discarding")
    func discardAsks() throws {
        let driver = try lookup()
        driver.press(.function(4))
        driver.type("林")
        driver.press(.escape)
        #expect(driver.shows("放棄修改？"))
        driver.press(.character("n"))
        #expect(driver.shows("林"))
        driver.press(.escape, .character("y"))
        #expect(driver.lines[0].contains("客戶查詢"))
    }

    @Test("Editing a customer saves through the store with its version")
    func edit() throws {
        let driver = try lookup()
        driver.type("C000002")
        driver.press(.enter, .function(4))
        #expect(driver.lines[0].contains("修改客戶 C000002"))
        driver.press(.end)
        driver.type("（二）")
        driver.press(.function(2))
        #expect(driver.lines[0].contains("客戶資料 C000002"), "\(driver.text)")
        #expect(driver.shows("陳美玲（二）"))
        #expect(try driver.branch.database.customer(CustomerID("C000002"))?.version == 2)
    }

    // MARK: Review: keys by role, messages whole, English words

    @Test("A dispatcher's lookup offers no F4, F6 or F7; pressed anyway, F4 says which right is missing")
    func dispatcherKeys() throws {
        let driver = try ShellDriver()
        driver.signIn("dispatcher")
        driver.open("客戶查詢")
        driver.type("王")
        #expect(driver.shows("王大明"))
        for key in ["F4", "F6", "F7"] { #expect(!driver.lines[23].contains(key), "\(driver.lines[23])") }
        driver.press(.function(1))
        #expect(!driver.text.contains("F4 ") && !driver.text.contains("F6 ") && !driver.text.contains("F7 "))
        driver.press(.escape, .function(4))
        #expect(!driver.lines[0].contains("新增客戶"))
        #expect(driver.lines[22].contains("沒有權限新增或修改客戶"), "\(driver.lines[22])")
        driver.press(.enter)
        #expect(driver.lines[0].contains("客戶資料 C000001"))
        for key in ["F4", "F6", "F7"] { #expect(!driver.lines[23].contains(key), "\(driver.lines[23])") }
    }

    @Test("The counter's lookup offers F6 and F7 once a customer is selected")
    func selectionKeys() throws {
        let driver = try lookup()
        #expect(driver.lines[23].contains("F4"))
        #expect(!driver.lines[23].contains("F6") && !driver.lines[23].contains("F7"))
        driver.press(.function(6))
        #expect(driver.lines[22].contains("請先查詢並選取客戶"))
        driver.type("王")
        #expect(driver.lines[23].contains("F6") && driver.lines[23].contains("F7"), "\(driver.lines[23])")
        #expect(driver.shows("Enter 開啟客戶資料"))
    }

    @Test("At 80 columns a phone number's problem is said whole", arguments: [false, true])
    func phoneProblemWhole(english: Bool) throws {
        let driver = try lookup()
        if english { driver.press(.function(9)) }
        driver.press(.function(4))
        driver.press(.tab, .tab)
        driver.type("0912-345-67812345")
        driver.press(.tab)
        let message = ValidationError.phone("0912-345-67812345").operatorMessage
        let text = english ? message.en : message.zh
        // Said over lines of their own under the form (wrapped between words).
        let joined = driver.lines.dropLast(2).joined().replacingOccurrences(of: " ", with: "")
        #expect(joined.contains(text.replacingOccurrences(of: " ", with: "")), "\(driver.text)")
        #expect(
            driver.lines.dropLast(2).allSatisfy { !$0.contains("…") }, "nothing cut: \(driver.text)")
    }

    @Test("In English: a space after Customer, payment terms in words, holds in English only")
    func englishWords() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        let placed = try branch.database.placeOrder(try branch.order(branch.wang), by: branch.counter)
        try branch.database.deliverOrder(placed.number, by: branch.counter)
        branch.time.set(branch.time.now.adding(seconds: 96 * 86_400))
        driver.signIn()
        driver.press(.function(9))
        driver.open("Customers")
        driver.type("C000001")
        driver.press(.enter)
        #expect(driver.lines[0].contains("Customer C000001"))
        #expect(driver.shows("Net 30"))
        #expect(driver.shows("days past due"), "\(driver.text)")
        #expect(!driver.text.contains("逾期"))
        #expect(driver.shows("Morning") && driver.shows("Delivered"), "recent orders in English: \(driver.text)")
        driver.press(.escape, .control("u"))
        driver.type("C000002")
        #expect(driver.shows("Cash"), "\(driver.text)")
        driver.press(.enter)
        #expect(driver.shows("Cash on delivery"), "\(driver.text)")
        #expect(!driver.shows("Cod"))
    }
}
