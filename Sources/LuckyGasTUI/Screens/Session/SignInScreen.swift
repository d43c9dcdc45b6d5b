import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Sign-in: user and password. The store checks the password, locks the user for five minutes
/// after five failures and audits every attempt; this screen only says what happened. A password
/// an administrator set is changed before the menu opens. While the branch (not the demo) still
/// has users with the demo sample's passwords, the status line says so.
struct SignInScreen: TypingScreen {
    private var form = Form([
        InputField(.text, width: 20, row: 0, labelWidth: 14, maxLength: 32),
        InputField(.secret, width: 20, row: 1, labelWidth: 14, maxLength: 64),
    ])

    var title: OperatorMessage { tr("登入", "Sign in") }
    var functionKeys: [Int: OperatorMessage] { [2: tr("登入", "Sign in")] }
    var help: [KeyHelp] {
        [KeyHelp(keys: "Enter", meaning: tr("在密碼欄按 Enter 登入", "Enter on the password signs in"))]
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        if key == .escape {
            form[0].set("")
            form[1].set("")
            form.focus(on: 0)
            return .stay
        }
        switch form.handle(key) {
        case .submit: return signIn(context)
        case .field(_, .rejected(let why)): context.say(why)
        default: break
        }
        return .stay
    }

    private mutating func signIn(_ context: AppContext) -> Navigation {
        let name = form[0].value.trimmingSpaces
        guard !name.isEmpty else {
            form.focus(on: 0)
            context.say(tr("請輸入使用者名稱", "Enter your user name"), .error)
            return .stay
        }
        do {
            let password = form[1].value
            let session = try context.database.authenticate(name: name, password: password)
            context.user = session
            form[1].set("")
            if session.mustChangePassword {
                context.say(
                    tr("請先變更密碼（管理員設定的密碼只能用一次）", "Change your password first (one set by an administrator is for once)"),
                    .warning)
                return .replace(PasswordChangeScreen(.required(old: password)))
            }
            context.say(
                OperatorMessage(
                    zh: "歡迎，\(context.user?.displayName ?? name)", en: "Welcome, \(context.user?.displayName ?? name)"),
                .success)
            return .replace(MainMenuScreen())
        } catch {
            form[1].set("")
            form.focus(on: 1)
            context.fail(error)
            return .stay
        }
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        if context.status.message.isEmpty, !context.demoPasswordUsers.isEmpty {
            let count = context.demoPasswordUsers.count
            context.say(
                OperatorMessage(
                    zh: "⚠ \(count) 個示範帳號仍用示範密碼：請管理員重設或停用",
                    en: "⚠ \(count) demo users keep demo passwords: reset or disable them"),
                .warning)
        }
        let left = area.left + max(2, (area.columns - 50) / 2)
        let top = area.top + max(1, (area.rows - 10) / 2)
        grid.put("幸福氣體 分店後台", row: top, column: left, style: theme.heading)
        grid.put("Lucky Gas branch back office", row: top + 1, column: left, style: theme.dim)
        form[0].label = context.t("使用者", "User")
        form[1].label = context.t("密碼", "Password")
        form.render(into: &grid, top: top + 3, left: left, theme: theme)
        grid.put(
            context.t("輸入帳號與密碼後按 Enter。F9 English", "Type user and password, then Enter. F9 中文"),
            row: top + 6, column: left, style: theme.dim)
    }
}
