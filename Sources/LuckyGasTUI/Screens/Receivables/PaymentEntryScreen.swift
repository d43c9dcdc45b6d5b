import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Payment entry (收款沖銷): customer, amount, method, date, reference and, for a check, its bank,
/// number and due date; below, the customer's open items to tick. What the ticks leave of the
/// amount stays as the customer's unapplied credit, and the credit the customer already has is
/// always shown (F7 applies it). F2 records the payment with the ticked items and shows the
/// receipt number.
struct PaymentEntryScreen: TypingScreen {
    private static let customerField = 0
    private static let amountField = 1
    private static let methodField = 2
    private static let dateField = 3
    private static let referenceField = 4
    private static let bankField = 5
    private static let checkNumberField = 6
    private static let checkDueField = 7

    private var form = Form([
        InputField(.text, width: 28, row: 0, labelWidth: 10, maxLength: 40),
        InputField(.number(allowsNegative: false), width: 12, row: 0, column: 42, labelWidth: 10, maxLength: 10),
        InputField(.choice([]), width: 14, row: 1, labelWidth: 10),
        InputField(.date, width: 12, row: 1, column: 42, labelWidth: 10),
        InputField(.text, width: 28, row: 2, labelWidth: 10, maxLength: 60),
        InputField(.text, width: 10, row: 3, labelWidth: 10, maxLength: 20, isReadOnly: true),
        InputField(.text, width: 12, row: 3, column: 22, labelWidth: 6, maxLength: 20, isReadOnly: true),
        InputField(.date, width: 12, row: 3, column: 42, labelWidth: 10, isReadOnly: true),
    ])
    private var customer: CustomerID?
    private var customerName = ""
    private var allocation = AllocationTable()
    private var credit: Money = .zero
    private var inTable = false
    private var dirty = false
    private var loaded = false
    private var lastReceipt: PaymentRecord?
    private let initialCustomer: CustomerID?

    init(customer: CustomerID? = nil) { initialCustomer = customer }

    var title: OperatorMessage { tr("收款沖銷", "Payments") }
    var functionKeys: [Int: OperatorMessage] {
        [2: tr("登錄", "Record"), 3: tr("查詢", "Lookup"), 5: tr("自動沖銷", "Auto"), 7: tr("預收沖銷", "Credit")]
    }

