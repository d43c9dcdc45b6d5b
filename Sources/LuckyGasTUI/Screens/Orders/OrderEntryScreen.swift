import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Order entry: customer, delivery address, date (first allowed by default), slot and up to six
/// item lines. The price breakdown and the credit position update as the clerk types; F2 asks
/// for confirmation and places the order through the store. A refused credit check offers a
/// supervisor override (their own user and password, and a reason). The calendar's verdict on
/// the date and slot shows with the price before F2; no field ever changes another one.
struct OrderEntryScreen: TypingScreen {
    private static let itemLines = 6
    private static let customerField = 0
    private static let addressField = 1
    private static let dateField = 2
    private static let slotField = 3
    private static let firstItemField = 4
    /// Wide enough for `Customer` and a space.
    private static let labelWidth = 9
    /// Where the quantity column starts (header and values, focused or not).
    private static let quantityColumn = 28

    private var form: Form
    private var record: CustomerRecord?
    private var addresses: [Address] = []
    private var products: [Product] = []
    private var calendar: BusinessCalendar?
    private var quote: Quote?
    private var quoteProblem: OperatorMessage?
    /// The calendar's verdict on the chosen date and slot (or what is wrong with the typed
    /// date), shown with the price before F2.
    private var calendarRefusal: OperatorMessage?
    private var credit: CreditReport?
    private var dirty = false
    private var loaded = false
    private var pickingLine: Int?
    private var refusal: CreditRefusal?
    private let initialCustomer: CustomerID?

    init(customer: CustomerID? = nil) {
        initialCustomer = customer
        var fields = [
            InputField(.text, width: 26, row: 0, labelWidth: Self.labelWidth, maxLength: 40),
            InputField(.choice([]), width: 30, row: 1, labelWidth: Self.labelWidth),
            InputField(.date, width: 11, row: 2, labelWidth: Self.labelWidth),
            InputField(.choice([]), width: 10, row: 3, labelWidth: Self.labelWidth),
        ]
        for line in 0..<Self.itemLines {
            fields.append(
                InputField(.text, label: "\(line + 1).", width: 24, row: 6 + line, labelWidth: 3, maxLength: 30))
            fields.append(
                InputField(
                    .number(allowsNegative: false), width: 5, row: 6 + line, column: Self.quantityColumn,
                    labelWidth: 0, maxLength: 3))
        }
        form = Form(fields)
    }

    var title: OperatorMessage { tr("訂單輸入", "New order") }
    var functionKeys: [Int: OperatorMessage] {
        [2: tr("下單", "Place"), 3: tr("查詢", "Lookup"), 5: tr("清除", "Clear")]
    }
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        var keys = functionKeys
        if !context.may(.placeOrders) { keys[2] = nil }
        if !dirty { keys[5] = nil }
        return keys
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

