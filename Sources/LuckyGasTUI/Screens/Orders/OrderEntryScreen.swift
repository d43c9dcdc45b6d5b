import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Order entry: customer, delivery address, date (first allowed by default), slot and up to six
/// item lines. The price breakdown and the credit position update as the clerk types; F2 asks
/// for confirmation and places the order through the store. A refused credit check offers a
/// supervisor override (their own user and password, and a reason).
struct OrderEntryScreen: TypingScreen {
    private static let itemLines = 6
    private static let customerField = 0
    private static let addressField = 1
    private static let dateField = 2
    private static let slotField = 3
    private static let firstItemField = 4

    private var form: Form
    private var record: CustomerRecord?
    private var addresses: [Address] = []
    private var products: [Product] = []
    private var calendar: BusinessCalendar?
    private var quote: Quote?
    private var quoteProblem: OperatorMessage?
    /// The calendar's verdict on the chosen date and slot, shown with the price before F2.
    private var calendarRefusal: OperatorMessage?
    private var credit: CreditReport?
    private var dateTouched = false
    private var dirty = false
    private var loaded = false
    private var pickingLine: Int?
    private var refusal: (message: OperatorMessage, available: Money)?
    private let initialCustomer: CustomerID?

    init(customer: CustomerID? = nil) {
        initialCustomer = customer
        var fields = [
            InputField(.text, width: 26, row: 0, labelWidth: 8, maxLength: 40),
            InputField(.choice([]), width: 30, row: 1, labelWidth: 8),
            InputField(.date, width: 12, row: 2, labelWidth: 8),
            InputField(.choice([]), width: 10, row: 3, labelWidth: 8),
        ]
        for line in 0..<Self.itemLines {
            fields.append(
                InputField(.text, label: "\(line + 1).", width: 24, row: 6 + line, labelWidth: 3, maxLength: 30))
            fields.append(
                InputField(
                    .number(allowsNegative: false), width: 5, row: 6 + line, column: 28, labelWidth: 0, maxLength: 3))
        }
        form = Form(fields)
    }

    var title: OperatorMessage { tr("訂單輸入", "New order") }
    var functionKeys: [Int: OperatorMessage] {
        [2: tr("下單", "Place"), 3: tr("查詢", "Lookup"), 5: tr("清除", "Clear")]
    }
    var help: [KeyHelp] {
        [
            KeyHelp(
                keys: "客戶 Customer", meaning: tr("輸入編號或名稱後按 Enter，或按 F3 查詢", "type an id or a name and Enter, or F3")),
            KeyHelp(
                keys: "品項 Item",
                meaning: tr("輸入代碼（P001）或品名，F3 開啟品項清單", "type a code (P001) or a name; F3 lists products")),
            KeyHelp(keys: "日期 +/-", meaning: tr("日期加減一天", "move the date a day")),
            KeyHelp(keys: "← → Space", meaning: tr("切換地址、時段", "change address or slot")),
            KeyHelp(keys: "F2", meaning: tr("確認並下單", "confirm and place the order")),
            KeyHelp(keys: "Esc", meaning: tr("返回（有輸入時會先詢問）", "back (asks when something was typed)")),
        ]
    }
    var isDirty: Bool { dirty }

    private var slot: DeliverySlot { DeliverySlot.allCases[form[Self.slotField].choiceIndex] }

    mutating func refresh(context: AppContext) {
        guard !loaded else { return }
        loaded = true
        do {
            products = try context.database.products().filter(\.active)
            calendar = try context.database.calendar()
        } catch {
            context.fail(error)
        }
        relabel(context)
        resetDate(context)
        if let initialCustomer {
            load(initialCustomer, context)
            form.focus(on: Self.firstItemField)
        }
    }

    private mutating func relabel(_ context: AppContext) {
        form[Self.customerField].label = context.t("客戶", "Customer")
        form[Self.addressField].label = context.t("地址", "Address")
        form[Self.dateField].label = context.t("日期", "Date")
        form[Self.slotField].label = context.t("時段", "Slot")
        form[Self.slotField].setOptions(DeliverySlot.allCases.map { context.text(Labels.slot($0)) })
        if addresses.isEmpty { form[Self.addressField].setOptions([context.t("（先選客戶）", "(pick a customer)")]) }
    }

    /// The first date the slot can still be delivered, unless the clerk typed one.
    private mutating func resetDate(_ context: AppContext) {
        guard !dateTouched, let calendar else { return }
        let now = context.database.clock.now()
        if let date = calendar.firstAllowedDate(for: slot, at: now) { form[Self.dateField].set(date.iso) }
    }

