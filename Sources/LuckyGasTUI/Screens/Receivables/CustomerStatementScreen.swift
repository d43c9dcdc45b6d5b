import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// One customer's receivables (客戶帳款): the items open on the "to" date with days past due, or
/// (F4) the statement from one date to another (the 90 days before the date it was opened for, to
/// begin with): opening, movements, closing. The dates are typed on top and the statement reloads
/// when one changes or on Enter; Enter on an invoice in the list opens it; F6 records a payment.
struct CustomerStatementScreen: Screen {
    /// What the table shows.
    enum View { case openItems, movements }

    private static let fromField = 0
    private static let toField = 1

    let customer: CustomerID
    private var form = Form([
        InputField(.date, width: 11, row: 0, labelWidth: 5),
        InputField(.date, width: 11, row: 0, column: 18, labelWidth: 5),
    ])
    /// The range shown (the last one typed that is valid).
    private var from: LocalDate
    private var asOf: LocalDate
    private var inTable = true
    private var statement: CustomerStatement?
    private var view = View.openItems
    /// Set once F6 opened a payment for this customer: the aging behind needs recomputing.
    private var paid = false
    private var table = TableView(columns: [])

    init(customer: CustomerID, asOf: LocalDate) {
        self.customer = customer
        self.asOf = asOf
        from = asOf.adding(days: -90)
        form[Self.fromField].set(from.iso)
        form[Self.toField].set(asOf.iso)
    }

