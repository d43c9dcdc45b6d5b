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
        #expect(driver.shows("客戶    陳"), "\(driver.text)")
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
        #expect(driver.shows("信用額度不足"), "\(driver.text)")
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
}
