import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// One customer: identity, terms, addresses, credit summary, special prices and recent orders.
struct CustomerDetailScreen: Screen {
    let id: CustomerID
    private var record: CustomerRecord?
    private var credit: CreditReport?
    private var orders: [OrderSummary] = []
    private var table = TableView(columns: [])

    init(id: CustomerID) { self.id = id }

    var title: OperatorMessage {
        OperatorMessage(zh: "客戶資料 \(id)", en: "Customer \(id)")
    }
    var functionKeys: [Int: OperatorMessage] {
        [4: tr("修改", "Edit"), 5: tr("重新整理", "Reload"), 6: tr("下單", "Order"), 7: tr("信用", "Credit")]
    }
    /// Only what the role may do.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        var keys = functionKeys
        if !context.may(.editCustomers) { keys[4] = nil }
        if !context.may(.placeOrders) { keys[6] = nil }
        if !context.may(.viewCredit) { keys[7] = nil }
        return keys
    }
    var help: [KeyHelp] {
        [KeyHelp(keys: "↑ ↓ PgUp PgDn", meaning: tr("選取近期訂單", "select a recent order"))]
    }

    mutating func refresh(context: AppContext) {
        do {
            record = try context.database.customer(id)
            credit = try context.database.creditCheck(id)
            orders = try context.database.orders(OrderFilter(customer: id, limit: 8))
        } catch {
            context.fail(error)
        }
        setRows(context)
    }

    /// The recent orders in the current language.
    private mutating func setRows(_ context: AppContext) {
        table.setRows(
            orders.map {
                [
                    $0.number.rawValue, $0.date.iso, context.text(Labels.slot($0.slot)),
                    context.text(Labels.status($0.status)), $0.total.grouped,
                ]
            })
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .up, .down, .pageUp, .pageDown:
            _ = table.handle(key)
        case .enter:
            if let row = table.selectedRow { return .push(OrderDetailScreen(number: orders[row].number)) }
        case .function(4):
            guard context.may(.editCustomers) else { return context.denied(.editCustomers) }
            guard let record else { return .stay }
            return .push(CustomerFormScreen(editing: record, context: context))
        case .function(5): refresh(context: context)
        case .function(6):
            guard context.may(.placeOrders) else { return context.denied(.placeOrders) }
            return .push(OrderEntryScreen(customer: id))
        case .function(7):
            guard context.may(.viewCredit) else { return context.denied(.viewCredit) }
            return .push(CreditCheckScreen(customer: id))
        default: break
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        guard let record else {
            grid.put(
                context.t("找不到客戶 \(id)", "Customer \(id) not found"), row: area.top + 1, column: 2, style: theme.error)
            return
        }
        let customer = record.customer
        var row = area.top
        func line(_ label: String, _ value: String, column: Int = 1, width: Int = 38, style: CellStyle? = nil) {
            grid.put(DisplayWidth.fit(label, width: 10), row: row, column: column, style: theme.dim)
            grid.put(value, row: row, column: column + 10, style: style ?? theme.text, maxWidth: width - 10)
            row += 1
        }
        grid.put(customer.name, row: row, column: 1, style: theme.heading)
        row += 1
        line(
            context.t("類別", "Type"),
            context.text(Labels.type(customer.type)) + "  " + context.text(Labels.customerStatus(customer.status)))
        line(context.t("電話", "Phone"), customer.phones.map(\.display).joined(separator: ", "))
        line(context.t("統一編號", "UBN"), customer.taxID?.rawValue ?? "-")
        line(context.t("付款條件", "Terms"), context.text(Labels.terms(customer.terms)))
        line(context.t("電子發票", "E-invoice"), customer.invoicePreference.summary)
        line(context.t("鋼瓶", "Cylinders"), "\(customer.cylinderBalance)")
        grid.put(context.t("地址", "Addresses"), row: row, column: 1, style: theme.heading)
        row += 1
        for address in customer.addresses.prefix(4) {
            let mark = address.isDefault ? "*" : " "
            grid.put(
                "\(mark)\(address.postalCode) \(address.text) (\(context.text(Labels.zone(address.zone))))", row: row,
                column: 1, style: theme.text, maxWidth: 39)
            row += 1
        }
        // Right column: credit and special prices.
        let right = 41
        row = area.top + 1
        grid.put(context.t("信用", "Credit"), row: row, column: right, style: theme.heading)
        row += 1
        if let credit, context.may(.viewCredit) {
            func amount(_ label: String, _ value: Money, style: CellStyle? = nil) {
                grid.put(DisplayWidth.fit(label, width: 14), row: row, column: right, style: theme.dim)
                grid.put(
                    DisplayWidth.rightAligned(value.description, width: 14), row: row, column: right + 14,
                    style: style ?? theme.text)
                row += 1
            }
            amount(context.t("信用額度", "Limit"), credit.limit)
            amount(context.t("未收帳款", "Open AR"), credit.openAR)
            amount(context.t("保留額度", "Reserved"), credit.reserved)
            amount(
                context.t("可用額度", "Available"), credit.available,
                style: credit.available < .zero ? theme.error : theme.success)
            for hold in credit.holds.prefix(2) {
                grid.put(
                    "⚠ " + (context.language == .chinese ? hold.zh : hold.en), row: row, column: right,
                    style: theme.warning, maxWidth: 38)
                row += 1
            }
        }
        let today = context.environment.clock.now().date
        let prices = record.specialPrices.filter { $0.validUntil >= today }
        if !prices.isEmpty {
            grid.put(context.t("特別價格", "Special prices"), row: row, column: right, style: theme.heading)
            row += 1
            for price in prices.prefix(3) {
                grid.put(
                    "\(price.product) \(price.price) \(price.validFrom.iso)~\(price.validUntil.iso)", row: row,
                    column: right, style: theme.text, maxWidth: 38)
                row += 1
            }
        }
        let tableTop = area.top + 13
        setRows(context)
        grid.put(context.t("近期訂單", "Recent orders"), row: tableTop, column: 1, style: theme.heading)
        table.columns = [
            .init(context.t("單號", "Order"), width: 17), .init(context.t("日期", "Date"), width: 10),
            .init(context.t("時段", "Slot"), width: 9), .init(context.t("狀態", "Status"), width: 10),
            .init(context.t("金額", "Total"), width: 10, alignRight: true),
        ]
        if orders.isEmpty {
            grid.put(context.t("（尚無訂單）", "(no orders yet)"), row: tableTop + 1, column: 1, style: theme.dim)
        } else {
            table.render(
                into: &grid, top: tableTop + 1, left: 1, width: area.columns - 2, height: area.rows - 15, theme: theme)
        }
        grid.put(
            context.t("Enter 開啟選取的訂單   Esc 返回查詢", "Enter open the selected order   Esc back to the lookup"),
            row: area.top + area.rows - 1, column: 1, style: theme.dim)
    }
}
