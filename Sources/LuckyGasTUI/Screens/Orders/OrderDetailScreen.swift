import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// One order: customer, address, slot, status, lines and totals, who placed, overrode or
/// cancelled it. F8 cancels it (reason; supervisor past the window).
struct OrderDetailScreen: Screen {
    let number: OrderNumber
    private var order: OrderRecord?
    private var cancellation = OrderCancellation()

    init(number: OrderNumber) { self.number = number }

    var title: OperatorMessage { OperatorMessage(zh: "訂單 \(number)", en: "Order \(number)") }
    var functionKeys: [Int: OperatorMessage] { [6: tr("送達開票", "Deliver"), 8: tr("取消訂單", "Cancel order")] }
    var help: [KeyHelp] {
        [
            KeyHelp(
                keys: "F6", meaning: tr("全數送達並開立發票（門市現場銷售）", "delivered in full: issue the invoice (walk-in sale)")),
            KeyHelp(keys: "F8", meaning: tr("取消此訂單（需原因）", "cancel this order (reason required)")),
            KeyHelp(keys: "Esc", meaning: tr("返回清單", "back to the list")),
        ]
    }

    mutating func refresh(context: AppContext) {
        do {
            order = try context.database.order(number)
        } catch {
            context.fail(error)
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(.changed)
        case .function(8):
            guard context.may(.cancelOrders) else { return context.denied(.cancelOrders) }
            return cancellation.begin(number, context: context)
        case .function(6):
            guard context.may(.dispatch) || context.may(.placeOrders) else { return context.denied(.dispatch) }
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
                        zh: "已送達，發票 \(receipt.invoice.printed) 金額 \(receipt.total.grouped)",
                        en: "Delivered; invoice \(receipt.invoice.printed) total \(receipt.total.grouped)"), .success)
                refresh(context: context)
            } catch {
                context.fail(error)
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
        } else {
            line(context.t("取消期限", "Cancel by"), order.cancellationDeadline.short)
        }
        row += 1
        grid.put(context.t("品項", "Item"), row: row, column: 2, style: theme.heading)
        grid.put(context.t("數量", "Qty"), row: row, column: 34, style: theme.heading)
        grid.put(context.t("單價", "Price"), row: row, column: 42, style: theme.heading)
        grid.put(context.t("金額", "Amount"), row: row, column: 54, style: theme.heading)
        row += 1
        let quote = order.quote
        for item in quote.lines {
            grid.put("\(item.product) \(item.name)", row: row, column: 2, style: theme.text, maxWidth: 30)
            grid.put(DisplayWidth.rightAligned("\(item.quantity)", width: 5), row: row, column: 33)
            grid.put(DisplayWidth.rightAligned(item.unitPrice.grouped, width: 9), row: row, column: 40)
            grid.put(DisplayWidth.rightAligned(item.gross.grouped, width: 10), row: row, column: 52)
            row += 1
        }
        func total(_ label: String, _ value: String) {
            grid.put(DisplayWidth.rightAligned(label, width: 20), row: row, column: 30, style: theme.dim)
            grid.put(DisplayWidth.rightAligned(value, width: 12), row: row, column: 50)
            row += 1
        }
        if quote.discount > .zero { total(context.t("折扣", "Discount"), "-" + quote.discount.grouped) }
        total(context.t("運費", "Delivery"), quote.deliveryFee.grouped)
        total(context.t("稅額", "Tax"), quote.tax.grouped)
        total(context.t("合計", "Total"), quote.total.description)
    }
}
