import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal
import LuckyGasTestSupport
import Testing

@Suite("Order entry, order list, cancel and credit screens")
struct OrderScreenTests {
    private func orderEntry() throws -> ShellDriver {
        let driver = try ShellDriver()
        driver.signIn()
        driver.type("2")
        #expect(driver.lines[0].contains("訂單輸入"))
        return driver
    }

    /// Picks 王大明 by one character, orders 2 x P001 and one regulator by name (for the next
    /// day when `tomorrow`, so the order is well inside its cancellation window).
    private func enterOrder(_ driver: ShellDriver, tomorrow: Bool = false) {
        driver.type("王")
        driver.press(.enter)  // opens the lookup filtered by 王
        driver.press(.enter)  // picks the first hit
        if tomorrow {
            driver.press(.backTab, .backTab)
            driver.type("+")
            driver.press(.tab, .tab)
        }
        driver.type("P001")
        driver.press(.enter)
        driver.type("2")
        driver.press(.tab)
        driver.type("調壓")
        driver.press(.enter)
    }

    @Test("Picking a customer and two items shows the live breakdown and credit")
    func liveBreakdown() throws {
        let driver = try orderEntry()
        enterOrder(driver)
        #expect(driver.shows("C000001 王大明"))
        #expect(driver.shows("1. P001 20kg 瓦斯桶"))
        #expect(driver.shows("2. P101 瓦斯調壓器"))
        // 2 x 820 (special price) + 450 = 2,090 net of delivery, 5% tax.
        #expect(driver.shows("20kg 瓦斯桶 2x820*"))
        let total = try driver.branch.database.quote(
            OrderInput(
                customer: driver.branch.wang,
                items: [
                    .init(product: ProductCode("P001"), quantity: 2), .init(product: ProductCode("P101"), quantity: 1),
                ],
                date: LocalDate(
                    try #require(
                        driver.lines.first { $0.contains("日期") }?.split(separator: " ").dropFirst().first.map(
                            String.init))),
                slot: .morning)
        ).total
        #expect(driver.shows(total.description))
        #expect(driver.shows("目前可用"))
        #expect(driver.shows((Money(50_000) - total).description))
        #expect(driver.shows("信用核准"))
    }

    @Test("A Sunday is refused in the breakdown before F2, as placing it would be")
    func sundayShownBeforeConfirming() throws {
        let driver = try orderEntry()
        driver.type("王")
        driver.press(.enter)
        driver.press(.enter)
        driver.press(.backTab, .backTab)
        driver.type("++++")  // Wednesday 2026-11-18, four days on: Sunday 2026-11-22
        driver.press(.tab, .tab)
        driver.type("P001")
        driver.press(.enter)
        driver.type("2")
        driver.press(.tab)
        #expect(driver.shows("2026-11-22"))
        #expect(driver.shows("✗ "), "\(driver.lines.joined(separator: "\n"))")
        let refusal = try #require(
            try driver.branch.database.deliveryRefusal(date: LocalDate("2026-11-22"), slot: .morning))
        #expect(driver.shows(String(refusal.operatorMessage.zh.prefix(6))))
    }

    @Test("Typing over the chosen customer lets go of it: F2 never places for a customer not shown")
    func retypedCustomer() throws {
        let driver = try orderEntry()
        driver.type("C000001")
        driver.press(.enter)
        driver.type("P001")
        driver.press(.enter)
        driver.press(.backTab, .backTab, .backTab, .backTab, .backTab)
        driver.type("陳")
        #expect(driver.shows("客戶     陳"), "\(driver.text)")
        driver.press(.function(2))
        #expect(driver.lines[22].contains("請先選擇客戶"))
        #expect(!driver.shows("確認下單？"))
        #expect(try driver.branch.database.orders().isEmpty)
    }

    @Test("A typed item line that is not a product stops F2 with the line number")
    func unresolvedLine() throws {
        let driver = try orderEntry()
        driver.type("C000001")
        driver.press(.enter)
        driver.type("P001")
        driver.press(.enter, .tab)
        driver.type("瓦斯")
        driver.press(.function(2))
        #expect(driver.lines[22].contains("第 2 行品項未確認"))
        #expect(!driver.shows("確認下單？"))
    }

    @Test("Typing a quantity replaces the default 1; letters are refused with a message")
    func quantity() throws {
        let driver = try orderEntry()
        driver.type("C000001")
        driver.press(.enter)
        driver.type("P001")
        driver.press(.enter)
        driver.type("x")
        #expect(driver.lines[22].contains("數字"))
        driver.type("3")
        #expect(driver.shows("3x820"), "\(driver.text)")
    }

    @Test("Confirming places the order, shows its number and the queued text message")
    func place() throws {
        let driver = try orderEntry()
        enterOrder(driver)
        let before = try driver.branch.database.pendingSyncCount()
        driver.press(.function(2))
        #expect(driver.shows("確認下單？"))
        driver.press(.character("y"))
        #expect(driver.shows("訂單已建立"))
        #expect(driver.shows("O-20261118-000001"))
        #expect(driver.shows("您的訂單 O-20261118-000001 已確認。預計配送時間："))
        let order = try #require(try driver.branch.database.order(OrderNumber("O-20261118-000001")))
        #expect(order.quote.lines.count == 2)
        #expect(order.placedBy == "counter")
        // Order event + text message in the outbox; the status line counts them.
        #expect(try driver.branch.database.pendingSyncCount() == before + 2)
        driver.press(.enter)
        #expect(driver.lines[22].contains("待同步 \(before + 2)"))
        #expect(!driver.shows("C000001 王大明"), "the form starts over for the next order")
    }

    @Test("A refused credit check asks for a supervisor; wrong credentials are refused, right ones place it")
    func override() throws {
        let driver = try orderEntry()
        driver.type("C000001")
        driver.press(.enter)
        driver.type("P005")
        driver.press(.enter)
        driver.type("40")
        #expect(driver.shows("超過信用額度"), "\(driver.text)")
        driver.press(.function(2), .character("y"))
        #expect(driver.shows("信用不足：需主管核准"))
        driver.type("supervisor")
        driver.press(.enter)
        driver.type("wrong")
        driver.press(.enter)
        driver.type("老客戶")
        driver.press(.enter)
        #expect(!driver.shows("訂單已建立"))
        // The box stays, says why, and keeps the supervisor's name and the reason.
        #expect(driver.shows("信用不足：需主管核准"))
        #expect(driver.shows("帳號或密碼錯誤"))
        #expect(driver.shows("老客戶"))
        driver.type("supervisor")
        driver.press(.enter, .control("u"))
        driver.type("老客戶，月底付款")
        driver.press(.enter)
        #expect(driver.shows("訂單已建立"))
        #expect(driver.shows("主管核准：supervisor"))
        let order = try #require(try driver.branch.database.order(OrderNumber("O-20261118-000001")))
        #expect(order.creditOverrideBy == "supervisor")
        #expect(order.creditOverrideReason == "老客戶，月底付款")
    }

    @Test("The order list shows the order; F8 cancels it with a reason inside the window")
    func listAndCancel() throws {
        let driver = try orderEntry()
        enterOrder(driver, tomorrow: true)
        driver.press(.function(2), .character("y"), .enter, .escape)
        driver.type("3")
        #expect(driver.lines[0].contains("訂單查詢"))
        #expect(driver.shows("O-20261118-000001 王大明"), "\(driver.text)")
        driver.press(.enter)  // into the table
        driver.press(.enter)  // open the order
        #expect(driver.lines[0].contains("訂單 O-20261118-000001"))
        #expect(driver.shows("P101 瓦斯調壓器"))
        driver.press(.escape)
        driver.press(.function(8))
        #expect(driver.shows("取消訂單 O-20261118-000001"))
        driver.press(.enter)
        #expect(driver.shows("原因"), "an empty reason is refused")
        driver.type("客戶改期")
        driver.press(.enter)
        #expect(driver.shows("已取消"), "\(driver.text)")
        #expect(try driver.branch.database.order(OrderNumber("O-20261118-000001"))?.status == .cancelled)
    }

    @Test("F8 with the focus on the filters asks to select an order in the list first")
    func cancelNeedsSelection() throws {
        let driver = try ShellDriver()
        driver.signIn()
        driver.type("3")
        driver.press(.function(8))
        #expect(driver.lines[22].contains("請先在清單中選取訂單"))
        #expect(!driver.shows("取消訂單 O-"))
    }

    @Test("Past the cancellation window the clerk needs a supervisor's password")
    func cancelOutsideWindow() throws {
        let driver = try orderEntry()
        enterOrder(driver)
        driver.press(.function(2), .character("y"), .enter, .escape)
        let order = try #require(try driver.branch.database.order(OrderNumber("O-20261118-000001")))
        driver.branch.time.set(order.cancellationDeadline.adding(seconds: 60))
        driver.type("3")
        driver.press(.enter, .function(8))
        driver.type("客戶取消")
        driver.press(.enter)
        #expect(driver.shows("已過取消期限：需主管核准"))
        driver.type("supervisor")
        driver.press(.enter)
        driver.type("supervisor")
        driver.press(.enter)
        #expect(try driver.branch.database.order(OrderNumber("O-20261118-000001"))?.status == .cancelled)
    }

    @Test("The credit screen shows limit, AR, reservations and a what-if amount")
    func creditWhatIf() throws {
        let driver = try ShellDriver()
        driver.signIn()
        driver.type("4")
        driver.type("C000001")
        driver.press(.enter)
        #expect(driver.shows("NT$50,000"))
        #expect(driver.shows("可用額度"))
        driver.type("60000")
        #expect(driver.shows("試算 NT$60,000"))
        #expect(driver.shows("✗"))
        driver.press(.control("u"))
        driver.type("1000")
        #expect(driver.shows("✓ 可核准"))
        #expect(driver.shows("NT$49,000"))
    }

    @Test("F1 opens help and Esc goes back on every screen", arguments: ["1", "2", "3", "4"])
    func helpAndBack(item: String) throws {
        let driver = try ShellDriver()
        driver.signIn()
        driver.type(item)
        let title = driver.lines[0]
        driver.press(.function(1))
        #expect(driver.shows("說明："))
        driver.press(.escape)
        #expect(driver.lines[0] == title)
        driver.press(.escape)
        #expect(driver.lines[0].contains("主選單"))
    }

    // MARK: Review: date, calendar verdict and slot

    /// Order entry for 王大明 with `P001 x 1`, the clock at `now`.
    private func entryWithItem(at now: LocalDateTime = Fixtures.weekdayMorning) throws -> ShellDriver {
        let driver = try ShellDriver()
        driver.branch.time.set(now)
        driver.signIn()
        driver.open("訂單輸入")
        driver.type("C000001")
        driver.press(.enter)
        driver.type("P001")
        driver.press(.enter)
        return driver
    }

    private func line(_ driver: ShellDriver, _ needle: String) -> String {
        driver.lines.first { $0.contains(needle) } ?? ""
    }

    @Test("The date shows its weekday, in the screen's language")
    func weekdayBesideDate() throws {
        let driver = try entryWithItem()
        #expect(line(driver, "日期").contains("2026-11-18  (三)"), "\(driver.text)")
        driver.press(.function(9))
        #expect(line(driver, "Date").contains("2026-11-18  (Wed)"), "\(driver.text)")
    }

    @Test("Changing the slot never moves the date; a day without that slot says which slots it has")
    func slotChangeKeepsTheDate() throws {
        // Friday 15:00, past the same-day cutoff: a new order starts on Saturday 2026-12-05.
        let driver = try entryWithItem(at: LocalDateTime(date: try LocalDate("2026-12-05").adding(days: -1), hour: 15))
        #expect(line(driver, "日期").contains("2026-12-05  (六)"), "\(driver.text)")
        driver.press(.backTab, .backTab)  // to 時段
        driver.press(.right, .right)  // 上午 -> 下午 -> 晚間
        #expect(line(driver, "時段").contains("晚間"))
        #expect(line(driver, "日期").contains("2026-12-05  (六)"), "the date stays: \(driver.text)")
        #expect(!driver.shows("2026-12-07  (一)"))
        // The verdict is in the pane before F2, and says what to choose instead.
        #expect(driver.text.contains("2026-12-05 (六) 沒有晚間時段"), "\(driver.text)")
        #expect(driver.text.contains("可選上午"), "\(driver.text)")
        #expect(!driver.shows("確認下單？"))
        driver.press(.function(2))
        #expect(!driver.shows("確認下單？"))
        #expect(driver.lines[22].contains("不能配送"), "\(driver.lines[22])")
    }

    @Test("Past today's cutoff the pane says so before F2, with the slots still open")
    func cutoffShownLive() throws {
        let driver = try entryWithItem(at: LocalDateTime(date: try LocalDate("2026-11-18"), hour: 15))
        driver.press(.backTab, .backTab, .backTab)  // to 日期
        driver.press(.control("u"))
        driver.type("20261118")
        #expect(driver.text.contains("已過今日截止時間 14:00"), "\(driver.text)")
        #expect(driver.text.contains("上午最近可送 2026-11-19 (四)"), "\(driver.text)")
    }

    @Test("A Sunday is refused in the pane as soon as the date is typed, before any item")
    func sundayBeforeItems() throws {
        let driver = try entryWithItem()
        driver.press(.tab)  // out of the customer field
        driver.press(.backTab)
        driver.press(.function(5), .character("y"))
        driver.press(.tab, .tab)  // to 日期
        driver.press(.control("u"))
        driver.type("20261122")
        #expect(line(driver, "日期").contains("(日)"))
        #expect(driver.text.contains("2026-11-22 (日) 週日公休"), "\(driver.text)")
        #expect(!driver.text.contains("Sunday"), "one language at a time")
    }

    @Test("A month 13 is said to be a wrong month, in order entry and in the order list")
    func wrongMonth() throws {
        let driver = try entryWithItem()
        driver.press(.backTab, .backTab, .backTab)
        driver.press(.control("u"))
        driver.type("20261301")
        driver.press(.function(2))
        #expect(driver.lines[22].contains("月份 13 不存在"), "\(driver.lines[22])")
        #expect(!driver.lines[22].contains("格式"))
        driver.press(.escape, .character("y"))
        driver.open("訂單查詢")
        driver.press(.control("u"))
        driver.type("20261301")
        #expect(driver.lines[22].contains("月份 13 不存在"), "\(driver.lines[22])")
    }

    @Test("English order entry keeps a space after Customer")
    func englishCustomerLabel() throws {
        let driver = try entryWithItem()
        driver.press(.function(9))
        #expect(driver.shows("Customer C000001 王大明"), "\(driver.text)")
    }

    // MARK: Review: keys offered by role and status

    /// An order placed through the store for 王大明 tomorrow, then cancelled.
    private func cancelledOrder(_ driver: ShellDriver) throws -> OrderNumber {
        let branch = driver.branch
        let placed = try branch.database.placeOrder(try branch.order(branch.wang), by: branch.counter)
        try branch.database.cancelOrder(placed.number, reason: "客戶改期", by: branch.counter)
        return placed.number
    }

    @Test("A cancelled order offers neither F6 nor F8; pressed anyway, they say why in words")
    func cancelledOrderKeys() throws {
        let driver = try ShellDriver()
        let number = try cancelledOrder(driver)
        driver.signIn()
        driver.open("訂單查詢")
        driver.press(.enter)  // into the list, on the cancelled order
        #expect(!driver.lines[23].contains("F8"), "\(driver.lines[23])")
        driver.press(.function(8))
        #expect(!driver.shows("取消訂單 \(number)"))
        #expect(driver.lines[22].contains("訂單已取消，不能取消訂單"), "\(driver.lines[22])")
        driver.press(.enter)  // open it
        #expect(driver.lines[0].contains("訂單 \(number)"))
        #expect(!driver.lines[23].contains("F6") && !driver.lines[23].contains("F8"), "\(driver.lines[23])")
        driver.press(.function(8))
        #expect(!driver.shows("請輸入取消原因"))
        #expect(driver.lines[22].contains("不能取消訂單"), "\(driver.lines[22])")
        driver.press(.function(6))
        #expect(driver.lines[22].contains("不能送達開票"), "\(driver.lines[22])")
        #expect(!driver.text.contains("CANCEL") && !driver.text.contains("DELIVER"))
        driver.press(.function(1))
        #expect(!driver.text.contains("F8 "), "F1 lists only the keys offered")
    }

    @Test("A dispatcher sees F6 on a confirmed order but never F8")
    func dispatcherKeys() throws {
        let driver = try ShellDriver()
        let placed = try driver.branch.database.placeOrder(
            try driver.branch.order(driver.branch.wang), by: driver.branch.counter)
        driver.signIn("dispatcher")
        driver.open("訂單查詢")
        driver.press(.enter, .enter)
        #expect(driver.lines[0].contains("訂單 \(placed.number)"))
        #expect(driver.lines[23].contains("F6"))
        #expect(!driver.lines[23].contains("F8"))
        driver.press(.function(8))
        #expect(driver.lines[22].contains("沒有權限取消訂單"), "\(driver.lines[22])")
    }

    // MARK: Review: credit dialogs

    @Test("Confirming an order over the limit says so and by how much")
    func overLimitConfirmation() throws {
        let driver = try orderEntry()
        driver.type("C000001")
        driver.press(.enter)
        driver.type("P005")
        driver.press(.enter)
        driver.type("40")
        let total = try driver.branch.database.quote(
            OrderInput(
                customer: driver.branch.wang, items: [.init(product: ProductCode("P005"), quantity: 40)],
                date: LocalDate("2026-11-18"), slot: .morning)
        ).total
        driver.press(.function(2))
        #expect(driver.shows("確認下單？"))
        #expect(driver.shows("超過信用額度 \(total - Money(50_000))"), "\(driver.text)")
        #expect(driver.shows("下單需主管核准"))
    }

    /// 王大明 with an invoice 66 days past due (delivered 2026-11-18, NET30, now 96 days on).
    private func overdueWang() throws -> ShellDriver {
        let driver = try ShellDriver()
        let branch = driver.branch
        let placed = try branch.database.placeOrder(try branch.order(branch.wang), by: branch.counter)
        try branch.database.deliverOrder(placed.number, by: branch.counter)
        branch.time.set(branch.time.now.adding(seconds: 96 * 86_400))
        return driver
    }

    /// Whether the work area around the box on top (cells in the dialog's colours) is blank:
    /// no half-covered text of the screen behind sticks out beside it.
    /// Whether the box stands clear: the cells around it are blank, so no cut word or half of a
    /// wide character of the screen behind shows beside it, and the screen behind is still there.
    private func onlyTheBox(_ driver: ShellDriver) -> Bool {
        let grid = driver.grid
        let dialog = Theme.colour.dialog.background
        let cells = (1..<22).flatMap { row in (0..<80).map { (row, $0) } }
        let box = cells.filter { grid[$0.0, $0.1].style.background == dialog }
        guard let top = box.map(\.0).min(), let bottom = box.map(\.0).max(), let left = box.map(\.1).min(),
            let right = box.map(\.1).max()
        else { return false }
        let ring = cells.filter { row, column in
            (top - 1...bottom + 1).contains(row) && (left - 1...right + 1).contains(column)
                && !((top...bottom).contains(row) && (left...right).contains(column))
        }
        let behind = cells.contains { row, column in
            !(top - 1...bottom + 1).contains(row) && grid[row, column].text != " "
        }
        return behind && ring.allSatisfy { grid[$0.0, $0.1].text == " " && !grid[$0.0, $0.1].isContinuation }
    }

    @Test("A customer on hold gets a box titled with the hold; nothing strays beside it after a wrong password")
    func holdBox() throws {
        let driver = try overdueWang()
        let days = try #require(try driver.branch.database.creditCheck(driver.branch.wang).oldestDaysPastDue)
        driver.signIn()
        driver.open("訂單輸入")
        driver.type("C000001")
        driver.press(.enter)
        driver.type("P001")
        driver.press(.enter)
        driver.press(.function(2))
        #expect(driver.shows("信用凍結：帳款逾期 \(days) 天"))
        #expect(onlyTheBox(driver), "\(driver.text)")
        driver.press(.character("y"))
        #expect(driver.shows("帳款逾期 \(days) 天：需主管核准"), "\(driver.text)")
        #expect(!driver.shows("信用不足"))
        #expect(onlyTheBox(driver), "\(driver.text)")
        driver.type("supervisor")
        driver.press(.enter)
        driver.type("wrong")
        driver.press(.enter)
        driver.type("老客戶")
        driver.press(.enter)
        #expect(driver.shows("帳號或密碼錯誤"))
        _ = driver.grid
        #expect(onlyTheBox(driver), "\(driver.text)")
    }

    // MARK: Review: order screen layout

    @Test("Order lines: prices and amounts end under their headers; a quantity stays in its column")
    func orderLayout() throws {
        let driver = try entryWithItem()
        driver.type("2")
        let row = try #require(driver.lines.firstIndex { $0.contains("1. P001") })
        let headerRow = try #require(driver.lines.firstIndex { $0.contains("數量") })
        let column = try #require(
            (0..<80).first { driver.grid[headerRow, $0].text == "數" }, "the quantity header")
        #expect(driver.grid[row, column].text == "2", "typing: \(driver.text)")
        driver.press(.tab)
        #expect(driver.grid[row, column].text == "2", "after leaving the field: \(driver.text)")
        driver.press(.function(2), .character("y"), .enter, .escape)
        driver.open("訂單查詢")
        driver.press(.enter, .enter)
        let header = line(driver, "單價")
        let item = line(driver, "P001 20kg")
        func end(_ text: String, in row: String) -> Int? {
            row.range(of: text, options: .backwards).map { DisplayWidth.of(String(row[..<$0.upperBound])) }
        }
        #expect(end("數量", in: header) == end(" 2", in: item), "\(driver.text)")
        #expect(end("單價", in: header) == end("820", in: item.replacingOccurrences(of: "1,640", with: "")))
        #expect(end("金額", in: header) == end("1,640", in: item), "\(driver.text)")
    }

    @Test("A delivered order shows its invoice number and no cancellation deadline")
    func deliveredOrder() throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        let placed = try branch.database.placeOrder(try branch.order(branch.wang), by: branch.counter)
        let receipt = try branch.database.deliverOrder(placed.number, by: branch.counter)
        driver.signIn()
        driver.open("訂單查詢")
        driver.press(.enter, .enter)
        #expect(driver.lines[0].contains("訂單 \(placed.number)"))
        #expect(driver.shows("發票"))
        #expect(driver.shows(receipt.invoice.rawValue), "\(driver.text)")
        #expect(!driver.shows("取消期限"))
        #expect(!driver.lines[23].contains("F6") && !driver.lines[23].contains("F8"))
    }

    // MARK: Review: help and the product picker

    @Test("The product picker says what Enter and Esc do")
    func productPickerKeys() throws {
        let driver = try entryWithItem()
        driver.press(.backTab, .function(3))
        #expect(driver.lines[0].contains("選擇品項"))
        #expect(driver.shows("Enter 帶入選取的品項"), "\(driver.text)")
        #expect(driver.shows("Esc 清除篩選"))
    }

    @Test("F1 lists each key once", arguments: ["訂單輸入", "訂單查詢", "信用查詢", "客戶查詢"])
    func helpListsEachKeyOnce(item: String) throws {
        let driver = try ShellDriver()
        driver.signIn("supervisor")
        driver.open(item)
        driver.press(.function(1))
        let grid = driver.grid
        let title = try #require(driver.lines.firstIndex { $0.contains("說明：") })
        let left = try #require(driver.lines[title].range(of: "說明：")).lowerBound
        let column = DisplayWidth.of(String(driver.lines[title][..<left])) - 1 + 1
        var keys: [String] = []
        for row in (title + 2)..<22 {
            var text = ""
            for c in column..<(column + 16) where !grid[row, c].isContinuation { text += grid[row, c].text }
            let key = text.trimmingCharacters(in: .whitespaces)
            if !key.isEmpty { keys.append(key) }
        }
        #expect(Set(keys).count == keys.count, "\(keys)")
        #expect(keys.filter { $0.split(separator: " ").contains("Enter") }.count == 1, "\(keys)")
        #expect(keys.filter { $0 == "Esc" || $0.hasPrefix("Esc ") && !$0.contains("1…0") }.count == 1, "\(keys)")
    }
}
