import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Credit check: a customer's limit, open receivables, reservations, available credit and
/// holds, and "what if" an order of some amount were placed now.
struct CreditCheckScreen: TypingScreen {
    private var form = Form([
        InputField(.text, width: 26, row: 0, labelWidth: 12, maxLength: 40),
        InputField(.number(allowsNegative: false), width: 12, row: 1, labelWidth: 12, maxLength: 9),
    ])
    private var customer: CustomerID?
    private var report: CreditReport?
    private let initialCustomer: CustomerID?
    private var loaded = false

    init(customer: CustomerID? = nil) { initialCustomer = customer }

    var title: OperatorMessage { tr("信用查詢", "Credit check") }
    var functionKeys: [Int: OperatorMessage] { [3: tr("查詢客戶", "Lookup")] }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "客戶 Customer", meaning: tr("輸入編號或名稱後按 Enter，或按 F3", "type an id or name and Enter, or F3")),
            KeyHelp(keys: "金額 Amount", meaning: tr("試算此金額的訂單是否核准", "would an order of this amount be approved")),
        ]
    }

    mutating func refresh(context: AppContext) {
        if !loaded, let initialCustomer {
            loaded = true
            load(initialCustomer, context)
            form.focus(on: 1)
        } else {
            reload(context)
        }
    }

    private mutating func load(_ id: CustomerID, _ context: AppContext) {
        customer = id
        reload(context)
        if let report { form[0].set("\(report.customer) \(report.name)") }
    }

    private mutating func reload(_ context: AppContext) {
        guard let customer else { return }
        do {
            let amount = form[1].number.map { Money($0) }
            report = try context.database.creditCheck(customer, amount: amount.flatMap { $0 > .zero ? $0 : nil })
        } catch {
            report = nil
            context.fail(error)
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .function(3): return .push(CustomerLookupScreen(picking: true, text: customer == nil ? form[0].value : ""))
        case .enter where form.focus == 0, .tab where form.focus == 0:
            return resolveCustomer(context)
        default: break
        }
        switch form.handle(key) {
        case .field(0, .changed):
            // The figures shown always belong to the customer in the field.
            customer = nil
            report = nil
        case .focusMoved(from: 0, _):
            return resolveCustomer(context)
        case .field(1, .changed): reload(context)
        case .field(_, .rejected(let why)): context.say(why)
        case .submit: reload(context)
        default: break
        }
        return .stay
    }

    /// The customer field names a customer: an id loads it, other text opens the lookup.
    private mutating func resolveCustomer(_ context: AppContext) -> Navigation {
        let text = form[0].value.trimmingSpaces
        if let customer, text.hasPrefix(customer.rawValue) {
            form.focus(on: 1)
            return .stay
        }
        if let id = CustomerID.typed(text) {
            load(id, context)
            form.focus(on: 1)
            return .stay
        }
        form.focus(on: 0)
        guard !text.isEmpty else { return .stay }
        return .push(CustomerLookupScreen(picking: true, text: text))
    }

    mutating func receive(_ result: ScreenResult, context: AppContext) -> Navigation {
        if case .customer(let id) = result {
            load(id, context)
            form.focus(on: 1)
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        form[0].label = context.t("客戶", "Customer")
        form[1].label = context.t("試算金額", "What if NT$")
        form.render(into: &grid, top: area.top + 1, left: 2, theme: theme)
        guard let report else {
            grid.put(
                context.t("輸入客戶編號或名稱，按 Enter", "Type a customer id or name, then Enter"), row: area.top + 4, column: 2,
                style: theme.dim)
            return
        }
        var row = area.top + 4
        func amount(_ label: String, _ value: String, style: CellStyle? = nil) {
            grid.put(DisplayWidth.fit(label, width: 16), row: row, column: 2, style: theme.dim)
            grid.put(DisplayWidth.rightAligned(value, width: 16), row: row, column: 18, style: style ?? theme.text)
            row += 1
        }
        amount(context.t("付款條件", "Terms"), context.text(Labels.terms(report.terms)))
        amount(context.t("狀態", "Status"), context.text(Labels.customerStatus(report.status)))
        amount(context.t("信用額度", "Credit limit"), report.limit.description)
        amount(context.t("未收帳款", "Open AR"), report.openAR.description)
        amount(context.t("訂單保留", "Reserved"), report.reserved.description)
        amount(
            context.t("可用額度", "Available"), report.available.description,
            style: report.available < .zero ? theme.error : theme.success)
        if let days = report.oldestDaysPastDue {
            amount(context.t("最久逾期", "Oldest overdue"), context.t("\(days) 天", "\(days) days"), style: theme.warning)
        }
        row += 1
        grid.put(context.t("暫停出貨", "Holds"), row: row, column: 2, style: theme.heading)
        row += 1
        if report.holds.isEmpty {
            grid.put(context.t("無", "None"), row: row, column: 4, style: theme.text)
            row += 1
        }
        for hold in report.holds {
            grid.put(
                "⚠ " + (context.language == .chinese ? hold.zh : hold.en), row: row, column: 4, style: theme.warning,
                maxWidth: area.columns - 6)
            row += 1
        }
        guard let asked = report.amount, let approved = report.approved else { return }
        row += 1
        grid.put(context.t("試算 ", "What if ") + asked.description, row: row, column: 2, style: theme.heading)
        row += 1
        if approved {
            grid.put(context.t("✓ 可核准", "✓ Would be approved"), row: row, column: 4, style: theme.success)
            if let after = report.availableAfter {
                grid.put(
                    context.t("下單後可用 ", "Available after ") + after.description, row: row, column: 24, style: theme.text
                )
            }
        } else {
            for line in LineWrap.lines("✗ " + context.text(Self.refusal(report)), width: area.columns - 6)
            where row < area.top + area.rows {
                grid.put(line, row: row, column: 4, style: theme.error)
                row += 1
            }
        }
    }

    /// Why the amount would be refused: the holds (listed above), or by how much it is over.
    private static func refusal(_ report: CreditReport) -> OperatorMessage {
        if report.holds.isEmpty, report.status == .active, let asked = report.amount, let after = report.availableAfter,
            after < .zero
        {
            let over = -after
            return OperatorMessage(
                zh: "超過信用額度 \(over)（試算 \(asked)，可用 \(report.available)）",
                en: "Over the credit limit by \(over) (asked \(asked), available \(report.available))")
        }
        if report.status != .active { return CreditRefusal.customerNotActive(report.status).operatorMessage }
        return report.refusal ?? tr("不可核准", "Would be refused")
    }
}
