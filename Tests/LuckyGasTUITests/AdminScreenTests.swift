import GRDB
import LuckyGasCore
import LuckyGasTUI
import LuckyGasTerminal
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

@Suite("The administrator's screens: users, settings, passwords, and the main menu")
struct AdminScreenTests {
    /// The admin on the user list.
    private func users() throws -> ShellDriver {
        let driver = try ShellDriver()
        driver.signIn("admin")
        driver.open("使用者管理")
        #expect(driver.lines[0].contains("使用者管理"))
        return driver
    }

    @Test("An administrator's menu has users and settings; the list shows role, last sign-in, wrong passwords, lock")
    func userList() throws {
        let driver = try ShellDriver()
        driver.signIn("admin")
        #expect(driver.shows("使用者管理") && driver.shows("參數設定") && driver.shows("變更密碼"))
        _ = try? driver.branch.database.authenticate(name: "dispatcher", password: "wrong")
        driver.open("使用者管理")
        #expect(driver.shows("角色") && driver.shows("最後登入") && driver.shows("錯誤") && driver.shows("鎖定至"))
        let dispatcher = try #require(driver.lines.first { $0.contains("dispatcher") })
        #expect(dispatcher.contains("調度") && dispatcher.contains(" 1"))
        let admin = try #require(driver.lines.first { $0.contains(" admin ") })
        #expect(admin.contains("2026-11-18 09:30"), "the admin just signed in")
        #expect(driver.lines.contains { $0.contains("counter") && $0.contains("未曾登入") } == false)
        try driver.branch.database.addUser(
            name: "lin", displayName: "林小姐", role: .counter, password: "lin-first-1", by: driver.branch.admin)
        driver.press(.escape)
        driver.open("使用者管理")
        #expect(driver.lines.contains { $0.contains("lin ") && $0.contains("未曾登入") && $0.contains("待改密碼") })
    }

    @Test("On their own row an administrator is offered no role or disable key, and is told why if pressed")
    func ownRow() throws {
        let driver = try users()
        driver.press(.home)
        #expect(driver.lines.first { $0.contains(" admin ") } != nil)
        // Rows are sorted by name: accountant, admin, counter, dispatcher, supervisor.
        driver.press(.down)
        #expect(driver.lines[23].contains("F2新增") && driver.lines[23].contains("F3變更密碼"))
        #expect(!driver.lines[23].contains("F4") && !driver.lines[23].contains("F5"))
        driver.press(.function(4))
        #expect(driver.lines[22].contains("不能變更自己的角色"))
        driver.press(.function(5))
        #expect(driver.lines[22].contains("不能停用自己"))
        driver.press(.down)
        #expect(driver.lines[23].contains("F4角色") && driver.lines[23].contains("F5停用"))
        #expect(!driver.lines[23].contains("F6"), "counter is not locked")
        driver.press(.function(1))
        let help = driver.lines[1..<22].joined(separator: "\n")
        #expect(help.components(separatedBy: "F4").count == 2, "F1 lists each key once")
    }

    @Test("An administrator adds a user; the new user must choose a password at the first sign-in")
    func addUserThenFirstSignIn() throws {
        let driver = try users()
        driver.press(.function(2))
        #expect(driver.shows("新增使用者"))
        driver.type("lin")
        driver.press(.enter)
        driver.type("林小姐")
        driver.press(.enter, .right)  // role: 會計
        driver.press(.enter)
        driver.type("short")
        driver.press(.enter)
        driver.type("short")
        driver.press(.enter)
        #expect(driver.shows("密碼至少需 8 個字元"), "the box stays with the problem")
        driver.type("lin-first-1")
        driver.press(.enter)
        driver.type("lin-first-1")
        driver.press(.enter)
        #expect(driver.lines[22].contains("已新增 lin"))
        let row = try #require(driver.lines.first { $0.contains("lin ") })
        #expect(row.contains("林小姐") && row.contains("會計") && row.contains("待改密碼"))
        driver.press(.escape, .escape, .character("y"))
        driver.signIn("lin", password: "lin-first-1")
        #expect(driver.lines[0].contains("變更密碼"))
        #expect(driver.shows("您的密碼由管理員設定"))
        driver.type("lin-own-pass")
        driver.press(.enter)
        driver.type("lin-own-typo")
        driver.press(.enter)
        #expect(driver.lines[22].contains("兩次輸入的新密碼不同"))
        driver.type("lin-own-pass")
        driver.press(.enter)
        driver.type("lin-own-pass")
        driver.press(.enter)
        #expect(driver.lines[0].contains("主選單"))
        #expect(driver.lines[22].contains("密碼已變更"))
        #expect(try !driver.branch.database.authenticate(name: "lin", password: "lin-own-pass").mustChangePassword)
    }

