import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal
import LuckyGasTestSupport
import Testing

@Suite("Sign-in, menu and the shell's common keys")
struct SessionScreenTests {
    @Test("The program opens on the sign-in screen with the status line and key bar")
    func opensOnSignIn() throws {
        let driver = try ShellDriver()
        #expect(driver.lines[0].contains("登入"))
        #expect(driver.shows("使用者"))
        #expect(driver.shows("密碼"))
        #expect(driver.lines[22].contains("2026-11-18 09:30"))
        #expect(driver.lines[22].contains("待同步"))
        #expect(driver.lines[23].hasPrefix("F1說明"))
        #expect(driver.lines[23].contains("F10離開"))
    }

    @Test("A wrong password is refused, said on the status line, and the password is cleared")
    func wrongPassword() throws {
        let driver = try ShellDriver()
        driver.signIn("counter", password: "nope")
        #expect(driver.shell.signedInUser == nil)
        #expect(driver.lines[22].contains("密碼錯誤") || driver.lines[22].contains("帳號或密碼"))
        #expect(!driver.shows("****"))
    }

    @Test("Five wrong passwords lock the user even when the right one follows")
    func lockout() throws {
        let driver = try ShellDriver()
        for _ in 0..<5 {
            driver.press(.escape)
            driver.signIn("counter", password: "wrong")
        }
        driver.press(.escape)
        driver.signIn("counter")
        #expect(driver.shell.signedInUser == nil)
        #expect(driver.lines[22].contains("鎖定"))
    }

    @Test(
        "The menu shows only what the role may use",
        arguments: [
            ("counter", ["客戶查詢", "訂單輸入", "訂單查詢", "信用查詢"], [String]()),
            ("dispatcher", ["客戶查詢", "訂單查詢"], ["訂單輸入", "信用查詢"]),
            ("accountant", ["客戶查詢", "信用查詢"], ["訂單輸入"]),
        ])
    func menuByRole(user: String, shown: [String], hidden: [String]) throws {
        let driver = try ShellDriver()
        driver.signIn(user)
        #expect(driver.shell.signedInUser == user)
        #expect(driver.lines[0].contains("主選單"))
        for item in shown { #expect(driver.shows(item), "\(user) should see \(item)") }
        for item in hidden { #expect(!driver.shows(item), "\(user) should not see \(item)") }
    }

    @Test("F9 switches every label to English and back")
    func languageSwitch() throws {
        let driver = try ShellDriver()
        driver.press(.function(9))
        #expect(driver.lines[0].contains("Sign in"))
        #expect(driver.shows("Password"))
        #expect(driver.lines[23].contains("F1Help"))
        driver.signIn()
        #expect(driver.shows("New order"))
        driver.press(.function(9))
        #expect(driver.shows("訂單輸入"))
    }

    @Test("F1 shows the keys of the current screen and any key closes it")
    func help() throws {
        let driver = try ShellDriver()
        driver.signIn()
        driver.press(.function(1))
        #expect(driver.shows("說明：主選單"))
        #expect(driver.shows("Esc 1…0"))
        driver.press(.escape)
        #expect(!driver.shows("說明：主選單"))
        #expect(driver.lines[0].contains("主選單"))
    }

    @Test("F10 on the main menu quits at once")
    func quitFromMenu() throws {
        let driver = try ShellDriver()
        driver.signIn()
        driver.press(.function(10))
        #expect(driver.shell.finished)
    }

    @Test("F10 with an order being typed asks first; N keeps the work")
    func quitAsksWhenDirty() throws {
        let driver = try ShellDriver()
        driver.signIn()
        driver.type("2")
        driver.type("C000001")
        driver.press(.enter)
        driver.press(.function(10))
        #expect(driver.shows("有尚未存檔的資料"))
        driver.press(.character("n"))
        #expect(!driver.shell.finished)
        #expect(driver.shows("C000001 王大明"))
        driver.press(.function(10), .character("y"))
        #expect(driver.shell.finished)
    }

    @Test("Esc on the menu asks to sign out; Y returns to the sign-in screen")
    func signOut() throws {
        let driver = try ShellDriver()
        driver.signIn()
        driver.press(.escape)
        #expect(driver.shows("登出？"))
        driver.press(.character("y"))
        #expect(driver.shell.signedInUser == nil)
        #expect(driver.lines[0].contains("登入"))
    }

    @Test("Below 80x24 the screen asks to be enlarged; keys typed meanwhile are dropped, not sent unseen")
    func smallWindow() throws {
        let driver = try ShellDriver()
        driver.rows = 20
        driver.columns = 70
        driver.press(.resize(rows: 20, columns: 70))
        #expect(driver.shows("視窗太小（70x20），請放大至至少 80x24。"))
        #expect(driver.shows("Window too small (70x20)"))
        driver.type("qqq")
        driver.rows = 50
        driver.columns = 200
        driver.press(.resize(rows: 50, columns: 200))
        #expect(!driver.shows("qqq"))
        driver.type("qqq")
        #expect(driver.shows("qqq"))
        #expect(driver.lines.count == 50)
        #expect(driver.lines[49].hasPrefix("F1說明"))
    }

    @Test("The monochrome theme draws with attributes only")
    func monochrome() throws {
        let driver = try ShellDriver(theme: .monochrome)
        let grid = driver.grid
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                #expect(grid[row, column].style.foreground == .standard)
                #expect(grid[row, column].style.background == .standard)
            }
        }
        #expect(grid[0, 0].style.reverse)
    }

    @Test("Ctrl-C does not quit; it says how to leave")
    func controlC() throws {
        let driver = try ShellDriver()
        driver.signIn()
        driver.press(.control("c"))
        #expect(!driver.shell.finished)
        #expect(driver.lines[22].contains("F10"))
    }
}

@Suite("The shell's run loop on the in-memory terminal")
struct ShellRunTests {
    @Test("run paints every frame, passes Ctrl-L to the backend, follows resizes and stops at F10 on the menu")
    func runLoop() throws {
        let driver = try ShellDriver()
        var keys: [Key] = "counter".map { Key.character($0) } + [.enter]
        keys += "counter".map { Key.character($0) } + [.enter, .control("l"), .resize(rows: 30, columns: 100)]
        keys += [.function(10)]
        var backend = MemoryBackend(rows: 24, columns: 80, keys: keys)
        driver.shell.run(on: &backend)
        #expect(driver.shell.finished)
        #expect(backend.repaints == 1)
        #expect(backend.frames.count == keys.count)
        #expect(backend.frames.last?.rows == 30 && backend.frames.last?.columns == 100)
        #expect(backend.screen[0].contains("主選單"))
    }

    @Test("run ends when the input ends, without waiting for F10")
    func inputEnds() throws {
        let driver = try ShellDriver()
        var backend = MemoryBackend(rows: 24, columns: 80, keys: [.character("c")])
        driver.shell.run(on: &backend)
        #expect(!driver.shell.finished)
        #expect(backend.screen.contains { $0.contains("c") })
    }
}