    private mutating func load(_ id: CustomerID, _ context: AppContext) {
        do {
            guard let found = try context.database.customer(id) else {
                context.say(OperatorMessage(zh: "找不到客戶 \(id)", en: "No customer \(id)"), .error)
                return
            }
            record = found
            addresses = found.customer.addresses.filter { $0.kind == .delivery }
            if addresses.isEmpty { addresses = found.customer.addresses }
            form[Self.customerField].set("\(id) \(found.customer.name)")
            form[Self.customerField].error = nil
            form[Self.addressField].setOptions(addresses.map { $0.text })
            form[Self.addressField].choose(addresses.firstIndex(where: \.isDefault) ?? 0)
            if found.customer.status != .active {
                context.say(
                    OperatorMessage(
                        zh: "注意：客戶狀態為\(Labels.customerStatus(found.customer.status).zh)",
                        en: "Note: the customer is \(Labels.customerStatus(found.customer.status).en.lowercased())"),
                    .warning)
            }
            dirty = true
            form.focus(on: Self.firstItemField)
            recompute(context)
        } catch {
            context.fail(error)
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        let focus = form.focus
        switch key {
        case .escape:
            guard dirty else { return .pop(nil) }
            return .dialog(
                Dialog(
                    .confirm(defaultYes: false), title: context.t("放棄這張訂單？", "Discard this order?"),
                    hint: context.t("Y 放棄   N 繼續", "Y discard   N keep it")), tag: "discard")
        case .function(3):
            return lookup(at: focus, context)
        case .function(5):
            guard dirty else { return .stay }
            return .dialog(
                Dialog(
                    .confirm(defaultYes: false), title: context.t("清除這張訂單？", "Clear this order?"),
                    hint: context.t("Y 清除   N 繼續", "Y clear   N keep it")), tag: "clear")
        case .character where focus == Self.customerField && record != nil:
            // Typing over a chosen customer starts a new search rather than appending to it.
            if let id = record?.customer.id, form[Self.customerField].value.hasPrefix(id.rawValue + " ") {
                form[Self.customerField].set("")
            }
        case .enter where focus == Self.customerField:
            if let navigation = resolveCustomer(context) { return navigation }
            if form.focus == Self.customerField { _ = form.handle(.tab) }
            return .stay
        case .enter where isProductField(focus):
            if let navigation = resolveProduct(at: focus, context) { return navigation }
            _ = form.handle(.tab)
            return .stay
        default: break
        }
        switch form.handle(key) {
        case .submit: return confirm(context)
        case .focusMoved(let from, _):
            if from == Self.customerField, let navigation = resolveCustomer(context) { return navigation }
            if isProductField(from), let navigation = resolveProduct(at: from, context) { return navigation }
        case .field(let index, .changed):
            dirty = true
            form[index].error = nil
            if index == Self.dateField { dateTouched = true }
            if index == Self.slotField { resetDate(context) }
            if index == Self.customerField { forgetCustomerIfRetyped(context) }
            // Every change reprices: an item line whose text no longer names a product drops out.
            recompute(context)
        case .field(_, .step(let days)):
            if let date = try? LocalDate(form[Self.dateField].value) {
                form[Self.dateField].set(date.adding(days: days).iso)
                dateTouched = true
                recompute(context)
            }
        case .field(_, .rejected(let why)): context.say(why)
        default: break
        }
        return .stay
    }

    /// Typing over the customer's name lets go of the customer until a new one is resolved, so
    /// an order is never placed for a customer the field no longer shows.
    private mutating func forgetCustomerIfRetyped(_ context: AppContext) {
        guard let id = record?.customer.id, !form[Self.customerField].value.hasPrefix(id.rawValue + " ") else { return }
        record = nil
        addresses = []
        quote = nil
        credit = nil
        form[Self.addressField].setOptions([context.t("（先選客戶）", "(pick a customer)")])
    }

    private func isProductField(_ index: Int) -> Bool {
        index >= Self.firstItemField && (index - Self.firstItemField) % 2 == 0
    }

    private mutating func lookup(at focus: Int, _ context: AppContext) -> Navigation {
        if isProductField(focus) || focus > Self.firstItemField {
            let field = isProductField(focus) ? focus : focus - 1
            pickingLine = field
            return .push(ProductPickerScreen(filter: productText(field)))
        }
        let text = form[Self.customerField].value.trimmingSpaces
        let already = record.map { text.hasPrefix($0.customer.id?.rawValue ?? "-") } ?? false
        return .push(CustomerLookupScreen(picking: true, text: already ? "" : text))
    }

    /// The customer field names a customer: an id loads it, anything else opens the lookup.
    private mutating func resolveCustomer(_ context: AppContext) -> Navigation? {
        let text = form[Self.customerField].value.trimmingSpaces
        if let record, let id = record.customer.id, text.hasPrefix(id.rawValue) { return nil }
        guard !text.isEmpty else { return nil }
        if let id = CustomerID.typed(text) {
            load(id, context)
            return nil
        }
        return .push(CustomerLookupScreen(picking: true, text: text))
    }

    private func productText(_ field: Int) -> String {
        let text = form[field].value.trimmingSpaces
        if let product = products.first(where: { text.hasPrefix($0.code.rawValue + " ") }) { return product.name }
        return text
    }

    /// The product field names a product: a code or a unique part of the name fills it in,
    /// several matches open the picker filtered by the text.
    private mutating func resolveProduct(at field: Int, _ context: AppContext) -> Navigation? {
        let text = form[field].value.trimmingSpaces
        guard !text.isEmpty else {
            form[field].error = nil
            recompute(context)
            return nil
        }
        if products.contains(where: { text == "\($0.code) \($0.name)" }) { return nil }
        let code = text.uppercased()
        let matches =
            products.filter { $0.code.rawValue == code }.isEmpty
            ? products.filter {
                $0.name.localizedLowercase.contains(text.lowercased()) || $0.code.rawValue.hasPrefix(code)
            }
            : products.filter { $0.code.rawValue == code }
        if matches.count == 1 {
            choose(matches[0].code, line: field, context)
            return nil
        }
        pickingLine = field
        return .push(ProductPickerScreen(filter: matches.isEmpty ? "" : text))
    }

    private mutating func choose(_ code: ProductCode, line field: Int, _ context: AppContext) {
        guard let product = products.first(where: { $0.code == code }) else { return }
        form[field].set("\(product.code) \(product.name)")
        form[field].error = nil
        if form[field + 1].number == nil { form[field + 1].set("1") }
        dirty = true
        recompute(context)
    }

    mutating func receive(_ result: ScreenResult, context: AppContext) -> Navigation {
        switch result {
        case .customer(let id):
            load(id, context)
            form.focus(on: Self.firstItemField)
        case .product(let code):
            if let line = pickingLine {
                choose(code, line: line, context)
                form.focus(on: line + 1)
            }
            pickingLine = nil
        case .changed: break
        }
        return .stay
    }

    /// The order as typed, or nil while it is incomplete.
    private func input() -> OrderInput? {
        guard let id = record?.customer.id, let date = try? LocalDate(form[Self.dateField].value) else { return nil }
        var items: [QuoteRequest.Item] = []
        for line in 0..<Self.itemLines {
            let field = Self.firstItemField + line * 2
            let text = form[field].value
            guard let product = products.first(where: { text.hasPrefix($0.code.rawValue + " ") }),
                let quantity = form[field + 1].number, quantity > 0
            else { continue }
            items.append(QuoteRequest.Item(product: product.code, quantity: Int(quantity)))
        }
        guard !items.isEmpty else { return nil }
        let index = form[Self.addressField].choiceIndex
        return OrderInput(
            customer: id, addressID: addresses.indices.contains(index) ? addresses[index].id : nil, items: items,
            date: date, slot: slot)
    }

    /// Prices the order and checks credit for its total: the live breakdown.
    private mutating func recompute(_ context: AppContext) {
        quoteProblem = nil
        calendarRefusal = nil
        guard let input = input() else {
            quote = nil
            credit = record?.customer.id.flatMap { try? context.database.creditCheck($0) }
            return
        }
        do {
            let priced = try context.database.quote(input)
            quote = priced
            calendarRefusal = try context.database.deliveryRefusal(date: input.date, slot: input.slot)?.operatorMessage
            credit = try context.database.creditCheck(input.customer, amount: priced.total)
        } catch {
            quote = nil
            quoteProblem = AppContext.message(for: error)
            credit = try? context.database.creditCheck(input.customer)
        }
    }

    private mutating func confirm(_ context: AppContext) -> Navigation {
        guard let id = record?.customer.id, form[Self.customerField].value.hasPrefix(id.rawValue + " ") else {
            form.focus(on: Self.customerField)
            context.say(tr("請先選擇客戶（輸入編號或名稱後按 Enter）", "Pick a customer first (id or name, then Enter)"), .error)
            return .stay
        }
        guard (try? LocalDate(form[Self.dateField].value)) != nil else {
            form.focus(on: Self.dateField)
            context.say(tr("日期格式應為 YYYY-MM-DD", "The date must be YYYY-MM-DD"), .error)
            return .stay
        }
        // Every typed line must name a product and a quantity: nothing is dropped silently.
        for line in 0..<Self.itemLines {
            let field = Self.firstItemField + line * 2
            let text = form[field].value.trimmingSpaces
            let quantity = form[field + 1].number
            if text.isEmpty && quantity == nil { continue }
            guard products.contains(where: { text.hasPrefix($0.code.rawValue + " ") }) else {
                form.focus(on: field)
                context.say(
                    OperatorMessage(
                        zh: "第 \(line + 1) 行品項未確認：輸入代碼或品名後按 Enter，或按 F3",
                        en: "Item line \(line + 1) is not a product yet: type a code or name and Enter, or F3"), .error)
                return .stay
            }
            guard let quantity, quantity > 0 else {
                form.focus(on: field + 1)
                context.say(
                    OperatorMessage(zh: "第 \(line + 1) 行請輸入數量", en: "Enter a quantity on line \(line + 1)"), .error)
                return .stay
            }
        }
        recompute(context)
        guard let input = input(), let quote else {
            if let quoteProblem {
                context.say(quoteProblem, .error)
            } else {
                form.focus(on: Self.firstItemField)
                context.say(tr("請至少輸入一個品項與數量", "Enter at least one item and quantity"), .error)
            }
            return .stay
        }
        if let calendar {
            do {
                try calendar.checkDelivery(date: input.date, slot: input.slot, at: context.database.clock.now())
            } catch {
                form.focus(on: Self.dateField)
                context.fail(error)
                return .stay
            }
        }
        let lines = [
            form[Self.customerField].value,
            form[Self.addressField].value,
            "\(input.date.iso) \(context.text(Labels.slot(input.slot)))",
            context.t("合計 ", "Total ") + quote.total.description,
        ]
        return .dialog(
            Dialog(
                .confirm(defaultYes: true), title: context.t("確認下單？", "Place this order?"), lines: lines,
                hint: context.t("Y/Enter 下單   N 返回修改", "Y/Enter place   N go back")), tag: "place")
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        switch (tag, outcome) {
        case ("discard", .confirmed): return .pop(nil)
        case ("clear", .confirmed):
            self = OrderEntryScreen()
            refresh(context: context)
            return .stay
        case ("place", .confirmed): return place(override: nil, context)
        case ("override", .submitted(let values)):
            return place(
                override: OverrideApproval(supervisor: values[0], password: values[1], reason: values[2]), context)
        case ("placed", _):
            self = OrderEntryScreen()
            refresh(context: context)
            return .stay
        default: return .stay
        }
    }

    private mutating func place(override: OverrideApproval?, _ context: AppContext) -> Navigation {
        guard let input = input(), let user = context.user else { return .stay }
        do {
            let placed = try context.database.placeOrder(input, by: user, override: override)
            dirty = false
            var lines = [
                context.t("訂單編號 ", "Order number ") + placed.number.rawValue,
                context.t("合計 ", "Total ") + placed.quote.total.description,
            ]
            if let available = placed.availableAfter {
                lines.append(context.t("剩餘可用額度 ", "Credit left ") + available.description)
            }
            if let by = placed.overriddenBy { lines.append(context.t("主管核准：", "Approved by: ") + by) }
            if let sms = placed.sms {
                lines.append(context.t("簡訊已排入傳送佇列：", "Text message queued:"))
                lines.append(sms.message)
            } else {
                lines.append(context.t("客戶無手機號碼，未發送簡訊", "No mobile number: no text message"))
            }
            context.say(
                OperatorMessage(zh: "已建立訂單 \(placed.number)", en: "Order \(placed.number) placed"), .success)
            return .dialog(
                Dialog(
                    .message(.success), title: context.t("訂單已建立", "Order placed"), lines: lines,
                    hint: context.t("Enter 繼續下一張", "Enter for the next order")), tag: "placed")
        } catch StoreError.creditRefused(let refusal, let position) where refusal.isOverridable {
            self.refusal = (refusal.operatorMessage, position.available)
            context.say(refusal.operatorMessage, .error)
            return overrideDialog(context, supervisor: "", reason: "", problem: nil)
        } catch {
            context.fail(error)
            // The approval itself failed (wrong password, not a supervisor, no reason): ask
            // again with what was typed, rather than closing the box.
            if let override, refusal != nil {
                return overrideDialog(
                    context, supervisor: override.supervisor, reason: override.reason,
                    problem: context.text(AppContext.message(for: error)))
            }
            return .stay
        }
    }

    /// The supervisor's box: user, password, reason; the refusal and the available credit above.
    private func overrideDialog(_ context: AppContext, supervisor: String, reason: String, problem: String?)
        -> Navigation
    {
        let form = SupervisorApproval.form(context, supervisor: supervisor, reason: reason)
        var lines: [String] = []
        if let refusal {
            lines = [context.text(refusal.message), context.t("可用額度 ", "Available ") + refusal.available.description]
        }
        var box = Dialog(
            .form(form), title: context.t("信用不足：需主管核准", "Credit refused: supervisor override"), lines: lines,
            hint: context.t("Enter 核准   Esc 取消", "Enter approve   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: "override")
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        relabel(context)
        grid.put(context.t("品項", "Item"), row: area.top + 6, column: 2, style: theme.heading)
        grid.put(context.t("數量", "Qty"), row: area.top + 6, column: 29, style: theme.heading)
        form.render(into: &grid, top: area.top + 1, left: 1, theme: theme)
        renderBreakdown(into: &grid, top: area.top + 1, left: 43, width: area.columns - 44, context: context)
    }

    private func renderBreakdown(into grid: inout Grid, top: Int, left: Int, width: Int, context: AppContext) {
        let theme = context.theme
        var row = top
        func amount(_ label: String, _ value: String, style: CellStyle? = nil) {
            grid.put(DisplayWidth.fit(label, width: width - 14), row: row, column: left, style: theme.dim)
            grid.put(
                DisplayWidth.rightAligned(value, width: 14), row: row, column: left + width - 14,
                style: style ?? theme.text)
            row += 1
        }
        grid.put(context.t("明細", "Breakdown"), row: row, column: left, style: theme.heading)
        row += 1
        if let quote {
            for line in quote.lines {
                let mark = line.isSpecialPrice ? "*" : ""
                amount("\(line.name) \(line.quantity)x\(line.unitPrice.grouped)\(mark)", line.gross.grouped)
            }
            if quote.discount > .zero {
                amount(
                    context.t("折扣 \(quote.discountPercent)%", "Discount \(quote.discountPercent)%"),
                    "-" + quote.discount.grouped)
            }
            amount(
                context.t("運費", "Delivery"), quote.freeDelivery ? context.t("免運", "free") : quote.deliveryFee.grouped)
            amount(context.t("未稅", "Net"), quote.net.grouped)
            amount(context.t("稅額 5%", "Tax 5%"), quote.tax.grouped)
            var bold = theme.text
            bold.bold = true
            amount(context.t("合計", "Total"), quote.total.description, style: bold)
            if let calendarRefusal {
                grid.put(
                    "✗ " + context.text(calendarRefusal), row: row, column: left, style: theme.error, maxWidth: width)
                row += 1
            }
        } else if let quoteProblem {
            grid.put(context.text(quoteProblem), row: row, column: left, style: theme.error, maxWidth: width)
            row += 1
        } else {
            grid.put(
                context.t("（輸入客戶與品項後即時計價）", "(priced as you type)"), row: row, column: left, style: theme.dim,
                maxWidth: width)
            row += 1
        }
        row += 1
        grid.put(context.t("信用", "Credit"), row: row, column: left, style: theme.heading)
        row += 1
        guard let credit else { return }
        if !credit.terms.usesCredit {
            amount(context.t("付款條件", "Terms"), context.text(Labels.terms(credit.terms)))
        } else {
            amount(context.t("目前可用", "Available now"), credit.available.description)
            if let after = credit.availableAfter {
                amount(
                    context.t("本單後", "After this order"), after.description,
                    style: after < .zero ? theme.error : theme.text)
            }
        }
        if let approved = credit.approved {
            let text =
                approved
                ? context.t("✓ 信用核准", "✓ Credit approved")
                : "✗ " + (credit.refusal.map { context.text($0) } ?? context.t("信用不足", "Refused"))
            grid.put(text, row: row, column: left, style: approved ? theme.success : theme.error, maxWidth: width)
            row += 1
        }
        for hold in credit.holds.prefix(2) {
            grid.put(
                "⚠ " + (context.language == .chinese ? hold.zh : hold.en), row: row, column: left, style: theme.warning,
                maxWidth: width)
            row += 1
        }
    }
}
