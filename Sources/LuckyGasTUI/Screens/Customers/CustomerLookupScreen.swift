import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Customer lookup: search as you type over name and address (one Chinese character is
/// enough), phone digits, tax id and customer id. Enter opens the customer, or hands it back
/// when the lookup was opened to pick one (order entry, credit check).
struct CustomerLookupScreen: TypingScreen {
    /// Whether Enter returns the customer to the screen that opened the lookup.
    let picking: Bool
    private var query: TextField
    private var table = TableView(columns: [])
    private var results: [CustomerSummary] = []
    private var searched: String?

    init(picking: Bool = false, text: String = "") {
        self.picking = picking
        query = TextField(text, maxLength: 40)
    }

    var title: OperatorMessage { picking ? tr("選擇客戶", "Pick a customer") : tr("客戶查詢", "Customers") }
    var functionKeys: [Int: OperatorMessage] {
        picking ? [:] : [4: tr("新增", "New"), 6: tr("下單", "Order"), 7: tr("信用", "Credit")]
    }
    /// Only what the role may do; F6 and F7 once a customer is selected.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        var keys = functionKeys
        if !context.may(.editCustomers) { keys[4] = nil }
        if !context.may(.placeOrders) || selected == nil { keys[6] = nil }
        if !context.may(.viewCredit) || selected == nil { keys[7] = nil }
        return keys
    }
    var help: [KeyHelp] {
        [
            KeyHelp(
                keys: "文字 text",
                meaning: tr("名稱、地址（一個字即可）、電話、統編或客戶編號", "name, address (one character is enough), phone, UBN or id")),
            KeyHelp(keys: "↑ ↓ PgUp PgDn", meaning: tr("移動選取", "move the selection")),
        ]
    }

    /// Enter and Esc here, on the screen's last line (F1 lists the shell's general meaning).
    private var keyHint: OperatorMessage {
        picking
            ? tr("Enter 選取此客戶   Esc 清除查詢，再按一次返回", "Enter pick this customer   Esc clear the search, again to go back")
            : tr("Enter 開啟客戶資料   Esc 清除查詢，再按一次返回", "Enter open the customer   Esc clear the search, again to go back")
    }

    private var selected: CustomerSummary? { table.selectedRow.map { results[$0] } }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .up, .down, .pageUp, .pageDown:
            _ = table.handle(key)
        case .enter:
            guard let customer = selected else {
                context.say(tr("沒有符合的客戶", "No customer matches"), .warning)
                return .stay
            }
            return picking ? .pop(.customer(customer.id)) : .push(CustomerDetailScreen(id: customer.id))
        case .escape:
            if query.text.isEmpty { return .pop(nil) }
            query.set("")
            search(context)
        case .function(4) where !picking:
            guard context.may(.editCustomers) else { return context.denied(.editCustomers) }
            return .push(CustomerFormScreen(editing: nil, context: context))
        case .function(6) where !picking:
            guard context.may(.placeOrders) else { return context.denied(.placeOrders) }
            guard let customer = selected else { return needsSelection(context) }
            return .push(OrderEntryScreen(customer: customer.id))
        case .function(7) where !picking:
            guard context.may(.viewCredit) else { return context.denied(.viewCredit) }
            guard let customer = selected else { return needsSelection(context) }
            return .push(CreditCheckScreen(customer: customer.id))
        default:
            if query.handle(key) { search(context) }
        }
        return .stay
    }

    private func needsSelection(_ context: AppContext) -> Navigation {
        context.say(tr("請先查詢並選取客戶", "Search for and select a customer first"), .warning)
        return .stay
    }

    /// Runs the search for the current text (skipped when the text did not change); a refresh
    /// keeps the selected row, a new text starts at the top.
    private mutating func search(_ context: AppContext, keepSelection: Bool = false) {
        let text = query.text.trimmingSpaces
        guard text != searched else { return }
        searched = text
        guard !text.isEmpty else {
            results = []
            table.setRows([], keepSelection: false)
            return
        }
        do {
            results = try context.database.searchCustomers(text, limit: 200)
        } catch {
            results = []
            context.fail(error)
        }
        table.setRows(
            results.map { [$0.id.rawValue, $0.name, $0.phone, $0.address, context.text(Labels.shortTerms($0.terms))] },
            keepSelection: keepSelection)
    }

    mutating func refresh(context: AppContext) {
        searched = nil
        search(context, keepSelection: true)
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        let label = context.t("查詢：", "Search: ")
        let labelWidth = DisplayWidth.of(label)
        grid.put(label, row: area.top + 1, column: 2, style: theme.text)
        query.render(
            into: &grid, row: area.top + 1, column: 2 + labelWidth, width: 40, style: theme.focusedField, focused: true)
        let hint =
            query.text.isEmpty
            ? context.t("名稱／地址／電話／統編／編號", "name / address / phone / UBN / id")
            : context.t("共 \(results.count) 筆", "\(results.count) found") + (results.count == 200 ? "+" : "")
        grid.put(
            hint, row: area.top + 1, column: 2 + labelWidth + 41, style: theme.dim,
            maxWidth: area.columns - (2 + labelWidth + 41))
        table.columns = [
            .init(context.t("編號", "ID"), width: 7),
            .init(context.t("名稱", "Name"), width: 0),
            .init(context.t("電話", "Phone"), width: 12),
            .init(context.t("地址", "Address"), width: 0),
            .init(context.t("條件", "Terms"), width: 7),
        ]
        let cursor = grid.cursor
        table.render(
            into: &grid, top: area.top + 3, left: 1, width: area.columns - 2, height: area.rows - 4, theme: theme)
        grid.cursor = cursor
        grid.put(context.text(keyHint), row: area.top + area.rows - 1, column: 2, style: theme.dim)
        if !results.isEmpty {
            let position = context.t("第 \(table.position) 筆", "row \(table.position)")
            grid.put(
                position, row: area.top + 2, column: area.columns - 1 - DisplayWidth.of(position), style: theme.dim)
        }
    }
}
