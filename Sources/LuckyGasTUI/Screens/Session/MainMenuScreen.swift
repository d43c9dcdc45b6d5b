import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The main menu: only what the signed-in role may use, chosen by arrow keys and Enter or by
/// its number.
struct MainMenuScreen: Screen {
    struct Item {
        var label: OperatorMessage
        var permission: Permission?
        var open: (AppContext) -> Navigation
    }

    private var selection = 0

    var title: OperatorMessage { tr("主選單", "Main menu") }
    var functionKeys: [Int: OperatorMessage] { [:] }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "↑ ↓ Enter", meaning: tr("選擇功能", "choose an item")),
            KeyHelp(keys: "1…9", meaning: tr("直接選擇", "choose by number")),
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
        switch key {
        case .up: selection = (selection + items.count - 1) % items.count
        case .down, .tab: selection = (selection + 1) % items.count
        case .enter: return choose(selection, items, context)
        case .character(let character):
            guard let digit = character.wholeNumberValue, character.isASCII, (1...items.count).contains(digit) else {
                return .stay
            }
            selection = digit - 1
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
        for (index, item) in items.enumerated() {
            let style = index == selection ? theme.selection : theme.text
            let text = " \(index + 1). " + context.text(item.label) + " "
            if index == selection { grid.fill(row: row, column: left, width: 36, style: style) }
            grid.put(text, row: row, column: left, style: style)
            row += 1
        }
    }
}