    var title: OperatorMessage {
        OperatorMessage(zh: "客戶帳款 \(customer.rawValue)", en: "Account of \(customer.rawValue)")
    }
    var functionKeys: [Int: OperatorMessage] {
        [
            4: view == .openItems ? tr("對帳單", "Statement") : tr("未結帳款", "Open items"),
            6: tr("收款", "Payment"),
        ]
    }
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        context.may(.payments) ? functionKeys : functionKeys.filter { $0.key != 6 }
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "F4", meaning: tr("切換未結帳款 / 對帳單明細", "switch open items / the statement lines")),
            KeyHelp(
                keys: "起 迄 From To",
                meaning: tr("輸入對帳期間，+/- 加減一天；改變或按 Enter 即重新載入", "the period; +/- a day; reloads on change or Enter")),
            KeyHelp(keys: "Tab / ↓ ↑", meaning: tr("日期欄與清單之間切換", "move between the dates and the list")),
            KeyHelp(keys: "Enter", meaning: tr("在清單中開啟發票", "in the list: open the invoice")),
            KeyHelp(keys: "F6", meaning: tr("為此客戶登錄收款", "record a payment from this customer")),
        ]
    }

    mutating func refresh(context: AppContext) { load(context) }

    /// Takes the typed range when it is valid (from ≤ to) and loads it; otherwise says why and
    /// keeps showing the last valid range.
    private mutating func apply(_ context: AppContext) {
        guard let typedFrom = try? LocalDate(form[Self.fromField].value),
            let typedTo = try? LocalDate(form[Self.toField].value)
        else {
            let problem =
                LocalDate.problem(with: form[Self.fromField].value) ?? LocalDate.problem(with: form[Self.toField].value)
            context.say(problem ?? tr("日期格式應為 YYYY-MM-DD", "The date must be YYYY-MM-DD"), .error)
            return
        }
        guard typedFrom <= typedTo else {
            context.say(
                OperatorMessage(
                    zh: "起日 \(typedFrom.iso) 晚於迄日 \(typedTo.iso)：請改起日或迄日",
                    en: "From \(typedFrom.iso) is after to \(typedTo.iso): change one of them"), .error)
            return
        }
        from = typedFrom
        asOf = typedTo
        context.say(
            OperatorMessage(zh: "已載入 \(from.iso) ~ \(asOf.iso)", en: "Showing \(from.iso) to \(asOf.iso)"), .info)
        load(context)
    }

    private mutating func load(_ context: AppContext) {
        do {
            statement = try context.database.customerStatement(customer, from: from, to: asOf)
        } catch {
            statement = nil
            context.fail(error)
        }
        table.setRows(rows(context))
    }

    /// The open items with days past due, or the statement's movements.
    private func rows(_ context: AppContext) -> [[String]] {
        guard let statement else { return [] }
        switch view {
        case .openItems:
            return statement.openItems.map { item in
                let late = item.due.days(until: asOf)
                return [
                    item.reference, context.text(ReceivablesLabels.itemKind(item.kind)), item.date.iso, item.due.iso,
                    late > 0 ? String(late) : "", item.amount.grouped, item.open.grouped,
                ]
            }
        case .movements:
            return statement.lines.map { line in
                [
                    line.date.iso, line.reference, line.description, line.debit == .zero ? "" : line.debit.grouped,
                    line.credit == .zero ? "" : line.credit.grouped, line.balance.grouped,
                ]
            }
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(paid ? .changed : nil)
        case .function(4):
            view = view == .openItems ? .movements : .openItems
            table = TableView(columns: [])
            table.setRows(rows(context))
            return .stay
        case .function(6):
            guard context.may(.payments) else { return context.denied(.payments) }
            paid = true
            return .push(PaymentEntryScreen(customer: customer))
        default: break
        }
        if inTable {
            switch key {
            case .enter: return open(context)
            case .tab, .backTab:
                inTable = false
                form.focus(on: key == .tab ? Self.fromField : Self.toField)
            case .up where table.selectedRow == 0 || table.rows.isEmpty:
                inTable = false
                form.focus(on: Self.toField)
            default: _ = table.handle(key)
            }
            return .stay
        }
        let focus = form.focus
        switch key {
        case .enter:
            apply(context)
            return .stay
        case .down:
            inTable = true
            return .stay
        case .tab where focus == Self.toField, .backTab where focus == Self.fromField:
            inTable = true
            return .stay
        default: break
        }
        switch form.handle(key) {
        case .field(let index, .changed):
            if form[index].value.count == 10 { apply(context) }
        case .field(let index, .step(let days)):
            if let date = try? LocalDate(form[index].value) {
                form[index].set(date.adding(days: days).iso)
                apply(context)
            }
        case .field(_, .rejected(let why)): context.say(why)
        default: break
        }
        return .stay
    }

    /// The invoice under the selection, if it is one.
    private func open(_ context: AppContext) -> Navigation {
        guard let statement, let row = table.selectedRow else { return .stay }
        let reference: String?
        switch view {
        case .openItems:
            let items = statement.openItems
            reference = items.indices.contains(row) && items[row].kind == "INVOICE" ? items[row].reference : nil
        case .movements:
            reference = statement.lines.indices.contains(row) ? statement.lines[row].reference : nil
        }
        guard let reference, let number = try? InvoiceNumber(reference) else {
            context.say(tr("只有發票可以開啟", "Only invoices can be opened"), .warning)
            return .stay
        }
        return .push(InvoiceDetailScreen(number: number))
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        guard let statement else {
            grid.put(
                context.t("找不到客戶 \(customer.rawValue)", "No customer \(customer.rawValue)"), row: area.top + 1,
                column: 2, style: theme.error)
            return
        }
        form[Self.fromField].label = context.t("起", "From")
        form[Self.toField].label = context.t("迄", "To")
        let cursor = grid.cursor
        form.render(into: &grid, top: area.top + 1, left: 1, theme: theme, active: !inTable)
        if inTable { grid.cursor = cursor }
        let name =
            "\(customer.rawValue) \(statement.name)  " + context.t("虛擬帳號 ", "Virtual account ")
            + statement.virtualAccount.digits
        grid.put(name, row: area.top + 1, column: 37, style: theme.heading, maxWidth: area.columns - 38)
        let open = statement.openItems.map(\.open).sum()
        grid.put(
            context.t(
                "期初 \(statement.opening.grouped)  期末 \(statement.closing.grouped)  "
                    + "未結 \(open.grouped)  預收 \(statement.unapplied.grouped)",
                "opening \(statement.opening.grouped)  closing \(statement.closing.grouped)  "
                    + "open \(open.grouped)  credit \(statement.unapplied.grouped)"),
            row: area.top + 2, column: 2, style: theme.text, maxWidth: area.columns - 4)
        switch view {
        case .openItems:
            table.columns = [
                .init(context.t("單號", "Reference"), width: 10, identifier: true),
                .init(context.t("種類", "Kind"), width: 7),
                .init(context.t("日期", "Date"), width: 10), .init(context.t("到期", "Due"), width: 10),
                .init(context.t("逾期天數", "Late"), width: 8, alignRight: true),
                .init(context.t("金額", "Amount"), width: 10, alignRight: true),
                .init(context.t("未收", "Open"), width: 10, alignRight: true),
            ]
        case .movements:
            table.columns = [
                .init(context.t("日期", "Date"), width: 10),
                .init(context.t("單號", "Reference"), width: 10, identifier: true),
                .init(context.t("摘要", "Description"), width: 0),
                .init(context.t("借方", "Debit"), width: 9, alignRight: true),
                .init(context.t("貸方", "Credit"), width: 9, alignRight: true),
                .init(context.t("餘額", "Balance"), width: 10, alignRight: true),
            ]
        }
        table.setRows(rows(context))
        let heading =
            view == .openItems
            ? context.t("未結帳款（\(asOf.iso)）", "Open on \(asOf.iso)")
            : context.t("對帳單明細（\(from.iso) ~ \(asOf.iso)）", "Statement lines \(from.iso) to \(asOf.iso)")
        grid.put(heading, row: area.top + 3, column: 2, style: theme.dim)
        table.render(
            into: &grid, top: area.top + 4, left: 1, width: area.columns - 2, height: area.rows - 4, theme: theme,
            focused: inTable)
        let position = context.t("第 \(table.position) 筆", "row \(table.position)")
        grid.put(position, row: area.top + 3, column: area.columns - 1 - DisplayWidth.of(position), style: theme.dim)
        if table.rows.isEmpty {
            grid.put(
                view == .openItems
                    ? context.t("（沒有未結帳款）", "(no open items)") : context.t("（期間內沒有異動）", "(no movements)"),
                row: area.top + 5, column: 3, style: theme.dim)
        }
    }
}
