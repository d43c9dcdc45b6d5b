import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// One order: customer, address, slot, status, lines and totals, who placed, overrode or
/// cancelled it, and its invoice once delivered. F6 delivers it, F8 cancels it (reason;
/// supervisor past the window); each is offered only when the role and the status allow it.
struct OrderDetailScreen: Screen {
    let number: OrderNumber
    private var order: OrderRecord?
    private var invoice: InvoiceNumber?
    private var cancellation = OrderCancellation()

    init(number: OrderNumber) { self.number = number }

    var title: OperatorMessage { OperatorMessage(zh: "訂單 \(number)", en: "Order \(number)") }
    var functionKeys: [Int: OperatorMessage] {
        [6: tr("送達開票", "Deliver"), 8: tr("取消訂單", "Cancel order")]
    }
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        functionKeys.filter { key, _ in
            guard let action = Self.action(key), let order else { return false }
            return action.allowed(context) && action.applies(to: order.status)
        }
    }

    private static func action(_ key: Int) -> OrderAction? {
        switch key {
        case 6: .deliver
        case 8: .cancel
        default: nil
        }
    }

    mutating func refresh(context: AppContext) {
        do {
            order = try context.database.order(number)
            invoice = try order.flatMap {
                $0.status == .delivered ? try context.database.invoice(forOrder: $0.number) : nil
            }
        } catch {
            context.fail(error)
        }
    }

    /// Whether F6/F8 may go ahead; if not, the status line says why (the role, or the status).
    private func check(_ action: OrderAction, _ context: AppContext) -> Navigation? {
        guard action.allowed(context) else { return context.denied(action.permission) }
        guard let order else { return .stay }
        guard action.applies(to: order.status) else {
            context.say(action.refusal(order.status), .warning)
            return .stay
        }
        return nil
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(.changed)
        case .function(8):
            if let refused = check(.cancel, context) { return refused }
            return cancellation.begin(number, context: context)
        case .function(6):
            if let refused = check(.deliver, context) { return refused }
            return .dialog(
                Dialog(
                    .confirm(defaultYes: false), title: context.t("送達並開立發票", "Deliver and invoice"),
                    lines: [
                        context.t("\(number) 全數送達、空瓶全數回收？", "\(number) delivered in full, every empty returned?")
                    ], hint: context.t("Y 是   N 否", "Y yes   N no")), tag: Self.deliverTag)
        default: return .stay
        }
    }

    static let deliverTag = "order.deliver"

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        if tag == Self.deliverTag {
            guard outcome == .confirmed, let user = context.user else { return .stay }
            do {
                let receipt = try context.database.deliverOrder(number, by: user)
                context.say(
                    OperatorMessage(
                        zh: "已送達，發票 \(receipt.invoice.rawValue) 金額 \(receipt.total.grouped)",
                        en: "Delivered; invoice \(receipt.invoice.rawValue) total \(receipt.total.grouped)"), .success)
                refresh(context: context)
            } catch {
                context.say(OrderAction.deliver.message(for: error), .error)
            }
            return .stay
        }
        guard OrderCancellation.owns(tag) else { return .stay }
        return cancellation.finish(tag: tag, outcome: outcome, context: context).0
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        guard let order else {
            grid.put(
                context.t("找不到訂單 \(number)", "No order \(number)"), row: area.top + 1, column: 2, style: theme.error)
            return
        }
        var row = area.top + 1
        func line(_ label: String, _ value: String, style: CellStyle? = nil) {
            grid.put(DisplayWidth.fit(label, width: 12), row: row, column: 2, style: theme.dim)
            grid.put(value, row: row, column: 14, style: style ?? theme.text, maxWidth: area.columns - 16)
            row += 1
        }
        line(context.t("客戶", "Customer"), "\(order.customer) \(order.customerName)")
        line(context.t("地址", "Address"), order.address)
        line(
            context.t("配送", "Delivery"),
            "\(order.date.iso) \(context.text(Labels.weekday(order.date.weekday))) \(context.text(Labels.slot(order.slot)))"
        )
        let statusStyle = order.status == .cancelled ? theme.error : theme.success
        line(context.t("狀態", "Status"), context.text(Labels.status(order.status)), style: statusStyle)
        line(context.t("建立", "Placed"), "\(order.placedAt.short) \(order.placedBy)")
        if let by = order.creditOverrideBy {
            line(context.t("主管核准", "Override"), "\(by)：\(order.creditOverrideReason ?? "")", style: theme.warning)
        }
        if let at = order.cancelledAt {
            line(
                context.t("取消", "Cancelled"), "\(at.short) \(order.cancelledBy ?? "")：\(order.cancelReason ?? "")",
                style: theme.error)
        } else if OrderAction.cancel.applies(to: order.status) {
            line(context.t("取消期限", "Cancel by"), order.cancellationDeadline.short)
        }
        if order.status == .delivered {
            line(context.t("發票", "Invoice"), invoice?.rawValue ?? context.t("（查無發票）", "(no invoice found)"))
        }
        row += 1
        // Numbers right-aligned, each under a header that ends where its values end.
        let columns: [(title: OperatorMessage, end: Int)] = [
            (tr("數量", "Qty"), 38), (tr("單價", "Price"), 49), (tr("金額", "Amount"), 61),
        ]
        grid.put(context.t("品項", "Item"), row: row, column: 2, style: theme.heading)
        for (title, end) in columns {
            let text = context.text(title)
            grid.put(text, row: row, column: end - DisplayWidth.of(text), style: theme.heading)
        }
        row += 1
        let quote = order.quote
        for item in quote.lines {
            grid.put("\(item.product) \(item.name)", row: row, column: 2, style: theme.text, maxWidth: 30)
            for (value, end) in zip(
                ["\(item.quantity)", item.unitPrice.grouped, item.gross.grouped], columns.map(\.end))
            {
                grid.put(value, row: row, column: end - DisplayWidth.of(value), style: theme.text)
            }
            row += 1
        }
        func total(_ label: String, _ value: String) {
            grid.put(DisplayWidth.rightAligned(label, width: 20), row: row, column: 28, style: theme.dim)
            grid.put(value, row: row, column: 61 - DisplayWidth.of(value), style: theme.text)
            row += 1
        }
        if quote.discount > .zero { total(context.t("折扣", "Discount"), "-" + quote.discount.grouped) }
        total(context.t("運費", "Delivery"), quote.deliveryFee.grouped)
        total(context.t("稅額", "Tax"), quote.tax.grouped)
        total(context.t("合計", "Total"), quote.total.description)
    }
}
