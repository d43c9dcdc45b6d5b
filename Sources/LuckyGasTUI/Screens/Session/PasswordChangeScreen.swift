import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Changing one's own password: asked at sign-in when an administrator set the password (a new
/// user, a reset), and from the main menu at any time. At sign-in the password just typed is the
/// old one, so only the new one is asked (twice); Esc there signs out, since nothing else may be
/// done until the password is the user's own.
struct PasswordChangeScreen: TypingScreen {
    /// Why the screen is shown.
    enum Occasion {
        /// At sign-in: `old` is the password the administrator set, just typed.
        case required(old: String)
        /// From the menu: the current password is asked.
        case chosen
    }

    private let occasion: Occasion
    private var form: Form

    init(_ occasion: Occasion) {
        self.occasion = occasion
        var fields: [InputField] = []
        if case .chosen = occasion {
            fields.append(InputField(.secret, width: 20, row: 0, labelWidth: 16, maxLength: 64))
        }
        let first = fields.count
        fields.append(InputField(.secret, width: 20, row: first, labelWidth: 16, maxLength: 64))
        fields.append(InputField(.secret, width: 20, row: first + 1, labelWidth: 16, maxLength: 64))
        form = Form(fields)
    }

    private var asksCurrent: Bool {
        if case .chosen = occasion { return true }
        return false
    }

    var title: OperatorMessage { tr("變更密碼", "Change password") }
    var functionKeys: [Int: OperatorMessage] { [2: tr("變更", "Change")] }
    var help: [KeyHelp] {
        [
            KeyHelp(
                keys: "Enter",
                meaning: tr(
                    "在最後一欄按 Enter 變更（至少 \(AppDatabase.minimumPasswordLength) 字）",
                    "Enter on the last field changes it (\(AppDatabase.minimumPasswordLength)+ characters)")),
            KeyHelp(
                keys: "Esc",
                meaning: asksCurrent ? tr("返回，不變更", "back, nothing changed") : tr("登出", "sign out")),
        ]
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        if key == .escape {
            guard asksCurrent else {
                context.user = nil
                return .signOut
            }
            return .pop(nil)
        }
        switch form.handle(key) {
        case .submit: return change(context)
        case .field(_, .rejected(let why)): context.say(why)
        default: break
        }
        return .stay
    }

    private mutating func change(_ context: AppContext) -> Navigation {
        guard let user = context.user else { return .signOut }
        let offset = asksCurrent ? 1 : 0
        let old: String
        switch occasion {
        case .required(let typed): old = typed
        case .chosen: old = form[0].value
        }
        let new = form[offset].value
        guard new == form[offset + 1].value else {
            form[offset].set("")
            form[offset + 1].set("")
            form.focus(on: offset)
            context.say(tr("兩次輸入的新密碼不同，請再輸入一次", "The two new passwords differ: type them again"), .error)
            return .stay
        }
        do {
            context.user = try context.database.changePassword(of: user, from: old, to: new)
        } catch {
            for index in form.fields.indices { form[index].set("") }
            form.focus(on: 0)
            context.fail(error)
            return .stay
        }
        context.say(tr("密碼已變更", "Password changed"), .success)
        return asksCurrent ? .pop(nil) : .replace(MainMenuScreen())
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        let left = area.left + max(2, (area.columns - 56) / 2)
        let top = area.top + max(1, (area.rows - 12) / 2)
        if !asksCurrent {
            grid.put(
                context.t("您的密碼由管理員設定，請先設定自己的密碼。", "Your password was set by an administrator: choose your own."),
                row: top, column: left, style: theme.warning)
        } else {
            grid.put(
                context.user.map { "\($0.displayName)（\($0.name)）" } ?? "", row: top, column: left, style: theme.heading
            )
        }
        var index = 0
        if asksCurrent {
            form[0].label = context.t("目前密碼", "Current")
            index = 1
        }
        form[index].label = context.t("新密碼", "New password")
        form[index + 1].label = context.t("再輸入一次", "Once more")
        form.render(into: &grid, top: top + 2, left: left, theme: theme)
        grid.put(
            context.t(
                "至少 \(AppDatabase.minimumPasswordLength) 個字元，不可與目前的密碼相同。",
                "At least \(AppDatabase.minimumPasswordLength) characters, not the current one."),
            row: top + 3 + form.fields.count, column: left, style: theme.dim)
    }
}