    @Test("A reset password is changed at the next sign-in; Esc there signs out without reaching the menu")
    func resetThenSignIn() throws {
        let driver = try users()
        driver.press(.home, .down, .down)  // counter
        driver.press(.function(3))
        #expect(driver.shows("重設密碼 counter"))
        driver.type("counter-temp-1")
        driver.press(.enter)
        driver.type("counter-temp-1")
        driver.press(.enter)
        #expect(driver.lines[22].contains("已重設 counter 的密碼"))
        driver.press(.escape, .escape, .character("y"))
        driver.signIn("counter", password: "counter-temp-1")
        #expect(driver.lines[0].contains("變更密碼"))
        driver.press(.escape)
        #expect(driver.lines[0].contains("登入"))
        #expect(driver.shell.signedInUser == nil)
    }

    @Test("A locked user gets F6; unlocking asks and clears the count")
    func unlock() throws {
        let driver = try users()
        for _ in 0..<5 { _ = try? driver.branch.database.authenticate(name: "dispatcher", password: "wrong") }
        driver.press(.function(5))  // the shell's lists reload on refresh: reopen
        driver.press(.escape)
        driver.press(.escape)
        driver.open("使用者管理")
        driver.press(.home, .down, .down, .down)  // dispatcher
        #expect(driver.lines.first { $0.contains("dispatcher") }?.contains("鎖定") == true)
        #expect(driver.lines[23].contains("F6解鎖"))
        driver.press(.function(6))
        #expect(driver.shows("解除 dispatcher 的鎖定？"))
        driver.press(.character("y"))
        #expect(driver.lines[22].contains("已解除 dispatcher 的鎖定"))
        #expect(try driver.branch.database.users().first { $0.name == "dispatcher" }?.failedAttempts == 0)
    }

    @Test(
        "Settings: a value of the wrong kind is refused in the box, a reason is required, the order screen uses the new value"
    )
    func settings() throws {
        let driver = try ShellDriver()
        driver.signIn("admin")
        driver.open("參數設定")
        #expect(driver.lines[0].contains("參數設定"))
        #expect(driver.shows("auth.lock_minutes") && driver.shows("分鐘"))
        driver.type("cancellation")
        #expect(driver.shows("order.cancellation_window_hours") && driver.shows("小時"))
        driver.press(.enter)
        #expect(driver.shows("修改 order.cancellation_window_hours") && driver.shows("整數 ≥ 0"))
        driver.press(.control("u"))
        driver.type("six")
        driver.press(.enter, .enter)
        #expect(driver.shows("請填寫修改原因"))
        driver.type("颱風季延長")
        driver.press(.enter)
        #expect(driver.shows("不接受「six」"))
        driver.press(.backTab, .control("u"))
        driver.type("6")
        driver.press(.enter, .enter)
        #expect(driver.lines[22].contains("已儲存 order.cancellation_window_hours = 6"))
        let audit = try driver.branch.database.writer.read { db in
            try Row.fetchOne(
                db,
                sql:
                    "SELECT before, after FROM audit_log WHERE entity = 'parameter' AND entity_id = ? ORDER BY id DESC",
                arguments: ["order.cancellation_window_hours"])
        }
        #expect((audit?["before"] as String?)?.contains("\"4\"") == true)
        #expect((audit?["after"] as String?)?.contains("颱風季延長") == true)
        #expect(try driver.branch.database.parameter("order.cancellation_window_hours") == "6")
        let placed = try driver.branch.database.placeOrder(
            driver.branch.order(driver.branch.wang), by: driver.branch.counter)
        let order = try #require(try driver.branch.database.order(placed.number))
        #expect(order.cancellationDeadline.short == "2026-11-19 02:00", "the 08:00 slot less 6 hours, not 4")
    }

    @Test("The secret parameter is masked in the list and typed masked")
    func secretMasked() throws {
        let driver = try ShellDriver()
        try driver.branch.database.changeParameter(
            "einvoice.qr_key", value: String(repeating: "ab", count: 16), reason: "金鑰", by: driver.branch.admin)
        driver.signIn("admin")
        driver.open("參數設定")
        driver.type("qr_key")
        let row = try #require(driver.lines.first { $0.contains("einvoice.qr_key ") })
        #expect(row.contains("***") && !row.contains("abab"))
        driver.press(.enter)
        #expect(driver.shows("目前：***"))
        driver.type("cd")
        let field = try #require(driver.lines.first { $0.contains("新值") })
        #expect(field.contains("**") && !field.contains("cd"), "typed masked: \(field)")
        // An empty key is refused: it would stop every invoice.
        driver.press(.control("u"), .enter)
        driver.type("清空")
        driver.press(.enter)
        #expect(driver.shows("不接受"))
        #expect(try driver.branch.database.parameter("einvoice.qr_key") == String(repeating: "AB", count: 16))
    }

