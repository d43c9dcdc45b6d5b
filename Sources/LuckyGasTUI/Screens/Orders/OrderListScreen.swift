import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The order list: filter by delivery date, status and customer; open an order with Enter;
/// cancel the selected one with F8.
struct OrderListScreen: TypingScreen {
    private static let fromField = 0
    private static let toField = 1
    private static let statusField = 2
    private static let customerField = 3

    private var form = Form([
        InputField(.date, width: 11, row: 0, labelWidth: 6),
        InputField(.date, width: 11, row: 0, column: 19, labelWidth: 4),
        InputField(.choice([]), width: 10, row: 0, column: 36, labelWidth: 6),
        InputField(.text, width: 10, row: 0, column: 54, labelWidth: 6, maxLength: 7),
    ])
    private var table = TableView(columns: [], filters: true)
    private var orders: [OrderSummary] = []
    private var inTable = false
    private var cancellation = OrderCancellation()
    private var loaded = false

    init(customer: CustomerID? = nil) {
        if let customer { form[Self.customerField].set(customer.rawValue) }
    }

    var title: OperatorMessage { tr("訂單查詢", "Orders") }
    var functionKeys: [Int: OperatorMessage] { [5: tr("重新整理", "Reload"), 8: tr("取消訂單", "Cancel order")] }
    /// F8 only on a selected order the role may cancel and its status allows cancelling.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        var keys = functionKeys
        let cancellable = inTable && selected.map { OrderAction.cancel.applies(to: $0.status) } == true
        if !cancellable || !OrderAction.cancel.allowed(context) { keys[8] = nil }
        return keys
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "日期 +/-", meaning: tr("日期加減一天", "move a date by a day")),
            KeyHelp(keys: "↑ ↓ PgUp PgDn", meaning: tr("選取訂單", "select an order")),
            KeyHelp(
                keys: "文字 text", meaning: tr("在清單中輸入文字即篩選（單號、客戶）", "typing in the list filters it (number, customer)")),
        ]
    }

    private var selected: OrderSummary? { table.selectedRow.map { orders[$0] } }

    mutating func refresh(context: AppContext) {
        if !loaded {
            loaded = true
            let today = context.database.clock.now().date
            form[Self.fromField].set(today.adding(days: -7).iso)
            form[Self.toField].set(today.adding(days: 14).iso)
        }
        relabel(context)
        reload(context)
    }

    private mutating func relabel(_ context: AppContext) {
        form[Self.fromField].label = context.t("日期", "Date")
        form[Self.toField].label = context.t("至", "to")
        form[Self.statusField].label = context.t("狀態", "Status")
        form[Self.customerField].label = context.t("客戶", "Cust.")
        form[Self.statusField].setOptions(
            [context.t("全部", "All")] + OrderStatus.allCases.map { context.text(Labels.status($0)) })
    }

    private mutating func reload(_ context: AppContext) {
        let status = form[Self.statusField].choiceIndex
        let customerText = form[Self.customerField].value.trimmingSpaces.uppercased()
        let filter = OrderFilter(
            from: (try? LocalDate(form[Self.fromField].value.trimmingSpaces)),
            to: (try? LocalDate(form[Self.toField].value.trimmingSpaces)),
            status: status == 0 ? nil : OrderStatus.allCases[status - 1],
            customer: CustomerID.typed(customerText), limit: 500)
        for index in [Self.fromField, Self.toField] {
            let text = form[index].value
            if !text.isEmpty, let problem = LocalDate.problem(with: text) {
                context.say(
                    OperatorMessage(
                        zh: problem.zh + "（此日期條件暫不套用）", en: problem.en + " (this date is not applied for now)"),
                    .warning)
            }
        }
        if !customerText.isEmpty && filter.customer == nil {
            context.say(tr("客戶編號格式為 C 加 6 位數字", "Customer ids look like C000123"), .error)
        }
        do {
            orders = try context.database.orders(filter)
        } catch {
            context.fail(error)
        }
        table.setRows(
            orders.map {
                [
                    $0.number.rawValue, $0.customerName, $0.date.iso, context.text(Labels.slot($0.slot)),
                    context.text(Labels.status($0.status)), $0.total.grouped,
                ]
            })
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape where inTable && !table.filter.text.isEmpty:
            table.setFilter("")
            return .stay
        case .escape: return .pop(nil)
        case .function(5):
            reload(context)
            return .stay
        case .function(8):
            guard inTable, let order = selected else {
                context.say(tr("請先在清單中選取訂單（Tab 或 ↓ 進入清單）", "Select an order in the list first (Tab or ↓)"), .warning)
                return .stay
            }
            guard context.may(.cancelOrders) else { return context.denied(.cancelOrders) }
            guard OrderAction.cancel.applies(to: order.status) else {
                context.say(OrderAction.cancel.refusal(order.status), .warning)
                return .stay
            }
            return cancellation.begin(order.number, context: context)
        default: break
        }
        if inTable {
            switch key {
            case .tab, .backTab:
                inTable = false
                form.focus(on: key == .tab ? 0 : Self.customerField)
            case .enter:
                if let order = selected { return .push(OrderDetailScreen(number: order.number)) }
            default:
                _ = table.handle(key)
            }
            return .stay
        }
        let focus = form.focus
        if key == .down || key == .enter || (key == .tab && focus == Self.customerField) {
            inTable = true
            reload(context)
            return .stay
        }
        if key == .backTab && focus == Self.fromField {
            inTable = true
            return .stay
        }
        switch form.handle(key) {
        case .field(_, .changed): reload(context)
        case .field(let index, .step(let days)):
            if let date = (try? LocalDate(form[index].value.trimmingSpaces)) {
                form[index].set(date.adding(days: days).iso)
                reload(context)
            }
        case .field(_, .rejected(let why)): context.say(why)
        default: break
        }
        return .stay
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        guard OrderCancellation.owns(tag) else { return .stay }
        return cancellation.finish(tag: tag, outcome: outcome, context: context).0
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        relabel(context)
        form.render(into: &grid, top: area.top + 1, left: 1, theme: theme, active: !inTable)
        table.columns = [
            .init(context.t("單號", "Order"), width: 17), .init(context.t("客戶", "Customer"), width: 0),
            .init(context.t("日期", "Date"), width: 10), .init(context.t("時段", "Slot"), width: 9),
            .init(context.t("狀態", "Status"), width: 10), .init(context.t("金額", "Total"), width: 9, alignRight: true),
        ]
        table.render(
            into: &grid, top: area.top + 3, left: 1, width: area.columns - 2, height: area.rows - 3, theme: theme,
            focused: inTable)
        let filter =
            table.filter.text.isEmpty
            ? "" : context.t("篩選「\(table.filter.text)」 ", "filter \"\(table.filter.text)\" ")
        let position =
            filter
            + context.t(
                "共 \(orders.count) 筆  第 \(table.position) 筆", "\(orders.count) orders, row \(table.position)")
        grid.put(position, row: area.top + 2, column: area.columns - 1 - DisplayWidth.of(position), style: theme.dim)
        // What Tab, Enter and Esc do here (F1 lists the shell's general meaning).
        let hint =
            inTable
            ? context.t("Enter 開啟訂單  Tab 回篩選", "Enter open  Tab filters") : context.t("Tab/↓ 進入清單", "Tab/↓ to the list")
        grid.put(
            hint, row: area.top + 2, column: 2, style: theme.dim,
            maxWidth: max(0, area.columns - 4 - DisplayWidth.of(position)))
        if inTable { grid.cursor = nil }
    }
}
