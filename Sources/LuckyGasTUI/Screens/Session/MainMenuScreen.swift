import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The main menu: only what the signed-in role may use, chosen by arrow keys (Home/End jump),
/// Enter, or its number. With ten items or more, a `1` waits for a second digit (Enter opens
/// item 1); any other digit that starts no longer number opens at once.
struct MainMenuScreen: Screen {
    struct Item {
        var label: OperatorMessage
        var permission: Permission?
        var open: (AppContext) -> Navigation
    }

    private var selection = 0
    /// The first digit of a two-digit item number, waiting for the second.
    private var typed = ""

    var title: OperatorMessage { tr("主選單", "Main menu") }
    var functionKeys: [Int: OperatorMessage] { [:] }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "↑ ↓ Enter", meaning: tr("選擇功能", "choose an item")),
            KeyHelp(keys: "Home / End", meaning: tr("第一項 / 最後一項", "first / last item")),
            KeyHelp(keys: "1…", meaning: tr("輸入編號直接選擇（10 以上輸入兩位數）", "type the number (two digits from 10)")),
            KeyHelp(keys: "Esc", meaning: tr("登出", "sign out")),
        ]
    }

    func items(_ context: AppContext) -> [Item] {
        let all: [Item] = [
            Item(label: tr("客戶查詢", "Customers"), permission: .viewCustomers) { _ in .push(CustomerLookupScreen()) },
            Item(label: tr("訂單輸入", "New order"), permission: .placeOrders) { _ in .push(OrderEntryScreen()) },
            Item(label: tr("訂單查詢", "Orders"), permission: .viewCustomers) { _ in .push(OrderListScreen()) },
            Item(label: tr("信用查詢", "Credit check"), permission: .viewCredit) { _ in .push(CreditCheckScreen()) },
            Item(label: tr("發票查詢", "Invoices"), permission: .invoices) { _ in .push(InvoiceListScreen()) },
            Item(label: tr("字軌配號", "Number tracks"), permission: .invoices) { _ in .push(TrackUsageScreen()) },
            Item(label: tr("上傳狀態", "Upload board"), permission: .invoices) { _ in .push(UploadBoardScreen()) },
            Item(label: tr("收款沖銷", "Payments"), permission: .payments) { _ in .push(PaymentEntryScreen()) },
            Item(label: tr("銀行對帳", "Bank matching"), permission: .payments) { _ in .push(StatementMatchScreen()) },
            Item(label: tr("司機繳款", "Driver settlement"), permission: .payments) { _ in .push(SettlementScreen()) },
            Item(label: tr("帳齡分析", "Aging"), permission: .payments) { _ in .push(AgingScreen()) },
            Item(label: tr("信用凍結", "Credit holds"), permission: .payments) { _ in .push(CreditHoldsScreen()) },
            Item(label: tr("使用者管理", "Users"), permission: .administer) { _ in .push(UserAdminScreen()) },
            Item(label: tr("參數設定", "Settings"), permission: .administer) { _ in .push(SettingsScreen()) },
            Item(label: tr("變更密碼", "Change password"), permission: nil) { _ in .push(PasswordChangeScreen(.chosen)) },
            Item(label: tr("切換語言 English / 中文", "Language 中文 / English"), permission: nil) { context in
                context.language = context.language.other
                return .stay
            },
            Item(label: tr("登出", "Sign out"), permission: nil) { _ in .signOut },
        ]
        return all.filter { item in item.permission.map(context.may) ?? true }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        let items = items(context)
        let pending = typed
        typed = ""
        switch key {
        case .up: selection = (selection + items.count - 1) % items.count
        case .down, .tab: selection = (selection + 1) % items.count
        case .home: selection = 0
        case .end: selection = items.count - 1
        case .enter: return choose(selection, items, context)
        case .backspace: break
        case .character(let character):
            guard character.isASCII, let digit = character.wholeNumberValue else { return .stay }
            let number = Int(pending + String(digit)) ?? 0
            guard (1...items.count).contains(number) else {
                context.say(
                    OperatorMessage(
                        zh: "沒有第 \(number) 項（1–\(items.count)）", en: "No item \(number) (1–\(items.count))"),
                    .warning)
                return .stay
            }
            selection = number - 1
            // A number that starts a longer one waits for its second digit.
            if pending.isEmpty, number * 10 <= items.count {
                typed = String(digit)
                context.say(
                    OperatorMessage(
                        zh: "按 Enter 開啟第 \(number) 項，或再輸入一位數字", en: "Enter opens item \(number), or type a second digit"
                    ))
                return .stay
            }
            return choose(selection, items, context)
        case .escape:
            return .dialog(
                Dialog(
                    .confirm(defaultYes: true), title: context.t("登出？", "Sign out?"),
                    hint: context.t("Y 登出   N 取消", "Y sign out   N stay")), tag: "signOut")
        default: break
        }
        return .stay
    }

    private func choose(_ index: Int, _ items: [Item], _ context: AppContext) -> Navigation {
        guard items.indices.contains(index) else { return .stay }
        return items[index].open(context)
    }

    func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        tag == "signOut" && outcome == .confirmed ? .signOut : .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        let items = items(context)
        selection = min(selection, items.count - 1)
        let left = area.left + 4
        var row = area.top + 1
        if let user = context.user {
            grid.put(
                context.t("使用者：", "User: ")
                    + "\(user.displayName)（\(context.t(user.role.chinese, user.role.rawValue.lowercased()))）",
                row: row, column: left, style: theme.dim)
        }
        row += 2
        let digits = String(items.count).count
        for (index, item) in items.enumerated() {
            let style = index == selection ? theme.selection : theme.text
            let number = String(index + 1)
            let text =
                " " + String(repeating: " ", count: digits - number.count) + number + ". " + context.text(item.label)
                + " "
            if index == selection { grid.fill(row: row, column: left, width: 36, style: style) }
            grid.put(text, row: row, column: left, style: style)
            row += 1
        }
    }
}