    @Test("The sign-in screen warns about demo passwords in a real branch, not in the demo")
    func demoPasswordWarning() throws {
        let driver = try ShellDriver()
        #expect(driver.lines[22].contains("5 個示範帳號仍用示範密碼"))
        try driver.branch.database.setParameter("branch.demo", value: "1", by: driver.branch.admin)
        driver.signIn()
        driver.press(.escape, .character("y"))
        #expect(!driver.lines[22].contains("示範帳號"))
    }

    @Test("The main menu aligns its numbers, Home/End jump, and items past 9 open by two digits")
    func menuPastNine() throws {
        let driver = try ShellDriver()
        driver.signIn("supervisor")
        let nine = try #require(driver.lines.firstIndex { $0.contains(" 9. ") })
        let ten = try #require(driver.lines.firstIndex { $0.contains("10. ") })
        #expect(
            driver.lines[nine].firstRange(of: "9.")?.lowerBound.utf16Offset(in: driver.lines[nine])
                == driver.lines[ten].firstRange(of: "0.")?.lowerBound.utf16Offset(in: driver.lines[ten]))
        func selected(_ label: String) -> Bool {
            guard let row = driver.lines.firstIndex(where: { $0.contains(label) }) else { return false }
            return driver.grid[row, 5].style == Theme.colour.selection
        }
        driver.press(.end)
        #expect(selected("登出"))
        driver.press(.home)
        #expect(selected("客戶查詢"))
        driver.type("1")
        #expect(driver.lines[0].contains("主選單") && driver.lines[22].contains("再輸入一位數字"))
        driver.type("2")
        #expect(driver.lines[0].contains("信用凍結"))
        driver.press(.escape)
        driver.type("1")
        driver.press(.enter)
        #expect(driver.lines[0].contains("客戶查詢"))
        driver.press(.escape)
        driver.type("9")
        #expect(driver.lines[0].contains("銀行對帳"))
    }

    @Test("Anyone changes their own password from the menu with the current one")
    func changeOwnPassword() throws {
        let driver = try ShellDriver()
        driver.signIn("counter")
        driver.open("變更密碼")
        #expect(driver.shows("目前密碼"))
        driver.type("wrong")
        driver.press(.enter)
        driver.type("counter-new-1")
        driver.press(.enter)
        driver.type("counter-new-1")
        driver.press(.enter)
        #expect(driver.lines[22].contains("目前密碼不正確"))
        driver.type("counter")
        driver.press(.enter)
        driver.type("counter-new-1")
        driver.press(.enter)
        driver.type("counter-new-1")
        driver.press(.enter)
        #expect(driver.lines[0].contains("主選單") && driver.lines[22].contains("密碼已變更"))
        _ = try driver.branch.database.authenticate(name: "counter", password: "counter-new-1")
    }

    @Test("F4 gives another role, F5 disables and enables, each said on the status line")
    func roleAndDisable() throws {
        let driver = try users()
        driver.press(.home, .down, .down)  // counter
        driver.press(.function(4))
        #expect(driver.shows("變更角色 counter"))
        driver.press(.enter)
        #expect(driver.lines[22].contains("counter 的角色未變更"))
        driver.press(.function(4), .right, .enter)
        #expect(driver.lines[22].contains("counter 的角色改為會計"))
        #expect(try driver.branch.database.users().first { $0.name == "counter" }?.role == .accountant)
        driver.press(.function(5))
        #expect(driver.shows("停用 counter"))
        driver.press(.character("y"))
        #expect(driver.lines[22].contains("已停用 counter"))
        #expect(driver.lines[23].contains("F5啟用"))
        driver.press(.function(5), .character("y"))
        #expect(driver.lines[22].contains("已啟用 counter"))
    }

    @Test("A wrong current password says so without a lock warning")
    func wrongCurrentPassword() throws {
        let driver = try ShellDriver()
        driver.signIn("counter")
        driver.open("變更密碼")
        driver.type("wrong")
        driver.press(.enter)
        driver.type("counter-new-1")
        driver.press(.enter)
        driver.type("counter-new-1")
        driver.press(.enter)
        #expect(driver.lines[22].contains("目前密碼不正確"))
        #expect(!driver.lines[22].contains("鎖定"))
    }
}