    /// F5 once there is a customer and an amount to allocate, F7 once there is a customer.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        var keys = functionKeys
        if customer == nil || amount <= .zero { keys[5] = nil }
        if customer == nil { keys[7] = nil }
        return keys
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "客戶 Customer", meaning: tr("輸入編號或名稱後按 Enter，或按 F3", "type an id or name and Enter, or F3")),
            KeyHelp(
                keys: "方式 Method",
                meaning: tr("← → 空白鍵切換；支票須填銀行、票號、到期日", "← → Space; a check needs bank, number, due")),
            KeyHelp(keys: "Tab", meaning: tr("欄位與帳款清單之間切換", "move between the fields and the open items")),
            KeyHelp(keys: "Space / Enter", meaning: tr("勾選帳款，帶入剩餘金額", "tick an item; it takes what is left")),
            KeyHelp(keys: "0-9 Backspace", meaning: tr("修改勾選帳款的沖銷金額", "change the amount applied to the item")),
            KeyHelp(
                keys: "F5",
                meaning: tr("自動沖銷：摘要單號優先，再依到期日最舊優先", "auto: items named in the reference, then oldest due")),
            KeyHelp(keys: "F7", meaning: tr("以客戶先前的預收款沖銷帳款", "apply the customer's earlier unapplied credit")),
            KeyHelp(
                keys: "F2",
                meaning: tr("登錄收款，顯示收款單號；未勾選的金額列為預收", "record it; what is not applied stays as credit")),
        ]
    }
    var isDirty: Bool { dirty }

    private var amount: Money { form[Self.amountField].number.map { Money($0) } ?? .zero }
    private var method: PaymentMethod {
        let index = form[Self.methodField].choiceIndex
        return PaymentMethod.allCases.indices.contains(index) ? PaymentMethod.allCases[index] : .cash
    }
    private var lastEditable: Int { form.fields.indices.last { !form[$0].isReadOnly } ?? 0 }

    mutating func refresh(context: AppContext) {
        relabel(context)
        guard loaded else {
            loaded = true
            form[Self.dateField].set(context.database.clock.now().date.iso)
            if let initialCustomer {
                load(initialCustomer, context)
                form.focus(on: Self.amountField)
            }
            return
        }
        reloadItems(context)
    }

    private mutating func relabel(_ context: AppContext) {
        form[Self.customerField].label = context.t("客戶", "Customer")
        form[Self.amountField].label = context.t("金額", "Amount")
        form[Self.methodField].label = context.t("方式", "Method")
        form[Self.dateField].label = context.t("收款日", "Received")
        form[Self.referenceField].label = context.t("參考", "Reference")
        form[Self.bankField].label = context.t("支票銀行", "Chk bank")
        form[Self.checkNumberField].label = context.t("票號", "No.")
        form[Self.checkDueField].label = context.t("到期日", "Due")
        form[Self.methodField].setOptions(PaymentMethod.allCases.map { context.text(ReceivablesLabels.method($0)) })
    }

    /// Check fields are editable only for a check.
    private mutating func methodChanged() {
        let isCheck = method == .check
        // Kept when the method changes by a stray key: `check` reads them only for a check.
        for index in [Self.bankField, Self.checkNumberField, Self.checkDueField] {
            form[index].isReadOnly = !isCheck
        }
    }

    private mutating func load(_ id: CustomerID, _ context: AppContext) {
        do {
            guard let found = try context.database.customer(id) else {
                context.say(OperatorMessage(zh: "找不到客戶 \(id.rawValue)", en: "No customer \(id.rawValue)"), .error)
                return
            }
            customer = id
            customerName = found.customer.name
            form[Self.customerField].set("\(id.rawValue) \(found.customer.name)")
            allocation.clear()
            reloadItems(context)
        } catch {
            context.fail(error)
        }
    }

    private mutating func reloadItems(_ context: AppContext) {
        guard let customer else { return }
        do {
            let open = try context.database.openItems(of: customer)
            allocation.load(open.items)
            credit = open.unapplied
        } catch {
            context.fail(error)
        }
    }

    /// Typing over the customer lets go of it, so a payment is never recorded for a customer
    /// the field no longer shows.
    private mutating func forgetCustomerIfRetyped() {
        guard let id = customer, !form[Self.customerField].value.hasPrefix(id.rawValue + " ") else { return }
        customer = nil
        customerName = ""
        allocation.load([])
        credit = .zero
    }

    /// The customer field names a customer: an id loads it, other text opens the lookup.
    private mutating func resolveCustomer(_ context: AppContext) -> Navigation? {
        let text = form[Self.customerField].value.trimmingSpaces
        if let customer, text.hasPrefix(customer.rawValue) { return nil }
        guard !text.isEmpty else { return nil }
        if let id = CustomerID.typed(text) {
            load(id, context)
            return nil
        }
        return .push(CustomerLookupScreen(picking: true, text: text))
    }

    mutating func receive(_ result: ScreenResult, context: AppContext) -> Navigation {
        if case .customer(let id) = result {
            load(id, context)
            dirty = true
            form.focus(on: Self.amountField)
        }
        return .stay
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape:
            guard dirty else { return .pop(nil) }
            return .dialog(
                Dialog(
                    .confirm(defaultYes: false), title: context.t("放棄這筆收款？", "Discard this payment?"),
                    hint: context.t("Y 放棄   N 繼續", "Y discard   N keep it")), tag: "discard")
        case .function(2): return confirm(context)
        case .function(3):
            let text = customer == nil ? form[Self.customerField].value : ""
            return .push(CustomerLookupScreen(picking: true, text: text))
        case .function(5):
            guard customer != nil else { return needCustomer(context) }
            guard amount > .zero else { return needAmount(context) }
            allocation.automatic(available: amount, reference: form[Self.referenceField].value)
            dirty = true
            return .stay
        case .function(7):
            guard let customer else { return needCustomer(context) }
            return .push(CreditApplicationScreen(customer: customer, name: customerName))
        default: break
        }
        if inTable { return handleTable(key, context) }
        let focus = form.focus
        switch key {
        case .character where focus == Self.customerField && customer != nil:
            if let id = customer, form[Self.customerField].value.hasPrefix(id.rawValue + " ") {
                form[Self.customerField].set("")
            }
        case .enter where focus == Self.customerField:
            if let navigation = resolveCustomer(context) { return navigation }
            if customer != nil { form.focus(on: Self.amountField) }
            return .stay
        case .tab, .enter, .down:
            if focus == lastEditable {
                guard customer != nil else { return needCustomer(context) }
                inTable = true
                return .stay
            }
        default: break
        }
        switch form.handle(key) {
        case .focusMoved(from: Self.customerField, _):
            if let navigation = resolveCustomer(context) { return navigation }
        case .field(let index, .changed):
            dirty = true
            if index == Self.customerField { forgetCustomerIfRetyped() }
            if index == Self.methodField { methodChanged() }
        case .field(let index, .step(let days)):
            if let date = try? LocalDate(form[index].value) { form[index].set(date.adding(days: days).iso) }
        case .field(_, .rejected(let why)): context.say(why)
        case .submit: return confirm(context)
        default: break
        }
        return .stay
    }

    private mutating func handleTable(_ key: Key, _ context: AppContext) -> Navigation {
        switch key {
        case .tab:
            inTable = false
            form.focus(on: Self.amountField)
        case .backTab:
            inTable = false
            form.focus(on: lastEditable)
        default:
            switch allocation.handle(key, available: amount) {
            case .used: dirty = true
            case .refused(let why): context.say(why, .error)
            case .ignored: break
            }
        }
        return .stay
    }

    private mutating func needCustomer(_ context: AppContext) -> Navigation {
        inTable = false
        form.focus(on: Self.customerField)
        context.say(tr("請先選擇客戶（輸入編號或名稱後按 Enter）", "Pick a customer first (id or name, then Enter)"), .error)
        return .stay
    }

    private mutating func needAmount(_ context: AppContext) -> Navigation {
        inTable = false
        form.focus(on: Self.amountField)
        context.say(tr("請輸入收款金額", "Enter the amount received"), .error)
        return .stay
    }

    /// The check's particulars when all three are typed; the store refuses a check without them.
    private var check: CheckDetails? {
        guard method == .check else { return nil }
        let bank = form[Self.bankField].value.trimmingSpaces
        let number = form[Self.checkNumberField].value.trimmingSpaces
        guard !bank.isEmpty, !number.isEmpty, let due = try? LocalDate(form[Self.checkDueField].value) else {
            return nil
        }
        return CheckDetails(bank: bank, number: number, due: due)
    }

    private mutating func confirm(_ context: AppContext) -> Navigation {
        guard let customer, form[Self.customerField].value.hasPrefix(customer.rawValue + " ") else {
            return needCustomer(context)
        }
        guard amount > .zero else { return needAmount(context) }
        guard let date = try? LocalDate(form[Self.dateField].value) else {
            inTable = false
            form.focus(on: Self.dateField)
            context.say(
                LocalDate.problem(with: form[Self.dateField].value)
                    ?? tr("日期格式應為 YYYY-MM-DD", "The date must be YYYY-MM-DD"), .error)
            return .stay
        }
        if method == .check, check == nil {
            inTable = false
            form.focus(on: Self.bankField)
            context.fail(ReceivablesError.checkDetailsRequired)
            return .stay
        }
        let applied = allocation.allocated
        guard applied <= amount else {
            context.fail(ReceivablesError.allocationAboveUnapplied(total: applied, unapplied: amount))
            return .stay
        }
        let lines = [
            "\(customer.rawValue) \(customerName)",
            context.t("金額 ", "Amount ") + amount.description + "  " + context.text(ReceivablesLabels.method(method))
                + "  " + date.iso,
            context.t(
                "沖銷 \(applied.grouped)（\(allocation.shares.count) 筆）  未沖銷 \((amount - applied).grouped)",
                "Applied \(applied.grouped) (items: \(allocation.shares.count))  "
                    + "unapplied \((amount - applied).grouped)"
            ),
        ]
        return .dialog(
            Dialog(
                .confirm(defaultYes: true), title: context.t("確認登錄收款？", "Record this payment?"), lines: lines,
                hint: context.t("Y/Enter 登錄   N 返回修改", "Y/Enter record   N go back")), tag: "record")
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        switch (tag, outcome) {
        case ("discard", .confirmed): return .pop(nil)
        case ("record", .confirmed): record(context)
        default: break
        }
        return .stay
    }

    private mutating func record(_ context: AppContext) {
        guard let customer, let user = context.user else { return }
        let shares = allocation.shares
        let input = PaymentInput(
            customer: customer, amount: amount, method: method,
            receivedOn: try? LocalDate(form[Self.dateField].value),
            reference: form[Self.referenceField].value.trimmingSpaces, check: check)
        do {
            let payment = try context.database.recordPayment(
                input, allocate: shares.isEmpty ? .none : .chosen(shares), by: user)
            lastReceipt = payment
            let applied = payment.amount - payment.unapplied
            context.say(
                OperatorMessage(
                    zh: "已登錄 \(payment.number.rawValue)：沖銷 \(applied.grouped)，未沖銷 \(payment.unapplied.grouped)",
                    en: "Recorded \(payment.number.rawValue): applied \(applied.grouped), "
                        + "unapplied \(payment.unapplied.grouped)"),
                .success)
            for index in [Self.amountField, Self.referenceField, Self.bankField, Self.checkNumberField] {
                form[index].set("")
            }
            form[Self.checkDueField].set("")
            allocation.clear()  // the shell's refresh after the dialog reloads the items
            dirty = false
            inTable = false
            form.focus(on: Self.customerField)
        } catch {
            context.fail(error)
        }
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        relabel(context)
        form.render(into: &grid, top: area.top + 1, left: 2, theme: theme, active: !inTable)
        if inTable { grid.cursor = nil }
        let applied = allocation.allocated
        let left = amount - applied
        var column = 2
        func put(_ text: String, _ style: CellStyle) {
            column += grid.put(text, row: area.top + 5, column: column, style: style) + 2
        }
        put(context.t("收款 ", "Received ") + amount.grouped, theme.text)
        put(context.t("本次沖銷 ", "Applied ") + applied.grouped, theme.text)
        put(
            context.t("未沖銷 ", "Unapplied ") + left.grouped,
            left < .zero ? theme.error : left > .zero ? theme.warning : theme.success)
        put(
            "│ " + context.t("客戶預收 ", "Customer credit ") + credit.grouped
                + (credit > .zero ? context.t("（F7）", " (F7)") : ""),
            credit > .zero ? theme.warning : theme.dim)
        if let lastReceipt {
            let applied = lastReceipt.amount - lastReceipt.unapplied
            let receipt =
                "\(lastReceipt.number.rawValue) \(lastReceipt.customer.rawValue) \(lastReceipt.amount.grouped)"
            grid.put(
                context.t(
                    "上一筆 \(receipt)  沖銷 \(applied.grouped)  未沖銷 \(lastReceipt.unapplied.grouped)",
                    "Last \(receipt)  applied \(applied.grouped)  unapplied \(lastReceipt.unapplied.grouped)"),
                row: area.top + 6, column: 2, style: theme.success, maxWidth: area.columns - 4)
        } else {
            grid.put(
                context.t(
                    "Tab 到帳款：空白鍵勾選、數字改金額、F5 自動沖銷", "Tab to the items: Space ticks, digits change the amount, F5 auto"),
                row: area.top + 6, column: 2, style: theme.dim, maxWidth: area.columns - 4)
        }
        guard customer != nil else {
            grid.put(
                context.t("輸入客戶編號或名稱後按 Enter（F3 查詢）", "Type a customer id or name, then Enter (F3 lookup)"),
                row: area.top + 8, column: 2, style: theme.dim)
            return
        }
        allocation.render(
            into: &grid, top: area.top + 7, left: 1, width: area.columns - 2, height: area.rows - 7, context: context,
            focused: inTable)
    }
}
