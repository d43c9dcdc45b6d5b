import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// One customer's receivables (客戶帳款): the items open on a date with days past due, or (F4)
/// the statement of the 90 days before it: opening, movements, closing. Enter on an invoice
/// opens it; F6 records a payment for the customer.
struct CustomerStatementScreen: Screen {
    /// What the table shows.
    enum View { case openItems, movements }

    let customer: CustomerID
    let asOf: LocalDate
    private var statement: CustomerStatement?
    private var view = View.openItems
    /// Set once F6 opened a payment for this customer: the aging behind needs recomputing.
    private var paid = false
    private var table = TableView(columns: [])

    init(customer: CustomerID, asOf: LocalDate) {
        self.customer = customer
        self.asOf = asOf
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
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "F4", meaning: tr("切換未結帳款 / 近 90 天對帳單", "switch open items / the last 90 days")),
            KeyHelp(keys: "Enter", meaning: tr("開啟發票", "open the invoice")),
            KeyHelp(keys: "F6", meaning: tr("為此客戶登錄收款", "record a payment from this customer")),
            KeyHelp(keys: "Esc", meaning: tr("返回", "back")),
        ]
    }

    private var from: LocalDate { asOf.adding(days: -90) }

    mutating func refresh(context: AppContext) {
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
        case .function(6):
            guard context.may(.payments) else { return context.denied(.payments) }
            paid = true
            return .push(PaymentEntryScreen(customer: customer))
        case .enter:
            return open(context)
        default:
            _ = table.handle(key)
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
        grid.put(
            "\(customer.rawValue) \(statement.name)  " + context.t("虛擬帳號 ", "Virtual account ")
                + statement.virtualAccount.digits, row: area.top + 1, column: 2, style: theme.heading,
            maxWidth: area.columns - 4)
        let open = statement.openItems.map(\.open).sum()
        grid.put(
            context.t(
                "\(from.iso) ~ \(asOf.iso)  期初 \(statement.opening.grouped)  期末 \(statement.closing.grouped)  "
                    + "未結 \(open.grouped)  預收 \(statement.unapplied.grouped)",
                "\(from.iso) to \(asOf.iso)  opening \(statement.opening.grouped)  "
                    + "closing \(statement.closing.grouped)  open \(open.grouped)  "
                    + "credit \(statement.unapplied.grouped)"),
            row: area.top + 2, column: 2, style: theme.text, maxWidth: area.columns - 4)
        switch view {
        case .openItems:
            table.columns = [
                .init(context.t("單號", "Reference"), width: 0), .init(context.t("種類", "Kind"), width: 7),
                .init(context.t("日期", "Date"), width: 10), .init(context.t("到期", "Due"), width: 10),
                .init(context.t("逾期天數", "Days late"), width: 9, alignRight: true),
                .init(context.t("金額", "Amount"), width: 10, alignRight: true),
                .init(context.t("未收", "Open"), width: 10, alignRight: true),
            ]
        case .movements:
            table.columns = [
                .init(context.t("日期", "Date"), width: 10), .init(context.t("單號", "Reference"), width: 16),
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
            : context.t("對帳單明細", "Statement lines")
        grid.put(heading, row: area.top + 3, column: 2, style: theme.dim)
        table.render(
            into: &grid, top: area.top + 4, left: 1, width: area.columns - 2, height: area.rows - 4, theme: theme)
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