    /// The first date the slot can still be delivered: the date a new order starts with (later
    /// the date changes only when the clerk changes it).
    private mutating func resetDate(_ context: AppContext) {
        guard let calendar else { return }
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
            if index == Self.customerField { forgetCustomerIfRetyped(context) }
            // Every change reprices: an item line whose text no longer names a product drops out.
            recompute(context)
        case .field(_, .step(let days)):
            if let date = (try? LocalDate(form[Self.dateField].value.trimmingSpaces)) {
                form[Self.dateField].set(date.adding(days: days).iso)
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
        guard let id = record?.customer.id, let date = (try? LocalDate(form[Self.dateField].value.trimmingSpaces))
        else { return nil }
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
        calendarRefusal = calendarVerdict(context)
        guard let input = input() else {
            quote = nil
            credit = record?.customer.id.flatMap { try? context.database.creditCheck($0) }
            return
        }
        do {
            let priced = try context.database.quote(input)
            quote = priced
            credit = try context.database.creditCheck(input.customer, amount: priced.total)
        } catch {
            quote = nil
            quoteProblem = AppContext.message(for: error)
            credit = try? context.database.creditCheck(input.customer)
        }
    }

    /// What the calendar says of the date and slot as typed now (nil: it may be delivered).
    private func calendarVerdict(_ context: AppContext) -> OperatorMessage? {
        let text = form[Self.dateField].value
        guard let date = (try? LocalDate(text.trimmingSpaces)) else {
            return text.isEmpty ? nil : LocalDate.problem(with: text)
        }
        guard let calendar else { return nil }
        return DeliveryVerdict(date: date, slot: slot, calendar: calendar, at: context.database.clock.now())?.message
    }

    private mutating func confirm(_ context: AppContext) -> Navigation {
        guard let id = record?.customer.id, form[Self.customerField].value.hasPrefix(id.rawValue + " ") else {
            form.focus(on: Self.customerField)
            context.say(tr("請先選擇客戶（輸入編號或名稱後按 Enter）", "Pick a customer first (id or name, then Enter)"), .error)
            return .stay
        }
        if let problem = LocalDate.problem(with: form[Self.dateField].value) {
            form.focus(on: Self.dateField)
            context.say(problem, .error)
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
        if calendarRefusal != nil {
            // The whole verdict (with what to choose instead) is in the pane on the right.
            form.focus(on: Self.dateField)
            context.say(
                OperatorMessage(
                    zh: "此日期與時段不能配送：請改日期或時段（說明見右側）",
                    en: "No delivery on this date and slot: change one (see the right)"), .error)
            return .stay
        }
        var lines = [
            form[Self.customerField].value,
            form[Self.addressField].value,
            "\(context.text(DeliveryVerdict.day(input.date))) \(context.text(Labels.slot(input.slot)))",
            context.t("合計 ", "Total ") + quote.total.description,
        ]
        // A refused credit check is said before Y, with the figures: the supervisor comes next.
        if let credit, credit.approved == false {
            lines.append(context.text(Self.creditProblem(credit, total: quote.total)))
            lines.append(context.t("下單需主管核准", "Placing it needs a supervisor's approval"))
        }
        return .dialog(
            Dialog(
                .confirm(defaultYes: true), title: context.t("確認下單？", "Place this order?"), lines: lines,
                hint: context.t("Y/Enter 下單   N 返回修改", "Y/Enter place   N go back")), tag: "place")
    }

    /// Why credit refuses this order, with the figures: the hold, or by how much it is over.
    private static func creditProblem(_ credit: CreditReport, total: Money) -> OperatorMessage {
        if !credit.holds.isEmpty {
            return OperatorMessage(
                zh: "信用凍結：" + credit.holds.map(\.zh).joined(separator: "；"),
                en: "Credit hold: " + credit.holds.map(\.en).joined(separator: "; "))
        }
        if credit.status != .active { return CreditRefusal.customerNotActive(credit.status).operatorMessage }
        let over = (try? total.subtracting(credit.available, field: "超過 over")) ?? total
        return OperatorMessage(
            zh: "超過信用額度 \(over)（訂單 \(total)，可用 \(credit.available)）",
            en: "Over the credit limit by \(over) (order \(total), available \(credit.available))")
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        finishDialog(tag: tag, outcome: outcome, context)
    }

    private mutating func finishDialog(tag: String, outcome: Dialog.Outcome, _ context: AppContext) -> Navigation {
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
        } catch StoreError.creditRefused(let refusal, _) where refusal.isOverridable {
            self.refusal = refusal
            context.say(Self.refusalMessage(refusal), .error)
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

    /// The refusal in words: the hold, or by how much the order is over the limit.
    private static func refusalMessage(_ refusal: CreditRefusal) -> OperatorMessage {
        switch refusal {
        case .insufficient(let amount, let available):
            let over = (try? amount.subtracting(available, field: "超過 over")) ?? amount
            return OperatorMessage(
                zh: "超過信用額度 \(over)（訂單 \(amount)，可用 \(available)）",
                en: "Over the credit limit by \(over) (order \(amount), available \(available))")
        case .onHold, .customerNotActive: return refusal.operatorMessage
        }
    }

    /// The title of the supervisor's box: what is being overridden (the hold itself, or the limit).
    private static func overrideTitle(_ refusal: CreditRefusal?) -> OperatorMessage {
        let needed = tr("需主管核准", "supervisor override")
        switch refusal {
        case .onHold(let holds)?:
            let summaries = holds.map(\.summary)
            return OperatorMessage(
                zh: summaries.map(\.zh).joined(separator: "；") + "：" + needed.zh,
                en: summaries.map(\.en).joined(separator: "; ") + ": " + needed.en)
        default:
            return OperatorMessage(zh: "信用不足：" + needed.zh, en: "Credit refused: " + needed.en)
        }
    }

    /// The supervisor's box: user, password, reason; the refusal with its figures above.
    private func overrideDialog(_ context: AppContext, supervisor: String, reason: String, problem: String?)
        -> Navigation
    {
        let form = SupervisorApproval.form(context, supervisor: supervisor, reason: reason)
        var lines: [String] = []
        if let refusal { lines = [context.text(Self.refusalMessage(refusal))] }
        var box = Dialog(
            .form(form), title: context.text(Self.overrideTitle(refusal)), lines: lines,
            hint: context.t("Enter 核准   Esc 取消", "Enter approve   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: "override")
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        relabel(context)
        grid.put(context.t("品項", "Item"), row: area.top + 6, column: 2, style: theme.heading)
        grid.put(context.t("數量", "Qty"), row: area.top + 6, column: 1 + Self.quantityColumn, style: theme.heading)
        form.render(into: &grid, top: area.top + 1, left: 1, theme: theme)
        // A quantity reads from the left edge of its box, under the header, focused or not (the
        // field's own resting look is right-aligned).
        for line in 0..<Self.itemLines {
            let index = Self.firstItemField + line * 2 + 1
            guard index != form.focus else { continue }
            let field = form[index]
            let column = 1 + field.column
            grid.fill(row: area.top + 1 + field.row, column: column, width: field.width, style: theme.field)
            grid.put(
                field.value, row: area.top + 1 + field.row, column: column, style: theme.field, maxWidth: field.width)
        }
        if let date = (try? LocalDate(form[Self.dateField].value.trimmingSpaces)) {
            let field = form[Self.dateField]
            grid.put(
                context.text(Labels.weekdayAfterDate(date.weekday)), row: area.top + 1 + field.row,
                column: 1 + field.labelWidth + field.width + 1, style: theme.text)
        }
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
        } else if let quoteProblem {
            grid.put(context.text(quoteProblem), row: row, column: left, style: theme.error, maxWidth: width)
            row += 1
        } else {
            grid.put(
                context.t("（輸入客戶與品項後即時計價）", "(priced as you type)"), row: row, column: left, style: theme.dim,
                maxWidth: width)
            row += 1
        }
        if let calendarRefusal {
            // Said whole, over as many lines as it takes: it tells what to choose instead.
            for part in LineWrap.lines("✗ " + context.text(calendarRefusal), width: width) {
                grid.put(part, row: row, column: left, style: theme.error, maxWidth: width)
                row += 1
            }
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
            if approved {
                grid.put(context.t("✓ 信用核准", "✓ Credit approved"), row: row, column: left, style: theme.success)
                row += 1
            } else if credit.holds.isEmpty, let total = quote?.total {
                // Holds are listed below; a refusal by the limit says by how much.
                for part in LineWrap.lines("✗ " + context.text(Self.creditProblem(credit, total: total)), width: width)
                {
                    grid.put(part, row: row, column: left, style: theme.error, maxWidth: width)
                    row += 1
                }
            } else {
                grid.put(context.t("✗ 信用凍結中", "✗ Credit on hold"), row: row, column: left, style: theme.error)
                row += 1
            }
        }
        for hold in credit.holds.prefix(2) {
            for part in LineWrap.lines("⚠ " + (context.language == .chinese ? hold.zh : hold.en), width: width) {
                grid.put(part, row: row, column: left, style: theme.warning, maxWidth: width)
                row += 1
            }
        }
    }

}
