import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal
import LuckyGasTestSupport
import Testing

@Suite("Credit check screen")
struct CreditScreenTests {
    private func creditCheck(_ driver: ShellDriver, english: Bool = false) {
        driver.signIn()
        if english { driver.press(.function(9)) }
        driver.open(english ? "Credit check" : "信用查詢")
        driver.type("C000001")
        driver.press(.enter)
    }

    @Test("A what-if amount over the limit says by how much")
    func overLimitByHowMuch() throws {
        let driver = try ShellDriver()
        creditCheck(driver)
        driver.type("60000")
        #expect(driver.shows("✗ 超過信用額度 NT$10,000"), "\(driver.text)")
    }

    @Test("A hold is told in the screen's language only", arguments: [false, true])
    func holdInOneLanguage(english: Bool) throws {
        let driver = try ShellDriver()
        let branch = driver.branch
        let placed = try branch.database.placeOrder(try branch.order(branch.wang), by: branch.counter)
        try branch.database.deliverOrder(placed.number, by: branch.counter)
        branch.time.set(branch.time.now.adding(seconds: 96 * 86_400))
        creditCheck(driver, english: english)
        driver.type("100")
        let days = try #require(try branch.database.creditCheck(branch.wang).oldestDaysPastDue)
        if english {
            #expect(driver.shows("Invoice \(days) days past due"), "\(driver.text)")
            #expect(!driver.text.contains("逾期"))
            #expect(driver.shows("Net 30"))
        } else {
            #expect(driver.shows("帳款逾期 \(days) 天"), "\(driver.text)")
            #expect(!driver.text.contains("past due"))
        }
    }
}
