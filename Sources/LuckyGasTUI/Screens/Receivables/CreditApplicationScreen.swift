import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Applying earlier credit (預收沖銷): the customer's payments with something still unapplied on
/// top, their open items below. Pick a payment, tick items (or F5), and F2 allocates what is
/// left of that payment to them after a Y/N stating the receipt, the items and the amounts.
struct CreditApplicationScreen: Screen {
    static let confirmTag = "credit.apply"

    let customer: CustomerID
    let name: String
    private var payments: [PaymentRecord] = []
    private var paymentTable = TableView(columns: [])
    private var allocation = AllocationTable()
    private var inItems = false

    init(customer: CustomerID, name: String) {
        self.customer = customer
        self.name = name
    }

    var title: OperatorMessage { tr("預收沖銷", "Apply credit") }
    var functionKeys: [Int: OperatorMessage] { [2: tr("沖銷", "Apply"), 5: tr("自動沖銷", "Auto")] }
    /// F5 only with a credit to spread, F2 only once items are ticked.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        guard context.may(.payments), payment != nil else { return [:] }
        return allocation.shares.isEmpty ? functionKeys.filter { $0.key == 5 } : functionKeys
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "Tab", meaning: tr("預收款與帳款清單之間切換", "move between the credits and the open items")),
            KeyHelp(keys: "↑ ↓", meaning: tr("選擇預收款或帳款", "choose a credit or an item")),
            KeyHelp(keys: "Space / Enter", meaning: tr("勾選帳款，帶入剩餘金額", "tick an item; it takes what is left")),
            KeyHelp(keys: "0-9 Backspace", meaning: tr("修改沖銷金額", "change the amount applied")),
            KeyHelp(keys: "F5", meaning: tr("自動沖銷（到期日最舊優先）", "auto (oldest due first)")),
            KeyHelp(keys: "F2", meaning: tr("以選定的預收款沖銷勾選的帳款", "apply the chosen credit to the ticked items")),
        ]
    }

    private var payment: PaymentRecord? {
        guard let row = paymentTable.selectedRow, payments.indices.contains(row) else { return nil }
        return payments[row]
    }

    mutating func refresh(context: AppContext) {
        do {
            payments = try context.database.unappliedPayments(of: customer)
            allocation.load(try context.database.openItems(of: customer).items)
        } catch {
            context.fail(error)
        }
        paymentTable.setRows(rows(context))
    }

    private func rows(_ context: AppContext) -> [[String]] {
        payments.map {
            [
                $0.number.rawValue, $0.receivedOn.iso, context.text(ReceivablesLabels.method($0.method)), $0.reference,
                $0.amount.grouped, $0.unapplied.grouped,
            ]
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(.changed)
        case .tab, .backTab:
            inItems.toggle()
            return .stay
        case .function(5):
            guard context.may(.payments) else { return context.denied(.payments) }
            guard let payment else { return noCredit(context) }
            allocation.automatic(available: payment.unapplied, reference: payment.reference)
            inItems = true
            return .stay
        case .function(2): return confirm(context)
        default: break
        }
        if inItems {
            switch allocation.handle(key, available: payment?.unapplied ?? .zero) {
            case .refused(let why): context.say(why, .error)
            case .used, .ignored: break
            }
        } else {
            let before = paymentTable.selectedRow
            _ = paymentTable.handle(key)
            if paymentTable.selectedRow != before { allocation.clear() }
            if key == .enter { inItems = true }
        }
        return .stay
    }

    private func noCredit(_ context: AppContext) -> Navigation {
        context.say(tr("此客戶沒有未沖銷的預收款", "This customer has no unapplied credit"), .warning)
        return .stay
    }

    /// The Y/N before applying: which receipt, how many items and how much, what credit stays.
    private func confirm(_ context: AppContext) -> Navigation {
        guard context.may(.payments) else { return context.denied(.payments) }
        guard let payment else { return noCredit(context) }
        let shares = allocation.shares
        guard !shares.isEmpty else {
            context.say(
                tr("請先勾選要沖銷的帳款（Tab 到帳款清單，空白鍵勾選；或 F5 自動）", "Tick the items first (Tab, then Space; or F5)"),
                .warning)
            return .stay
        }
        let applied = allocation.allocated
        var lines = [
            context.t(
                "以 \(payment.number.rawValue) 的預收 \(payment.unapplied.grouped) 沖銷 \(shares.count) 筆帳款，共 \(applied.grouped)",
                "Apply \(applied.grouped) of \(payment.number.rawValue)'s credit \(payment.unapplied.grouped) to \(shares.count) items"
            )
        ]
        for share in shares.prefix(5) { lines.append("  \(share.reference)  \(share.amount.grouped)") }
        lines.append(
            context.t(
                "沖銷後尚餘預收 \((payment.unapplied - applied).grouped)",
                "\((payment.unapplied - applied).grouped) credit stays"))
        return .dialog(
            Dialog(
                .confirm(defaultYes: true), title: context.t("確認預收沖銷？", "Apply this credit?"), lines: lines,
                hint: context.t("Y/Enter 沖銷   N 返回修改", "Y/Enter apply   N go back")), tag: Self.confirmTag)
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        if tag == Self.confirmTag && outcome == .confirmed { apply(context) }
        return .stay
    }

    private mutating func apply(_ context: AppContext) {
        guard let payment, let user = context.user else { return }
        let shares = allocation.shares
        do {
            let after = try context.database.allocatePayment(payment.number, .chosen(shares), by: user)
            let applied = payment.unapplied - after.unapplied
            context.say(
                OperatorMessage(
                    zh: "\(after.number.rawValue) 已沖銷 \(applied.grouped)，尚餘預收 \(after.unapplied.grouped)",
                    en: "\(after.number.rawValue): applied \(applied.grouped), \(after.unapplied.grouped) credit left"),
                .success)
            allocation.clear()
            refresh(context: context)
            inItems = false
        } catch {
            context.fail(error)
        }
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        let total = payments.map(\.unapplied).sum()
        grid.put(
            "\(customer.rawValue) \(name)  " + context.t("預收合計 ", "Credit ") + total.grouped, row: area.top + 1,
            column: 2, style: theme.heading, maxWidth: area.columns - 4)
        paymentTable.columns = [
            .init(context.t("收款單號", "Receipt"), width: 0), .init(context.t("收款日", "Received"), width: 10),
            .init(context.t("方式", "Method"), width: 8), .init(context.t("參考", "Reference"), width: 0),
            .init(context.t("金額", "Amount"), width: 9, alignRight: true),
            .init(context.t("未沖銷", "Unapplied"), width: 9, alignRight: true),
        ]
        paymentTable.setRows(rows(context))
        paymentTable.render(
            into: &grid, top: area.top + 2, left: 1, width: area.columns - 2, height: 5, theme: theme,
            focused: !inItems)
        if payments.isEmpty {
            grid.put(
                context.t("（沒有未沖銷的預收款）", "(no unapplied credit)"), row: area.top + 3, column: 3, style: theme.dim)
        }
        let available = payment?.unapplied ?? .zero
        let left = available - allocation.allocated
        grid.put(
            context.t(
                "可沖銷 \(available.grouped)  本次沖銷 \(allocation.allocated.grouped)  餘 \(left.grouped)",
                "Available \(available.grouped)  applying \(allocation.allocated.grouped)  left \(left.grouped)"),
            row: area.top + 7, column: 2, style: left < .zero ? theme.error : theme.text, maxWidth: area.columns - 4)
        allocation.render(
            into: &grid, top: area.top + 8, left: 1, width: area.columns - 2, height: area.rows - 8, context: context,
            focused: inItems)
        grid.cursor = nil
    }
}
