import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Picks a product: the active catalogue, narrowed as you type (code or Chinese name).
struct ProductPickerScreen: TypingScreen {
    private var products: [Product] = []
    private var table = TableView(columns: [], filters: true)
    private let initialFilter: String

    init(filter: String = "") { initialFilter = filter }

    var title: OperatorMessage { tr("選擇品項", "Pick a product") }
    var functionKeys: [Int: OperatorMessage] { [:] }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "文字 text", meaning: tr("以代碼或品名篩選", "filter by code or name")),
            KeyHelp(keys: "↑ ↓ PgUp PgDn", meaning: tr("移動選取", "move the selection")),
        ]
    }

    mutating func refresh(context: AppContext) {
        guard products.isEmpty else { return }
        do {
            products = try context.database.products().filter(\.active)
        } catch {
            context.fail(error)
        }
        table.setRows(products.map { [$0.code.rawValue, $0.name, $0.price.grouped, $0.deposit.grouped] })
        table.setFilter(initialFilter)
        if table.visible.isEmpty { table.setFilter("") }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .enter:
            guard let row = table.selectedRow else { return .stay }
            return .pop(.product(products[row].code))
        case .escape:
            if table.filter.text.isEmpty { return .pop(nil) }
            table.setFilter("")
        default:
            _ = table.handle(key)
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        grid.put(context.t("篩選：", "Filter: ") + table.filter.text, row: area.top + 1, column: 2, style: theme.text)
        table.columns = [
            .init(context.t("代碼", "Code"), width: 6), .init(context.t("品名", "Name"), width: 0),
            .init(context.t("單價", "Price"), width: 10, alignRight: true),
            .init(context.t("押金", "Deposit"), width: 10, alignRight: true),
        ]
        table.render(
            into: &grid, top: area.top + 3, left: 1, width: area.columns - 2, height: area.rows - 4, theme: theme)
        // What Enter and Esc do here (F1 lists the shell's general meaning).
        grid.put(
            context.t(
                "Enter 帶入選取的品項   Esc 清除篩選，再按一次返回不選",
                "Enter use the selected product   Esc clear the filter, again to go back"),
            row: area.top + area.rows - 1, column: 2, style: theme.dim)
    }
}
